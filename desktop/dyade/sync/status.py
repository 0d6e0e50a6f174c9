"""Where this laptop stands with the hub, for the status line and the settings page.

Read from the local database only (never the network), so the app can show it
on every refresh: synced when, offline since when, how many changes wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from dyade.storage import outbox

SYNC_EVERY_SECONDS = 180  # the app's background sync, when the laptop is linked to a hub


@dataclass(frozen=True)
class SyncStatus:
    paired: bool
    device: str | None = None
    hub: str | None = None  # host, port and database: never the password
    last_sync_at: datetime | None = None
    offline_since: datetime | None = None
    waiting: int = 0
    conflicts: int = 0  # records kept aside by merges, not resolved yet


def hub_address(conninfo: str) -> str:
    """``host:port/dbname`` of a connection string, for people to read."""
    import psycopg

    params = psycopg.conninfo.conninfo_to_dict(conninfo)
    host = params.get("host") or params.get("hostaddr") or "localhost"
    port = f":{params['port']}" if params.get("port") else ""
    return f"{host}{port}/{params.get('dbname') or ''}"


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def sync_status(db: sqlite_utils.Database) -> SyncStatus:
    conninfo = outbox.get_state(db, "hub")
    if conninfo is None:
        return SyncStatus(paired=False)
    return SyncStatus(
        paired=True,
        device=outbox.get_state(db, "device"),
        hub=hub_address(conninfo),
        last_sync_at=_when(outbox.get_state(db, "last_sync_at")),
        offline_since=_when(outbox.get_state(db, "offline_since")),
        waiting=outbox.waiting(db),
        conflicts=db.execute("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL").fetchone()[
            0
        ],
    )
