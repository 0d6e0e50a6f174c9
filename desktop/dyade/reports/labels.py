"""The PDF's bilingual wording, read from ``resources/text/report.yaml``.

Every label printed in a report comes from that file, French and English side
by side, so wording can be reviewed without reading code. A :class:`Labels` is
bound to one language at export time.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from dyade.errors import DyadeError
from dyade.paths import resources_dir
from dyade.wording import load_wording

LANGS: tuple[str, ...] = ("fr", "en")
NBSP = "\u00a0"
_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): it would eat no-break spaces
_FR_BEFORE = re.compile(r" ([:;!?»])")
_FR_AFTER = re.compile(r"« ")


def typeset(text: str, lang: str) -> str:
    """Collapse spaces; in French, keep « », : ; ! ? on the line of their word."""
    text = _SPACES.sub(" ", text).strip()
    if lang == "fr":
        text = _FR_AFTER.sub("«" + NBSP, _FR_BEFORE.sub(NBSP + r"\1", text))
    return text


def labels_path() -> Path:
    return resources_dir() / "text" / "report.yaml"


def _load(path: Path) -> dict[str, Any]:
    return load_wording(path, "report wording")


def check_lang(lang: str) -> str:
    """``fr`` or ``en``; anything else is a mistake worth naming."""
    if lang not in LANGS:
        raise DyadeError(f"report language {lang!r}: choose fr or en")
    return lang


class Labels:
    """Look up report wording in one language: ``labels("footer.page", n=1, total=2)``."""

    def __init__(self, lang: str, path: Path | None = None) -> None:
        self.lang = check_lang(lang)
        self.path = path or labels_path()
        self._data = _load(self.path)

    def node(self, key: str) -> Any:
        """The raw node at a dotted key, with an error naming the key when absent."""
        node: Any = self._data
        for part in key.split("."):
            found = isinstance(node, dict) and (
                part in node or (part.isdigit() and int(part) in node)
            )
            if not found:
                raise DyadeError(f"{self.path}: missing report wording at {key}")
            node = node[part] if part in node else node[int(part)]
        return node

    def has(self, key: str) -> bool:
        try:
            self.node(key)
        except DyadeError:
            return False
        return True

    def __call__(self, key: str, **values: Any) -> str:
        """The text at ``key`` in this language, placeholders filled."""
        return self.pick(self.node(key), **values)

    def pick(self, node: Any, **values: Any) -> str:
        """This language's text of a ``{fr, en}`` node (or of plain text)."""
        if isinstance(node, dict):
            if self.lang not in node:
                raise DyadeError(f"{self.path}: wording without {self.lang}: {node!r}")
            node = node[self.lang]
        text = str(node).format_map(values) if values else str(node)
        return typeset(text, self.lang)

    def paragraphs(self, key: str) -> list[str]:
        """A list of ``{fr, en}`` nodes, in this language."""
        return [self.pick(item) for item in self.node(key)]
