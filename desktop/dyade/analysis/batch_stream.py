"""``dyade analyse`` output written dyad by dyad, so memory stays flat on large files.

The formats are those of :mod:`.batch_output` (docs/ANALYSIS.md): the CSV
columns come from the forms the file names, known after the first pass; the
JSON file is assembled at the end from two spooled temporary files, so its
counts and problems can come first as documented.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Protocol

from dyade.analysis.batch_output import (
    _check_suffix,
    _csv_cell,
    _json_flags,
    compact_flag,
    dyad_row,
    dyads_path,
    form_columns,
    visit_row,
)
from dyade.analysis.csv_batch import BatchResult, BatchRun, DyadOutcome
from dyade.csv_dialect import CsvStyle, writing
from dyade.errors import DyadeError
from dyade.safe_write import check_target, open_for_writing

Rendered = Any  # what a sink's ``render`` makes of one dyad: plain, picklable data


class Sink(Protocol):
    """Turns each dyad's outcome into rows or text (``render``, which may run in a worker
    process) and writes them in dyad order (``put``, always in the main process)."""

    def render(self, outcome: DyadOutcome) -> Rendered: ...

    def put(self, rendered: Rendered) -> None: ...

    def close(self, result: BatchResult) -> list[Path]: ...


@contextmanager
def writable(out: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise DyadeError(f"{out}: cannot write ({exc.strerror})") from None


def _rows(outcome: DyadOutcome, subscales: list[str], compared: list[str]):
    for visit, date, analysis in outcome.visits:
        yield analysis, visit_row((outcome.dyad, visit, date), analysis, subscales, compared)


def _last(outcome: DyadOutcome):
    return outcome.visits[-1][2] if outcome.visits else None


Cells = tuple[list[str] | None, list[list[Any]]]


def _cells(rows: list[dict[str, Any]]) -> Cells:
    """The rows' header (their keys, the same for every row) and their CSV cells."""
    if not rows:
        return None, []
    header = list(rows[0])
    return header, [[_csv_cell(row.get(c)) for c in header] for row in rows]


class CsvSink:
    """``FILE.csv`` (one row per dyad-visit) and ``FILE-dyads.csv`` (one per dyad)."""

    def __init__(
        self, out: Path, run: BatchRun, style: CsvStyle, files: ExitStack, force: bool
    ) -> None:
        self.out, self.columns = out, form_columns(run.forms, run.form_ids)
        check_target(dyads_path(out), force=force, kind="analysis")  # both, before any work
        self.visit_writer, self.dyad_writer = (
            files.enter_context(writing(p, style, force=force, kind="analysis"))
            for p in (out, dyads_path(out))
        )
        self.visit_header: list[str] | None = None
        self.dyad_header: list[str] | None = None

    def render(self, outcome: DyadOutcome) -> tuple[Cells, Cells]:
        """(header, rows of cells) for the visits file and for the dyads file."""
        rows = [row for _analysis, row in _rows(outcome, *self.columns)]
        return _cells(rows), _cells([dyad_row(outcome.dyad, outcome.history, _last(outcome))])

    def put(self, rendered: tuple[Cells, Cells]) -> None:
        (visit_header, visits), (dyad_header, dyads) = rendered
        if visit_header is not None and self.visit_header is None:
            self.visit_header = visit_header
            self.visit_writer.writerow(visit_header)
        self.visit_writer.writerows(visits)
        if self.dyad_header is None:
            self.dyad_header = dyad_header
            self.dyad_writer.writerow(dyad_header)
        self.dyad_writer.writerows(dyads)

    def close(self, result: BatchResult) -> list[Path]:
        if self.visit_header is None:
            fixed = ["dyad", "visit", "date", "patient_form", "physician_form", "flags"]
            self.visit_writer.writerow(fixed)
        if self.dyad_header is None:
            self.dyad_writer.writerow(["dyad", "visits"])
        return [self.out, dyads_path(self.out)]  # in place when ``files`` closes


