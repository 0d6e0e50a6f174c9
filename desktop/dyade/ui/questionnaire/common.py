"""Small helpers shared by the questionnaire widgets: icons, language, re-polishing."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dyade.ui.icons import icon, icon_pixmap

__all__ = ["icon", "icon_pixmap", "repolish"]


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
