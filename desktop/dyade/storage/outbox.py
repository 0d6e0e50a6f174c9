"""The laptop's side of sync: the outbox, the sealed changes waiting, the state.

Triggers (migration 4) note each changed record in ``outbox`` in the same
transaction as the change, once paired. Pushing is two-phase so that a crash
at any point loses nothing and doubles nothing:
1. ``seal_outbox``: records are read, grouped, sealed and moved to
   ``sync_pending`` under their final ``device_seq``, in one transaction;
2. the engine sends ``sync_pending`` to the hub (which ignores a device_seq it
   already has) and then ``forget_pushed`` removes what the hub confirmed.
``apply_changes`` merges other devices' records with recording off, in the
same transaction as the caller's new pull cursor.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable
from typing import Any

import sqlite_utils

from dyade.storage.records import from_json, to_json
from dyade.storage.transfer import _MALFORMED, TABLES, ImportReport, _columns, _Merger

BATCH = 500  # records per sealed change: one hub row, one local transaction
CHANGE_BYTES = 256 * 1024  # and about this much text at most

Sealer = Callable[[int, bytes], bytes]  # (device_seq, plain payload) -> sealed payload


def get_state(db: sqlite_utils.Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return from_json(row[0]) if row else default


def set_state(db: sqlite_utils.Database, key: str, value: Any) -> None:
    """Write one state value (inside the caller's transaction, or alone)."""
    db.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, to_json(value)],
    )


def start_recording(db: sqlite_utils.Database) -> None:
    """Turn the outbox on and queue every record already here (inside a transaction)."""
    db.execute("UPDATE sync_flags SET recording = 1 WHERE id = 1")
    for table, keys in TABLES.items():
        key = f"json_array({', '.join(keys)})"
        db.execute(
            f"INSERT INTO outbox (table_name, record_key) SELECT '{table}', {key} FROM {table} "
            f"WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.table_name = '{table}' "
            f"AND o.record_key = {key})"
        )


def recording(db: sqlite_utils.Database) -> bool:
    return bool(db.execute("SELECT recording FROM sync_flags WHERE id = 1").fetchone()[0])


def waiting(db: sqlite_utils.Database) -> int:
    """Changed records not yet confirmed by the hub (the status line's "N waiting")."""
    queued = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    sealed = db.execute("SELECT coalesce(sum(records), 0) FROM sync_pending").fetchone()[0]
    return queued + sealed


def _records(db: sqlite_utils.Database, first: int, last: int) -> list[tuple[int, dict[str, Any]]]:
    """The current content of the records queued from ``first`` to ``last``, in queue
    order: one join per table (the outbox drives, each record is one key lookup); a
    record deleted meanwhile is left out."""
    found: list[tuple[int, dict[str, Any]]] = []
    for table, keys in TABLES.items():
        columns = _columns(db, table)
        on = " AND ".join(
            f"t.{k} = json_extract(o.record_key, '$[{i}]')" for i, k in enumerate(keys)
        )
        rows = db.execute(
            f"SELECT o.seq, {', '.join(f't.{c}' for c in columns)} FROM outbox o "
            f"CROSS JOIN {table} t ON {on} WHERE +o.table_name = ? AND o.seq BETWEEN ? AND ?",
            [table, first, last],
        )
        found += [
            (seq, {"t": table, "r": dict(zip(columns, rest, strict=True))}) for seq, *rest in rows
        ]
    found.sort(key=lambda pair: pair[0])
    return found


