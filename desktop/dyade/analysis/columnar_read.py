"""The columnar batch path, step one: a share of dyads read into columns of values.

The rules for what a row may hold are those of :mod:`.csv_batch` (the same
``Layout``, cell parsers and pairing of visits). Anything that would make the
reference path note a problem (a bad cell, an unfinished or doubled response, a
visit missing a side, forms that are not a pair) sends the whole dyad back to
that path, so its output and problems stay the reference's own. The values of
each form's items are kept column by column (one array per scale item), ready
for the vectorised rules of :mod:`.columnar_rules`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, BinaryIO, NamedTuple

import numpy as np

from dyade.analysis.csv_batch import DONE_STATUSES, Layout, _visit_order
from dyade.analysis.csv_index import FileIndex

_MISS = object()  # a cell not seen yet in this column
_BAD = object()  # a cell the reference path would report as a problem
NAN = float("nan")


@dataclass(slots=True)
class FormValues:
    """One form's answers in a share: per item, one value per response of that form."""

    form: Any
    rows: list[list[str]] = field(default_factory=list)
    dyads: list[str] = field(default_factory=list)  # the dyad of each row
    scale: dict[str, np.ndarray] = field(default_factory=dict)  # item -> floats, NaN missing
    other: dict[str, list[Any]] = field(default_factory=dict)  # choice and multi items
    chosen: dict[str, Any] = field(default_factory=dict)  # checklist -> ({code: ticks}, none)


@dataclass(slots=True)
class Visit:
    dyad: str
    visit: str
    date: str
    patient: tuple[Any, int]  # (form, index of the response among that form's rows)
    physician: tuple[Any, int]


@dataclass(slots=True)
class Share:
    """A share's dyads in order; ``columnar`` says which the columnar rules analyse."""

    dyads: list[str]
    columnar: dict[str, bool] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # rows read per dyad
    visits: list[Visit] = field(default_factory=list)
    forms: dict[int, FormValues] = field(default_factory=dict)  # id(form) -> values


