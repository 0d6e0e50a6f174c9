"""The main window opens, is titled Dyade, and switches language live."""

from __future__ import annotations

from dyade.ui.app import make_application
from dyade.ui.i18n import Translations, qm_path
from dyade.ui.main_window import MainWindow


def test_french_catalogue_compiles():
    assert qm_path("fr") is not None


def test_window_switches_language_without_restart(qtbot):
    make_application()
    translations = Translations()
    translations.set_language("en")
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Dyade"
    assert window.home.title.text() == "Welcome to Dyade"

    window.language_chosen.connect(translations.set_language)
    window.language_switch.buttons["fr"].click()
    qtbot.waitUntil(lambda: window.home.title.text() == "Bienvenue dans Dyade")
    assert window.language_switch.buttons["fr"].accessibleName() == "Français"

    window.language_switch.buttons["en"].click()
    qtbot.waitUntil(lambda: window.home.title.text() == "Welcome to Dyade")
    translations.set_language("en")
