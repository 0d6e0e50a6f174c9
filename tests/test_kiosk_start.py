"""``dyade --kiosk`` with a passphrase given: the welcome screen first, the clinic just after.

The welcome screen is painted before storage and the forms load; the clinic is
opened a moment later (or at once when a patient needs it); if it cannot be
opened, the unlock page takes the kiosk's place and says why.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dyade.storage import open_database
from dyade.ui.app import make_application, start_window
from dyade.ui.kiosk import KioskWindow
from dyade.ui.main_window import MainWindow
from kiosk_support import answer_to_review, key
from storage_fixtures import PASSPHRASE, open_clinic

PHRASE = PASSPHRASE  # the clinic's (storage_fixtures.open_clinic)
HEAVY = ("dyade.storage", "sqlcipher3", "sqlite_utils", "argon2", "pydantic", "dyade.fill")
HEAVY += ("dyade.ui.main_window",)  # made with the clinic, after the welcome is painted
HEAVY += ("dyade.ui.kiosk.thanks",)  # made when a first patient has sent their answers


@pytest.fixture
def clinic_file(tmp_path, monkeypatch):
    """A clinic on disk, closed (the app opens it), with one visit waiting for its patient."""
    clinic = open_clinic(tmp_path)
    clinic.db.close()
    return clinic, tmp_path / "clinic.db"


def start(qtbot, monkeypatch, path, phrase=PHRASE, passphrase_file=None):
    """The main window and the first window of ``dyade --kiosk --db path``, started
    with ``$DYADE_PASSPHRASE`` set to ``phrase`` (unset if None)."""
    if phrase is None:
        monkeypatch.delenv("DYADE_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("DYADE_PASSPHRASE", phrase)
    make_application()
    window = MainWindow("en")
    qtbot.addWidget(window)
    args = argparse.Namespace(demo=False, db=str(path), kiosk=True, passphrase_file=passphrase_file)
    first = start_window(window, args, "en")
    return window, first


def leave(window, kiosk) -> None:
    kiosk.unlocked = True
    kiosk.close()
    kiosk.translations.set_language("en")
    window.close()  # closes the clinic's database, if it was opened


def test_the_welcome_screen_is_painted_before_storage_and_forms_load(tmp_path):
    path = tmp_path / "clinic.db"
    open_database(path, "kiosk laptop phrase", create=True, kdf_iter=2).close()
    code = (
        "import sys\n"
        "from dyade.cli import main\n"
        f"code = main(['--kiosk', '--exit-when-shown', '--db', {str(path)!r}])\n"
        f"print('HEAVY', [m for m in {HEAVY!r} if m in sys.modules], 'EXIT', code)\n"
    )
    env = {**os.environ, "DYADE_PASSPHRASE": "kiosk laptop phrase"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert "HEAVY [] EXIT 0" in out.stdout, out.stdout + out.stderr


def test_the_clinic_opens_just_after_and_a_visit_code_opens_its_questionnaire(
    qtbot, clinic_file, monkeypatch
):
    clinic, path = clinic_file
    window, kiosk = start(qtbot, monkeypatch, path)
    try:
        assert isinstance(kiosk, KioskWindow) and kiosk.isVisible()
        assert kiosk.db is None and kiosk.pages.currentWidget() is kiosk.welcome
        qtbot.waitUntil(lambda: kiosk.db is not None)
        assert window.session is not None and kiosk.db is window.session.db
        assert not window.isVisible()
        kiosk.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
        # started in the app's language (en), the welcome now offers the clinic's first
        assert kiosk.default_language == "fr" and kiosk.welcome.buttons["fr"].hasFocus()
        key(qtbot, Qt.Key.Key_2)
        qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
        key(qtbot, Qt.Key.Key_Return)
        assert kiosk.questionnaire is not None
        assert kiosk.questionnaire.session.response_uuid == clinic.patient_response.uuid
        assert kiosk.questionnaire.next_button.text() == "Next"
    finally:
        leave(window, kiosk)


def test_a_patient_quicker_than_the_opening_gets_the_clinic_at_once(
    qtbot, clinic_file, monkeypatch
):
    clinic, path = clinic_file
    window, kiosk = start(qtbot, monkeypatch, path)
    try:
        assert kiosk.db is None
        kiosk.welcome.buttons["fr"].click()  # before the welcome screen was even painted
        assert kiosk.db is not None and kiosk.pages.currentWidget() is kiosk.code_page
        assert kiosk.open_visit_code(clinic.visit.code) is True
        kiosk.welcome.buttons["fr"].click()
        assert kiosk.questionnaire.next_button.text() == "Suivant"
    finally:
        leave(window, kiosk)


def unlock_page_after_the_kiosk(qtbot, window, kiosk):
    """Wait for the kiosk to make way; the unlock page, shown in its place."""
    qtbot.waitUntil(lambda: window.isVisible())
    assert not kiosk.isVisible() and kiosk.unlocked and not kiosk.keeper.armed
    assert window.session is None and window.pages.currentWidget() is window.unlock_page
    return window.unlock_page


def test_a_wrong_passphrase_gives_the_unlock_page_with_its_message(qtbot, clinic_file, monkeypatch):
    _clinic, path = clinic_file
    window, kiosk = start(qtbot, monkeypatch, path, "not the clinic passphrase")
    try:
        page = unlock_page_after_the_kiosk(qtbot, window, kiosk)
        assert page.message.text() == page._message_for("wrong")
        assert page.passphrase.text() == ""  # the start-up passphrase is not left there
        page.passphrase.setText(PHRASE)  # staff type the right one: the kiosk again
        page.try_unlock()
        assert isinstance(window.kiosk, KioskWindow) and window.kiosk is not kiosk
        assert window.kiosk.isVisible() and window.kiosk.db is window.session.db
        assert not window.isVisible()
        leave(window, window.kiosk)
    finally:
        kiosk.deleteLater()
        window.close()


def test_a_clinic_open_elsewhere_gives_the_unlock_page_with_its_message(
    qtbot, clinic_file, monkeypatch
):
    _clinic, path = clinic_file
    elsewhere = open_database(path, PHRASE)
    window, kiosk = start(qtbot, monkeypatch, path)
    try:
        page = unlock_page_after_the_kiosk(qtbot, window, kiosk)
        assert page.message.text() == page._message_for("in_use")
    finally:
        elsewhere.close()
        kiosk.deleteLater()
        window.close()


def test_an_unreadable_passphrase_file_is_named_on_the_unlock_page(qtbot, clinic_file, monkeypatch):
    _clinic, path = clinic_file
    missing = path.parent / "no-such-passphrase.txt"
    window, kiosk = start(qtbot, monkeypatch, path, None, passphrase_file=str(missing))
    try:
        assert isinstance(kiosk, KioskWindow)
        page = unlock_page_after_the_kiosk(qtbot, window, kiosk)
        assert str(missing) in page.message.text()
        assert "Traceback" not in page.message.text()
    finally:
        kiosk.deleteLater()
        window.close()


@pytest.mark.parametrize("passphrase_given", [True, False])
def test_a_questionnaire_sent_from_either_kiosk_start_is_analysed_at_once(
    qtbot, clinic_file, monkeypatch, passphrase_given
):
    """``--kiosk`` painted first (passphrase given) or after the unlock page: the physician
    had answered, so the patient's send leaves the visit analysed, workspace or not."""
    from dyade.storage.results import get_visit_result

    clinic, path = clinic_file
    window, _first = start(qtbot, monkeypatch, path, PHRASE if passphrase_given else None)
    if not passphrase_given:
        window.unlock_page.passphrase.setText(PHRASE)
        window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.kiosk is not None and window.kiosk.db is not None)
    kiosk = window.kiosk
    try:
        kiosk.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
        key(qtbot, Qt.Key.Key_2)
        qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
        key(qtbot, Qt.Key.Key_Return)
        answer_to_review(kiosk.questionnaire)
        qtbot.mouseClick(kiosk.questionnaire.next_button, Qt.MouseButton.LeftButton)
        assert kiosk.pages.currentWidget() is kiosk.thanks
        result = get_visit_result(window.session.db, clinic.visit.uuid)
        assert result is not None and "flags" in result.summary
    finally:
        leave(window, kiosk)


