"""``dyade analyse`` on every core: dyads are shared out to worker processes in order.

Each dyad is analysed on its own (its visits in order, then its history), so
shares of the sorted dyads go to a pool of processes that read, analyse and
render them (the sink's ``render``: CSV or JSON text, screen lines); the main
process writes what comes back in the same order, so the files are byte for
byte those of one process. The rules are the analysis' own: a worker runs the
same :class:`~.csv_batch.BatchRun` code on its share. Workers are forked
(Linux, macOS), so they start with the file's index and the forms already in
memory; where only spawning exists (Windows), or for a file of few dyads, the
work stays in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from typing import Any

from dyade.analysis.csv_batch import BatchResult, BatchRun

DYADS_PER_SHARE = 64  # small enough to keep every core busy to the end, large enough to
# make the cost of sending a share and its text back negligible
_WORK: tuple[BatchRun, Any] | None = None  # set in each worker by _start


def default_jobs() -> int:
    """One process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def _start(run: BatchRun, sink: Any) -> None:
    global _WORK
    _WORK = (run, sink)


def _share(dyads: list[str]) -> tuple[list[Any], BatchResult]:
    """In a worker: one share's rendered outcomes and its counts and problems."""
    assert _WORK is not None, "a worker is started with its run"
    run, sink = _WORK
    part = BatchResult()
    return [sink.render(outcome) for outcome in run.outcomes(dyads, part)], part


def _merge(result: BatchResult, part: BatchResult) -> None:
    result.rows += part.rows
    result.skipped += part.skipped
    result.analysed += part.analysed
    result.dyads += part.dyads
    result.problems.extend(part.problems)


def rendered_in_order(run: BatchRun, sink: Any, jobs: int | None = None) -> Iterator[Any]:
    """Every dyad's rendered outcome, in dyad order; counts and problems go to
    ``run.result`` exactly as one process would leave them."""
    dyads = sorted(run.index.dyads)
    shares = [dyads[i : i + DYADS_PER_SHARE] for i in range(0, len(dyads), DYADS_PER_SHARE)]
    jobs = min(jobs or default_jobs(), len(shares))
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for outcome in run:
            yield sink.render(outcome)
        return
    sys.stdout.flush()  # a forked worker must not inherit text not yet written
    sys.stderr.flush()
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start, initargs=(run, sink)) as pool:
        for rendered, part in pool.imap(_share, shares):
            _merge(run.result, part)
            yield from rendered
    run.result.problems.sort(key=lambda p: p.line)
