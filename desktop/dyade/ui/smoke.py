"""A tiny offscreen render used by ``dyade self-check`` to prove Qt works."""

from __future__ import annotations

import os


def offscreen_smoke() -> str:
    """Create (or reuse) an application, paint a label into an image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel("Dyade")
    image = label.grab().toImage()
    if image.isNull():
        raise RuntimeError("Qt could not paint a widget")
    label.deleteLater()
    app.processEvents()
    return f"PySide6 {pyside_version}, platform {app.platformName()}"