def test_the_app_makes_its_main_window_with_the_clinic_after_the_welcome(
    qtbot, clinic_file, monkeypatch
):
    """``dyade --kiosk`` as run: no main window while the welcome screen is first shown;
    made, hidden and holding the session once the clinic opens just after."""
    from PySide6.QtCore import QTimer

    from dyade.ui import app as app_module

    _clinic, path = clinic_file
    monkeypatch.setenv("DYADE_PASSPHRASE", PHRASE)
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)  # no file a second later
    make_application()
    seen: list[tuple[bool, bool]] = []  # (main window made, clinic open) while the kiosk shows
    opened: list = []  # the main window and the kiosk, once the clinic is open

    def look() -> None:
        windows = QApplication.topLevelWidgets()
        kiosk = next((w for w in windows if isinstance(w, KioskWindow) and w.isVisible()), None)
        if kiosk is None:
            return
        made = [w for w in windows if isinstance(w, MainWindow) and w.kiosk is kiosk]
        seen.append((bool(made), kiosk.db is not None))
        if kiosk.db is not None:
            opened.extend([made[0], kiosk])
            QApplication.exit(0)

    watch = QTimer()
    watch.timeout.connect(look)
    watch.start(0)
    safety = QTimer()  # never a hung test (stopped after: a late exit() ends later loops)
    safety.setSingleShot(True)
    safety.timeout.connect(lambda: QApplication.exit(1))
    safety.start(20_000)
    args = argparse.Namespace(demo=False, db=str(path), kiosk=True, passphrase_file=None, lang="en")
    args.exit_when_shown = False
    code = app_module.run_app(args)
    watch.stop(), safety.stop()
    assert code == 0
    assert seen[0] == (False, False) and seen[-1] == (True, True)
    window, kiosk = opened
    assert not window.isVisible()
    assert window.session is not None and window.session.db is kiosk.db
    leave(window, kiosk)
