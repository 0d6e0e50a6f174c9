"""Batch analysis of a CSV of responses (``dyade analyse``), for research and audits.

Input: one row per response, with ``dyad``, ``visit``, ``respondent`` and
``form`` columns (the storage export's ``dyad_uuid``, ``visit_uuid``,
``visit_date`` and ``form_id`` are accepted too), then one column per item id.
A cell holds a scale point, an option code, codes joined with ``;``, text, or
nothing (skipped). Every cell is checked against its form while it is read,
so analysis can skip the engine's second check; a bad row is reported with its
line and column and the other rows are still analysed. Work is linear in the
number of rows (each form is prepared once) and memory follows the largest
dyad: a first pass indexes where each dyad's rows are (:mod:`.csv_index`),
then dyads are read, analysed and handed on one at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from dyade.analysis.csv_index import FileIndex, build_index, read_row, readable
from dyade.analysis.thresholds import Thresholds
from dyade.analysis.trajectory import DyadHistory, VisitPoint, analyse_history
from dyade.analysis.visit import VisitAnalysis, analyse_visit, check_pair
from dyade.errors import DyadeError

ALIASES = {
    "dyad": ("dyad", "dyad_id", "dyad_uuid"),
    "visit": ("visit", "visit_number", "visit_uuid", "visit_id"),
    "date": ("date", "visit_date"),
    "respondent": ("respondent",),
    "form": ("form", "form_id"),
    "version": ("form_version",),  # optional: answers of an earlier version of the form
}
IGNORED = {
    "response_uuid", "visit_kind", "patient_code", "physician_login",
    "language", "completed_at", "status",
}  # fmt: skip
DONE_STATUSES = ("", "completed", "complete", "done")


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Response:
    line: int
    dyad: str
    visit: str
    date: str
    respondent: str
    form: Any
    answers: dict[str, Any]


@dataclass(slots=True)
class BatchResult:
    visits: list[tuple[str, str, str, VisitAnalysis]] = field(default_factory=list)
    histories: dict[str, DyadHistory] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    rows: int = 0
    analysed: int = 0  # dyad-visits
    dyads: int = 0
    fallback: int = 0  # dyads the columnar path handed to the reference path


# ---- reading cells -------------------------------------------------------------


def _cell_parser(form: Any, item: Any):
    """A function cell -> value that raises ValueError with a short reason."""
    if item.kind == "scale":
        scale = form.scales[item.scale]
        low, high = scale.min, scale.max

        def parse_scale(text: str) -> int:
            try:
                value = int(text)
            except ValueError:
                msg = f"expected a whole number from {low} to {high}, got {text!r}"
                raise ValueError(msg) from None
            if not low <= value <= high:
                raise ValueError(f"{value} is outside the scale {low} to {high}")
            return value

        return parse_scale
    if item.kind == "text":
        return lambda text: text
    codes = frozenset(o.code for o in item.options or [])
    exclusive = frozenset(o.code for o in item.options or [] if o.exclusive)
    if item.kind == "choice":

        def parse_choice(text: str) -> str:
            if text not in codes:
                raise ValueError(f"{text!r} is not one of {', '.join(sorted(codes))}")
            return text

        return parse_choice

    def parse_multi(text: str) -> list[str]:
        chosen = [part.strip() for part in text.split(";") if part.strip()]
        unknown = [c for c in chosen if c not in codes]
        if unknown:
            raise ValueError(f"{', '.join(unknown)} not among {', '.join(sorted(codes))}")
        if len(set(chosen)) != len(chosen):
            raise ValueError("a code is chosen twice")
        if len(chosen) > 1 and exclusive & set(chosen):
            raise ValueError(f"'{sorted(exclusive & set(chosen))[0]}' cannot go with other codes")
        return chosen

    return parse_multi


@dataclass(slots=True)
class FormColumns:
    """Where one form's items sit in the file, prepared once per form: for each item
    its column, id, cell parser and the exact cells it reads most (a scale's points, a
    choice's codes) with their values, so most cells cost one dictionary look-up."""

    form: Any
    own: list[tuple[int, str, Any, dict[str, Any]]]
    foreign: list[int]
    width: int = 0  # a row shorter than this is padded with empty cells


def _usual_cells(form: Any, item: Any) -> dict[str, Any]:
    """Cells whose value is known without parsing (whatever the parser would give)."""
    if item.kind == "scale":
        return {str(v): v for v in form.scales[item.scale].points()}
    if item.kind == "choice":
        return {o.code: o.code for o in item.options or [] if o.code == o.code.strip()}
    return {}


class Layout:
    """The file's header resolved against the library of forms."""

    def __init__(self, header: list[str], forms: Mapping[str, Any]) -> None:
        self.header = header
        self.forms = forms
        self.index = {name.strip(): i for i, name in enumerate(header)}
        self.fixed = {key: self._find(names) for key, names in ALIASES.items()}
        missing = [k for k in ("dyad", "visit", "respondent", "form") if self.fixed[k] is None]
        if missing:
            wanted = ", ".join(ALIASES[k][0] for k in missing)
            raise DyadeError(f"line 1: missing column(s) {wanted}")
        fixed_cols = {i for i in self.fixed.values() if i is not None}
        known_items = {item.id for form in forms.values() for item in form.items}
        self.item_cols = {
            name: i for name, i in self.index.items() if i not in fixed_cols and name not in IGNORED
        }
        self.unknown = sorted(name for name in self.item_cols if name not in known_items)
        self.status = self.index.get("status")
        self._per_form: dict[tuple[str, int], FormColumns] = {}

    def required(self, key: str) -> int:
        """The column of one of the columns every file has (checked with the header)."""
        col = self.fixed[key]
        if col is None:
            raise DyadeError(f"line 1: missing column(s) {ALIASES[key][0]}")
        return col

    def _find(self, names: Iterable[str]) -> int | None:
        return next((self.index[n] for n in names if n in self.index), None)

    def columns_for(self, form: Any) -> FormColumns:
        cols = self._per_form.get((form.id, form.version))
        if cols is None:
            own_ids = {item.id for item in form.items}
            own = [
                (col, item.id, _cell_parser(form, item), _usual_cells(form, item))
                for item in form.items
                if (col := self.item_cols.get(item.id)) is not None
            ]
            foreign = [i for name, i in self.item_cols.items() if name not in own_ids]
            width = max([i for i, *_ in own] + foreign, default=-1) + 1
            cols = FormColumns(form, own, foreign, width)
            self._per_form[(form.id, form.version)] = cols
        return cols


def _value(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _answers(row: list[str], cols: FormColumns, line: int, header: list[str]) -> dict[str, Any]:
    if len(row) < cols.width:
        row = row + [""] * (cols.width - len(row))
    answers: dict[str, Any] = {}
    for index, item_id, parse, usual in cols.own:
        text = row[index]
        value = usual.get(text)
        if value is None:
            text = text.strip()
            if text:
                try:
                    value = parse(text)
                except ValueError as exc:
                    raise _RowError(line, item_id, str(exc)) from None
        answers[item_id] = value
    for index in cols.foreign:
        if row[index] and row[index].strip():
            name = header[index]
            raise _RowError(line, name, f"'{name}' is not an item of form '{cols.form.id}'")
    return answers


class _RowError(Exception):
    def __init__(self, line: int, column: str | None, message: str) -> None:
        super().__init__(message)
        self.problem = Problem(line, column, message)


def _response(row: list[str], line: int, layout: Layout) -> Response | None:
    if layout.status is not None and _value(row, layout.status).lower() not in DONE_STATUSES:
        return None
    get = {key: _value(row, index) for key, index in layout.fixed.items()}
    for key in ("dyad", "visit", "respondent", "form"):
        if not get[key]:
            raise _RowError(line, ALIASES[key][0], "empty")
    form = layout.forms.get(get["form"])
    version = get.get("version") or ""
    if form is not None and version.isdigit() and int(version) != form.version:
        # an earlier version, given as "ID@VERSION" (dyade.forms.library.versioned_forms)
        form = layout.forms.get(f"{get['form']}@{int(version)}")
        if form is None:
            raise _RowError(line, "form_version", f"form '{get['form']}' has no version {version}")
    if form is None:
        raise _RowError(line, "form", f"unknown form '{get['form']}'")
    if get["respondent"] != form.respondent:
        raise _RowError(
            line,
            "respondent",
            f"'{get['respondent']}' but form '{form.id}' is for the {form.respondent}",
        )
    answers = _answers(row, layout.columns_for(form), line, layout.header)
    return Response(line, get["dyad"], get["visit"], get["date"], form.respondent, form, answers)


def _layout_columns(path: Path, forms: Mapping[str, Any], holder: list[Layout]):
    def columns(header: list[str]) -> tuple[int, int]:
        try:
            layout = Layout(header, forms)
        except DyadeError as exc:
            raise DyadeError(f"{path}, {exc}") from None
        holder.append(layout)
        return layout.required("dyad"), layout.required("form")

    return columns


def _dyad_responses(
    handle: BinaryIO, index: FileIndex, dyad: str, layout: Layout, result: BatchResult
) -> list[Response]:
    """One dyad's good rows; bad ones go to ``result.problems`` with line and column."""
    responses = []
    for offset, length, line in index.rows(dyad):
        result.rows += 1
        try:
            response = _response(read_row(handle, offset, length, index.sep), line, layout)
        except _RowError as exc:
            result.problems.append(exc.problem)
            continue
        if response is None:
            result.skipped += 1
        else:
            responses.append(response)
    return responses


# ---- pairing and analysing -----------------------------------------------------------


def _visit_order(key: tuple[str, str], first: dict, dates: dict) -> tuple:
    visit = key[1]
    number = int(visit) if visit.isdigit() else None
    return (dates.get(key) or "", number if number is not None else float("inf"), first[key])


def _pairs(responses: list[Response], result: BatchResult) -> dict[str, list]:
    """dyad -> [(visit, date, sides)] in visit order; problems noted."""
    groups: dict[tuple[str, str], dict[str, Response]] = {}
    first: dict[tuple[str, str], int] = {}
    dates: dict[tuple[str, str], str] = {}
    for resp in responses:
        key = (resp.dyad, resp.visit)
        first.setdefault(key, resp.line)
        if resp.date:
            dates.setdefault(key, resp.date)
        sides = groups.setdefault(key, {})
        if resp.respondent in sides:
            other = sides[resp.respondent].line
            msg = f"a second {resp.respondent} response for this visit (first on line {other})"
            result.problems.append(Problem(resp.line, None, msg))
            continue
        sides[resp.respondent] = resp
    by_dyad: dict[str, list] = {}
    for key in sorted(groups, key=lambda k: (k[0], _visit_order(k, first, dates))):
        sides = groups[key]
        if len(sides) < 2:
            (only,) = sides.values()
            missing = "physician" if only.respondent == "patient" else "patient"
            msg = f"dyad {key[0]}, visit {key[1]}: no {missing} response; not analysed"
            result.problems.append(Problem(only.line, None, msg))
            continue
        by_dyad.setdefault(key[0], []).append((key[1], dates.get(key, ""), sides))
    return by_dyad


@dataclass(slots=True)
class DyadOutcome:
    """One dyad's analysed visits, in order, and its history over them."""

    dyad: str
    visits: list[tuple[str, str, VisitAnalysis]]
    history: DyadHistory


def _analyse_dyad(dyad: str, visits: list, th: Thresholds, result: BatchResult):
    points: list[VisitPoint] = []
    previous: VisitAnalysis | None = None
    done: list[tuple[str, str, VisitAnalysis]] = []
    for visit, date, sides in visits:
        patient, physician = sides["patient"], sides["physician"]
        try:
            check_pair(patient.form, physician.form)
        except DyadeError as exc:
            result.problems.append(Problem(physician.line, "form", str(exc)))
            continue
        analysis = analyse_visit(
            patient.form, patient.answers, physician.form, physician.answers,
            thresholds=th, previous=previous, validate=False,
        )  # fmt: skip
        previous = analysis
        done.append((visit, date, analysis))
        label = f"{visit} {date}".strip() if date and date != visit else visit
        points.append(VisitPoint.from_analysis(analysis, len(points) + 1, label))
    if not points:
        return None
    return DyadOutcome(dyad, done, analyse_history(points, thresholds=th))


class BatchRun:
    """A CSV batch read dyad by dyad: iterate it for each :class:`DyadOutcome`.

    Counts and problems gather in ``result`` as the iteration goes (problems
    are sorted by line at its end); ``form_ids`` are the forms the file names,
    known before the first dyad so writers can set their columns.
    """

    def __init__(self, path: Path | str, forms: Mapping[str, Any], th: Thresholds | None = None):
        self.path, self.forms, self.th = Path(path), forms, th or Thresholds()
        self.result = BatchResult()
        holder: list[Layout] = []
        self.index = build_index(self.path, _layout_columns(self.path, forms, holder))
        self.layout = holder[0]
        self.form_ids = sorted(f for f in self.index.forms if f in forms)
        for name in self.layout.unknown:
            self.result.problems.append(Problem(1, name, "not an item of any known form; ignored"))

    def __iter__(self) -> Iterator[DyadOutcome]:
        yield from self.outcomes(sorted(self.index.dyads), self.result)
        self.result.problems.sort(key=lambda p: p.line)

    def outcomes(self, dyads: list[str], result: BatchResult) -> Iterator[DyadOutcome]:
        """These dyads' outcomes in this order, their counts and problems in ``result``
        (a worker process runs this on its share of the dyads)."""
        with readable(self.path), open(self.path, "rb") as handle:
            for dyad in dyads:
                responses = _dyad_responses(handle, self.index, dyad, self.layout, result)
                for name, visits in _pairs(responses, result).items():
                    outcome = _analyse_dyad(name, visits, self.th, result)
                    if outcome is not None:
                        result.analysed += len(outcome.visits)
                        result.dyads += 1
                        yield outcome


def analyse_csv(path: Path | str, forms: Mapping[str, Any], th: Thresholds | None = None):
    """Analyse every dyad-visit of the file and keep them all (small files, tests);
    ``dyade analyse`` streams a :class:`BatchRun` instead."""
    run = BatchRun(path, forms, th)
    for outcome in run:
        run.result.visits.extend((outcome.dyad, *v) for v in outcome.visits)
        run.result.histories[outcome.dyad] = outcome.history
    return run.result
