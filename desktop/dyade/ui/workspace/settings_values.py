"""What the settings page reads and writes, without widgets (so it is tested plainly).

Values live in the clinic database (:mod:`dyade.storage.settings`); the start-up
language is also remembered in a small plain file, since the database is still
locked when the first screen is shown.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from dyade.errors import DyadeError

log = logging.getLogger(__name__)

# Threshold fields shown on the page (the tuple of core subscales is not a number).
NUMERIC = (int, float)


def startup_file() -> Path:
    from dyade.paths import user_data_dir

    return user_data_dir() / "startup.json"


def _startup() -> dict[str, Any]:
    try:
        data = json.loads(startup_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def startup_value(key: str) -> Any:
    """A value kept for the first screen (the database is still locked then)."""
    return _startup().get(key)


def remember_startup_value(key: str, value: Any) -> None:
    """Keep ``value`` for the next start, beside the other start-up values."""
    data = _startup()
    data[key] = value
    try:
        startup_file().parent.mkdir(parents=True, exist_ok=True)
        startup_file().write_text(json.dumps(data), encoding="utf-8")
    except OSError as exc:  # only a convenience of the next start is lost
        log.warning("could not remember %s for the next start: %s", key, exc)


def remembered_language() -> str | None:
    """The language the first screen uses (the clinic's, saved on this computer)."""
    lang = startup_value("language")
    return lang if lang in ("fr", "en") else None


def remember_language(lang: str) -> None:
    remember_startup_value("language", lang)


def threshold_fields() -> dict[str, Any]:
    """Name -> default of every numeric threshold, in the order the model declares them."""
    from dyade.analysis import Thresholds

    defaults = Thresholds()
    return {
        name: getattr(defaults, name)
        for name in Thresholds.model_fields
        if isinstance(getattr(defaults, name), NUMERIC)
    }


def threshold_overrides(values: dict[str, Any]) -> dict[str, Any]:
    """Only the values that differ from the defaults, checked by the analysis model."""
    from dyade.analysis import Thresholds

    defaults = threshold_fields()
    changed = {k: v for k, v in values.items() if k in defaults and v != defaults[k]}
    Thresholds.from_overrides(changed, source="settings")  # raises a DyadeError if invalid
    return changed


def visit_form_choices(library: Any) -> list[tuple[str, int, str, int]]:
    """(patient form id, version, physician form id, version) of each usable pair."""
    pairs = []
    for form in library:
        if form.respondent != "patient":
            continue
        mirror = library.pair_of(form)
        if mirror is not None and mirror.respondent == "physician":
            pairs.append((form.id, form.version, mirror.id, mirror.version))
    return pairs


def visit_forms_value(full: tuple, brief: tuple) -> dict[str, Any]:
    """The ``visit_forms`` setting for the chosen pairs (see dyade.storage.settings.OPTIONS)."""
    return {
        kind: {"patient": [pair[0], pair[1]], "physician": [pair[2], pair[3]]}
        for kind, pair in (("full", full), ("brief", brief))
    }


def check_folder(text: str, what: str) -> str:
    """An empty text (the default) or an existing folder; else a DyadeError naming it."""
    text = text.strip()
    if text and not Path(text).expanduser().is_dir():
        raise DyadeError(
            f"{what}: the folder {text} does not exist",
            fr=f"{what}\u00a0: le dossier {text} n’existe pas",
        )
    return str(Path(text).expanduser()) if text else ""


def backup_folder(db: Any, db_path: Path) -> Path:
    """The configured backup folder, else a ``backups`` folder beside the database."""
    from dyade.storage.settings import get_setting

    chosen = get_setting(db, "backup_folder")
    return Path(chosen) if chosen else Path(db_path).parent / "backups"
