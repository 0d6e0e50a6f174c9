"""Build the QApplication and open the first window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dyade.paths import resources_dir
from dyade.ui.errors import install_excepthook
from dyade.ui.i18n import Translations

log = logging.getLogger(__name__)


def style_sheet() -> str:
    """The one palette of the app (resources/styles/dyade.qss)."""
    path = resources_dir() / "styles" / "dyade.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s not found", path)
        return ""


def load_fonts(app: QApplication) -> None:
    """Use the shipped DejaVu Sans so every laptop shows the same letters."""
    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(ttf)) < 0:
            log.warning("could not load font %s", ttf)
    app.setFont(QFont("DejaVu Sans", 11))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The single QApplication, styled, with the uncaught-error hook installed."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Dyade")
    app.setOrganizationName("Dyade")
    load_fonts(app)
    app.setStyleSheet(style_sheet())
    install_excepthook()
    return app


def quit_when_shown(app: QApplication) -> None:
    """For timing a cold start: quit right after the first paint."""
    QTimer.singleShot(0, app.quit)


def database_path(args: argparse.Namespace) -> Path:
    """The demo database, the one named by ``--db``, or the clinic's default one."""
    from dyade.paths import default_db_path, demo_db_path

    if getattr(args, "demo", False):
        return demo_db_path()
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    return default_db_path()


def ensure_demo(path: Path) -> str:
    """Create the demo clinic if it is missing; return its published passphrase."""
    from dyade.demo import DEMO_PASSPHRASE, build_demo

    if not path.exists():
        build_demo(path, DEMO_PASSPHRASE)
    return DEMO_PASSPHRASE


def open_kiosk(window, session) -> None:
    """Hand the unlocked clinic to the patient kiosk instead of the workspace."""
    from dyade.ui.kiosk import KioskWindow
    from dyade.ui.workspace import prefs

    kiosk = KioskWindow(
        session.db, session.library, clinic_name=prefs.read(session.db, "clinic_name") or ""
    )
    window.kiosk = kiosk
    window.hide()
    kiosk.show_locked()


def start_window(window, args: argparse.Namespace, language: str):
    """Show the first screen: the setup wizard on a first run, else the unlock page."""
    from dyade.ui.workspace.setup_wizard import SetupWizard

    path = database_path(args)
    demo_passphrase = ensure_demo(path) if args.demo else None
    if args.kiosk:
        window.session_opened.connect(lambda session: open_kiosk(window, session))
    if path.exists():
        window.show_unlock(path, demo_passphrase=demo_passphrase)
        window.show()
        return window
    wizard = SetupWizard(path, language)
    wizard.created.connect(lambda session: (window.open_session(session), window.show()))
    window.wizard = wizard
    wizard.show()
    return wizard


def run_app(args: argparse.Namespace) -> int:
    from dyade.ui.main_window import MainWindow

    app = make_application()
    translations = Translations()
    language = args.lang or "fr"
    translations.set_language(language)
    window = MainWindow(language)

    def switch(lang: str) -> None:
        translations.set_language(lang)
        window.language_switch.set_current(lang)

    window.language_chosen.connect(switch)
    start_window(window, args, language)
    if args.exit_when_shown:
        quit_when_shown(app)
    return app.exec()
