"""The first pass of ``dyade analyse``: where each dyad's rows sit in the file.

Rows need not be sorted by dyad. One pass with Python's ``csv`` module notes,
per dyad, every row's byte offset, length and line (a few bytes per row); the
second pass then reads one dyad's rows at a time, so memory follows the
largest dyad and not the size of the file. The file is read as bytes so the
offsets are exact; a quoted cell may span several lines.
"""

from __future__ import annotations

import csv
import itertools
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from dyade.csv_dialect import detect_separator
from dyade.errors import DyadeError


class NotUtf8(Exception):
    """A line that is not UTF-8: which one, and the byte within it."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


class _Lines:
    """The file's physical lines, decoded, with the byte offset reached so far."""

    def __init__(self, handle: BinaryIO) -> None:
        self._lines = iter(handle)
        self.pos = 0
        self.line = 0  # physical lines read so far, to name where a bad byte sits
        self._encoding = "utf-8-sig"  # a byte-order mark may open the file

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self._lines)
        self.pos += len(raw)
        self.line += 1
        try:
            text = raw.decode(self._encoding)
        except UnicodeDecodeError as exc:
            raise NotUtf8(self.line, exc.start) from None
        self._encoding = "utf-8"
        return text


@dataclass(slots=True)
class FileIndex:
    """The header, each dyad's rows as flat ``(offset, length, line)`` triples, form ids."""

    header: list[str]
    sep: str = ","
    dyads: dict[str, array] = field(default_factory=dict)
    forms: set[str] = field(default_factory=set)

    def rows(self, dyad: str) -> Iterator[tuple[int, int, int]]:
        triples = self.dyads[dyad]
        for i in range(0, len(triples), 3):
            yield triples[i], triples[i + 1], triples[i + 2]


@contextmanager
def readable(path: Path):
    """Turn the ways a file can be unreadable into one DyadeError naming it."""
    try:
        yield
    except OSError as exc:
        raise DyadeError(f"{path}: cannot read ({exc.strerror})") from None
    except NotUtf8 as exc:
        raise DyadeError(
            f"{path}, line {exc.line}: not UTF-8 text (byte {exc.column + 1}); "
            "save the file as UTF-8 (CSV UTF-8 in a spreadsheet)"
        ) from None
    except UnicodeDecodeError:
        raise DyadeError(f"{path}: not a UTF-8 text file") from None
    except csv.Error as exc:
        raise DyadeError(f"{path}: not a readable CSV file ({exc})") from None


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


WHOLE_FILE = 64 << 20  # files up to this size are split into lines at once


def _whole(handle: BinaryIO) -> tuple[list[str], list[int]] | None:
    """A file of at most :data:`WHOLE_FILE` bytes as its decoded lines (``\n`` kept, a
    byte-order mark dropped) and the byte offset after each; None for a larger file or
    one that is not UTF-8 (read line by line, which says where the bad byte is)."""
    data = handle.read(WHOLE_FILE + 1)
    if len(data) > WHOLE_FILE:
        return None
    base = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    raw = data[base:].split(b"\n")
    last = raw.pop()
    try:
        lines = [line.decode("utf-8") + "\n" for line in raw]
        if last:
            lines.append(last.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    sizes = [len(line) + 1 for line in raw] + ([len(last)] if last else [])
    return lines, list(itertools.accumulate(sizes, initial=base))


def build_index(path: Path, columns: Callable[[list[str]], tuple[int, int]]) -> FileIndex:
    """Read the file once; ``columns(header)`` gives the dyad and form column indexes
    (and raises DyadeError when the header lacks them)."""
    with readable(path), open(path, "rb") as handle:
        whole = _whole(handle)
        if whole is None:
            handle.seek(0)
            return _index(path, _Lines(handle), columns, None)
        return _index(path, iter(whole[0]), columns, whole[1])


def _index(path: Path, lines: Any, columns: Callable, ends: list[int] | None) -> FileIndex:
    """The index from the file's lines; ``ends`` are the byte offsets after each line
    (None: ``lines`` is a :class:`_Lines`, which counts them as it goes)."""
    first = next(lines, "")
    sep = detect_separator(first)  # "," or ";" (French Excel) or tab
    reader = csv.reader(itertools.chain((first,), lines), delimiter=sep)
    header = next(reader, None)
    if not header:
        raise DyadeError(f"{path}: empty file, expected a header line")
    dyad_col, form_col = columns(header)
    index = FileIndex(header, sep)
    start = lines.pos if ends is None else ends[reader.line_num]
    for row in reader:
        end = lines.pos if ends is None else ends[reader.line_num]
        dyad = _cell(row, dyad_col)
        if dyad or any(cell.strip() for cell in row):
            triples = index.dyads.get(dyad)
            if triples is None:
                triples = index.dyads[dyad] = array("q")
            triples.extend((start, end - start, reader.line_num))
            index.forms.add(_cell(row, form_col))
        start = end
    return index


def read_row(handle: BinaryIO, offset: int, length: int, sep: str = ",") -> list[str]:
    """One row again, from where the first pass found it."""
    handle.seek(offset)
    text = handle.read(length).decode("utf-8")
    return next(csv.reader((text,), delimiter=sep), [])
