"""What merges kept aside (transfer files, sync), and an administrator's decision on each.

A conflict holds the record that arrived (``incoming``) beside what this laptop
has under the same key (or the record it clashed with on a unique code). The
decision is this laptop's own change: keeping ours only closes the conflict;
taking theirs writes the incoming record here, in the same transaction, and
from there it travels like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlcipher3
import sqlite_utils

from dyade.storage import audit
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.records import from_json, now
from dyade.storage.transfer import TABLES, _columns


@dataclass(frozen=True)
class Conflict:
    uuid: str
    found_at: str
    source: str  # the transfer file or the hub, and where it came from
    table: str
    key: list[Any]
    reason: str
    incoming: dict[str, Any]
    local: dict[str, Any] | None  # this laptop's record under the same key, if any


def _local(db: sqlite_utils.Database, table: str, key: list[Any]) -> dict[str, Any] | None:
    if table not in TABLES:
        return None
    columns = _columns(db, table)
    where = " AND ".join(f"{k} = ?" for k in TABLES[table])
    row = db.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", key).fetchone()
    return None if row is None else dict(zip(columns, row, strict=True))


def open_conflicts(db: sqlite_utils.Database) -> list[Conflict]:
    """Conflicts not resolved yet, oldest first."""
    rows = db.execute(
        "SELECT uuid, found_at, source, table_name, record_key, reason, incoming "
        "FROM conflicts WHERE resolved_at IS NULL ORDER BY found_at, uuid"
    ).fetchall()
    out = []
    for uuid, found_at, source, table, key, reason, incoming in rows:
        key_values = from_json(key)
        local = _local(db, table, key_values)
        out.append(
            Conflict(uuid, found_at, source, table, key_values, reason, from_json(incoming), local)
        )
    return out


def resolve(
    db: sqlite_utils.Database, conflict_uuid: str, *, take_incoming: bool, by: str | None = None
) -> None:
    """Close a conflict: keep this laptop's record, or take the one that arrived."""
    with db.atomic():
        row = db.execute(
            "SELECT table_name, record_key, incoming FROM conflicts "
            "WHERE uuid = ? AND resolved_at IS NULL",
            [conflict_uuid],
        ).fetchone()
        if row is None:
            raise NotFound(
                f"no open conflict {conflict_uuid}",
                fr=f"aucun conflit ouvert {conflict_uuid}",
            )
        table, key, incoming = row[0], from_json(row[1]), from_json(row[2])
        if take_incoming:
            _write(db, table, key, incoming)
        db.execute("UPDATE conflicts SET resolved_at = ? WHERE uuid = ?", [now(), conflict_uuid])
        kept = "incoming" if take_incoming else "local"
        details = {"resolved": table, "kept": kept}
        audit.record(db, "changed", f"conflict:{conflict_uuid}", user_uuid=by, details=details)


def _write(db: sqlite_utils.Database, table: str, key: list[Any], record: dict[str, Any]) -> None:
    """The incoming record in place of ours (or added, when we have none under its key)."""
    if table not in TABLES or set(record) != set(_columns(db, table)):
        raise InvalidRecord(
            f"this conflict's record does not fit the table {table!r} any more",
            fr=f"l’enregistrement de ce conflit ne correspond plus à la table {table!r}",
        )
    names = list(record)
    try:
        if _local(db, table, key) is None:
            db.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [record[n] for n in names],
            )
        else:
            where = " AND ".join(f"{k} = ?" for k in TABLES[table])
            db.execute(
                f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE {where}",
                [record[n] for n in names] + key,
            )
    except sqlcipher3.IntegrityError as exc:
        raise InvalidRecord(
            f"the record that arrived cannot be taken here ({exc}): another record holds the "
            "same code or it refers to one missing here; change that record first, or keep ours",
            fr=f"l’enregistrement arrivé ne peut pas être repris ici ({exc})\u00a0: un autre "
            "enregistrement porte le même code, ou il renvoie à un enregistrement absent "
            "ici\u00a0; modifiez d’abord cet enregistrement, ou gardez le nôtre",
        ) from None
