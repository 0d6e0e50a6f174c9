"""Windows that fit the screen they open on, and remember the size a person gave them.

A clinic laptop is often 1366x768 with a taskbar: a fixed 1280x760 window has
its bottom off-screen. Windows open at a comfortable size cut down to the
screen's *available* area (without the taskbar), minus room for the title bar,
and the main window reopens at the size it was left at (kept in the small
start-up file, since the clinic's database is still locked when it opens).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from dyade.ui.workspace import settings_values

# Room for the window manager's frame and title bar, which resize() does not include.
FRAME_ALLOWANCE = QSize(16, 40)
MAIN_WINDOW_SIZE = QSize(1280, 760)
SMALLEST = QSize(640, 480)


def available_area(window: QWidget) -> QRect | None:
    """The part of the window's screen that windows may use (no taskbar, no dock)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fitted(wanted: QSize, area: QRect) -> QSize:
    """``wanted`` cut down to ``area`` with the title bar's room left over."""
    room = area.size() - FRAME_ALLOWANCE
    return QSize(
        max(min(wanted.width(), room.width()), min(SMALLEST.width(), room.width())),
        max(min(wanted.height(), room.height()), min(SMALLEST.height(), room.height())),
    )


def place(window: QWidget, wanted: QSize, area: QRect | None = None) -> None:
    """Resize to ``wanted`` as far as the area allows, and centre the window in it."""
    area = area or available_area(window)
    if area is None:
        window.resize(wanted)
        return
    size = fitted(wanted, area)
    window.resize(size)
    frame = size + FRAME_ALLOWANCE
    window.move(
        area.x() + max(0, (area.width() - frame.width()) // 2),
        area.y() + max(0, (area.height() - frame.height()) // 2),
    )


def remembered_size() -> QSize | None:
    """The main window's size when it was last closed, if any."""
    value = settings_values.startup_value("window")
    if isinstance(value, list) and len(value) == 2 and all(isinstance(n, int) for n in value):
        return QSize(value[0], value[1])
    return None


def remember_size(window: QWidget) -> None:
    """Keep the main window's size for the next start (not when maximised: that is no size)."""
    if window.isMaximized() or window.isFullScreen():
        return
    settings_values.remember_startup_value("window", [window.width(), window.height()])


def fit_main_window(window: QWidget, area: QRect | None = None) -> None:
    """The main window at its remembered size (else 1280x760), inside the screen."""
    place(window, remembered_size() or MAIN_WINDOW_SIZE, area)


def content_height(dialog: QWidget, width: int) -> int:
    """The height the dialog's layout needs at ``width`` (wrapped lines counted)."""
    layout = dialog.layout()
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()


def fit_dialog(dialog: QWidget) -> None:
    """A dialog exactly as tall as its content at its width: no empty band, never larger
    than the screen (Qt sizes a dialog with wrapped text from a guess, too tall)."""
    width = max(dialog.width(), dialog.minimumWidth(), dialog.layout().minimumSize().width())
    wanted = QSize(width, content_height(dialog, width))
    area = available_area(dialog)
    if area is not None:  # a small dialog stays small: only the screen's limit applies
        wanted = wanted.boundedTo(area.size() - FRAME_ALLOWANCE)
    dialog.resize(wanted)


class SizedToContent:
    """Mixin for dialogs: fitted to their content when shown (see :func:`fit_dialog`)."""

    def showEvent(self, event) -> None:
        super().showEvent(event)  # type: ignore[misc]
        fit_dialog(self)  # type: ignore[arg-type]


def fit_in_column(label: QLabel, column: QLayout, box: QWidget, width: int) -> None:
    """A wrapped label in a fixed-width column gets the height its lines need there.

    Measured at the column's inner width (the box's margins off): measured at the
    box's width, a line too few was reserved and the note ran under the field.
    """
    margins = column.contentsMargins()
    inner = width - margins.left() - margins.right()
    label.setMinimumHeight(label.heightForWidth(inner) if label.text() else 0)
    # the centred box takes its height hint, which knows nothing of wrapped lines
    box.setMinimumHeight(column.totalHeightForWidth(width))
