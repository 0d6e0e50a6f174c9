"""The app shows errors in its language: describe(), show_error() and the unlock page."""

from __future__ import annotations

import pytest

from dyade.errors import DyadeError
from dyade.storage import open_database
from dyade.ui.app import make_application
from dyade.ui.errors import _in_app_language, describe
from dyade.ui.i18n import Translations
from dyade.ui.workspace.unlock import UnlockPage
from storage_fixtures import PASSPHRASE

REFUSED = DyadeError("the folder /x does not exist", fr="le dossier /x n’existe pas")


@pytest.fixture
def language():
    """Switch the app's language for one test; English again afterwards."""
    make_application()
    translations = Translations()
    yield translations.set_language
    translations.set_language("en")


def test_describe_speaks_the_language_the_app_shows(language):
    language("fr")
    assert describe(REFUSED) == "le dossier /x n’existe pas"
    assert describe(DyadeError("only English")) == "only English"
    unexpected = describe(RuntimeError("boom"))
    assert unexpected.startswith("Un problème a empêché Dyade") and "boom" not in unexpected
    language("en")
    assert describe(REFUSED) == "the folder /x does not exist"
    assert describe(RuntimeError("boom")).startswith("Something went wrong")


def test_show_error_given_the_english_of_the_handled_error_shows_its_french(language):
    """Pages that pass ``str(exc)`` to show_error get the app's language all the same."""
    language("fr")
    try:
        raise REFUSED
    except DyadeError as exc:
        assert _in_app_language(str(exc)) == "le dossier /x n’existe pas"
        assert _in_app_language("Another sentence.") == "Another sentence."
    assert _in_app_language(str(REFUSED)) == str(REFUSED)  # nothing handled: as given


@pytest.fixture
def clinic_path(tmp_path):
    path = tmp_path / "clinic.db"
    open_database(path, PASSPHRASE, create=True).close()
    return path


def unlock(qtbot, path, phrase: str) -> UnlockPage:
    page = UnlockPage(path)
    qtbot.addWidget(page)
    page.passphrase.setText(phrase)
    assert page.try_unlock() is None
    return page


def test_the_french_unlock_page_says_a_wrong_passphrase_in_french(qtbot, language, clinic_path):
    language("fr")
    page = unlock(qtbot, clinic_path, "not the passphrase")
    assert page.message.text().startswith("Cette phrase secrète n’ouvre pas la base du cabinet.")
    language("en")  # and follows a change of language
    english = "This passphrase does not open the clinic database."
    qtbot.waitUntil(lambda: page.message.text().startswith(english))


def test_the_french_unlock_page_names_a_damaged_file_in_french(qtbot, language, tmp_path):
    language("fr")
    path = tmp_path / "broken.db"
    path.write_bytes(b"\x00" * 1000)
    page = unlock(qtbot, path, PASSPHRASE)
    assert page.message.text().startswith(f"Le fichier {path} est endommagé")


def test_the_french_unlock_page_says_in_use_in_french(qtbot, language, clinic_path):
    language("fr")
    held = open_database(clinic_path, PASSPHRASE)
    try:
        page = unlock(qtbot, clinic_path, PASSPHRASE)
    finally:
        held.close()
    assert page.message.text().startswith("Ce cabinet est déjà ouvert dans une autre fenêtre")


def test_the_french_unlock_page_gives_storage_errors_in_french(qtbot, language, tmp_path):
    """A refusal the page has no words of its own for: storage's French, then its English."""
    language("fr")
    missing = tmp_path / "nowhere.db"
    page = unlock(qtbot, missing, PASSPHRASE)
    assert page.message.text().startswith(f"aucune base à l’emplacement {missing}")
    language("en")
    qtbot.waitUntil(lambda: page.message.text().startswith(f"no database at {missing}"))
