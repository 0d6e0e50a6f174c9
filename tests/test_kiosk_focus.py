"""The locked kiosk comes back to the front: minimised, windowed or left for another window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QWindowStateChangeEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk_support import key, open_kiosk, sign_in_later
from storage_fixtures import PASSWORD

K = Qt.Key


def in_front(kiosk) -> bool:
    return kiosk.isFullScreen() and not kiosk.isMinimized() and QApplication.activeWindow() is kiosk


@pytest.fixture
def locked_kiosk(qtbot, tmp_path, monkeypatch):
    """A patient half-way through, on a kiosk shown as the app shows it (locked)."""
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    kiosk.show_locked()
    qtbot.waitUntil(lambda: in_front(kiosk))
    key(qtbot, K.Key_1)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    key(qtbot, K.Key_4)
    key(qtbot, K.Key_Return)
    assert kiosk.questionnaire.index == 1
    return clinic, kiosk


def test_a_minimised_kiosk_comes_back_full_screen_and_active(qtbot, locked_kiosk):
    _clinic, kiosk = locked_kiosk
    kiosk.showMinimized()
    assert kiosk.isMinimized()
    qtbot.waitUntil(lambda: in_front(kiosk))
    assert kiosk.questionnaire.index == 1  # the patient goes on where they were
    kiosk.showNormal()  # out of full screen (a window manager's shortcut, say)
    assert not kiosk.isFullScreen()
    qtbot.waitUntil(lambda: in_front(kiosk))


def test_another_window_taking_the_focus_gives_it_back(qtbot, locked_kiosk):
    _clinic, kiosk = locked_kiosk
    behind = QWidget()  # the workspace behind a kiosk opened from it, say
    qtbot.addWidget(behind)
    behind.show()
    behind.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is behind)
    qtbot.waitUntil(lambda: in_front(kiosk))
    key(qtbot, K.Key_2)  # the keyboard is the patient's again
    assert kiosk.questionnaire.items[0].options.buttons[1].isChecked()


def test_the_application_going_inactive_starts_a_restore(qtbot, locked_kiosk):
    _clinic, kiosk = locked_kiosk
    qtbot.waitUntil(lambda: not kiosk.keeper.pending)  # settled after the last window change
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert kiosk.keeper.pending
    qtbot.waitUntil(lambda: not kiosk.keeper.pending)
    assert in_front(kiosk)


def test_the_staff_dialog_keeps_the_focus_and_staff_can_still_leave(qtbot, locked_kiosk):
    clinic, kiosk = locked_kiosk
    restored = []
    kiosk.keeper.restored.connect(lambda: restored.append(True))

    def settled(dialog) -> bool:
        """The dialog is active, and the restore its opening started has come and gone."""
        return QApplication.activeWindow() is dialog and not kiosk.keeper.pending

    sign_in_later(qtbot, kiosk, clinic.physician_login, PASSWORD, ready=settled)
    with qtbot.waitSignal(kiosk.left):
        assert kiosk.ask_staff_exit() is True
    assert restored == []  # the keeper let the dialog be
    assert not kiosk.isVisible() and not kiosk.keeper.armed
    QApplication.sendEvent(kiosk, QWindowStateChangeEvent(Qt.WindowState.WindowFullScreen))
    kiosk.showMinimized()
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not kiosk.keeper.pending and kiosk.isMinimized()  # left alone once unlocked


def test_a_kiosk_not_shown_locked_is_left_alone(qtbot, tmp_path, monkeypatch):
    _clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    event = QEvent(QEvent.Type.ActivationChange)
    QApplication.sendEvent(kiosk, event)
    kiosk.showMinimized()
    assert not kiosk.keeper.pending and kiosk.isMinimized()


def test_a_modal_dialog_that_blocks_the_kiosk_keeps_the_focus(qtbot, locked_kiosk):
    """A message of the workspace behind, say: taking the focus from it would leave
    the patient before a kiosk that cannot take input, and start a tug of war."""
    from PySide6.QtWidgets import QDialog

    _clinic, kiosk = locked_kiosk
    taken, restored = [], []
    kiosk.activateWindow = lambda: taken.append(True)  # what the keeper would call
    kiosk.keeper.restored.connect(lambda: restored.append(True))
    dialog = QDialog()
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and not kiosk.keeper.pending)
    assert restored and taken == []  # in front and full screen, the focus left alone
    assert QApplication.activeModalWidget() is dialog and kiosk.isFullScreen()
    dialog.reject()
    dialog.deleteLater()


def test_a_kiosk_left_short_of_its_screen_covers_it_again(qtbot, locked_kiosk):
    """No window manager answers the full-screen wish on a bare X session: the window
    keeps its own size (540x512 on 1366x768) unless the kiosk sets it itself."""
    _clinic, kiosk = locked_kiosk
    screen = kiosk.screen().geometry()
    kiosk.setGeometry(0, 0, 540, 512)
    qtbot.waitUntil(lambda: kiosk.geometry() == screen)
    assert kiosk.holder.held and kiosk.questionnaire.index == 1


def test_staff_leaving_lets_go_of_the_screens_and_the_input(qtbot, locked_kiosk):
    clinic, kiosk = locked_kiosk
    assert kiosk.holder.held
    sign_in_later(qtbot, kiosk, clinic.physician_login, PASSWORD)
    with qtbot.waitSignal(kiosk.left):
        assert kiosk.ask_staff_exit() is True
    assert not kiosk.holder.held and not kiosk.holder.shields
