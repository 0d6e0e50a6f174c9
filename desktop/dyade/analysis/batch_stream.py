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


class Sink(Protocol):
    def add(self, outcome: DyadOutcome) -> None: ...

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

    def add(self, outcome: DyadOutcome) -> None:
        for _analysis, row in _rows(outcome, *self.columns):
            if self.visit_header is None:
                self.visit_header = list(row)
                self.visit_writer.writerow(self.visit_header)
            self.visit_writer.writerow([_csv_cell(row.get(c)) for c in self.visit_header])
        row = dyad_row(outcome.dyad, outcome.history, _last(outcome))
        if self.dyad_header is None:
            self.dyad_header = list(row)
            self.dyad_writer.writerow(self.dyad_header)
        self.dyad_writer.writerow([_csv_cell(row.get(c)) for c in self.dyad_header])

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

    def _put(self, which: int, row: dict[str, Any]) -> None:
        spool = self.parts[which]
        spool.write(
            (",\n  " if self.counts[which] else "\n  ") + json.dumps(row, ensure_ascii=False)
        )
        self.counts[which] += 1

    def add(self, outcome: DyadOutcome) -> None:
        for analysis, row in _rows(outcome, *self.columns):
            row["flags"] = _json_flags(analysis)
            self._put(0, row)
        row = dyad_row(outcome.dyad, outcome.history, _last(outcome))
        row["history"] = outcome.history.to_dict()
        self._put(1, row)

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

    def add(self, outcome: DyadOutcome) -> None:
        for line in outcome_lines(outcome):
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
) -> list[Path]:
    """Analyse and write dyad by dyad; the paths written (none for the screen).

    Files go through :mod:`dyade.safe_write`: in place, whole, only once the
    batch is done; an existing file is replaced only with ``force``."""
    with ExitStack() as files:
        sink = open_sink(run, out, echo, style, files, force)
        with writable(out or Path("-")):
            for outcome in run:
                sink.add(outcome)
            return sink.close(run.result)