def _texts(handle: BinaryIO, index: FileIndex, dyads: list[str]) -> tuple[list[str], list]:
    """The text of every row of these dyads, in dyad order, and their lines and counts."""
    offsets: list[int] = []
    lengths: list[int] = []
    lines: list[int] = []
    counts: list[int] = []
    for dyad in dyads:
        triples = index.dyads[dyad]
        offsets += triples[0::3]
        lengths += triples[1::3]
        lines += triples[2::3]
        counts.append(len(triples) // 3)
    if not offsets:
        return [], [lines, counts]
    low, high = min(offsets), max(o + n for o, n in zip(offsets, lengths, strict=True))
    if high - low <= 2 * sum(lengths) + (1 << 20):  # rows close together: read them at once
        handle.seek(low)
        blob = handle.read(high - low)
        texts = [
            blob[o - low : o - low + n].decode("utf-8")
            for o, n in zip(offsets, lengths, strict=True)
        ]
    else:
        texts = []
        for o, n in zip(offsets, lengths, strict=True):
            handle.seek(o)
            texts.append(handle.read(n).decode("utf-8"))
    return texts, [lines, counts]


def _parsed(texts: list[str], sep: str) -> list[list[str]]:
    """Each text as one row, as :func:`.csv_index.read_row` reads it."""
    rows = list(csv.reader(texts, delimiter=sep))
    if len(rows) != len(texts):  # a quote left open: read them one by one, as the reference
        rows = [next(csv.reader((text,), delimiter=sep), []) for text in texts]
    return rows


def _value(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _form_of(row: list[str], layout: Layout) -> Any:
    """The row's form when the reference would read the row without a problem, else None
    (dyad and visit aside: :func:`_pairs` checks them)."""
    if layout.status is not None and _value(row, layout.status).lower() not in DONE_STATUSES:
        return None  # skipped by the reference: counted there
    get = {key: _value(row, index) for key, index in layout.fixed.items()}
    if not (get["respondent"] and get["form"]):
        return None
    form = layout.forms.get(get["form"])
    version = get.get("version") or ""
    if form is not None and version.isdigit() and int(version) != form.version:
        form = layout.forms.get(f"{get['form']}@{int(version)}")
    if form is None or get["respondent"] != form.respondent:
        return None
    return form


_KNOWN: dict[int, tuple[Layout, dict[tuple[str, ...], Any]]] = {}


def _column_of(rows: list[list[str]], index: int | None) -> list[str]:
    """One fixed column's raw cells (empty where a row is too short or there is none)."""
    if index is None:
        return [""] * len(rows)
    return [r[index] if index < len(r) else "" for r in rows]


def _row_forms(rows: list[list[str]], layout: Layout) -> list[Any]:
    """Each row's form, or None where the reference would not read the row."""
    entry = _KNOWN.get(id(layout))
    if entry is None or entry[0] is not layout:
        entry = _KNOWN[id(layout)] = (layout, {})
    known = entry[1]
    fixed = layout.fixed
    keys = zip(*(
        _column_of(rows, i)
        for i in (layout.status, fixed["respondent"], fixed["form"], fixed["version"])
    ), strict=True)  # fmt: skip
    out = []
    for key, row in zip(keys, rows, strict=True):
        form = known.get(key, _MISS)
        if form is _MISS:
            form = known[key] = _form_of(row, layout)
        out.append(form)
    return out


class Rows(NamedTuple):
    """A share's rows with what pairing reads of them, in file order per dyad."""

    rows: list[list[str]]
    lines: list[int]
    forms: list[Any]
    visits: list[str]  # stripped
    dates: list[str]  # stripped


def _pairs(dyad: str, got: Rows, start: int, end: int):
    """The dyad's visits in the reference's order, or None when the reference would
    note a problem (or skip a row) for it."""
    sides: dict[tuple[str, str], dict[str, tuple[Any, list[str]]]] = {}
    first: dict[tuple[str, str], int] = {}
    dates: dict[tuple[str, str], str] = {}
    if not dyad:
        return None
    for k in range(start, end):
        form, visit = got.forms[k], got.visits[k]
        if form is None or not visit:
            return None
        key = (dyad, visit)
        first.setdefault(key, got.lines[k])
        date = got.dates[k]
        if date:
            dates.setdefault(key, date)
        found = sides.setdefault(key, {})
        if form.respondent in found:
            return None
        found[form.respondent] = (form, got.rows[k])
    out = []
    for key in sorted(sides, key=lambda k: _visit_order(k, first, dates)):
        found = sides[key]
        if len(found) < 2:
            return None
        out.append((key[1], dates.get(key, ""), found["patient"], found["physician"]))
    return out


def _is_pair(patient: Any, physician: Any) -> bool:
    return patient.pair == physician.id and physician.pair == patient.id


def read_share(
    handle: BinaryIO,
    index: FileIndex,
    layout: Layout,
    dyads: list[str],
    usable: Callable[[Any, Any], bool],
) -> Share:
    """The share's rows, paired into visits; ``usable(patient_form, physician_form)``
    says which pairs of forms the columnar rules know."""
    share = Share(dyads)
    texts, (lines, counts) = _texts(handle, index, dyads)
    rows = _parsed(texts, index.sep)
    got = Rows(
        rows, lines, _row_forms(rows, layout),
        [v.strip() for v in _column_of(rows, layout.fixed["visit"])],
        [v.strip() for v in _column_of(rows, layout.fixed["date"])],
    )  # fmt: skip
    known: dict[tuple[int, int], bool] = {}
    start = 0
    for dyad, count in zip(dyads, counts, strict=True):
        end = start + count
        share.rows[dyad] = count
        visits = _pairs(dyad, got, start, end)
        start = end
        ok = visits is not None
        for _v, _d, (p, _pr), (d, _dr) in visits or ():
            key = (id(p), id(d))
            fits = known.get(key)
            if fits is None:
                fits = known[key] = _is_pair(p, d) and usable(p, d)
            ok = ok and fits
        share.columnar[dyad] = ok
        if not ok or visits is None:
            continue
        for visit, date, patient, physician in visits:
            refs = []
            for form, row in (patient, physician):
                values = share.forms.get(id(form))
                if values is None:
                    values = share.forms[id(form)] = FormValues(form)
                refs.append((form, len(values.rows)))
                values.rows.append(row)
                values.dyads.append(dyad)
            share.visits.append(Visit(dyad, visit, date, refs[0], refs[1]))
    bad: set[str] = set()
    for values in share.forms.values():
        bad.update(_convert(values, layout))
    if bad:
        for dyad in bad:
            share.columnar[dyad] = False
        share.visits = [v for v in share.visits if v.dyad not in bad]
    return share


# ---- cells to values -----------------------------------------------------------------


_CELLS: dict[int, tuple[Any, dict[str, Any]]] = {}


def _cell_map(parse: Any, usual: Mapping[str, Any], scale: bool) -> dict[str, Any]:
    """What each cell of an item's column reads as, kept across shares (per parser)."""
    entry = _CELLS.get(id(parse))
    if entry is None or entry[0] is not parse:
        cells: dict[str, Any] = {text: float(v) if scale else v for text, v in usual.items()}
        cells[""] = NAN if scale else None
        entry = _CELLS[id(parse)] = (parse, cells)
    return entry[1]


def _parse(text: str, parse: Callable[[str], Any], scale: bool) -> Any:
    """A cell as the reference reads it (``usual`` already missed): stripped, then parsed."""
    text = text.strip()
    if not text:
        return NAN if scale else None
    try:
        value = parse(text)
    except ValueError:
        return _BAD
    return float(value) if scale else value


def _column(texts: tuple[str, ...], cells: dict[str, Any], parse: Callable, scale: bool):
    """Each cell's value, and whether one of them is a problem (the map learns new cells)."""
    for text in set(texts).difference(cells):
        cells[text] = _parse(text, parse, scale)
    out = list(map(cells.__getitem__, texts))
    return out, any(cells[t] is _BAD for t in set(texts))


def _refused(cells: dict[str, Any], text: str) -> bool:
    return cells[text] is _BAD


def _bad_rows(texts: tuple[str, ...], dyads: list[str], bad: Callable[[str], bool]) -> set[str]:
    return {dyad for text, dyad in zip(texts, dyads, strict=True) if bad(text)}


def _convert(values: FormValues, layout: Layout) -> set[str]:
    """Fill ``values`` from its rows; the dyads of rows the reference would refuse."""
    cols = layout.columns_for(values.form)
    rows, bad = values.rows, set[str]()
    for k, row in enumerate(rows):
        if len(row) < cols.width:
            rows[k] = row + [""] * (cols.width - len(row))
    columns = list(zip(*rows, strict=False)) if rows else []  # at least ``width`` wide
    for index in cols.foreign:
        if any(text.strip() for text in set(columns[index])):
            bad |= _bad_rows(columns[index], values.dyads, lambda t: bool(t and t.strip()))
    kinds = {item.id: item.kind for item in values.form.items}
    for index, item_id, parse, usual in cols.own:
        kind = kinds[item_id]
        if kind == "text":
            continue  # any text is an answer: nothing to check, nothing the rules read
        scale = kind == "scale"
        cells = _cell_map(parse, usual, scale)
        column, refused = _column(columns[index], cells, parse, scale)
        if refused:
            bad |= _bad_rows(columns[index], values.dyads, partial(_refused, cells))
            column = [NAN if v is _BAD else v for v in column] if scale else column
        if scale:
            values.scale[item_id] = np.array(column, dtype=float)
        else:
            values.other[item_id] = column
    return bad
