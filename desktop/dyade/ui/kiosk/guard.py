"""What keeps the kiosk a kiosk: escape keys swallowed, the window kept in front, and
a reset when left idle."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from dyade.ui.kiosk.holding import cover, covers

MOD = Qt.KeyboardModifier
BLOCKED = {
    (Qt.Key.Key_Escape, MOD.NoModifier),
    (Qt.Key.Key_Q, MOD.ControlModifier),
    (Qt.Key.Key_W, MOD.ControlModifier),
    (Qt.Key.Key_F4, MOD.AltModifier),
    (Qt.Key.Key_F4, MOD.ControlModifier),
}
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
}


def is_blocked(event: QKeyEvent) -> bool:
    """Is this one of the keys that would leave or close a window?"""
    mods = event.modifiers() & ~MOD.KeypadModifier
    return (Qt.Key(event.key()), mods) in BLOCKED


class EscapeGuard(QObject):
    """An application-wide filter, installed while the kiosk is locked."""

    blocked = Signal(int)  # the key, for tests and the log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in KEY_EVENTS and is_blocked(event):
            if event.type() == QEvent.Type.KeyPress:
                self.blocked.emit(event.key())
            event.accept()
            return True
        return False


RESTORE_DELAY_MS = 150  # lets a move between the kiosk and its own dialog settle first
STRAYING = (QEvent.Type.WindowStateChange, QEvent.Type.ActivationChange)


def belongs_to(widget: QWidget | None, window: QWidget) -> bool:
    """Is ``widget`` the window itself or one of its own dialogs (at any depth)?"""
    while widget is not None:
        if widget is window:
            return True
        widget = widget.parentWidget()
    return False


class FocusKeeper(QObject):
    """Brings the locked kiosk back full screen, raised and active.

    Minimising it, leaving full screen or switching to another window (Alt+Tab)
    would hand a patient the rest of the computer, the workspace included. Each of
    these starts a short timer; when it fires, the kiosk is restored if it is still
    out of place. The kiosk's own dialogs (the staff sign-in) count as in place, and
    a modal dialog gets the focus back rather than losing it to a kiosk it blocks.
    """

    restored = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.armed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESTORE_DELAY_MS)
        self._timer.timeout.connect(self._restore)
        QGuiApplication.instance().applicationStateChanged.connect(self._on_app_state)

    @property
    def pending(self) -> bool:
        """Is a restore waiting for its timer?"""
        return self._timer.isActive()

    def arm(self) -> None:
        self.armed = True

    def disarm(self) -> None:
        """Staff left the kiosk: the window may now be hidden, closed or minimised."""
        self.armed = False
        self._timer.stop()

    def window_changed(self, event: QEvent) -> None:
        """From the window's ``changeEvent``: its state or its activation changed."""
        if self.armed and event.type() in STRAYING:
            self._timer.start()

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if self.armed and state != Qt.ApplicationState.ApplicationActive:
            self._timer.start()

    def strayed(self) -> bool:
        """Is the kiosk out of place: minimised, windowed, short of its screen, or behind?"""
        window = self.window
        return (
            window.isMinimized()
            or not window.isFullScreen()
            or not covers(window)
            or QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive
            or not belongs_to(QApplication.activeWindow(), window)
        )

    def _restore(self) -> None:
        if not self.armed or not self.strayed():
            return
        window = self.window
        if window.isMinimized() or not window.isFullScreen():
            window.showFullScreen()  # only then: no state change, no new round
        cover(window)  # no window manager: full screen is only a wish
        # a modal dialog (the staff sign-in) blocks the kiosk's input: it keeps the focus
        modal = QApplication.activeModalWidget()
        front = window if modal is None else modal
        if front is not window:
            window.raise_()
        front.raise_()
        front.activateWindow()
        self.restored.emit()


class IdleWatch(QObject):
    """Counts down from ``seconds`` without input; warns in the last ``warn`` seconds.

    Any key, click, touch or wheel restarts the count. ``tick(remaining)`` is
    emitted every second while warning; ``expired`` once at zero.
    """

    tick = Signal(int)
    expired = Signal()
    active_again = Signal()

    def __init__(self, seconds: float, warn: float = 20, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.warn = min(warn, seconds)
        self.running = False
        self.warning = False
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_timer)

    def start(self) -> None:
        self.running = True
        self.restart()
        self._timer.start()

    def stop(self) -> None:
        self.running = False
        self.warning = False
        self._timer.stop()

    def restart(self) -> None:
        self._deadline = time.monotonic() + self.seconds
        if self.warning:
            self.warning = False
            self.active_again.emit()

    def remaining(self) -> int:
        return max(0, round(self._deadline - time.monotonic() + 0.499))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.running and event.type() in ACTIVITY:
            self.restart()
        return False

    def _on_timer(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            self.stop()
            self.expired.emit()
        elif left <= self.warn:
            self.warning = True
            self.tick.emit(self.remaining())
