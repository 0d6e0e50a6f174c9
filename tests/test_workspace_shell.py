"""First run, unlock and sign-in: the setup wizard, wrong passphrases, wrong passwords, roles."""

from __future__ import annotations

import pytest

from dyade.storage import open_database
from dyade.storage.settings import get_setting
from dyade.storage.users import authenticate
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.main_window import MainWindow
from dyade.ui.workspace.login import LoginPage, pause_after
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.setup_wizard import SetupWizard
from storage_fixtures import PASSPHRASE, make_clinic


@pytest.fixture
def english():
    make_application()
    translations = Translations()
    translations.set_language("en")
    yield translations
    translations.set_language("en")


@pytest.fixture
def clinic_file(tmp_path):
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    db.close()
    return path, clinic


def test_setup_wizard_creates_an_encrypted_clinic_with_its_physician(
    qtbot,
    english,
    tmp_path,
):
    path = tmp_path / "new.db"
    wizard = SetupWizard(path, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.clinic.name.setText("Cabinet des Lilas")
    assert wizard.clinic.isComplete()
    wizard.next()
    wizard.passphrase.first.setText("short")
    assert not wizard.passphrase.isComplete()
    wizard.passphrase.first.setText("lilac garden twelve")
    wizard.passphrase.second.setText("lilac garden twelv")
    assert wizard.passphrase.hint.text() == "The two passphrases are not the same."
    wizard.passphrase.second.setText("lilac garden twelve")
    assert wizard.passphrase.isComplete()
    wizard.next()
    page = wizard.physician
    page.display_name.setText("Dr Anne Roux")
    page.login.setText("aroux")
    page.password.setText("a-good-password")
    page.again.setText("a-good-password")
    assert page.isComplete()
    with qtbot.waitSignal(wizard.created) as signal:
        wizard.accept()
    session = signal.args[0]
    assert session.user.login == "aroux" and session.user.role == "physician"
    assert get_setting(session.db, "clinic_name") == "Cabinet des Lilas"
    session.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    reopened = open_database(path, "lilac garden twelve")
    assert authenticate(reopened, "aroux", "a-good-password").display_name == "Dr Anne Roux"
    reopened.close()


def test_unlock_says_what_is_wrong_then_opens(qtbot, english, clinic_file):
    path, _ = clinic_file
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.show_unlock(path)
    page = window.unlock_page
    page.passphrase.setText("not the passphrase")
    assert page.try_unlock() is None
    assert "does not open the clinic database" in page.message.text()
    held = open_database(path, PASSPHRASE)  # another window has it open
    page.passphrase.setText(PASSPHRASE)
    assert page.try_unlock() is None
    assert "Close the other Dyade window" in page.message.text()
    held.close()
    page.passphrase.setText(PASSPHRASE)
    session = page.try_unlock()
    assert session is not None
    assert window.pages.currentWidget() is window.login_page
    window.close()


def test_damaged_file_is_named(qtbot, english, tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"\x00" * 1000)
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.show_unlock(path)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    assert window.unlock_page.try_unlock() is None
    assert str(path) in window.unlock_page.message.text()


def test_wrong_passwords_wait_longer_each_time_then_slow_this_computer(qtbot, english, clinic_file):
    path, _ = clinic_file
    session = Session(db=open_database(path, PASSPHRASE), path=path)
    page = LoginPage(session)
    qtbot.addWidget(page)
    assert [pause_after(n) for n in range(1, 6)] == [1, 2, 4, 8, 16]
    page.login.setText("martin")
    for _attempt in range(1, 4):
        page.password.setText("wrong-password")
        assert page.try_login() is False
        assert "Wrong login or password." in page.message.text()
        assert not page.button.isEnabled()  # a pause before the next try
        page._wait_left = 0  # the test does not sit through the pause
        page._tick()
        assert page.button.isEnabled()
    page.password.setText("wrong-password")
    assert page.try_login() is False  # the fourth failure makes this computer wait
    page._wait_left = 0
    page._tick()
    page.password.setText("password-1")  # even the right password waits now
    assert page.try_login() is False
    assert "on this computer" in page.message.text() and not page.button.isEnabled()
    assert session.user is None
    session.close()


def test_signing_in_opens_the_sections_of_the_role(qtbot, english, clinic_file):
    path, _ = clinic_file
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.open_session(Session(db=open_database(path, PASSPHRASE), path=path))
    window.login_page.login.setText("accueil")
    window.login_page.password.setText("password-3")
    assert window.login_page.try_login()
    assert window.workspace.sections == ("patients", "pending")
    assert "dashboard" not in window.workspace.pages
    window.lock()
    assert window.workspace is None and window.session.user is None
    assert window.pages.currentWidget() is window.login_page
    window.login_page.login.setText("martin")
    window.login_page.password.setText("password-1")
    assert window.login_page.try_login()
    assert window.workspace.sections[0] == "dashboard"
    window.close()


def test_inactivity_locks_the_workspace(qtbot, english, clinic_file):
    path, clinic = clinic_file
    window = MainWindow("en")
    qtbot.addWidget(window)
    session = Session(db=open_database(path, PASSPHRASE), path=path, user=clinic.physician)
    window.open_session(session)
    assert window.workspace is not None
    window.idle.set_minutes(0.001)
    window.idle.start()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=3000)
    assert window.pages.currentWidget() is window.login_page
    window.close()
