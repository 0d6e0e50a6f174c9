"""Build the QApplication and open the first window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dyade.errors import DyadeError
from dyade.logs import setup_logging
from dyade.paths import resources_dir
from dyade.ui.errors import describe, install_excepthook
from dyade.ui.i18n import Translations

log = logging.getLogger(__name__)
LOG_AFTER_PAINT_MS = 1000  # records wait in memory until then (dyade.logs.buffer_logging)


def style_sheet() -> str:
    """The one palette of the app (resources/styles/dyade.qss), its ``@icons@`` made absolute.

    Style sheets read ``url()`` from the working folder; the icons are found wherever
    Dyade runs from (checkout, wheel, bundle).
    """
    path = resources_dir() / "styles" / "dyade.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s not found", path)
        return ""
    return text.replace("@icons@", (resources_dir() / "icons").as_posix())


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


class AfterFirstPaint(QObject):
    """Runs ``then`` once a window has really been painted.

    A zero timer queued at ``show()`` can fire before the first paint (it does on
    the offscreen platform); the first ``Paint`` of a widget (or ``UpdateRequest``
    of a window) is the moment.
    """

    def __init__(self, then: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has been delivered
        return False


def after_first_paint(app: QApplication, then: Callable[[], object]) -> AfterFirstPaint:
    """Do ``then`` right after the first paint: what the first window need not wait for."""
    watcher = AfterFirstPaint(then, app)
    app.installEventFilter(watcher)
    return watcher


def quit_when_shown(app: QApplication, quit_: Callable[[], None] | None = None) -> AfterFirstPaint:
    """For timing a cold start (``--exit-when-shown``): quit right after the first paint."""
    # exit(), not quit(): quit() asks every window to close, and the locked kiosk refuses
    return after_first_paint(app, quit_ or (lambda: app.exit(0)))


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


def kiosk_clinic(session):
    """The unlocked clinic as the kiosk uses it (its name, language and idle time)."""
    from dyade.storage.settings import get_setting
    from dyade.ui.kiosk import KioskClinic

    return KioskClinic(
        session.db,
        session.library,
        name=get_setting(session.db, "clinic_name"),
        language=get_setting(session.db, "language"),
        idle_seconds=get_setting(session.db, "kiosk_idle_seconds"),
        auto_advance=bool(get_setting(session.db, "kiosk_auto_advance")),
    )


def open_kiosk(window, session) -> None:
    """Hand the unlocked clinic to the patient kiosk instead of the workspace.

    When a physician signs out of the kiosk, the workspace opens with them signed in.
    """
    from dyade.ui.kiosk import KioskWindow

    clinic = kiosk_clinic(session)
    kiosk = KioskWindow(
        clinic.db,
        clinic.library,
        clinic_name=clinic.name,
        language=clinic.language,
        idle_seconds=clinic.idle_seconds,
    )
    window.kiosk = kiosk
    window.hide()
    kiosk.left.connect(lambda user: staff_back(window, session, user))
    kiosk.show_locked()


def staff_back(window, session, user) -> None:
    """A physician left the kiosk: the workspace, signed in as them."""
    window.kiosk = None
    session.user = user
    window.show()
    window._signed_in(user)


def kiosk_on_first_session(window) -> None:
    """``--kiosk``: the first unlocked session goes to the kiosk (once, not after a lock)."""

    def once(session) -> None:
        window.session_opened.disconnect(once)
        open_kiosk(window, session)

    window.session_opened.connect(once)


def back_up_daily(window) -> None:
    """Daily backups from the moment the clinic is unlocked, the kiosk's start
    included (a kiosk laptop may run for days without anyone signing in)."""
    window.session_opened.connect(window.start_daily_backup)
    window.workspace_shown.connect(window.start_daily_backup)


def passphrase_given(args: argparse.Namespace) -> bool:
    """Is there a passphrase for an unattended start (``--passphrase-file`` or
    ``$DYADE_PASSPHRASE``, as storage reads them, or for ``--kiosk`` the system
    keyring's)? Asked before storage loads."""
    if getattr(args, "passphrase_file", None) or os.environ.get("DYADE_PASSPHRASE"):
        return True
    return bool(args.kiosk and kept_passphrase(database_path(args)))


def kept_passphrase(path: Path) -> str | None:
    """The kiosk passphrase kept in the system keyring (``dyade kiosk-passphrase store``)."""
    from dyade import kiosk_passphrase

    return kiosk_passphrase.lookup(path)


def kiosk_first(
    main_window: Callable[[], Any],
    path: Path,
    args: argparse.Namespace,
    language: str,
    demo_passphrase: str | None,
):
    """``--kiosk`` with a passphrase given: the kiosk's welcome screen is painted first,
    the clinic (storage, forms) and the main window made just after. A physician leaving
    the kiosk lands in the workspace; if the clinic cannot be opened, the unlock page
    says why."""
    from dyade.ui.kiosk import KioskWindow

    def open_clinic():
        from dyade.storage import open_database, passphrase_from_env_or_file
        from dyade.ui.workspace.session import Session

        window = main_window()
        window.kiosk = kiosk
        phrase = None
        try:
            phrase = passphrase_from_env_or_file(getattr(args, "passphrase_file", None))
            phrase = phrase or kept_passphrase(path)
            session = Session(db=open_database(path, phrase or ""), path=path)
        except DyadeError as exc:
            log.warning("the kiosk could not open %s: %s", path, exc)
            unlock_instead(window, kiosk, path, demo_passphrase, phrase, exc)
            return None
        window.open_session(session)
        kiosk.left.connect(lambda user: staff_back(window, session, user))
        return kiosk_clinic(session)

    kiosk = KioskWindow(None, None, language=language, opener=open_clinic)
    kiosk.show_locked()
    return kiosk


def unlock_instead(window, kiosk, path: Path, demo_passphrase, phrase, problem) -> None:
    """The kiosk could not open the clinic: the unlock page takes its place and says
    why; the passphrase typed there opens the kiosk again."""
    kiosk.give_way()  # still held by the window: this may run in one of its own slots
    kiosk_on_first_session(window)
    window.show_unlock(path, demo_passphrase=demo_passphrase)
    window.show()
    window.activateWindow()
    page = window.unlock_page
    if phrase:  # the page's own words, in its language, for what stopped this passphrase
        page.passphrase.setText(phrase)
        page.try_unlock()
        page.passphrase.clear()
    else:  # the passphrase file could not be read: storage's message names it
        page.message.setText(describe(problem))


def start_window(window, args: argparse.Namespace, language: str):
    """Show the first screen: the setup wizard on a first run, else the unlock page
    (or, for ``--kiosk`` with a passphrase given, the kiosk itself).

    ``window`` is the main window, or what makes it (called once it is needed: the
    kiosk's welcome screen is painted without it).
    """
    main_window = window if callable(window) else lambda: window
    path = database_path(args)
    demo_passphrase = ensure_demo(path) if args.demo else None
    if args.kiosk and path.exists() and passphrase_given(args):
        return kiosk_first(main_window, path, args, language, demo_passphrase)
    window = main_window()
    if args.kiosk:
        kiosk_on_first_session(window)
    if path.exists():
        window.show_unlock(path, demo_passphrase=demo_passphrase)
        window.show()
        return window
    from dyade.ui.workspace.setup_wizard import SetupWizard  # only on a first run

    wizard = SetupWizard(path, language)
    wizard.created.connect(lambda session: (window.open_session(session), window.show()))
    window.wizard = wizard
    wizard.show()
    return wizard


def main_window_maker(args: argparse.Namespace, language: str, translations: Translations):
    """What makes the physician's main window, once, when it is first needed."""

    @cache
    def main_window():
        from dyade.ui.main_window import MainWindow

        window = MainWindow(language)
        window.language_for_next_sign_in = args.lang  # asked for on the command line: wins

        def switch(lang: str) -> None:
            translations.set_language(lang)
            window.language_switch.set_current(lang)

        window.language_chosen.connect(switch)
        back_up_daily(window)
        return window

    return main_window


def run_app(args: argparse.Namespace) -> int:
    from dyade.ui.qt_start import StartWatch
    from dyade.ui.workspace.settings_values import remembered_language

    language = args.lang or remembered_language() or "fr"
    with StartWatch(language):  # no display, a missing library: a sentence, not an abort
        app = make_application()
    translations = Translations()
    translations.set_language(language)
    main_window = main_window_maker(args, language, translations)
    first = start_window(main_window, args, language)  # a top-level Python must hold
    # the log file opens once the window is up and the first events are handled; the
    # filter is installed after the first screen is built, as an application-wide Python
    # filter met by a widget's private helper (a scroll area's gesture manager) makes
    # PySide build every Qt wrapper class to name it (25 ms before the first paint)
    after_first_paint(app, lambda: QTimer.singleShot(LOG_AFTER_PAINT_MS, setup_logging))
    if args.exit_when_shown:
        quit_when_shown(app)
    code = app.exec()
    del first  # held until the app ends
    return code
