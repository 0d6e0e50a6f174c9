"""The app's icons (``resources/icons``), as icons or as pixmaps of a given size.

A module of its own, needing Qt alone: the kiosk's welcome screen draws its
icons before the questionnaire widgets (and the forms and storage behind them)
are loaded.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap

from dyade.paths import resources_dir


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` (``blank``: an empty one of any size)."""
    if name == "blank":
        return QIcon()
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


@cache
def icon_pixmap(name: str, size: int) -> QPixmap:
    """The icon drawn at ``size`` pixels (transparent when ``name`` is ``blank``).

    Cached: every answer button shows a tick or a blank of the same few sizes.
    """
    if name == "blank":
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap
    return icon(name).pixmap(QSize(size, size))
