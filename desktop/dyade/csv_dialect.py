"""CSV as spreadsheets write it: comma or semicolon, with or without a byte-order mark.

Excel in a French locale writes (and expects) semicolons, since the comma is the
decimal separator there, and it only reads a file as UTF-8 when it opens with a
byte-order mark. So Dyade reads either separator (told apart on the header
line) and a BOM, and writes UTF-8 with a BOM, semicolons for a French clinic and
commas otherwise, unless asked for another separator.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dyade.safe_write import Kind, open_for_writing

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class CsvStyle:
    """How a CSV file is written: its separator and whether it opens with a BOM."""

    sep: str = ","
    bom: bool = True

    @property
    def encoding(self) -> str:
        return "utf-8-sig" if self.bom else "utf-8"

    def writer(self, handle: IO[str]) -> Any:
        return csv.writer(handle, delimiter=self.sep)


EXCEL = CsvStyle(",")  # UTF-8 with a byte-order mark, commas
PLAIN = CsvStyle(",", bom=False)  # what scripts expect: commas, no byte-order mark


def for_language(lang: str | None) -> CsvStyle:
    """The style Excel opens right in this language: semicolons in French."""
    return CsvStyle(";" if (lang or "").lower().startswith("fr") else ",")


def chosen_style(sep: str | None, plain: bool, default: CsvStyle) -> CsvStyle:
    """The style ``--sep NAME`` and ``--plain`` ask for; ``default`` when neither is given
    (``--plain`` alone means commas without a byte-order mark, what scripts expect)."""
    if sep is None:
        return PLAIN if plain else default
    return CsvStyle(SEPARATORS[sep], bom=not plain)


def detect_separator(header: str) -> str:
    """The separator of a file from its header line: the most frequent of ``,``, ``;``
    and tab outside quotes (a comma on a tie, the CSV default)."""
    counts = dict.fromkeys(SEPARATORS.values(), 0)
    quoted = False
    for char in header.removeprefix(BOM):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts.values())
    return "," if best == 0 or counts[","] == best else max(counts, key=counts.__getitem__)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+1``,
    ``@SUM``) starts with a single quote, as OWASP's CSV-injection rule says; numbers
    stay numbers."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class NeutralWriter:
    """A ``csv.writer`` whose text cells never run as formulas (:func:`neutral`)."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutral(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


@contextmanager
def writing(
    path: str | os.PathLike[str], style: CsvStyle, *, force: bool = False, kind: Kind = "export"
) -> Iterator[Any]:
    """A ``csv.writer`` on ``path`` in ``style``, through :mod:`dyade.safe_write`: the
    file is in place, whole, when the block ends; ``force`` replaces an existing one.
    Every file Dyade writes is for a spreadsheet, so its text cells are neutralised."""
    with open_for_writing(
        path, force=force, kind=kind, newline="", encoding=style.encoding
    ) as handle:
        yield NeutralWriter(style.writer(handle))


def write_rows(path: str | Path, style: CsvStyle, rows: Iterable[Sequence[Any]]) -> None:
    with writing(path, style) as writer:
        writer.writerows(rows)


def read_rows(path: str | Path) -> list[list[str]]:
    """Every row of a CSV written by Dyade or a spreadsheet (either separator, BOM or not)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    first = text.split("\n", 1)[0]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=detect_separator(first)))


def read_dicts(path: str | Path) -> list[dict[str, str]]:
    """:func:`read_rows` as one dict per row, keyed by the header."""
    header, *body = read_rows(path) or [[]]
    return [dict(zip(header, row, strict=False)) for row in body]
