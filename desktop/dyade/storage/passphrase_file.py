"""A passphrase read from a file (``--passphrase-file``, an unattended kiosk's file).

Editors add what no one typed: Notepad a UTF-8 byte-order mark, PowerShell 5 UTF-16
with its mark, every editor a final newline. Keyed as they are, they make a
passphrase the clinic can never type again, so they are removed; anything else a
person cannot type (NUL, control or invisible characters, bytes that are not
text) is refused with a message saying where, before any database is keyed.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

from dyade.errors import DyadeError, os_reason

MAX_BYTES = 4096  # a passphrase is a few words; a bigger file is the wrong file
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _refused(file: Path, en: str, fr: str) -> DyadeError:
    return DyadeError(
        f"the passphrase file {file} {en}",
        fr=f"le fichier de la phrase secrète {file} {fr}",
    )


def _read(file: Path) -> bytes:
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DyadeError(
            f"cannot read the passphrase file {file}: {exc.strerror}",
            fr=f"impossible de lire le fichier de la phrase secrète {file}\u00a0: "
            f"{os_reason(exc, 'fr')}",
        ) from exc
    if len(data) > MAX_BYTES:
        raise _refused(
            file,
            f"is larger than {MAX_BYTES} bytes: it is not a passphrase file",
            f"dépasse {MAX_BYTES} octets\u00a0: ce n’est pas un fichier de phrase secrète",
        )
    return data


def _decode(file: Path, data: bytes) -> str:
    try:
        if data.startswith(_UTF16_MARKS):
            return data.decode("utf-16")  # the mark tells the byte order, and is dropped
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise _refused(
            file,
            f"is not UTF-8 text (byte {exc.start + 1}); save it as UTF-8",
            f"n’est pas du texte UTF-8 (octet {exc.start + 1})\u00a0; enregistrez-le en UTF-8",
        ) from None


def _untypable(text: str) -> tuple[int, str] | None:
    """The first character no one types into a passphrase field: (position, U+XXXX)."""
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return position, f"U+{ord(char):04X}"
    return None


def read_passphrase_file(path: str | os.PathLike[str]) -> str:
    """The passphrase in ``path``: without a byte-order mark and one final newline."""
    file = Path(path)
    text = _decode(file, _read(file))
    for end in ("\r\n", "\n", "\r"):
        if text.endswith(end):
            text = text[: -len(end)]
            break
    if not text:
        raise _refused(file, "is empty", "est vide")
    found = _untypable(text)
    if found is not None:
        position, code = found
        raise _refused(
            file,
            f"holds a character no one can type ({code}, character {position}); write the "
            "passphrase alone on one line, saved as UTF-8",
            f"contient un caractère que personne ne peut taper ({code}, caractère {position})"
            "\u00a0; écrivez la phrase secrète seule sur une ligne, enregistrée en UTF-8",
        )
    return text
