"""The audit log: who opened, changed, exported or deleted what, and when.

Every service that shows clinical data to a signed-in person, changes staff or
patient records, exports, imports, backs up or restores calls :func:`record`.
Answers typed at the kiosk are not logged one by one (the response's
completion is); the log would otherwise be larger than the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from dyade.storage.records import from_json, new_uuid, now, to_json

ACTIONS = frozenset(
    {
        "opened",
        "created",
        "changed",
        "completed",
        "deleted",
        "exported",
        "imported",
        "backup",
        "restored",
        "login",
        "login_failed",
    }
)


@dataclass(frozen=True)
class AuditEntry:
    uuid: str
    at: str
    user_uuid: str | None
    action: str
    target: str | None
    details: dict[str, Any] | None


def record(
    db: sqlite_utils.Database,
    action: str,
    target: str | None = None,
    *,
    user_uuid: str | None = None,
    details: dict[str, Any] | None = None,
) -> str:
    """Append one entry; ``target`` reads like ``patient:<uuid>`` or a file path."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    entry_uuid = new_uuid()
    db.execute(
        "INSERT INTO audit (uuid, at, user_uuid, action, target, details) VALUES (?,?,?,?,?,?)",
        [
            entry_uuid,
            now(),
            user_uuid,
            action,
            target,
            None if details is None else to_json(details),
        ],
    )
    return entry_uuid


def entries(
    db: sqlite_utils.Database, *, since: str | None = None, limit: int = 1000
) -> list[AuditEntry]:
    """The most recent entries first (``since``: an ISO date or time)."""
    rows = db.execute(
        "SELECT uuid, at, user_uuid, action, target, details FROM audit "
        "WHERE at >= ? ORDER BY at DESC LIMIT ?",
        [since or "", limit],
    ).fetchall()
    return [AuditEntry(row[0], row[1], row[2], row[3], row[4], from_json(row[5])) for row in rows]
