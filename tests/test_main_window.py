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


def test_status_bar_is_made_when_needed_and_runs_under_the_page(qtbot):
    """The window keeps no status bar until something (the hub's sync) asks for one;
    then it spans the window's bottom edge, under the page, as a QMainWindow's does."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QStatusBar

    make_application()
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QStatusBar) is None
    bar = window.statusBar()
    bar.showMessage("Synced just now")
    assert window.statusBar() is bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.height() > 0)
    assert (bar.x(), bar.width()) == (0, window.width())
    assert bar.geometry().bottom() == window.height() - 1
    page_bottom = window.pages.mapTo(window, QPoint(0, window.pages.height())).y()
    assert page_bottom <= bar.y()


def test_exit_when_shown_quits_after_the_first_paint_not_before(qtbot):
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from dyade.ui.app import quit_when_shown

    app = make_application()
    painted = []

    class Probe(QWidget):
        def paintEvent(self, event):
            painted.append(True)
            super().paintEvent(event)

    probe = Probe()
    qtbot.addWidget(probe)
    probe.show()
    loop = QEventLoop()
    quit_when_shown(app, loop.quit)
    safety = QTimer()  # never a hung test
    safety.setSingleShot(True)
    safety.timeout.connect(loop.quit)
    safety.start(10_000)
    loop.exec()
    stopped_by_paint = safety.isActive()
    safety.stop()
    assert painted and stopped_by_paint


def test_first_screen_paints_before_storage_loads(tmp_path):
    """The unlock page of an existing clinic needs neither storage nor the wizard."""
    import subprocess
    import sys

    db = tmp_path / "clinic.db"
    db.write_bytes(b"")
    code = (
        "import sys, argparse\n"
        "from dyade.ui.app import make_application, start_window\n"
        "from dyade.ui.main_window import MainWindow\n"
        "app = make_application()\n"
        "window = MainWindow('en')\n"
        f"args = argparse.Namespace(demo=False, db={str(db)!r}, kiosk=False)\n"
        "start_window(window, args, 'en')\n"
        "app.processEvents()\n"
        "heavy = [m for m in ('dyade.storage', 'sqlcipher3', 'sqlite_utils', 'argon2',\n"
        "    'dyade.ui.workspace.setup_wizard', 'reportlab') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert "HEAVY []" in out, out


def test_the_unlock_page_is_painted_without_the_qt_namespace_enums(tmp_path):
    """PySide builds all of Qt's namespace enums (about a hundred) the first time one is
    used, 16 ms of CPU: ``dyade`` paints its first window without them, and any way
    of painting it looks the same (its alignments are set by name, dyade.ui.by_name)."""
    import subprocess
    import sys

    db = tmp_path / "clinic.db"
    db.write_bytes(b"")
    code = (
        "import PySide6.QtCore as core\n"
        "from dyade.cli import main\n"
        f"code = main(['--exit-when-shown', '--lang', 'en', '--db', {str(db)!r}])\n"
        "print('QT', 'Qt' in vars(core), 'EXIT', code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert "QT False EXIT 0" in out, out


def test_kiosk_opens_directly_with_a_passphrase_from_the_environment(qtbot, tmp_path, monkeypatch):
    import argparse

    from argon2 import PasswordHasher

    from dyade.storage import connection, open_database, users
    from dyade.ui.app import start_window
    from dyade.ui.kiosk import KioskWindow

    monkeypatch.setattr(connection, "DEFAULT_KDF_ITER", 2_000)
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    path = tmp_path / "clinic.db"
    open_database(path, "kiosk laptop phrase", create=True).close()
    monkeypatch.setenv("DYADE_PASSPHRASE", "kiosk laptop phrase")
    make_application()
    window = MainWindow("en")
    qtbot.addWidget(window)
    args = argparse.Namespace(demo=False, db=str(path), kiosk=True, passphrase_file=None)
    kiosk = start_window(window, args, "en")
    assert isinstance(kiosk, KioskWindow) and kiosk.isVisible()
    qtbot.waitUntil(lambda: window.session is not None)  # opened once the kiosk is painted
    assert not window.isVisible() and kiosk.db is window.session.db
    user = users.create_user(window.session.db, "doc", "physician", "a-good-password")
    kiosk.unlock(user)  # a physician signs out of the kiosk: the workspace, signed in
    assert window.isVisible() and window.workspace is not None
    assert window.session.user.login == "doc"
    window.close()
