"""Per-clinic settings kept in the ``settings`` table (key -> JSON value).

Every setting is declared once here, in :data:`OPTIONS`, with its type, default
and the title people read (French and English); a clinic's own value, when set,
is stored in its database and travels with its backups. A value is checked
against its declaration when it is written; a stored value that no longer fits
(written by hand, by an older Dyade) is read as the default and logged.
docs/STORAGE.md lists them (``tests/test_storage_settings.py`` checks it).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from dyade.storage.errors import InvalidRecord
from dyade.storage.records import from_json, new_uuid, to_json

if TYPE_CHECKING:
    from dyade.forms.library import FormLibrary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option:
    """One clinic setting: its name, type, default and title (what a person reads)."""

    name: str
    kind: type  # the JSON type of its value: str, int, bool or dict
    default: Any
    en: str  # its title in English
    fr: str  # its title in French
    choices: tuple[str, ...] = ()  # the only values allowed, when given
    minimum: int | None = None  # the smallest number allowed (int options)
    check: Callable[[Any], str | None] | None = None  # a further rule: the problem, or None

    def title(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def problem(self, value: Any) -> str | None:
        """What is wrong with ``value`` for this option (English), or None."""
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            return f"expected {_KIND_NAMES[self.kind]}, got {value!r}"
        if self.choices and value not in self.choices:
            return f"expected one of {', '.join(self.choices)}, got {value!r}"
        if self.minimum is not None and isinstance(value, int) and value < self.minimum:
            return f"expected at least {self.minimum}, got {value!r}"
        return self.check(value) if self.check else None


_KIND_NAMES = {str: "text", int: "a whole number", dict: "a mapping", bool: "true or false"}


def _visit_forms_problem(value: dict) -> str | None:
    for kind, sides in value.items():
        if not isinstance(sides, dict) or set(sides) != {"patient", "physician"}:
            return f"visit kind {kind!r}: expected a form for the patient and the physician"
        for who, ref in sides.items():
            ok = isinstance(ref, list | tuple) and len(ref) == 2 and isinstance(ref[0], str)
            if not ok or not isinstance(ref[1], int):
                return f"visit kind {kind!r}, {who}: expected [form id, version], got {ref!r}"
    return None


def _thresholds_problem(value: dict) -> str | None:
    bad = [name for name in value if not isinstance(name, str)]
    return f"threshold names must be text, got {bad!r}" if bad else None


_OPTIONS = (
    Option(
        "visit_forms",
        dict,
        {
            "full": {
                "patient": ["dyade-full-patient", 2],
                "physician": ["dyade-full-physician", 2],
            },
            "brief": {
                "patient": ["dyade-brief-patient", 2],
                "physician": ["dyade-brief-physician", 2],
            },
        },
        "Forms of each kind of visit",
        "Questionnaires de chaque type de visite",
        check=_visit_forms_problem,
    ),
    Option("clinic_name", str, "", "Clinic name", "Nom du cabinet"),
    Option("language", str, "fr", "Clinic language", "Langue du cabinet", choices=("fr", "en")),
    Option(
        "idle_lock_minutes",
        int,
        10,
        "Lock the workspace after (minutes without use)",
        "Verrouiller l’espace de travail après (minutes sans activité)",
        minimum=1,
    ),
    Option(
        "kiosk_idle_seconds",
        int,
        120,
        "Kiosk back to its welcome screen after (seconds without use)",
        "Retour du kiosque à l’accueil après (secondes sans activité)",
        minimum=30,
    ),
    Option(
        "kiosk_auto_advance",
        bool,
        False,
        "Kiosk: a single-choice answer goes on to the next question by itself",
        "Kiosque : une réponse à choix unique passe seule à la question suivante",
    ),
    Option(
        "daily_backups_kept",
        int,
        14,
        "Daily backups kept",
        "Sauvegardes quotidiennes conservées",
        minimum=1,
    ),
    Option(
        "backup_folder",
        str,
        "",
        "Backup folder (empty: a backups folder next to the database)",
        "Dossier des sauvegardes (vide\u00a0: un dossier backups à côté de la base)",
    ),
    Option(
        "clinic_forms_folder",
        str,
        "",
        "Clinic's own forms folder (empty: the user forms folder)",
        "Dossier des questionnaires du cabinet (vide\u00a0: le dossier de l’utilisateur)",
    ),
    Option(
        "thresholds",
        dict,
        {},
        "Analysis thresholds changed by the clinic (name: value)",
        "Seuils d’analyse modifiés par le cabinet (nom\u00a0: valeur)",
        check=_thresholds_problem,
    ),
    Option(
        "report_page_size",
        str,
        "a4",
        "PDF page size",
        "Format de page des PDF",
        choices=("a4", "letter"),
    ),
)
OPTIONS: dict[str, Option] = {option.name: option for option in _OPTIONS}
# Written by Dyade itself, never by a person: this database's own identity.
INTERNAL_KEYS = ("laptop_uuid",)


def option(key: str) -> Option:
    """The declaration of ``key``; an undeclared key is a programming error."""
    try:
        return OPTIONS[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}") from None


def get_setting(db: sqlite_utils.Database, key: str) -> Any:
    """The clinic's value, else the declared default (a copy: safe to change)."""
    declared = option(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return copy.deepcopy(declared.default)
    value = from_json(row[0])
    problem = declared.problem(value)
    if problem:
        log.warning("clinic setting %s ignored (%s): using %r", key, problem, declared.default)
        return copy.deepcopy(declared.default)
    return value


def set_setting(db: sqlite_utils.Database, key: str, value: Any) -> None:
    """Store the clinic's value of ``key``; refused (nothing written) if it does not fit."""
    declared = option(key)
    problem = declared.problem(value)
    if problem:
        raise InvalidRecord(
            f"clinic setting {key} ({declared.en}): {problem}",
            fr=f"réglage du cabinet {key} ({declared.fr})\u00a0: valeur refusée, {value!r}",
        )
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, to_json(value)],
        )


def options_table() -> str:
    """The settings as docs/STORAGE.md lists them (one Markdown row each)."""
    rows = ["| Key | Type | Default | What it is |", "|---|---|---|---|"]
    for o in OPTIONS.values():
        allowed = f" ({' or '.join(o.choices)})" if o.choices else ""
        default = f"`{to_json(o.default)}`"
        kind = {str: "text", int: "integer", dict: "mapping", bool: "true or false"}[o.kind]
        rows.append(f"| `{o.name}` | {kind}{allowed} | {default} | {o.en} |")
    return "\n".join(rows)


def visit_forms(db: sqlite_utils.Database, kind: str) -> dict[str, tuple[str, int]]:
    """Which form (id, version) each respondent fills for a new visit of this kind.

    The setting names the forms; a new visit uses the latest installed version of
    each (an older response keeps the version it was answered with).
    """
    forms = get_setting(db, "visit_forms")
    if kind not in forms:
        raise KeyError(f"no forms configured for {kind!r} visits")
    installed = clinic_forms(db)
    out = {}
    for who, (form_id, version) in forms[kind].items():
        latest = installed.get(form_id)
        out[who] = (form_id, max(int(version), latest.version) if latest else int(version))
    return out


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
