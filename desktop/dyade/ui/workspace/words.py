"""The current language and the analysis's own bilingual wording (resources/text/analysis.yaml)."""

from __future__ import annotations

from typing import Any

from dyade.analysis import texts
from dyade.errors import DyadeError
from dyade.ui.i18n import current_language

__all__ = ["current_language", "label", "named", "pick"]


def pick(node: Any, lang: str | None = None) -> str:
    """One language of a ``{fr, en}`` text (or the text itself)."""
    if isinstance(node, dict):
        lang = lang or current_language()
        return str(node.get(lang) or node.get("en") or "")
    return "" if node is None else str(node)


def label(*path: str) -> str:
    """A label of the analysis texts, e.g. ``label("kinds", "goal_mismatch")``."""
    try:
        return pick(texts.lookup("labels", *path))
    except (KeyError, TypeError, IndexError, DyadeError):
        return path[-1]


def flag_label(flag: Any) -> str:
    """The one name of a finding (``dyade.analysis.texts.flag_name``), in the app's language."""
    return texts.flag_name(flag, current_language())


def named(section: str, key: str) -> str:
    """A named thing of the analysis texts (``subscales``, ``principles``, ``functions``...)."""
    try:
        return pick(texts.lookup(section, key))
    except (KeyError, TypeError, IndexError, DyadeError):
        return key.replace("_", " ")
