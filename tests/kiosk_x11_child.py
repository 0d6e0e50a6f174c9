"""The locked kiosk on a real X server, for tests/test_kiosk_x11.py to press keys at.

Run as ``python kiosk_x11_child.py`` with ``DISPLAY`` set (``QT_QPA_PLATFORM=xcb``).
Shows the kiosk's welcome screen locked, as ``dyade --kiosk`` does, and prints
one flushed line per event: ``shown`` once the keyboard and mouse are held,
``lang CODE`` when a language is chosen.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from dyade.ui.app import make_application
from dyade.ui.kiosk import KioskWindow


def main() -> int:
    app = make_application()
    kiosk = KioskWindow(None, None)
    kiosk.welcome.language_chosen.connect(lambda lang: print("lang", lang, flush=True))

    def ready() -> None:
        if kiosk.holder.grabbed:
            print("shown", flush=True)
        else:
            QTimer.singleShot(100, ready)

    kiosk.show_locked()
    QTimer.singleShot(100, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
