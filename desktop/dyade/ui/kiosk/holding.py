"""The kiosk holds the whole computer: every screen covered, keyboard and mouse grabbed.

``showFullScreen()`` only *asks* a window manager for full screen. On a bare X
session (a kiosk account that starts Dyade without any window manager) nobody
answers, and the window stays at its own size (540x512 on 1366x768); under a
desktop, the window manager's own keys (Ctrl+Alt+Right, Super+D) and its
desktop menu are one press away. So the kiosk also:

- sets its geometry to the whole of its screen itself (honoured with or
  without a window manager), and covers every other screen with a plain
  window that says where the questionnaire is;
- grabs the keyboard and the mouse at the windowing-system level
  (``QWindow.setKeyboardGrabEnabled`` / ``setMouseGrabEnabled``: X11's active
  grabs), so the window manager's key bindings and menus never see a press.
  The widgets inside the window still get their events as usual. A grab can
  fail (the window not yet mapped, another program holding one, Wayland): it
  is tried again, and each failure is logged once.

What this cannot stop (the server's own Ctrl+Alt+F1 or Ctrl+Alt+Backspace, a
second keyboard session) is for the clinic's OS set-up: docs/THREAT-MODEL.md.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)
RETRY_MS = 250  # a window being mapped, or another program's grab ending
WATCH_MS = 700  # how often a held kiosk checks it is still on screen
OTHER_SCREEN = (
    "Le questionnaire est sur l’autre écran \u2022 The questionnaire is on the other screen"
)


def screen_of(window: QWidget) -> QScreen:
    """The screen the window is on (the primary one before it is shown)."""
    return window.screen() or QGuiApplication.primaryScreen()


def cover(window: QWidget, screen: QScreen | None = None) -> None:
    """Make ``window`` exactly as large as its screen, whoever manages windows."""
    target = (screen or screen_of(window)).geometry()
    if window.geometry() != target:
        window.setGeometry(target)


def covers(window: QWidget) -> bool:
    """Does the window fill its whole screen?"""
    return window.geometry() == screen_of(window).geometry()


class Shield(QWidget):
    """A plain full-screen window over a screen the kiosk is not on."""

    def __init__(self, screen: QScreen) -> None:
        flags = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
        super().__init__(None, flags | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kioskShield")
        self.setStyleSheet("background: #F7F9FA; color: #4A5968; font-size: 20pt;")
        words = QLabel(OTHER_SCREEN, self)
        words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words.setWordWrap(True)
        QVBoxLayout(self).addWidget(words)
        self.setAccessibleName(OTHER_SCREEN)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def show_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.showFullScreen()
        cover(self, screen)


class Holder(QObject):
    """Covers the screens and holds keyboard and mouse for ``window`` while ``held``.

    ``screens=False``: input only (the kiosk's own staff dialog, over the kiosk).
    """

    def __init__(self, window: QWidget, *, screens: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.screens = screens
        self.held = False
        self.grabbed = False  # did the windowing system grant both grabs?
        self.shields: dict[str, Shield] = {}
        self._said: set[str] = set()  # the failures already logged
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.hold)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._on_screens_changed)
        app.screenRemoved.connect(self._on_screens_changed)

    def hold(self) -> None:
        """Cover every screen and grab the input (again, if it was lost)."""
        self.held = True
        if self.screens:
            cover(self.window)
            self._shield_other_screens()
        self.grabbed = self._grab(True)
        if not self.grabbed and not self.screens:
            self._retry.start()  # the kiosk itself tries again at its next check
        if self.screens and not self._watch.isActive():  # start() would put it off again
            self._watch.start()

    def _check(self) -> None:
        """Still on screen? A switch to another virtual desktop (which no key of the
        patient's can do while the keyboard is held, but a script or a mouse gesture of
        the window manager can) unmaps the kiosk: it is shown again, and a window
        manager maps a window on the desktop in view, so the kiosk follows the person."""
        handle = self.window.windowHandle()
        if not self.held or handle is None or QGuiApplication.modalWindow() is not None:
            return
        if not handle.isExposed():
            log.info("kiosk: no longer on screen (another desktop?): shown again")
            self.window.hide()
            self.window.showFullScreen()
            self.window.raise_()
            self.window.activateWindow()
            self.hold()
        else:  # grabbed again each time: a window manager that (re)starts breaks a grab
            self.hold()

    def pause(self) -> None:
        """Let go of the input (a dialog of the kiosk's own needs it); screens stay covered."""
        self._retry.stop()
        if self.grabbed:
            self._grab(False)
        self.grabbed = False

    def release(self) -> None:
        """Staff left: input free, other screens uncovered."""
        self.held = False
        self._watch.stop()
        self.pause()
        for shield in self.shields.values():
            shield.close()
            shield.deleteLater()
        self.shields.clear()

    def _grab(self, on: bool) -> bool:
        handle = self.window.windowHandle()
        if handle is None or not self.window.isVisible():
            return self._failed("the kiosk window is not shown yet") if on else False
        keyboard = handle.setKeyboardGrabEnabled(on)
        mouse = handle.setMouseGrabEnabled(on)
        if on and not (keyboard and mouse):
            missing = [n for n, ok in (("keyboard", keyboard), ("mouse", mouse)) if not ok]
            return self._failed(
                f"the {' and '.join(missing)} could not be grabbed on "
                f"{QGuiApplication.platformName()}"
            )
        return on

    def _failed(self, why: str) -> bool:
        if why not in self._said:
            self._said.add(why)
            log.warning("kiosk: %s; trying again", why)
        return False

    def _shield_other_screens(self) -> None:
        mine = screen_of(self.window)
        others = {s.name(): s for s in QGuiApplication.screens() if s is not mine}
        for name in [n for n in self.shields if n not in others]:
            self.shields.pop(name).deleteLater()
        for name, screen in others.items():
            shield = self.shields.get(name) or self.shields.setdefault(name, Shield(screen))
            shield.show_on(screen)

    def _on_screens_changed(self, _screen: QScreen) -> None:
        if self.held:
            QTimer.singleShot(0, self.hold)  # once Qt has moved windows off a removed screen


def shield_rects(holder: Holder) -> list[QRect]:
    """Where the other screens' shields are (for tests and the log)."""
    return [s.geometry() for s in holder.shields.values() if s.isVisible()]
