"""Per-clinic settings kept in the ``settings`` table (key -> JSON value).

Each setting is declared once here with its default; a clinic's own value, when
set, is stored in its database and travels with its backups.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from dyade.storage.records import from_json, new_uuid, to_json

if TYPE_CHECKING:
    from dyade.forms.library import FormLibrary

DEFAULTS: dict[str, Any] = {
    # visit kind -> respondent -> [form id, version]
    "visit_forms": {
        "full": {"patient": ["dyade-full-patient", 1], "physician": ["dyade-full-physician", 1]},
        "brief": {
            "patient": ["dyade-brief-patient", 1],
            "physician": ["dyade-brief-physician", 1],
        },
    },
    "daily_backups_kept": 14,
    "clinic_name": "",
    # the workspace's settings page
    "language": "fr",  # the clinic's default language (set by the setup wizard)
    "idle_lock_minutes": 10,  # the workspace locks itself after this long without input
    "kiosk_idle_seconds": 120,  # the kiosk goes back to its welcome screen after this
    "backup_folder": "",  # empty: a "backups" folder next to the database
    "clinic_forms_folder": "",  # empty: the user forms folder (dyade.paths.user_forms_dir)
    "thresholds": {},  # overrides of dyade.analysis.Thresholds (name -> value)
    "report_page_size": "a4",  # "a4" or "letter"
}


def get_setting(db: sqlite_utils.Database, key: str) -> Any:
    """The clinic's value, else the declared default."""
    if key not in DEFAULTS and key != "laptop_uuid":
        raise KeyError(f"unknown setting {key!r}")
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return from_json(row[0]) if row else DEFAULTS.get(key)


def set_setting(db: sqlite_utils.Database, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, to_json(value)],
        )


def visit_forms(db: sqlite_utils.Database, kind: str) -> dict[str, tuple[str, int]]:
    """Which form (id, version) each respondent fills for a visit of this kind."""
    forms = get_setting(db, "visit_forms")
    if kind not in forms:
        raise KeyError(f"no forms configured for {kind!r} visits")
    return {who: (ref[0], int(ref[1])) for who, ref in forms[kind].items()}


def laptop_uuid(db: sqlite_utils.Database) -> str:
    """This database's own identity, named in the transfer files it writes."""
    row = db.execute("SELECT value FROM settings WHERE key = 'laptop_uuid'").fetchone()
    if row:
        return from_json(row[0])
    value = new_uuid()
    with db.atomic():
        db.execute("INSERT INTO settings (key, value) VALUES ('laptop_uuid', ?)", [to_json(value)])
    return value


def clinic_forms(db: sqlite_utils.Database) -> FormLibrary:
    """Dyade's shipped forms and the clinic's forms folder (its ``clinic_forms_folder``
    setting), as the app reads them; read once while the files are unchanged."""
    from dyade.forms.library import installed_library

    own = get_setting(db, "clinic_forms_folder")
    return installed_library(Path(own) if own else None)