def _within(found: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
    """The first records of a batch up to about CHANGE_BYTES of text (at least one):
    an analysis summary weighs ~9 KB, an answer a few bytes; a change stays small
    enough that a page of them fits comfortably in a joining laptop's memory."""
    size = 0
    for n, (_seq, record) in enumerate(found):
        size += sum(len(v) for v in record["r"].values() if isinstance(v, str))
        if size > CHANGE_BYTES and n:
            return found[:n]
    return found


def encode(records: list[dict[str, Any]]) -> bytes:
    return zlib.compress(json.dumps(records, ensure_ascii=False).encode(), 6)


def decode(payload: bytes) -> list[dict[str, Any]]:
    return json.loads(zlib.decompress(payload))


def seal_outbox(
    db: sqlite_utils.Database, seal: Sealer, batch: int | None = None, limit: int | None = None
) -> int:
    """Move the outbox into sealed, numbered changes (at most ``limit``); how many were made."""
    made, batch = 0, batch or BATCH
    while limit is None or made < limit:
        with db.atomic():
            rows = db.execute("SELECT seq FROM outbox ORDER BY seq LIMIT ?", [batch]).fetchall()
            if not rows:
                return made
            found = _records(db, rows[0][0], rows[-1][0])
            kept = _within(found)
            records = [record for _seq, record in kept]
            last = kept[-1][0] if len(kept) < len(found) else rows[-1][0]  # the rest: next
            if records:
                device_seq = get_state(db, "next_seq", 1)
                db.execute(
                    "INSERT INTO sync_pending (device_seq, payload, records) VALUES (?, ?, ?)",
                    [device_seq, seal(device_seq, encode(records)), len(records)],
                )
                set_state(db, "next_seq", device_seq + 1)
                made += 1
            db.execute("DELETE FROM outbox WHERE seq <= ?", [last])
    return made


def pending(db: sqlite_utils.Database) -> list[tuple[int, bytes]]:
    """Sealed changes the hub has not confirmed yet, oldest first."""
    return db.execute("SELECT device_seq, payload FROM sync_pending ORDER BY device_seq").fetchall()


def forget_pushed(db: sqlite_utils.Database, device: str, first: int, upto: int) -> None:
    """The hub holds this device's changes ``first`` to ``upto``. They count as seen
    when they follow what this database already saw of its own device (a restored
    copy that is behind the hub must still receive its own later changes)."""
    with db.atomic():
        db.execute("DELETE FROM sync_pending WHERE device_seq <= ?", [upto])
        if seen(db, device) == first - 1:
            _note_seen(db, device, upto)


def _note_seen(db: sqlite_utils.Database, device: str, device_seq: int) -> None:
    db.execute(
        "INSERT INTO sync_seen (device, device_seq) VALUES (?, ?) "
        "ON CONFLICT(device) DO UPDATE SET device_seq = excluded.device_seq",
        [device, device_seq],
    )


def renumber_pending(db: sqlite_utils.Database, start: int, reseal: Callable) -> int:
    """Give the sealed changes waiting here numbers from ``start`` on (this database
    is a restored copy: the hub already holds other changes under its numbers);
    ``reseal(old_seq, new_seq, payload)`` seals each again for its new place."""
    with db.atomic():
        rows = db.execute(
            "SELECT device_seq, payload FROM sync_pending ORDER BY device_seq"
        ).fetchall()
        db.execute("UPDATE sync_pending SET device_seq = -device_seq")
        for new, (old, payload) in enumerate(rows, start):
            db.execute(
                "UPDATE sync_pending SET device_seq = ?, payload = ? WHERE device_seq = ?",
                [new, reseal(old, new, payload), -old],
            )
        set_state(db, "next_seq", start + len(rows))
    return len(rows)


def seen(db: sqlite_utils.Database, device: str) -> int:
    row = db.execute("SELECT device_seq FROM sync_seen WHERE device = ?", [device]).fetchone()
    return row[0] if row else 0


def apply_changes(
    db: sqlite_utils.Database,
    changes: Iterable[tuple[str, int, list[dict[str, Any]]]],
    source: str,
    report: ImportReport | None = None,
) -> ImportReport:
    """Merge (device, device_seq, records) by the rules of transfer files, without
    queueing them again; a change already applied is skipped. Call inside a
    transaction (with the new cursor), so all of it or none of it lands."""
    merger = _Merger(db, source)
    if report is not None:
        merger.report = report
    db.execute("UPDATE sync_flags SET recording = 0 WHERE id = 1")
    for device, device_seq, records in changes:
        if device_seq <= seen(db, device):
            continue
        merge_records(merger, device, device_seq, records)
        _note_seen(db, device, device_seq)
    db.execute("UPDATE sync_flags SET recording = 1 WHERE id = 1")
    return merger.report


def merge_records(merger: _Merger, device: str, device_seq: int, records: list[dict]) -> None:
    """One change's records through ``merger``; a record this Dyade cannot read refuses
    the whole pull (the caller's transaction undoes what was merged)."""
    try:
        for record in records:
            merger.merge(str(record.get("t")), record.get("r") or {})
    except _MALFORMED as exc:
        from dyade.storage.errors import TransferRefused

        raise TransferRefused(
            f"change {device_seq} of device {device} holds records this Dyade cannot "
            f"read ({type(exc).__name__}: {exc}); nothing of this pull was applied",
            fr=f"le changement {device_seq} de l’appareil {device} contient des "
            f"enregistrements que ce Dyade ne sait pas lire ({type(exc).__name__}\u00a0: "
            f"{exc})\u00a0; rien de cette réception n’a été appliqué",
        ) from exc
