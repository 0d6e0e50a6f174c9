"""Run core work off the UI thread: one helper for progress, errors and "done".

Every long operation (batch PDF export, import, backup, large lists) goes
through :func:`run_op`, so threading, progress, cancellation and error display
are written once. The work function receives an :class:`OpContext` to report
progress and check for cancellation; it must not touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from dyade.errors import DyadeError

log = logging.getLogger(__name__)


class Cancelled(DyadeError):
    """The person pressed Cancel; work stopped cleanly."""


class OpContext:
    """Handed to the work function: report progress, honour Cancel."""

    def __init__(self, signals: OpSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled("cancelled")
        self._signals.progress.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class OpSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class _Runner(QRunnable):
    def __init__(self, work: Callable[[OpContext], Any], signals: OpSignals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.context = OpContext(signals)
        self.finished = threading.Event()

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.finished.set()

    def _run(self) -> None:
        try:
            result = self.work(self.context)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the UI; the traceback goes to the log
            if not isinstance(exc, DyadeError):
                log.exception("operation failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Op:
    """A running operation: connect to ``signals``; ``cancel()`` asks it to stop.

    ``finished`` is set by the worker once the work has ended, whatever its outcome
    (a window waits on it before closing the database); ``result`` holds what the work
    returned, once ``done`` has been delivered on the UI thread.
    """

    def __init__(self, runner: _Runner) -> None:
        self._runner = runner
        self.signals = runner.signals
        self.finished = runner.finished
        self.result: Any = None

    def cancel(self) -> None:
        self._runner.context.cancel()


def run_op(
    work: Callable[[OpContext], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> Op:
    """Start ``work(context)`` on a worker thread; callbacks run on the UI thread.

    Callbacks are connected before the work starts, so none is missed.
    """
    signals = OpSignals()
    for signal, slot in (
        (signals.done, on_done),
        (signals.failed, on_failed),
        (signals.progress, on_progress),
        (signals.cancelled, on_cancelled),
    ):
        if slot is not None:
            signal.connect(slot)
    runner = _Runner(work, signals)
    runner.setAutoDelete(False)
    op = Op(runner)
    signals.done.connect(lambda result: setattr(op, "result", result))  # after on_done
    (pool or QThreadPool.globalInstance()).start(runner)
    return op
