"""Dates and numbers as each language writes them: "21 nov. 2026" and "-1,3" in French.

The core stores ISO dates and floats; only what a person reads is formatted
here, from the language the app shows now, so a language switch re-formats.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import QDate, QLocale

from dyade.ui.i18n import current_language

DATE_FORMAT = "d MMM yyyy"  # unambiguous in both languages (no 11/12 versus 12/11)


def _locale() -> QLocale:
    return _locale_of(current_language())


def reader_locale() -> QLocale:
    """The locale of the language shown now, for number fields (0,67 in French)."""
    return _locale()


@cache
def _locale_of(lang: str) -> QLocale:
    """One locale per language: lists format every cell they paint."""
    if lang == "fr":
        return QLocale(QLocale.Language.French, QLocale.Country.France)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def date_text(iso: str | None) -> str:
    """An ISO date (``2026-11-21``) as the reader's language writes it; "—" when missing."""
    if not iso:
        return "—"
    day = QDate.fromString(iso[:10], "yyyy-MM-dd")
    return _locale().toString(day, DATE_FORMAT) if day.isValid() else iso


def number_text(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """A score or a change with the reader's decimal mark, signed if asked (``+0,5``)."""
    text = _locale().toString(float(value), "f", decimals)
    if signed and value > 0:
        return "+" + text
    return text


def code_text(code: str) -> str:
    """A visit code as staff read it aloud and patients type it: two groups of three."""
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code


def moment_text(moment: str | None) -> str | None:
    """A stored UTC time as the reader's local date and time ("22 nov. 2026 00:14")."""
    if not moment:
        return None
    local = datetime.fromisoformat(moment).astimezone()
    return f"{date_text(local.date().isoformat())} {local:%H:%M}"
