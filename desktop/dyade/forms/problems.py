"""What is wrong with a form file, said so that a person can fix it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from dyade.errors import DyadeError


def display_path(path: Path | str) -> str:
    """The path as a person would type it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return os.fspath(path)


# The words of a location (``item 'p_trust' option 'a' field 'text.fr'``) in French;
# the names between quotes are the file's own and stay as written.
_LOCATION_FR = {
    "item": "question",
    "option": "option",
    "field": "champ",
    "subscale": "sous-échelle",
    "scale": "échelle",
    "number": "n°",
}
_WORD_OR_QUOTED = re.compile(r"'[^']*'|[a-z]+")


def location_fr(location: str) -> str:
    """A location as :func:`dyade.forms.loading.describe_location` writes it, in French."""
    return _WORD_OR_QUOTED.sub(lambda m: _LOCATION_FR.get(m.group(), m.group()), location)


@dataclass(frozen=True)
class FormProblem:
    """One problem: which file, where in it (item id / field path), which line, and what.

    ``fr`` is the message in French for the problems a clinic meets with its
    forms folder (a file missing, unreadable, not a form, a pair missing); the
    finer points of writing a form are said in English, like the form contract.
    """

    file: str
    location: str
    line: int | None
    message: str
    fr: str | None = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str) -> str:
        french = lang == "fr"
        parts = [self.file]
        if self.line is not None:
            parts.append(f"{'ligne' if french else 'line'} {self.line}")
        if self.location:
            parts.append(location_fr(self.location) if french else self.location)
        if french:
            return f"{', '.join(parts)}\u00a0: {self.fr or self.message}"
        return f"{', '.join(parts)}: {self.message}"


class FormFileError(DyadeError):
    """A form file that cannot be used; ``problems`` lists every reason found."""

    def __init__(self, file: str, problems: list[FormProblem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def text(self, lang: str) -> str:
        return "\n".join(p.text(lang) for p in self.problems)
