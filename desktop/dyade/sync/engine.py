"""One sync: pair the first time, push the outbox, pull what others wrote.

Pushing inserts sealed changes with ``ON CONFLICT DO NOTHING`` on (clinic,
device, device_seq): a change sent twice (a crash after the hub committed,
before the laptop noted it) is stored once. Pulling serves only rows written
by transactions older than every transaction still running on the hub
(``xid < pg_snapshot_xmin(pg_current_snapshot())``), in (xid, seq) order: a
row whose transaction commits late has a smaller xid than the cursor would
let pass only once it has committed, so it is never skipped.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from dyade.storage import clinic, outbox, repull, sealed
from dyade.storage.records import now
from dyade.storage.transfer import ImportReport
from dyade.sync import hub
from dyade.sync.hub import HubRefused, HubUnreachable
from dyade.sync.status import hub_address

log = logging.getLogger(__name__)
PULL_PAGE = 40  # changes per local transaction while pulling (20,000 records at most)
PUSH_CHUNK = 50  # sealed changes per hub transaction while pushing


@dataclass
class SyncReport:
    """What one sync moved, for the command line and the status line."""

    device: str
    pushed: int = 0  # changes the hub did not have yet
    pushed_records: int = 0
    pulled: int = 0  # other devices' changes applied here
    rechecked: int = 0  # changes read again once (migration 6): an older pull may have skipped them
    merged: ImportReport = field(default_factory=lambda: ImportReport("hub"))

    @property
    def conflicts(self) -> list[tuple[str, str, str]]:
        return self.merged.conflicts


@dataclass(frozen=True)
class Link:
    """This laptop on the hub: its device, its clinic and the clinic key."""

    conn: Any
    device: str
    clinic: str
    key: bytes

    def place(self, device: str, device_seq: int) -> bytes:
        """What a sealed payload is bound to: moved elsewhere on the hub, it fails its check."""
        return f"dyade-sync:{self.clinic}:{device}:{device_seq}".encode()


def paired(db: sqlite_utils.Database) -> bool:
    return outbox.get_state(db, "hub") is not None


def _lost(exc: Exception) -> HubUnreachable:
    return HubUnreachable(
        f"the connection to the hub was lost ({exc}); nothing is lost, sync again later",
        fr=f"la connexion au hub a été perdue ({exc})\u00a0; rien n’est perdu, synchronisez "
        "plus tard",
    )


def _my_device(conn: Any) -> tuple[str, str | None]:
    row = conn.execute("SELECT name, clinic::text FROM dyade_hub.my_device()").fetchone()
    if row is None or row[0] is None:
        raise HubRefused(
            "the hub no longer accepts this device (it was revoked); ask the clinic's "
            "administrator to enrol it again",
            fr="le hub n’accepte plus cet appareil (il a été révoqué)\u00a0; demandez à "
            "l’administrateur de la clinique de l’inscrire à nouveau",
        )
    return row[0], row[1]


def _clinic_key(conn: Any, clinic_uuid: str, passphrase: str) -> bytes:
    salt, log2_n, check = conn.execute(
        "SELECT salt, log2_n, key_check FROM dyade_hub.clinics WHERE clinic = %s", [clinic_uuid]
    ).fetchone()
    key, expected = _derive(conn, passphrase, bytes(salt), log2_n)
    if not secrets.compare_digest(expected, bytes(check)):
        raise _wrong_passphrase()
    return key


def _derive(conn: Any, passphrase: str, salt: bytes, log2_n: int) -> tuple[bytes, bytes]:
    """The clinic key from the hub's salt and cost, refusing any cost Dyade does not
    write: the hub is read before the passphrase is checked, so an altered or hostile
    one could otherwise make this laptop spend gigabytes of memory and minutes."""
    if not sealed.accepted(log2_n, sealed.SCRYPT_R, sealed.SCRYPT_P):
        where, ours = hub_address(conn.info.dsn), sealed.SCRYPT_LOG2_N
        raise HubRefused(
            f"the hub {where} asks for clinic key settings Dyade does not use: scrypt "
            f"N=2^{log2_n} instead of N=2^{ours}. The hub was altered or damaged; no key was "
            "derived and nothing was written on this laptop: ask the hub's administrator to "
            "check it",
            fr=f"le hub {where} demande des réglages de clé de clinique que Dyade n’utilise "
            f"pas\u00a0: scrypt N=2^{log2_n} au lieu de N=2^{ours}. Le hub a été modifié ou "
            "endommagé\u00a0; aucune clé n’a été dérivée et rien n’a été écrit sur cet "
            "ordinateur\u00a0: demandez à l’administrateur du hub de le vérifier",
        )
    return sealed.clinic_key(passphrase, salt, log2_n)


def _bind(conn: Any, local_clinic: str, passphrase: str, fresh: bool) -> str:
    """The clinic this device belongs to on the hub, claimed if it has none: ours,
    or, for a laptop with no patient yet, the hub's only clinic. Joining a clinic
    that exists proves the passphrase to the hub (its key check), creating one
    sets it."""
    import psycopg

    _device, bound = _my_device(conn)
    if bound is not None:
        return bound
    existing = conn.execute(
        "SELECT clinic::text, salt, log2_n FROM dyade_hub.clinic_to_join(%s, %s)",
        [local_clinic, fresh],
    ).fetchone()
    wanted, salt, log2_n = existing or (local_clinic, secrets.token_bytes(16), None)
    log2_n = sealed.SCRYPT_LOG2_N if log2_n is None else log2_n
    _key, check = _derive(conn, passphrase, bytes(salt), log2_n)
    try:
        return conn.execute(
            "SELECT dyade_hub.claim_clinic(%s, %s, %s::smallint, %s, %s)::text",
            [wanted, bytes(salt), log2_n, check, fresh],
        ).fetchone()[0]
    except psycopg.errors.InvalidPassword:
        raise _wrong_passphrase() from None


def _wrong_passphrase() -> HubRefused:
    return HubRefused(
        "the passphrase does not open this clinic's records on the hub: use the "
        "clinic's passphrase",
        fr="la phrase secrète n’ouvre pas les enregistrements de cette clinique sur le "
        "hub\u00a0: utilisez la phrase secrète de la clinique",
    )


def pair(db: sqlite_utils.Database, conninfo: str, passphrase: str) -> None:
    """Link this database to the hub as the enrolled device; the first laptop of a
    clinic creates it there, a new one (no patient yet) joins the hub's clinic."""
    with hub.connect(conninfo) as conn:
        device, _bound = _my_device(conn)
        local = clinic.clinic_id(db)
        theirs = _bind(conn, local, passphrase, clinic.may_join(db))
        key = _clinic_key(conn, theirs, passphrase)
    with db.atomic():
        if theirs != local:
            if not clinic.may_join(db):
                raise HubRefused(
                    f"this device is enrolled for clinic {theirs} on the hub, but this database "
                    f"already holds clinic {local}'s patients; enrol it for that clinic instead",
                    fr=f"cet appareil est inscrit pour la clinique {theirs} sur le hub, mais "
                    f"cette base contient déjà les patients de la clinique {local}\u00a0; "
                    "inscrivez-le plutôt pour cette clinique",
                )
            clinic.join(db, theirs)
        for name, value in (
            ("hub", conninfo),
            ("device", device),
            ("clinic", theirs),
            ("key", key.hex()),
            ("cursor", ["0", 0]),
        ):
            outbox.set_state(db, name, value)
        outbox.start_recording(db)


