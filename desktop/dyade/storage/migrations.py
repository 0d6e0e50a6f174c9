"""Versioned schema migrations: numbered functions, each run once in a transaction.

A migration is registered with ``@SCHEMA.migration(version, "what it does")``.
``SCHEMA.apply(db)`` runs the missing ones in order, each together with its row
in ``_migrations`` inside one transaction, so a failure leaves the database at
the previous version and re-running is always safe. Never edit a released
migration: add the next number. The tables themselves are written as SQL so
that CHECK constraints and partial indexes are visible in one place.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from dyade.errors import DyadeError

MigrationFn = Callable[[sqlite_utils.Database], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    fn: MigrationFn


class Migrations:
    """An ordered set of migrations recorded in the ``_migrations`` table."""

    table = "_migrations"

    def __init__(self) -> None:
        self._by_version: dict[int, Migration] = {}

    def migration(self, version: int, name: str) -> Callable[[MigrationFn], MigrationFn]:
        def register(fn: MigrationFn) -> MigrationFn:
            if version in self._by_version or version < 1:
                raise ValueError(f"migration version {version} is taken or invalid")
            self._by_version[version] = Migration(version, name, fn)
            return fn

        return register

    @property
    def latest(self) -> int:
        return max(self._by_version, default=0)

    @property
    def migrations(self) -> list[Migration]:
        return [self._by_version[v] for v in sorted(self._by_version)]

    def current(self, db: sqlite_utils.Database) -> int:
        """The schema version of ``db`` (0 for an empty database)."""
        if not db[self.table].exists():
            return 0
        row = db.execute(f"SELECT max(version) FROM {self.table}").fetchone()
        return row[0] or 0

    def apply(self, db: sqlite_utils.Database, target: int | None = None) -> list[int]:
        """Bring ``db`` up to ``target`` (default: latest); return the versions applied."""
        current = self.current(db)
        if current > self.latest:
            raise DyadeError(
                f"this database uses schema version {current}, made by a newer Dyade than "
                f"this one (which knows up to {self.latest}); update Dyade to open it",
                fr=f"cette base utilise la version {current} du schéma, créée par un Dyade plus "
                f"récent que celui-ci (qui connaît jusqu’à la version {self.latest})\u00a0; "
                "mettez Dyade à jour pour l’ouvrir",
            )
        goal = self.latest if target is None else target
        applied = []
        for step in self.migrations:
            if current < step.version <= goal:
                self._run(db, step)
                applied.append(step.version)
        return applied

    def _run(self, db: sqlite_utils.Database, step: Migration) -> None:
        with db.atomic():
            db.execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            if self.current(db) >= step.version:  # applied meanwhile: nothing to do
                return
            step.fn(db)
            db.table(self.table).insert(
                {
                    "version": step.version,
                    "name": step.name,
                    "applied_at": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )


SCHEMA = Migrations()

_V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL                               -- JSON
) WITHOUT ROWID;

CREATE TABLE users (
    uuid TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('physician', 'receptionist', 'admin')),
    language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    password_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,       -- local to this laptop
    locked_until TEXT,                                -- local to this laptop
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE TABLE patients (
    uuid TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT,
    birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1880 AND 2200),
    language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    created_at TEXT NOT NULL
);

CREATE TABLE dyads (
    uuid TEXT PRIMARY KEY,
    patient_uuid TEXT NOT NULL REFERENCES patients(uuid),
    physician_uuid TEXT NOT NULL REFERENCES users(uuid),
    created_at TEXT NOT NULL,
    UNIQUE (patient_uuid, physician_uuid)
);
CREATE INDEX dyads_physician ON dyads(physician_uuid);

CREATE TABLE dyad_access (
    dyad_uuid TEXT NOT NULL REFERENCES dyads(uuid),
    user_uuid TEXT NOT NULL REFERENCES users(uuid),
    granted_at TEXT NOT NULL,
    PRIMARY KEY (dyad_uuid, user_uuid)
) WITHOUT ROWID;
CREATE INDEX dyad_access_user ON dyad_access(user_uuid);

CREATE TABLE visits (
    uuid TEXT PRIMARY KEY,
    dyad_uuid TEXT NOT NULL REFERENCES dyads(uuid),
    date TEXT NOT NULL,                               -- YYYY-MM-DD
    code TEXT NOT NULL,                               -- read aloud at the kiosk
    kind TEXT NOT NULL CHECK (kind IN ('full', 'brief')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'complete', 'cancelled')),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX visits_open_code ON visits(code) WHERE status = 'open';
CREATE INDEX visits_dyad_date ON visits(dyad_uuid, date, created_at, uuid);
CREATE INDEX visits_date ON visits(date);

CREATE TABLE responses (
    uuid TEXT PRIMARY KEY,
    visit_uuid TEXT NOT NULL REFERENCES visits(uuid),
    respondent TEXT NOT NULL CHECK (respondent IN ('patient', 'physician')),
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'in_progress', 'complete')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT,
    UNIQUE (visit_uuid, respondent, form_id)
);
CREATE INDEX responses_open ON responses(status, visit_uuid) WHERE status != 'complete';
CREATE INDEX responses_completed ON responses(completed_at);

CREATE TABLE answers (
    response_uuid TEXT NOT NULL REFERENCES responses(uuid),
    item_id TEXT NOT NULL,
    value TEXT,                                       -- JSON; null = skipped
    answered_at TEXT NOT NULL,
    PRIMARY KEY (response_uuid, item_id)
) WITHOUT ROWID;

CREATE TABLE visit_results (
    visit_uuid TEXT PRIMARY KEY REFERENCES visits(uuid),
    computed_at TEXT NOT NULL,
    attention INTEGER NOT NULL DEFAULT 0,             -- 0 = nothing to look at
    summary TEXT NOT NULL                             -- JSON: scores and flags
);

CREATE TABLE audit (
    uuid TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_uuid TEXT,                                   -- null: the command line or the kiosk
    action TEXT NOT NULL,
    target TEXT,
    details TEXT                                      -- JSON
);
CREATE INDEX audit_at ON audit(at);

CREATE TABLE conflicts (
    uuid TEXT PRIMARY KEY,
    found_at TEXT NOT NULL,
    source TEXT NOT NULL,                             -- transfer file and laptop it came from
    table_name TEXT NOT NULL,
    record_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    incoming TEXT NOT NULL,                           -- JSON of the record kept aside
    resolved_at TEXT
);
CREATE INDEX conflicts_open ON conflicts(table_name, record_key) WHERE resolved_at IS NULL;
"""


