"""Opening, driving and reading the kiosk in tests (keyboard, mouse, widget walks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.kiosk import KioskWindow
from storage_fixtures import open_clinic

# Kiosks opened by this test: closed after it (tests/conftest.py, close_opened), with
# their clinic's database, so a test never writes try/finally around them.
_OPENED: list[tuple] = []


def open_kiosk(
    qtbot, tmp_path, monkeypatch, *, kind="brief", idle_seconds=120.0, language="fr", reader=None
):
    """A clinic and its locked kiosk, shown and active; closed after the test."""
    make_application()
    clinic = open_clinic(tmp_path, kind)
    translations = Translations()
    kiosk = KioskWindow(
        clinic.db,
        clinic.library,
        clinic_name="Maison de santé des Tilleuls",
        idle_seconds=idle_seconds,
        translations=translations,
        language=language,
        reader=reader,
    )
    kiosk.resize(1366, 768)
    kiosk.show()
    kiosk.activateWindow()
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
    _OPENED.append((clinic, kiosk))
    return clinic, kiosk


@pytest.fixture
def full_kiosk(qtbot, tmp_path, monkeypatch):
    """A clinic with a full visit and its kiosk, on the welcome screen."""
    return open_kiosk(qtbot, tmp_path, monkeypatch, kind="full")


def close_opened() -> None:
    """Close every kiosk the test opened (and its database), newest first."""
    while _OPENED:
        close_kiosk(*_OPENED[-1])


def close_kiosk(clinic, kiosk) -> None:
    """Close a kiosk the test is done with, and its clinic's database."""
    if (clinic, kiosk) in _OPENED:
        _OPENED.remove((clinic, kiosk))
    kiosk.unlocked = True
    kiosk.close()
    kiosk.translations.set_language("en")
    kiosk.deleteLater()
    QApplication.processEvents()
    clinic.db.close()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a person would."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, k, modifier)


def settle(qtbot, ms: int = 30) -> None:
    """Let posted events (language change, deferred deletes) run."""
    qtbot.wait(ms)


def answer_to_review(view, pick: int = 0, after_each=lambda: None) -> None:
    """Answer every choice question with option ``pick``, screen by screen, up to the review."""
    while not view.on_review:
        for item_view in view.items:
            if item_view.options is not None:
                item_view.options.buttons[pick].click()
        view.next_screen()
        after_each()


def sign_in_later(qtbot, kiosk, login, password, then=None, ready=lambda dialog: True):
    """Fill the staff dialog once it is open and ``ready(dialog)`` (it runs its own loop).

    A dialog never ready is rejected after a few seconds: the test fails, it does not hang.
    """
    tries = iter(range(500))

    def fill():
        dialog = kiosk._dialog
        if dialog is None or not ready(dialog):
            if next(tries, None) is None and dialog is not None:
                dialog.reject()
            else:
                QTimer.singleShot(10, fill)
            return
        dialog.login.setText(login)
        dialog.password.setText(password)
        dialog.ok_button.click()
        if then is not None:
            then(dialog)

    QTimer.singleShot(10, fill)


def texts_of(root: QWidget) -> list[str]:
    """Every string a person or a screen reader can get from ``root`` and below."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        parts = [
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.toolTip(),
            widget.windowTitle(),
        ]
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QPlainTextEdit):
            parts += [widget.toPlainText(), widget.placeholderText()]
        found += [p for p in parts if p and p.strip()]
    return found


def visible_texts(root: QWidget) -> list[str]:
    """The strings of the widgets shown on screen right now."""
    shown = [w for w in [root, *root.findChildren(QWidget)] if w.isVisible()]
    found: list[str] = []
    for widget in shown:
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            found.append(widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText())
    return [t for t in found if t.strip()]


def walk_every_screen(qtbot, kiosk, clinic, lang: str) -> dict[str, list[str]]:
    """Go through every kiosk screen in ``lang``; the texts found on each, by screen.

    Answers the highest point everywhere, so the thank-you screen shows the
    repair phrases too; the staff dialog and the idle warning are included.
    """
    from dyade.ui.login_dialog import LoginDialog

    seen: dict[str, list[str]] = {}

    def look(name: str) -> None:
        settle(qtbot)
        seen[name] = texts_of(kiosk)

    look("welcome")
    qtbot.mouseClick(kiosk.welcome.buttons[lang], Qt.MouseButton.LeftButton)
    kiosk.code_page.field.setText("ZZZ999")
    kiosk.code_page.go.click()
    look("code, refused")
    kiosk.countdown.show_remaining(15)
    look("idle warning")
    kiosk.countdown.hide()
    dialog = LoginDialog(kiosk.db, kiosk)
    dialog.try_login()
    settle(qtbot)
    seen["staff sign-in"] = texts_of(dialog)
    dialog.deleteLater()
    kiosk.code_page.field.setText(clinic.visit.code)
    kiosk.code_page.go.click()
    view = kiosk.questionnaire
    while not view.on_review:
        for item_view in view.items:
            if item_view.options is not None:
                # not the same answer throughout (answers to check prompt nothing)
                item_view.options.buttons[-1 if view.index == 0 else -2].click()
            else:
                item_view.text_edit.setPlainText("ok")
        look(f"screen {view.index + 1}")
        view.next_screen()
    look("review")
    view.next_screen()
    assert kiosk.pages.currentWidget() is kiosk.thanks and kiosk.thanks.prompts
    look("thank you")
    return seen


class FakeEngine:
    """What the kiosk uses of ``QTextToSpeech``, with the voices of a given system."""

    def __init__(self, *locales: str) -> None:
        self.locales = [QLocale(name) for name in locales]
        self.locale: QLocale | None = None
        self.said: list[tuple[str, str]] = []
        self.stops = 0

    def availableLocales(self) -> list[QLocale]:
        return self.locales

    def setLocale(self, locale: QLocale) -> None:
        self.locale = locale

    def say(self, text: str) -> None:
        self.said.append((self.locale.name(), text))

    def stop(self) -> None:
        self.stops += 1
