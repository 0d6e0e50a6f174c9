"""Small helpers every service shares: identifiers, timestamps, JSON columns."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

from dyade.storage.errors import InvalidRecord


def new_uuid() -> str:
    """A random UUID: the identity a record keeps on every laptop it travels to."""
    return str(uuid.uuid4())


def now() -> str:
    """UTC time, fixed width, so text order is time order."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def today() -> str:
    return date.today().isoformat()


def to_json(value: Any) -> str:
    """Canonical JSON (sorted keys, compact), so equal values compare equal as text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def iso_date(value: date | str | None) -> str | None:
    """Accept a date or ``YYYY-MM-DD`` text; return the text form."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidRecord(
            f"date {value!r}: write it as YYYY-MM-DD",
            fr=f"date {value!r}\u00a0: écrivez-la sous la forme AAAA-MM-JJ",
        ) from None


# NUL, and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
# they make a name read differently from what it holds ("Ana\u202eecnalA") or cut it.
_HIDDEN = dict.fromkeys([0, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def clean_text(text: str) -> str:
    """``text`` without the characters that hide or reorder what a person reads."""
    return text.translate(_HIDDEN)


def check_language(language: str) -> str:
    """``fr`` or ``en``, the languages of Dyade's forms; anything else is refused."""
    if language not in ("fr", "en"):
        raise InvalidRecord(
            f"language {language!r}: choose fr or en",
            fr=f"langue {language!r}\u00a0: choisissez fr ou en",
        )
    return language
