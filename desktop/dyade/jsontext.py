"""JSON from outside (answer files, thresholds files): nesting is bounded before parsing.

Python's parser recurses once per level: a file of 100,000 opening brackets ended
in a ``RecursionError`` ("unexpected error"). No file Dyade reads nests deeper
than a few levels, so anything beyond ``MAX_DEPTH`` is refused with a message.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dyade.errors import DyadeError

MAX_DEPTH = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(shown: str | Path) -> DyadeError:
    return DyadeError(
        f"{shown}: nested too deeply (more than {MAX_DEPTH} levels of lists and objects); "
        "this is not a file Dyade reads",
        fr=f"{shown}\u00a0: imbriqué trop profondément (plus de {MAX_DEPTH} niveaux de listes "
        "et d’objets)\u00a0; ce n’est pas un fichier que Dyade lit",
    )


def depth(text: str) -> int:
    """How deeply lists and objects nest in ``text`` (strings skipped), stopping early."""
    level = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        level += 1 if match.group() in "[{" else -1
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            break
    return deepest


def loads(text: str, shown: str | Path) -> Any:
    """``json.loads(text)``, refusing a nesting deeper than ``MAX_DEPTH`` (naming ``shown``).
    Malformed JSON still raises ``json.JSONDecodeError`` for the caller to describe."""
    if depth(text) > MAX_DEPTH:
        raise too_deep(shown)
    try:
        return json.loads(text)
    except RecursionError:
        raise too_deep(shown) from None
