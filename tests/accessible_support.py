"""What a screen reader would announce for each control: its accessible name, as Qt's
accessibility layer computes it (an explicit name, the buddy label, the button's text)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QTabBar,
)


def is_control(widget: QWidget) -> bool:
    """A widget a person operates, leaving out the parts Qt builds inside other controls."""
    if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar | QHeaderView):
        return False
    if widget.objectName().startswith("qt_") or type(widget).__name__ == "QTableCornerButton":
        return False
    parent = widget.parentWidget()
    inner = isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox)
    popup = parent is not None and parent.metaObject().className() == "QComboBoxPrivateContainer"
    return not inner and not popup


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def unnamed(root: QWidget, where: str) -> list[str]:
    """Each control under ``root`` that a screen reader would announce without a name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if is_control(widget) and not spoken_name(widget):
            path = widget.metaObject().className()
            parent = widget.parentWidget()
            while parent is not None and parent is not root:
                path = f"{parent.metaObject().className()}/{path}"
                parent = parent.parentWidget()
            missing.append(f"{where}: {path} {widget.objectName()!r}")
    return missing
