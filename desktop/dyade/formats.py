"""Numbers and dates written the way each language writes them: one rule per language,
for the screens and the PDF reports alike (the UI's ``dyade.ui.workspace.formats`` passes
the screen's language here).

French: decimal comma and dates « 12 mars 2026 » (« 1er » for the first day of
a month). English: decimal point and dates "12 March 2026" (day first, the same
in both languages). Day and month are joined by a no-break space so a date never
splits across lines; a negative number has a true minus sign; a score has two
decimals (« 3,25 »), as the analysis rounds it.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
SHORT_MONTHS = {
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
NBSP = "\u00a0"
MINUS = "\u2212"


def as_date(value: dt.date | dt.datetime | str) -> dt.date:
    """A date from a date, a datetime or an ISO text (``2026-03-12`` or with a time)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        from dyade.errors import DyadeError

        raise DyadeError(f"date {value!r}: expected YYYY-MM-DD") from None


def format_date(value: dt.date | dt.datetime | str, lang: str) -> str:
    """« 12 mars 2026 », « 1er mars 2026 », "12 March 2026"."""
    day = as_date(value)
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number}{NBSP}{MONTHS[lang][day.month - 1]} {day.year}"


def format_short_date(value: dt.date | dt.datetime | str, lang: str) -> str:
    """A compact date for chart axes and tables: « 12 mars 26 », "12 Mar 26"."""
    day = as_date(value)
    return f"{day.day}{NBSP}{SHORT_MONTHS[lang][day.month - 1]}{NBSP}{day.year % 100:02d}"


def format_number(value: float, lang: str, digits: int = 2, *, signed: bool = False) -> str:
    """``4,25`` in French, ``4.25`` in English; a true minus sign; ``+`` when ``signed``."""
    text = f"{abs(value):.{digits}f}"
    if lang == "fr":
        text = text.replace(".", ",")
    if round(value, digits) < 0:
        return MINUS + text
    if signed and round(value, digits) > 0:
        return "+" + text
    return text


def format_score(value: float | None, lang: str, not_scorable: str, digits: int = 2) -> str:
    """A score, or the words for "not scorable": never an invented number."""
    return not_scorable if value is None else format_number(value, lang, digits)
