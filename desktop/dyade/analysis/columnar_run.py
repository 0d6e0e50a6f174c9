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

import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from dyade.analysis.batch_parallel import default_jobs
from dyade.analysis.batch_stream import CsvSink, writable
from dyade.analysis.csv_batch import BatchResult, BatchRun
from dyade.analysis.csv_index import readable
from dyade.csv_dialect import CsvStyle

DYADS_PER_SHARE = 256  # thousands of visits per share: numpy's work per call is amortised
_WORK: tuple[BatchRun, CsvSink, Any] | None = None  # set in each worker by _start


def available() -> bool:
    """Is numpy there for the columnar path?"""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def share_outcomes(
    run: BatchRun, sink: CsvSink, layout: Any, dyads: list[str]
) -> tuple[list[Any], BatchResult]:
    """The share's rendered dyads in order, with its counts and problems."""
    from dyade.analysis.columnar_engine import analyse_share
    from dyade.analysis.columnar_plan import usable
    from dyade.analysis.columnar_read import read_share

    core = tuple(run.th.core_subscales)
    part = BatchResult()
    with readable(run.path), open(run.path, "rb") as handle:
        share = read_share(handle, run.index, run.layout, dyads, lambda p, d: usable(p, d, core))
    done = analyse_share(share, layout, run.th) if share.visits else {}
    rendered = []
    for dyad in dyads:
        outcome = done.get(dyad) if share.columnar[dyad] else None
        if outcome is None:
            part.fallback += 1
            rendered += [sink.render(o) for o in run.outcomes([dyad], part)]
            continue
        part.rows += share.rows[dyad]
        part.analysed += len(outcome[0][1])
        part.dyads += 1
        rendered.append(outcome)
    return rendered, part


def _start(run: BatchRun, sink: CsvSink, layout: Any) -> None:
    global _WORK
    _WORK = (run, sink, layout)


def _share(dyads: list[str]) -> tuple[list[Any], BatchResult]:
    assert _WORK is not None, "a worker is started with its run"
    return share_outcomes(*_WORK, dyads)


def _merge(result: BatchResult, part: BatchResult) -> None:
    result.rows += part.rows
    result.skipped += part.skipped
    result.analysed += part.analysed
    result.dyads += part.dyads
    result.fallback += part.fallback
    result.problems.extend(part.problems)


def _rendered(run: BatchRun, sink: CsvSink, layout: Any, jobs: int | None) -> Iterator[Any]:
    dyads = sorted(run.index.dyads)
    shares = [dyads[i : i + DYADS_PER_SHARE] for i in range(0, len(dyads), DYADS_PER_SHARE)]
    jobs = min(jobs or default_jobs(), len(shares))
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for share in shares:
            rendered, part = share_outcomes(run, sink, layout, share)
            _merge(run.result, part)
            yield from rendered
    else:
        sys.stdout.flush()  # a forked worker must not inherit text not yet written
        sys.stderr.flush()
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs, initializer=_start, initargs=(run, sink, layout)) as pool:
            for rendered, part in pool.imap(_share, shares):
                _merge(run.result, part)
                yield from rendered
    run.result.problems.sort(key=lambda p: p.line)


def stream_columnar(
    run: BatchRun, out: Path, style: CsvStyle, *, force: bool = False, jobs: int | None = None
) -> list[Path]:
    """Analyse and write ``out`` and its dyads file as :func:`.batch_stream.stream` does."""
    from dyade.analysis.columnar_engine import Layout

    with ExitStack() as files:
        sink = CsvSink(out, run, style, files, force)
        layout = Layout(*sink.columns)
        with writable(out):
            for rendered in _rendered(run, sink, layout, jobs):
                sink.put(rendered)
            return sink.close(run.result)
