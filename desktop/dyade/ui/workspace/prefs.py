"""Clinic settings the workspace reads, with safe defaults when the database has none.

The storage layer declares the settings it knows (``dyade.storage.settings``);
a key this version of the storage does not declare yet falls back to the
default here, so an older database never stops the app.
"""

from __future__ import annotations

from typing import Any

from dyade.storage.settings import get_setting, set_setting

DEFAULTS: dict[str, Any] = {
    "clinic_name": "",
    "language": "fr",
    "idle_lock_minutes": 10,
    "backup_folder": "",
    "daily_backups_kept": 14,
    "clinic_forms_folder": "",
    "thresholds": {},
    "kiosk_idle_seconds": 120,
    "report_page_size": "a4",
}


def read(db: Any, key: str) -> Any:
    """The clinic's value of ``key``, else the default."""
    try:
        value = get_setting(db, key)
    except KeyError:
        return DEFAULTS.get(key)
    return DEFAULTS.get(key) if value is None else value


def write(db: Any, key: str, value: Any) -> bool:
    """Store ``key``; False when this database version has no such setting."""
    try:
        set_setting(db, key, value)
    except KeyError:
        return False
    return True
