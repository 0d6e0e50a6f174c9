"""The language a person picks is kept: --lang and FR/EN before signing in win over the
account's language, and each account reopens in the language it last chose. The demo
clinic's sign-in screen lists its accounts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dyade.storage import open_database
from dyade.storage.users import find_user
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations, current_language
from dyade.ui.main_window import MainWindow
from dyade.ui.workspace.login import LoginPage
from dyade.ui.workspace.session import Session
from storage_fixtures import PASSPHRASE, make_clinic


@pytest.fixture
def window(qtbot, tmp_path):
    make_application()
    translations = Translations()
    translations.set_language("en")
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    make_clinic(db)  # martin's account language is French
    db.close()
    main = MainWindow("en")
    qtbot.addWidget(main)

    def switch(lang: str) -> None:  # as the app wires it
        translations.set_language(lang)
        main.language_switch.set_current(lang)

    main.language_chosen.connect(switch)
    yield main, path
    main.close()
    translations.set_language("en")


def sign_in(qtbot, main) -> None:
    page = main.login_page
    page.login.setText("martin")
    page.password.setText("password-1")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.workspace is not None)


def account_language(main) -> str:
    return find_user(main.session.db, "martin").language


def test_lang_on_the_command_line_wins_over_the_accounts_and_is_kept(qtbot, window):
    main, path = window
    main.language_for_next_sign_in = "en"  # dyade --lang en
    main.open_session(Session(db=open_database(path, PASSPHRASE), path=path))
    assert account_language(main) == "fr"
    sign_in(qtbot, main)
    assert current_language() == "en" and account_language(main) == "en"


def test_each_account_reopens_in_the_language_it_last_chose(qtbot, window):
    main, path = window
    main.open_session(Session(db=open_database(path, PASSPHRASE), path=path))
    sign_in(qtbot, main)
    assert current_language() == "fr"  # nothing chosen on the way in: the account's own
    qtbot.mouseClick(main.language_switch.buttons["en"], Qt.MouseButton.LeftButton)
    assert current_language() == "en" and account_language(main) == "en"
    main.lock()
    Translations().set_language("fr")  # someone else used the app in French meanwhile
    sign_in(qtbot, main)
    assert current_language() == "en"  # martin's last choice


def test_fr_en_on_the_sign_in_screen_wins_and_becomes_the_accounts(qtbot, window):
    main, path = window
    main.open_session(Session(db=open_database(path, PASSPHRASE), path=path))
    qtbot.mouseClick(main.language_switch.buttons["en"], Qt.MouseButton.LeftButton)
    sign_in(qtbot, main)
    assert current_language() == "en" and account_language(main) == "en"


def test_the_demo_sign_in_screen_lists_its_accounts(qtbot, window):
    _main, path = window
    db = open_database(path, PASSPHRASE)
    try:
        demo = LoginPage(Session(db=db, path=path, demo=True))
        qtbot.addWidget(demo)
        text = demo.demo_note.text()
        assert not demo.demo_note.isHidden()
        assert "martin (physician)" in text and "accueil (reception)" in text
        assert "demo-dyade" in text
        plain = LoginPage(Session(db=db, path=path))
        qtbot.addWidget(plain)
        assert plain.demo_note.isHidden()
    finally:
        db.close()