def _link(db: sqlite_utils.Database, conninfo: str | None) -> Link:
    stored = outbox.get_state(db, "hub")
    conn = hub.connect(conninfo or stored)
    try:
        device, bound = _my_device(conn)
    except BaseException:
        conn.close()
        raise
    if conninfo and conninfo != stored:
        with db.atomic():
            outbox.set_state(db, "hub", conninfo)  # a new password or address
    key = bytes.fromhex(outbox.get_state(db, "key"))
    if (
        bound is None
        or bound != outbox.get_state(db, "clinic")
        or device != outbox.get_state(db, "device")
    ):
        conn.close()
        raise HubRefused(
            f"the hub knows this connection as device {device} of clinic {bound}, not this "
            "database's; use the connection string enrolled for this laptop",
            fr=f"le hub connaît cette connexion comme l’appareil {device} de la clinique "
            f"{bound}, pas celle de cette base\u00a0; utilisez la chaîne inscrite pour cet "
            "ordinateur",
        )
    return Link(conn, device, str(bound), key)


def sync(
    db: sqlite_utils.Database, conninfo: str | None = None, *, passphrase: str | None = None
) -> SyncReport:
    """Pair if needed, push, pull. Raises HubUnreachable (noted for the status line:
    nothing is lost) or HubRefused."""
    import psycopg

    try:
        if not paired(db):
            if not conninfo or not passphrase:
                raise HubRefused(
                    "this database is not linked to a hub yet: give the hub's connection string",
                    fr="cette base n’est pas encore reliée à un hub\u00a0: donnez la chaîne de "
                    "connexion du hub",
                )
            pair(db, conninfo, passphrase)
        link = _link(db, conninfo)
        with link.conn:
            report = SyncReport(link.device)
            _catch_up(db, link)
            _push(db, link, report)
            _pull(db, link, report)
    except HubUnreachable as exc:
        _note_offline(db, str(exc))
        raise
    except psycopg.OperationalError as exc:
        _note_offline(db, str(exc))
        raise _lost(exc) from None
    with db.atomic():
        outbox.set_state(db, "last_sync_at", now())
        outbox.set_state(db, "offline_since", None)
    _after_pull(db, report)
    return report