class JsonSink:
    """One JSON file; visits and dyads are spooled while the batch runs."""

    def __init__(self, out: Path, run: BatchRun, force: bool) -> None:
        self.out, self.columns, self.force = out, form_columns(run.forms, run.form_ids), force
        check_target(out, force=force, kind="analysis")
        self.parts = [tempfile.TemporaryFile("w+", encoding="utf-8") for _ in range(2)]  # noqa: SIM115
        self.counts = [0, 0]

    def render(self, outcome: DyadOutcome) -> tuple[list[str], list[str]]:
        """Each visit's and the dyad's JSON object, as text."""
        visits = []
        for analysis, row in _rows(outcome, *self.columns):
            row["flags"] = _json_flags(analysis)
            visits.append(json.dumps(row, ensure_ascii=False))
        row = dyad_row(outcome.dyad, outcome.history, _last(outcome))
        row["history"] = outcome.history.to_dict()
        return visits, [json.dumps(row, ensure_ascii=False)]

    def put(self, rendered: tuple[list[str], list[str]]) -> None:
        for which, texts in enumerate(rendered):
            for text in texts:
                self.parts[which].write((",\n  " if self.counts[which] else "\n  ") + text)
                self.counts[which] += 1

    def close(self, result: BatchResult) -> list[Path]:
        head = {
            "rows": result.rows,
            "skipped": result.skipped,
            "problems": [str(p) for p in result.problems],
        }
        with open_for_writing(self.out, force=self.force, kind="analysis") as handle:
            handle.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2])
            for name, spool, count in zip(
                ("visits", "dyads"), self.parts, self.counts, strict=True
            ):
                handle.write(f',\n "{name}": [')
                spool.seek(0)
                shutil.copyfileobj(spool, handle)
                spool.close()
                handle.write("\n ]" if count else "]")
            handle.write("\n}\n")
        return [self.out]


class ScreenSink:
    """A line per dyad-visit and per dyad as they come; the totals at the end."""

    def __init__(self, echo: Callable[[str], Any]) -> None:
        self.echo = echo

    def render(self, outcome: DyadOutcome) -> list[str]:
        return outcome_lines(outcome)

    def put(self, rendered: list[str]) -> None:
        for line in rendered:
            self.echo(line)

    def close(self, result: BatchResult) -> list[Path]:
        self.echo(totals_line(result))
        return []


def outcome_lines(outcome: DyadOutcome) -> list[str]:
    """What the screen summary says about one dyad."""
    lines = []
    for visit, date, analysis in outcome.visits:
        flags = ", ".join(compact_flag(f) for f in analysis.flags) or "no flag"
        lines.append(f"  dyad {outcome.dyad} visit {visit}{' ' + date if date else ''}: {flags}")
    row = dyad_row(outcome.dyad, outcome.history, None)
    lines.append(
        f"  dyad {row['dyad']}: {row['episodes_repaired']} repaired and"
        f" {row['episodes_unresolved']} unresolved episode(s), {row['drop_alerts']} drop"
        f" alert(s), perceptions {row['convergence']}"
    )
    return lines


def totals_line(result: BatchResult) -> str:
    return (
        f"{result.rows} response rows, {result.analysed} dyad-visits analysed,"
        f" {result.dyads} dyads, {len(result.problems)} problem(s)"
        + (f", {result.skipped} unfinished response(s) skipped" if result.skipped else "")
    )


def open_sink(
    run: BatchRun,
    out: Path | None,
    echo: Callable[[str], Any],
    style: CsvStyle | None,
    files: ExitStack,
    force: bool,
) -> Sink:
    """Where the outcomes go; a CSV is written in ``style``, else in the input's separator
    with a byte-order mark (so a file re-saved by French Excel comes back as it went)."""
    if out is None:
        return ScreenSink(echo)
    _check_suffix(out)
    if out.suffix.lower() == ".json":
        return JsonSink(out, run, force)
    return CsvSink(out, run, style or CsvStyle(run.index.sep), files, force)


def stream(
    run: BatchRun,
    out: Path | None,
    echo: Callable[[str], Any] = print,
    style: CsvStyle | None = None,
    *,
    force: bool = False,
    jobs: int | None = None,
) -> list[Path]:
    """Analyse and write dyad by dyad, on ``jobs`` processes (default: one per core; the
    files are the same whatever ``jobs``); the paths written (none for the screen).

    Files go through :mod:`dyade.safe_write`: in place, whole, only once the
    batch is done; an existing file is replaced only with ``force``."""
    from dyade.analysis.batch_parallel import rendered_in_order

    with ExitStack() as files:
        sink = open_sink(run, out, echo, style, files, force)
        with writable(out or Path("-")):
            for rendered in rendered_in_order(run, sink, jobs):
                sink.put(rendered)
            return sink.close(run.result)