@SCHEMA.migration(1, "clinic data: users, patients, dyads, visits, responses, answers, audit")
def _v1_initial(db: sqlite_utils.Database) -> None:
    for statement in _V1.split(";\n"):
        if statement.strip():
            db.execute(statement)


# Version 2: the attention list at scale. Each analysed visit's rank with its
# dyad and dates, in a narrow table whose index answers "latest analysed visit
# of this dyad" without reading visit_results, whose rows carry ~9 KB summaries.
# Triggers keep it right whoever writes (storage, transfers, bulk inserts).
_V2 = (
    "DROP INDEX IF EXISTS visit_results_attention",  # a draft of v1 had it; never used
    "DROP INDEX IF EXISTS visits_dyad_date",  # early v1 files lack its uuid column
    "CREATE INDEX visits_dyad_date ON visits(dyad_uuid, date, created_at, uuid)",
    """CREATE TABLE visit_ranks (
    visit_uuid TEXT PRIMARY KEY,                      -- a visit_results row
    dyad_uuid TEXT NOT NULL,
    visit_date TEXT NOT NULL,
    visit_created_at TEXT NOT NULL,
    attention INTEGER NOT NULL
) WITHOUT ROWID""",
    "CREATE INDEX visit_ranks_latest ON visit_ranks(dyad_uuid, visit_date, visit_created_at, "
    "attention)",
    "INSERT INTO visit_ranks SELECT r.visit_uuid, v.dyad_uuid, v.date, v.created_at, r.attention "
    "FROM visit_results r JOIN visits v ON v.uuid = r.visit_uuid",
    """CREATE TRIGGER visit_ranks_on_insert AFTER INSERT ON visit_results BEGIN
    INSERT OR REPLACE INTO visit_ranks
    SELECT NEW.visit_uuid, v.dyad_uuid, v.date, v.created_at, NEW.attention
    FROM visits v WHERE v.uuid = NEW.visit_uuid;
END""",
    """CREATE TRIGGER visit_ranks_on_update AFTER UPDATE OF visit_uuid, attention
ON visit_results BEGIN
    DELETE FROM visit_ranks WHERE visit_uuid = OLD.visit_uuid;
    INSERT INTO visit_ranks
    SELECT NEW.visit_uuid, v.dyad_uuid, v.date, v.created_at, NEW.attention
    FROM visits v WHERE v.uuid = NEW.visit_uuid;
END""",
    """CREATE TRIGGER visit_ranks_on_delete AFTER DELETE ON visit_results BEGIN
    DELETE FROM visit_ranks WHERE visit_uuid = OLD.visit_uuid;
END""",
    """CREATE TRIGGER visit_ranks_on_visit AFTER UPDATE OF dyad_uuid, date, created_at
ON visits BEGIN
    UPDATE visit_ranks SET dyad_uuid = NEW.dyad_uuid, visit_date = NEW.date,
        visit_created_at = NEW.created_at
    WHERE visit_uuid = NEW.uuid;
END""",
)


