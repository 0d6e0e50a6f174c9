"""What is wrong with a form file, said so that a person can fix it."""

from __future__ import annotations

import os
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


@dataclass(frozen=True)
class FormProblem:
    """One problem: which file, where in it (item id / field path), which line, and what."""

    file: str
    location: str
    line: int | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.location:
            parts.append(self.location)
        return f"{', '.join(parts)}: {self.message}"


class FormFileError(DyadeError):
    """A form file that cannot be used; ``problems`` lists every reason found."""

    def __init__(self, file: str, problems: list[FormProblem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
