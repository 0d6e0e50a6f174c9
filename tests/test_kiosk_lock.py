"""The kiosk stays put: escape keys, close requests, and who may leave it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from dyade.fill import AlreadyCompleted, FillSession, UnknownVisitCode
from dyade.storage.users import create_user
from kiosk_support import key, open_kiosk, sign_in_later
from storage_fixtures import PASSWORD

K, M = Qt.Key, Qt.KeyboardModifier
ESCAPES = [
    (K.Key_Escape, M.NoModifier),
    (K.Key_F4, M.AltModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
]


@pytest.fixture
def kiosk_at_question(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    key(qtbot, K.Key_1)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    return clinic, kiosk


@pytest.mark.parametrize(("k", "modifier"), ESCAPES)
def test_escape_shortcuts_leave_the_kiosk_in_place(qtbot, kiosk_at_question, k, modifier):
    _clinic, kiosk = kiosk_at_question
    fired = []
    # An application-wide shortcut on the same keys (as a main window's Quit would be).
    trap = QShortcut(QKeySequence(k | modifier), kiosk)
    trap.setContext(Qt.ShortcutContext.ApplicationShortcut)
    trap.activated.connect(lambda: fired.append(True))
    with qtbot.waitSignal(kiosk.guard.blocked, timeout=1000):
        key(qtbot, k, modifier)
    qtbot.wait(20)
    assert fired == []
    assert kiosk.isVisible() and not kiosk.unlocked
    assert kiosk.pages.currentWidget() is kiosk.question_holder
    assert kiosk.questionnaire is not None and kiosk.questionnaire.index == 0


def test_closing_the_window_and_the_systems_close_request_are_refused(qtbot, kiosk_at_question):
    _clinic, kiosk = kiosk_at_question
    assert kiosk.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    QApplication.closeAllWindows()
    qtbot.wait(20)
    assert kiosk.isVisible() and kiosk.questionnaire is not None


def test_a_physician_sign_in_is_needed_to_leave(qtbot, kiosk_at_question):
    clinic, kiosk = kiosk_at_question
    messages = []

    def after_wrong(dialog):
        messages.append(dialog.message.text())
        dialog.reject()

    sign_in_later(qtbot, kiosk, clinic.physician_login, "not the password", after_wrong)
    assert kiosk.ask_staff_exit() is False
    assert messages == ["Identifiant ou mot de passe incorrect."]
    assert kiosk.isVisible()

    create_user(clinic.db, "desk", "receptionist", PASSWORD)
    refused = []
    sign_in_later(
        qtbot, kiosk, "desk", PASSWORD, lambda d: (refused.append(d.message.text()), d.reject())
    )
    assert kiosk.ask_staff_exit() is False
    assert refused == ["Ce compte ne permet pas cette action ici."]

    sign_in_later(qtbot, kiosk, clinic.physician_login, PASSWORD)
    with qtbot.waitSignal(kiosk.left) as left:
        assert kiosk.ask_staff_exit() is True
    assert left.args[0].login == clinic.physician_login
    assert not kiosk.isVisible() and kiosk.questionnaire is None


def test_lockout_message_gives_the_wait(qtbot, kiosk_at_question):
    clinic, kiosk = kiosk_at_question
    from dyade.ui.login_dialog import LoginDialog

    dialog = LoginDialog(clinic.db, kiosk)
    for _ in range(5):
        dialog.login.setText(clinic.physician_login)
        dialog.password.setText("wrong wrong")
        dialog.try_login()
    assert dialog.message.text().startswith("Trop d’essais infructueux. Réessayez dans ")
    assert dialog.user is None
    dialog.deleteLater()


def test_wrong_code_gets_the_kind_message_and_nothing_else(qtbot, tmp_path, monkeypatch):
    _clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    key(qtbot, K.Key_2)
    qtbot.keyClicks(kiosk.code_page.field, "ZZZ999")
    key(qtbot, K.Key_Return)
    assert kiosk.pages.currentWidget() is kiosk.code_page
    assert kiosk.session is None and kiosk.questionnaire is None
    assert kiosk.code_page.error.isVisible()
    assert kiosk.code_page.error.text() == UnknownVisitCode.messages["en"]
    qtbot.mouseClick(kiosk.header.languages["fr"], Qt.MouseButton.LeftButton)
    key(qtbot, K.Key_Return)
    assert kiosk.code_page.error.text() == UnknownVisitCode.messages["fr"]


def test_completed_code_gets_the_kind_message(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.other_visit.code)
    for item in session.form.items:
        session.answer(item.id, 3)
    session.submit()
    key(qtbot, K.Key_1)
    qtbot.keyClicks(kiosk.code_page.field, clinic.other_visit.code)
    key(qtbot, K.Key_Return)
    assert kiosk.questionnaire is None
    assert kiosk.code_page.error.text() == AlreadyCompleted.messages["fr"]
    assert kiosk.open_response(session.response_uuid) is False
    assert kiosk.open_response(clinic.physician_response.uuid) is False
    assert kiosk.session is None


def test_hand_to_patient_opens_on_the_language_screen(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    assert kiosk.open_response(clinic.patient_response.uuid) is True
    assert kiosk.pages.currentWidget() is kiosk.welcome
    key(qtbot, K.Key_2)
    assert kiosk.questionnaire is not None
    assert kiosk.questionnaire.session.response_uuid == clinic.patient_response.uuid
    assert kiosk.questionnaire.next_button.text() == "Next"
