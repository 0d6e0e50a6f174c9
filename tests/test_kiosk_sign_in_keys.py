"""The kiosk's staff sign-in answers Enter: it signs in, and a refusal stays to be read."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from kiosk_support import open_kiosk
from storage_fixtures import PASSWORD

K = Qt.Key


def test_enter_signs_in_and_a_refusal_stays_on_screen(qtbot, tmp_path, monkeypatch):
    """Login, Enter, a wrong password, Enter: the dialog stays with its message.
    Then the right password and Enter: the physician leaves the kiosk."""
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    seen = []

    def press_enter(field) -> None:
        qtbot.keyClick(field, K.Key_Return)

    def typed() -> None:
        dialog = kiosk._dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, typed)
            return
        qtbot.keyClicks(dialog.login, clinic.physician_login)
        press_enter(dialog.login)
        seen.append(dialog.password.hasFocus() or dialog.focusWidget() is dialog.password)
        qtbot.keyClicks(dialog.password, "not the password")
        press_enter(dialog.password)
        seen.append((dialog.isVisible(), dialog.message.text()))
        qtbot.keyClicks(dialog.password, PASSWORD)
        press_enter(dialog.password)

    QTimer.singleShot(10, typed)
    assert kiosk.ask_staff_exit() is True
    assert seen == [True, (True, "Identifiant ou mot de passe incorrect.")]
    assert not kiosk.isVisible()
