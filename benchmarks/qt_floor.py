"""The floor of a cold start: a bare PySide6 window, quit after its first paint.

Run as a script (``python qt_floor.py``), never imported by the harness: Qt is
imported inside ``main`` so that the core stays free of Qt when this module is
merely listed.
"""

from __future__ import annotations

import sys


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("Dyade")

    class QuitAfterPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    watcher = QuitAfterPaint()
    window.installEventFilter(watcher)
    window.resize(800, 600)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
