"""Staff logins that cannot imitate one another.

A login is compared in its NFKC form (full-width ``ａｄｍｉｎ`` is ``admin``), and
a new one may not hold characters a person cannot see or that reorder what
they see: zero-width spaces and joiners, bidi controls, other format and
control characters, or spaces. So no account can look like ``admin`` in the
staff list while being another account.
"""

from __future__ import annotations

import unicodedata

from dyade.storage.errors import InvalidRecord

MAX_LOGIN_LENGTH = 64
_UNSEEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")  # control, format, surrogate, unassigned


def normalise(login: str) -> str:
    """The form a login is stored, looked up and signed in with."""
    return unicodedata.normalize("NFKC", login).strip()


def _unseen(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in _UNSEEN or c.isspace()]


def checked(login: str) -> str:
    """``login`` normalised, or :class:`InvalidRecord` naming what is wrong with it."""
    value = normalise(login)
    hidden = _unseen(value)
    if hidden:
        named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in hidden[:3])
        raise InvalidRecord(
            f"login {value!r}: use one word of visible characters, without spaces ({named})",
            fr=f"identifiant {value!r}\u00a0: un seul mot de caractères visibles, sans espace "
            f"({named})",
        )
    if not value or len(value) > MAX_LOGIN_LENGTH:
        raise InvalidRecord(
            f"login {value!r}: between 1 and {MAX_LOGIN_LENGTH} characters",
            fr=f"identifiant {value!r}\u00a0: entre 1 et {MAX_LOGIN_LENGTH} caractères",
        )
    return value


def problem(login: object) -> bool:
    """True when a login arriving from elsewhere (a transfer) could not be made here."""
    if not isinstance(login, str):
        return True
    try:
        return checked(login) != login
    except InvalidRecord:
        return True
