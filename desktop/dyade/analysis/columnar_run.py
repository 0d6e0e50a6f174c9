"""``dyade analyse FILE.csv --out OUT.csv`` on the columnar path, on every core.

The file's index and reading are the reference's (:class:`.csv_batch.BatchRun`).
Shares of the sorted dyads go to forked worker processes; each reads its share,
analyses the dyads the columnar rules know (:mod:`.columnar_engine`) and hands
every other dyad (a problem row, an unusual form, a visit missing a side) to the
reference path, so the files are byte for byte those of ``--engine reference``.
How many dyads went to the reference path is counted in ``run.result.fallback``.
numpy is imported here only: the app and the rest of the core never need it.
"""

from __future__ import annotations

import csv
import io
import logging
import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from dyade.analysis.batch_output import _csv_cell, dyad_row, dyads_path, form_columns
from dyade.analysis.batch_parallel import default_jobs
from dyade.analysis.batch_stream import _last, _rows, writable
from dyade.analysis.csv_batch import BatchResult, BatchRun
from dyade.analysis.csv_index import readable
from dyade.csv_dialect import CsvStyle, neutral
from dyade.errors import DyadeError
from dyade.safe_write import check_target, open_for_writing

log = logging.getLogger(__name__)
DYADS_PER_SHARE = 256  # thousands of visits per share: numpy's work per call is amortised
Columns = tuple[list[str], list[str]]  # the subscale and compared-subscale columns
_WORK: tuple[BatchRun, Columns, str] | None = None  # set in each worker by _start


def available() -> bool:
    """Is numpy there for the columnar path?"""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _text(rows: list[list[Any]], sep: str) -> str:
    """The rows as :class:`.csv_dialect.NeutralWriter` writes them."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep).writerows([[neutral(c) for c in row] for row in rows])
    return buffer.getvalue()


Part = tuple[str, str, BatchResult]


def _analysed(run: BatchRun, columns: Columns, sep: str, dyads: list[str]) -> tuple:
    """``(columnar?, rows read, outcome)`` per dyad of the share; none if the columnar rules
    fail on it (a fault of theirs, logged: its dyads then go to the reference engine)."""
    from dyade.analysis.columnar_engine import Layout, analyse_share
    from dyade.analysis.columnar_plan import usable
    from dyade.analysis.columnar_read import read_share

    core = tuple(run.th.core_subscales)
    try:
        with readable(run.path), open(run.path, "rb") as handle:
            share = read_share(
                handle, run.index, run.layout, dyads, lambda p, d: usable(p, d, core)
            )
        done = analyse_share(share, Layout(*columns), run.th, sep) if share.visits else {}
    except DyadeError:
        raise
    except Exception:
        log.exception("columnar analysis failed on a share; its dyads go to the reference engine")
        return {}, {}, {}
    return share.columnar, share.rows, done


def share_text(run: BatchRun, columns: Columns, sep: str, dyads: list[str]) -> Part:
    """The share's rows of the visits file and of the dyads file, as CSV text, with its
    counts and problems."""
    part = BatchResult()
    columnar, rows_read, done = _analysed(run, columns, sep, dyads)
    visits, dyad_rows = io.StringIO(), io.StringIO()
    for dyad in dyads:
        outcome = done.get(dyad) if columnar.get(dyad) else None
        if outcome is None:
            part.fallback += 1
            for o in run.outcomes([dyad], part):
                rows = [list(map(_csv_cell, row.values())) for _a, row in _rows(o, *columns)]
                visits.write(_text(rows, sep))
                row = dyad_row(o.dyad, o.history, _last(o))
                dyad_rows.write(_text([list(map(_csv_cell, row.values()))], sep))
            continue
        part.rows += rows_read[dyad]
        part.analysed += outcome[2]
        part.dyads += 1
        visits.write(outcome[0])
        dyad_rows.write(outcome[1])
    return visits.getvalue(), dyad_rows.getvalue(), part


def _start(run: BatchRun, columns: Columns, sep: str) -> None:
    global _WORK
    _WORK = (run, columns, sep)


def _share(dyads: list[str]) -> Part:
    assert _WORK is not None, "a worker is started with its run"
    return share_text(*_WORK, dyads)


def _merge(result: BatchResult, part: BatchResult) -> None:
    result.rows += part.rows
    result.skipped += part.skipped
    result.analysed += part.analysed
    result.dyads += part.dyads
    result.fallback += part.fallback
    result.problems.extend(part.problems)


def _parts(run: BatchRun, columns: Columns, sep: str, jobs: int | None) -> Iterator[Part]:
    dyads = sorted(run.index.dyads)
    shares = [dyads[i : i + DYADS_PER_SHARE] for i in range(0, len(dyads), DYADS_PER_SHARE)]
    jobs = min(jobs or default_jobs(), len(shares))
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for share in shares:
            yield share_text(run, columns, sep, share)
    else:
        sys.stdout.flush()  # a forked worker must not inherit text not yet written
        sys.stderr.flush()
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs, initializer=_start, initargs=(run, columns, sep)) as pool:
            yield from pool.imap(_share, shares)


def stream_columnar(
    run: BatchRun, out: Path, style: CsvStyle, *, force: bool = False, jobs: int | None = None
) -> list[Path]:
    """Analyse and write ``out`` and its dyads file as :func:`.batch_stream.stream` does:
    the same bytes, through :mod:`dyade.safe_write`, replaced only with ``force``."""
    from dyade.analysis.columnar_engine import DYAD_HEADER, Layout, visit_header

    columns = form_columns(run.forms, run.form_ids)
    check_target(dyads_path(out), force=force, kind="analysis")  # both, before any work
    paths = [out, dyads_path(out)]
    with ExitStack() as files:
        handles = [
            files.enter_context(
                open_for_writing(
                    p, force=force, kind="analysis", newline="", encoding=style.encoding
                )
            )
            for p in paths
        ]
        started = False
        with writable(out):
            for visits, dyads, part in _parts(run, columns, style.sep, jobs):
                _merge(run.result, part)
                if not started and dyads:
                    started = True
                    handles[0].write(_text([visit_header(Layout(*columns))], style.sep))
                    handles[1].write(_text([DYAD_HEADER], style.sep))
                handles[0].write(visits)
                handles[1].write(dyads)
            if not started:
                fixed = ["dyad", "visit", "date", "patient_form", "physician_form", "flags"]
                handles[0].write(_text([fixed], style.sep))
                handles[1].write(_text([["dyad", "visits"]], style.sep))
    run.result.problems.sort(key=lambda p: p.line)
    return paths
