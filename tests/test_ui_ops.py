"""The operation helper reports progress, results, errors and cancellation."""

from __future__ import annotations

import threading

from dyade.errors import DyadeError
from dyade.ui.ops import run_op


def test_progress_then_result(qtbot):
    progress, results = [], []

    def work(ctx):
        for i in range(3):
            ctx.progress(i + 1, 3)
        return "finished"

    run_op(work, on_done=results.append, on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: results == ["finished"], timeout=5000)
    assert progress == [(1, 3), (2, 3), (3, 3)]


def test_expected_error_is_reported_not_raised(qtbot):
    errors = []

    def work(ctx):
        raise DyadeError("file.csv, line 3: bad value")

    run_op(work, on_failed=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert str(errors[0]) == "file.csv, line 3: bad value"


def test_cancel_stops_the_work(qtbot):
    started, release = threading.Event(), threading.Event()
    outcome = []

    def work(ctx):
        started.set()
        release.wait(5)
        ctx.progress(1, 2)  # raises Cancelled once cancel() was called
        return "should not finish"

    op = run_op(work, on_done=outcome.append, on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(5)
    op.cancel()
    release.set()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)
