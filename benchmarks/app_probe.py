"""Start the Dyade app as ``dyade`` would and quit right after its first paint.

Run as ``python -m benchmarks.app_probe [dyade options]``. The app's own
``--exit-when-shown`` quits from a zero timer queued at ``show()``; on some
platforms (offscreen among them) that timer fires before the window is painted,
which would time a start that never drew anything. This probe instead watches
the application's events and quits once the first paint has been delivered,
the same rule as the floor (``qt_floor.py``). Qt is imported inside ``main``.

``DYADE_BENCH_WINDOW=ClassName`` waits for the first paint inside a top-level
window of that class (the kiosk's window, say) instead of any window.
"""

from __future__ import annotations

import os
import sys


def _quit_after_first_paint() -> None:
    """Wrap ``QApplication.exec`` so the event loop ends after the first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec
    wanted = os.environ.get("DYADE_BENCH_WINDOW", "")

    class QuitAfterPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and _is_wanted(watched, wanted):
                QApplication.instance().removeEventFilter(self)
                QTimer.singleShot(
                    0, lambda: QApplication.exit(0)
                )  # the locked kiosk refuses quit()
            return False

    def exec_until_painted() -> int:
        watcher = QuitAfterPaint()
        QApplication.instance().installEventFilter(watcher)
        return original_exec()

    QApplication.exec = staticmethod(exec_until_painted)


def _is_wanted(widget, wanted: str) -> bool:
    if not wanted:
        return True
    window = widget.window() if hasattr(widget, "window") else None
    return any(cls.__name__ == wanted for cls in type(window).__mro__)


def main(argv: list[str]) -> int:
    _quit_after_first_paint()
    from dyade.cli import main as dyade_main

    return dyade_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
