"""Dates and numbers on screen as each language writes them: "21 novembre 2026" and
"−1,30" in French, by the same rule as the PDF reports (:mod:`dyade.formats`).

The core stores ISO dates and floats; only what a person reads is formatted,
in the language the app shows now, so a language switch re-formats.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import QLocale

from dyade.errors import DyadeError
from dyade.formats import format_date, format_number
from dyade.ui.i18n import current_language

# Date fields (QDateEdit) show the month in words, as dates are written: never 12/6/26.
DATE_FORMAT = "d MMMM yyyy"


def reader_locale() -> QLocale:
    """The locale of the language shown now, for number fields (0,67 in French): what
    people type; what they read is written by :mod:`dyade.formats`."""
    return _locale_of(current_language())


@cache
def _locale_of(lang: str) -> QLocale:
    """One locale per language."""
    if lang == "fr":
        return QLocale(QLocale.Language.French, QLocale.Country.France)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def date_text(iso: str | None) -> str:
    """An ISO date (``2026-11-21``) as the reader's language writes it; "—" when missing."""
    if not iso:
        return "—"
    try:
        return format_date(iso, current_language())
    except DyadeError:  # not a date: shown as stored rather than hidden
        return iso


def number_text(value: float, decimals: int = 2, *, signed: bool = False) -> str:
    """A score or a change with the reader's decimal mark, signed if asked (``+0,50``)."""
    return format_number(value, current_language(), decimals, signed=signed)


def code_text(code: str) -> str:
    """A visit code as staff read it aloud and patients type it: two groups of three."""
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code


def moment_text(moment: str | None) -> str | None:
    """A stored UTC time as the reader's local date and time ("22 novembre 2026 00:14")."""
    if not moment:
        return None
    local = datetime.fromisoformat(moment).astimezone()
    return f"{date_text(local.date().isoformat())} {local:%H:%M}"