@SCHEMA.migration(2, "attention list at scale: visit_ranks, kept by triggers")
def _v2_visit_ranks(db: sqlite_utils.Database) -> None:
    for statement in _V2:
        db.execute(statement)


# Version 3: who the data belongs to and how access travels. One clinic
# identity per database (carried by its backups and adopted by its laptops);
# accounts and shares carry a version (a counter and the laptop that wrote it)
# so transfers merge them last-writer-wins, and a revoked share stays as a
# tombstone that wins over an older grant. Sign-in failures are no longer kept
# per account (a device-wide wait in memory replaces them): old locks are lifted.
_V3 = (
    """CREATE TABLE clinic (
    id INTEGER PRIMARY KEY CHECK (id = 1),            -- one row
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    "ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE users ADD COLUMN version_device TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE dyad_access ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE dyad_access ADD COLUMN version_device TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE dyad_access ADD COLUMN revoked_at TEXT",  # set: a tombstone
    "UPDATE users SET failed_attempts = 0, locked_until = NULL",
)


@SCHEMA.migration(3, "clinic identity; versioned accounts and shares")
def _v3_clinic_identity(db: sqlite_utils.Database) -> None:
    from dyade.storage.clinic import identity_for_upgrade

    for statement in _V3:
        db.execute(statement)
    db.execute(
        "INSERT INTO clinic (id, clinic_id, created_at) VALUES (1, ?, ?)",
        [identity_for_upgrade(db), datetime.now(UTC).isoformat(timespec="milliseconds")],
    )


# Version 4: sync through a hub (docs/SYNC.md). The outbox is filled by triggers
# in the same transaction as each change, whoever writes; while a pull applies
# other devices' changes, ``sync_flags.recording`` is 0 inside that transaction,
# so they never go back out. A laptop that never paired records nothing.
# Travelling tables and their keys: the same as transfer files.
_SYNCED = (
    ("users", ("uuid",)),
    ("patients", ("uuid",)),
    ("dyads", ("uuid",)),
    ("dyad_access", ("dyad_uuid", "user_uuid")),
    ("visits", ("uuid",)),
    ("responses", ("uuid",)),
    ("answers", ("response_uuid", "item_id")),
    ("visit_results", ("visit_uuid",)),
    ("audit", ("uuid",)),
)
_V4 = (
    "CREATE TABLE sync_flags (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "recording INTEGER NOT NULL CHECK (recording IN (0, 1)))",
    "INSERT INTO sync_flags VALUES (1, 0)",
    """CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,            -- first change of the record: parents first
    table_name TEXT NOT NULL,
    record_key TEXT NOT NULL,                         -- JSON array of the key's values
    UNIQUE (table_name, record_key)
)""",
    """CREATE TABLE sync_pending (
    device_seq INTEGER PRIMARY KEY,                   -- sealed, not yet confirmed by the hub
    payload BLOB NOT NULL,
    records INTEGER NOT NULL
)""",
    "CREATE TABLE sync_seen (device TEXT PRIMARY KEY, device_seq INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)


def _outbox_trigger(table: str, keys: tuple[str, ...], event: str) -> str:
    key = f"json_array({', '.join(f'NEW.{k}' for k in keys)})"
    return f"""CREATE TRIGGER outbox_{table}_{event.lower()} AFTER {event} ON {table}
