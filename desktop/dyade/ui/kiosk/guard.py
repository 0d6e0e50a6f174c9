"""What keeps the kiosk a kiosk: escape keys swallowed, and a reset when left idle."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

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