def _note_offline(db: sqlite_utils.Database, reason: str) -> None:
    if not paired(db):
        return
    with db.atomic():
        if outbox.get_state(db, "offline_since") is None:
            outbox.set_state(db, "offline_since", now())
        outbox.set_state(db, "last_error", reason)


def _push(db: sqlite_utils.Database, link: Link, report: SyncReport) -> None:
    """Seal and send in chunks (one hub transaction each), so a first push of a whole
    clinic never holds it all in memory, and what was sent before a failure stays sent."""

    def seal(seq: int, data: bytes) -> bytes:
        return sealed.seal_record(link.key, data, link.place(link.device, seq))

    while True:
        outbox.seal_outbox(db, seal, limit=PUSH_CHUNK)
        batch = db.execute(
            "SELECT device_seq, payload, records FROM sync_pending ORDER BY 1 LIMIT ?",
            [PUSH_CHUNK],
        ).fetchall()
        if not batch:
            return
        with link.conn.transaction(), link.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO dyade_hub.changes (clinic, device, device_seq, payload) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (clinic, device, device_seq) DO NOTHING",
                [(link.clinic, link.device, seq, payload) for seq, payload, _n in batch],
            )
            report.pushed += max(cur.rowcount, 0)
        report.pushed_records += sum(n for _s, _p, n in batch)
        outbox.forget_pushed(db, link.device, batch[0][0], batch[-1][0])


def _catch_up(db: sqlite_utils.Database, link: Link) -> None:
    """A database restored from a backup (or copied) is behind the hub on its own
    device's numbers: the hub holds a change numbered beyond any this database
    issued. What waits here gets fresh numbers instead of being taken for changes
    the hub already has, and its own later changes come back with the pull."""
    hub_max = link.conn.execute(
        "SELECT coalesce(max(device_seq), 0) FROM dyade_hub.changes "
        "WHERE clinic = %s AND device = %s",
        [link.clinic, link.device],
    ).fetchone()[0]
    if outbox.get_state(db, "next_seq", 1) > hub_max:
        return

    def reseal(old: int, new: int, payload: bytes) -> bytes:
        plain = sealed.open_record(link.key, payload, link.place(link.device, old))
        if plain is None:
            raise HubRefused(f"change {old} waiting on this laptop fails its own check")
        return sealed.seal_record(link.key, plain, link.place(link.device, new))

    moved = outbox.renumber_pending(db, hub_max + 1, reseal)
    log.warning("database behind the hub on its own changes: %d waiting renumbered", moved)