WHEN (SELECT recording FROM sync_flags WHERE id = 1) BEGIN
    INSERT INTO outbox (table_name, record_key) SELECT '{table}', {key}
    WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE table_name = '{table}' AND record_key = {key});
END"""


@SCHEMA.migration(4, "sync: outbox kept by triggers, sync state")
def _v4_outbox(db: sqlite_utils.Database) -> None:
    for statement in _V4:
        db.execute(statement)
    for table, keys in _SYNCED:
        for event in ("INSERT", "UPDATE"):
            db.execute(_outbox_trigger(table, keys, event))


# Version 5: incremental transfer files (docs/SYNC.md, "USB fallback"). Every change
# to a travelling record, whoever writes it (this laptop, an import, a pull), moves
# the record to the end of ``transfer_log``; a transfer file for a target carries
# the records logged since the last file written for it (``transfer_targets``).
# ``transfer_received`` remembers how far each other laptop's log has arrived here,
# so a file whose earlier part is missing is refused instead of merged with a gap.
_V5 = (
    """CREATE TABLE transfer_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,            -- the record's latest change
    table_name TEXT NOT NULL,
    record_key TEXT NOT NULL,                         -- JSON array of the key's values
    UNIQUE (table_name, record_key)
)""",
    """CREATE TABLE transfer_targets (
    target TEXT PRIMARY KEY,                          -- where files go: a folder, a name
    upto INTEGER NOT NULL,                            -- transfer_log.seq the last file holds
    written_at TEXT NOT NULL
) WITHOUT ROWID""",
    """CREATE TABLE transfer_received (
    source TEXT PRIMARY KEY,                          -- another laptop's uuid
    upto INTEGER NOT NULL                             -- its transfer_log.seq merged here
) WITHOUT ROWID""",
)


def _transfer_log_trigger(table: str, keys: tuple[str, ...], event: str) -> str:
    key = f"json_array({', '.join(f'NEW.{k}' for k in keys)})"
    return f"""CREATE TRIGGER transfer_log_{table}_{event.lower()} AFTER {event} ON {table}
BEGIN
    DELETE FROM transfer_log WHERE table_name = '{table}' AND record_key = {key};
    INSERT INTO transfer_log (table_name, record_key) VALUES ('{table}', {key});
END"""


@SCHEMA.migration(5, "incremental transfer files: change log and per-target watermark")
def _v5_transfer_log(db: sqlite_utils.Database) -> None:
    for statement in _V5:
        db.execute(statement)
    for table, keys in _SYNCED:
        for event in ("INSERT", "UPDATE"):
            db.execute(_transfer_log_trigger(table, keys, event))


# Version 6: a pull before this version sorted the hub's transaction numbers as text
# ("1000" before "999"), so a laptop could skip another device's change for good
# (docs/SYNC.md, "Changes an older pull skipped"). A linked laptop reads the hub's
# log once more from its start (``storage/repull.py``): the marks it had reached tell
# which changes may have been applied already; ``sync_doubts`` holds, until the end of
# that reading, the versions that would clash with what is here now.
_V6 = """CREATE TABLE sync_doubts (
    table_name TEXT NOT NULL,
    record_key TEXT NOT NULL,                         -- JSON array of the key's values
    device TEXT NOT NULL,                             -- the device that wrote this version
    incoming TEXT NOT NULL,                           -- JSON of the record that arrived
    PRIMARY KEY (table_name, record_key, device)
)"""


@SCHEMA.migration(6, "sync: read the hub's log again once, for changes an older pull skipped")
def _v6_repull(db: sqlite_utils.Database) -> None:
    from dyade.storage.records import to_json

    db.execute(_V6)
    # every conflict, decided or not, found by its record: each version read again asks
    db.execute("CREATE INDEX conflicts_record ON conflicts(table_name, record_key)")
    if db.execute("SELECT 1 FROM sync_state WHERE key = 'hub'").fetchone() is None:
        return  # never linked to a hub: nothing was pulled, nothing to read again
    marks = dict(db.execute("SELECT device, device_seq FROM sync_seen").fetchall())
    cursor = db.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    was = json.loads(cursor[0]) if cursor else ["0", 0]
    db.execute(
        "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('repull', ?), ('cursor', ?)",
        [to_json({"marks": marks, "cursor": was}), to_json(["0", 0])],
    )
