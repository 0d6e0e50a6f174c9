"""Reading the hub's whole log once more, for changes an older Dyade's pull skipped.

Before migration 6, a pull sorted the hub's transaction numbers as text: once they
gained a digit, a device's later change could be applied before its earlier one,
which then looked applied already (``sync_seen`` had passed it) and was skipped, or
the pull cursor jumped past changes never served. Migration 6 notes the marks this
laptop had reached (``sync_state.repull``) and moves its cursor back to the start.

While reading the log again, a change beyond its device's old mark is merged as
usual. A change at or below it may have been applied or skipped: nothing says
which. Its records go through the merge rules, which add what is missing and move
forward what is behind, and leave alone what is here already or further along; a
record kept aside with the same content before is not kept aside again. What would
be a new conflict is held as a *doubt* (``sync_doubts``) instead: that version may
have been merged long ago and the record changed since. A later change of the same
record anywhere in the log (this laptop's own included) settles the doubt; those
still open when the reading reaches the end of the log are merged then, and kept
aside if they still differ: a skipped change that clashes with an edit made here
is shown, never dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from dyade.storage import outbox
from dyade.storage.records import from_json, to_json
from dyade.storage.transfer import TABLES, ImportReport, _Merger

log = logging.getLogger(__name__)
Change = tuple[str, int, list[dict[str, Any]]]  # device, device_seq, records


def state(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The recovery under way (``marks`` and the older ``cursor``, and ``upto`` once
    started), or None."""
    return outbox.get_state(db, "repull")


def begin(
    db: sqlite_utils.Database, first: str | None, end: tuple[str, int] | None
) -> dict[str, Any] | None:
    """Note where the hub's log ends now (``end``: the reading is over once the cursor
    gets there). When every transaction number in the log (``first`` to ``end``) has as
    many digits, text and numbers sorted alike and the older pull skipped nothing: the
    cursor goes back where it was and nothing is read again."""
    current = state(db) or {}
    with db.atomic():
        if end is None or first is None or len(first) == len(end[0]):
            outbox.set_state(db, "cursor", current.get("cursor", ["0", 0]))
            db.execute("DELETE FROM sync_state WHERE key = 'repull'")
            return None
        current["upto"] = [end[0], end[1]]
        outbox.set_state(db, "repull", current)
    log.info("reading the hub's log again up to %s, for changes an older pull skipped", end)
    return current


def reached(current: dict[str, Any], cursor: tuple[str, int]) -> bool:
    xid, seq = current["upto"]
    return (int(cursor[0]), cursor[1]) >= (int(xid), seq)


@contextmanager
def _not_recorded(db: sqlite_utils.Database) -> Iterator[None]:
    """What arrives from the hub does not go back out (inside the caller's transaction)."""
    db.execute("UPDATE sync_flags SET recording = 0 WHERE id = 1")
    yield
    db.execute("UPDATE sync_flags SET recording = 1 WHERE id = 1")


class _Careful(_Merger):
    """Merges a version that may have been merged before: a would-be conflict is held
    as a doubt, and a version already kept aside is not kept aside twice."""

    def __init__(self, db: sqlite_utils.Database, source: str, device: str) -> None:
        super().__init__(db, source)
        self.device = device

    def merge(self, table: str, row: dict[str, Any]) -> None:
        if table in TABLES and self._kept_aside_before(table, row):
            self.report.unchanged += 1
            return
        super().merge(table, row)

    def _kept_aside_before(self, table: str, row: dict[str, Any]) -> bool:
        key = to_json([row.get(k) for k in TABLES[table]])
        return (
            self.db.execute(
                "SELECT 1 FROM conflicts WHERE table_name = ? AND record_key = ? AND incoming = ?",
                [table, key, to_json(row)],
            ).fetchone()
            is not None
        )

    def _conflict(self, table: str, row: dict[str, Any], reason: str) -> None:
        key = to_json([row[k] for k in TABLES[table]])
        self.db.execute(
            "INSERT OR REPLACE INTO sync_doubts (table_name, record_key, device, incoming) "
            "VALUES (?, ?, ?, ?)",
            [table, key, self.device, to_json(row)],
        )


def _settle(db: sqlite_utils.Database, device: str, records: Iterable[dict[str, Any]]) -> None:
    """The device wrote a later version of these records, knowing the earlier one: its
    doubts on them are settled."""
    for record in records:
        table, row = str(record.get("t")), record.get("r") or {}
        if table in TABLES:
            key = to_json([row.get(k) for k in TABLES[table]])
            db.execute(
                "DELETE FROM sync_doubts WHERE table_name = ? AND record_key = ? AND device = ?",
                [table, key, device],
            )


def apply_page(
    db: sqlite_utils.Database, changes: list[Change], current: dict[str, Any], report: ImportReport
) -> tuple[int, int]:
    """One page of the log read again, in log order (inside the caller's transaction,
    with its cursor). Returns how many changes were merged carefully (their device's
    old mark had passed them) and how many as usual."""
    marks, careful, usual = current.get("marks") or {}, 0, 0
    for device, device_seq, records in changes:
        _settle(db, device, records)
        source = f"hub, change {device_seq} of device {device}"
        if device_seq <= marks.get(device, 0):
            merger = _Careful(db, source, device)
            merger.report = report
            with _not_recorded(db):
                outbox.merge_records(merger, device, device_seq, records)
            careful += 1
        else:
            outbox.apply_changes(db, [(device, device_seq, records)], source, report)
            usual += 1
    return careful, usual


def finish(db: sqlite_utils.Database, report: ImportReport) -> None:
    """The whole log was read again: the doubts left are merged now, kept aside if they
    still differ (inside the caller's transaction)."""
    doubts = db.execute("SELECT table_name, incoming FROM sync_doubts ORDER BY rowid").fetchall()
    merger = _Merger(db, report.source)
    merger.report = report
    with _not_recorded(db):
        for table, incoming in doubts:
            merger.merge(table, from_json(incoming))
    db.execute("DELETE FROM sync_doubts")
    db.execute("DELETE FROM sync_state WHERE key = 'repull'")
    log.info("the hub's log was read again to its end: %d doubts merged", len(doubts))