# ORDER BY names the table's columns: a bare "xid" would be the output's text, and
# "1000" < "999" served a device's later change first, so its earlier one was skipped.
_PULL = """
SELECT xid::text, seq, device, device_seq, payload FROM dyade_hub.changes
WHERE clinic = %s AND (xid, seq) > (%s::xid8, %s)
  AND xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY changes.xid, changes.seq LIMIT %s
"""


_LOG_ENDS = """
SELECT (SELECT min(xid)::text FROM dyade_hub.changes WHERE clinic = %s), xid::text, seq
FROM dyade_hub.changes WHERE clinic = %s ORDER BY changes.xid DESC, changes.seq DESC LIMIT 1
"""


def _pull(db: sqlite_utils.Database, link: Link, report: SyncReport) -> None:
    again = repull.state(db)  # the log read again once (migration 6)
    if again is not None and "upto" not in again:
        ends = link.conn.execute(_LOG_ENDS, [link.clinic, link.clinic]).fetchone()
        first, end = (ends[0], (ends[1], ends[2])) if ends else (None, None)
        again = repull.begin(db, first, end)
    while True:
        xid, seq = outbox.get_state(db, "cursor")
        rows = link.conn.execute(_PULL, [link.clinic, xid, seq, PULL_PAGE]).fetchall()
        if not rows:
            return
        cursor = (rows[-1][0], rows[-1][1])
        mine = outbox.seen(db, link.device)  # own changes come back only to a restored copy
        changes = [_open(link, *row[2:]) for row in rows if row[2] != link.device or row[3] > mine]
        with db.atomic():
            if again is None:
                outbox.apply_changes(db, changes, f"hub, {len(changes)} changes", report.merged)
                report.pulled += len(changes)
            else:
                careful, usual = repull.apply_page(db, changes, again, report.merged)
                report.rechecked, report.pulled = report.rechecked + careful, report.pulled + usual
            outbox.set_state(db, "cursor", list(cursor))
            if again is not None and repull.reached(again, cursor):
                repull.finish(db, report.merged)
                again = None
        if len(rows) < PULL_PAGE:
            return


def _open(link: Link, device: str, device_seq: int, payload: bytes) -> tuple[str, int, list]:
    plain = sealed.open_record(link.key, bytes(payload), link.place(device, device_seq))
    if plain is None:
        raise HubRefused(
            f"change {device_seq} of device {device} on the hub fails its check (it was "
            "altered, or sealed with another key); nothing of it was applied",
            fr=f"le changement {device_seq} de l’appareil {device} sur le hub échoue à sa "
            "vérification (modifié, ou scellé avec une autre clé)\u00a0; rien n’en a été "
            "appliqué",
        )
    return device, device_seq, outbox.decode(plain)


def _after_pull(db: sqlite_utils.Database, report: SyncReport) -> None:
    """What a pulled response completes here goes through the same completion as an
    answer given here: the visit closes once both sides are in, and is analysed with
    this clinic's forms and thresholds. Recorded as this laptop's own changes."""
    with db.atomic():
        db.execute(
            "UPDATE visits SET status = 'complete' WHERE status = 'open' "
            "AND EXISTS (SELECT 1 FROM responses r WHERE r.visit_uuid = visits.uuid) "
            "AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.visit_uuid = visits.uuid "
            "AND r.status != 'complete')"
        )
    completed = [  # a visit analysed where it was completed brings its result along
        response
        for response in dict.fromkeys(report.merged.completed)
        if db.execute(
            "SELECT 1 FROM responses r JOIN visit_results v ON v.visit_uuid = r.visit_uuid "
            "WHERE r.uuid = ?",
            [response],
        ).fetchone()
        is None
    ]
    if not completed:
        return
    from dyade.clinic import clinic_library
    from dyade.completion import complete_response

    library = clinic_library(db)
    for response in completed:
        try:
            complete_response(db, library, response)
        except Exception:  # the sync itself succeeded; the dashboard analyses it later
            log.exception("response %s received but not analysed", response)
