"""The main window: a header (clinic, who is signed in, lock, language) and one page at a time.

Pages, in the order a day goes: unlock the clinic, sign in, the workspace.
Locking (by hand or after inactivity) signs the person out and shows the
sign-in page again; the database stays open for the next person.

The window is a plain ``QWidget`` with a status bar of its own rather than a
``QMainWindow``: the main window's layout moves its central widget with a
(zero-length) geometry animation, and the first time Qt's private animation
timer passes through a Python event filter, PySide builds every Qt wrapper class
to name it, some 25 ms before the first paint (the app and a start's timing both
watch the first paint through such a filter). The look is the same.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from dyade import __version__
from dyade.backup_schedule import CHECK_EVERY_SECONDS, DailySchedule
from dyade.ui.by_name import add_centred, align
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.window_fit import fit_main_window, remember_size

log = logging.getLogger(__name__)


class LanguageSwitch(Retranslating, QWidget):
    """Two toggle buttons, FR and EN; emits the chosen language code."""

    language_chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for code in ("fr", "en"):
            button = QPushButton(code.upper(), self)
            button.setCheckable(True)
            button.setObjectName(f"lang_{code}")
            button.setProperty("role", "language")
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[code] = button
        self.set_current(current)
        self.retranslate()

    def set_current(self, lang: str) -> None:
        self.buttons[lang].setChecked(True)

    def retranslate(self) -> None:
        self.buttons["fr"].setAccessibleName(self.tr("Français"))
        self.buttons["fr"].setToolTip(self.tr("Show Dyade in French"))
        self.buttons["en"].setAccessibleName(self.tr("English"))
        self.buttons["en"].setToolTip(self.tr("Show Dyade in English"))


class HomePage(Retranslating, QWidget):
    """Shown while nothing is open yet (and behind the setup wizard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        align(self.title, "AlignCenter")  # by name: the first window needs no Qt enum
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        align(self.body, "AlignCenter")
        self.body.setFixedWidth(600)  # a fixed width lets word wrap compute its height
        layout.addWidget(self.title)
        add_centred(layout, self.body)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Dyade"))
        self.body.setText(
            self.tr(
                "Dyade compares how a patient and their physician each experienced the same "
                "visit, so that tensions one side did not notice can be talked about."
            )
        )


def start_daily_backup(session, day=None):
    """The day's backup, off the UI thread (its own connection: saves go on)."""
    from dyade.ui.workspace.background import daily_backup
    from dyade.ui.workspace.settings_values import backup_folder

    return daily_backup(session, backup_folder(session.db, session.path), day)


class MainWindow(Retranslating, QWidget):
    """Top-level window of the physician's side: the page, and under it a status bar
    once something needs one (the sync with a hub)."""

    language_chosen = Signal(str)
    session_opened = Signal(object)
    workspace_shown = Signal(object)  # the session; the app starts the daily backup on it

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = None
        self.wizard = None
        self.kiosk = None
        self.unlock_page = None
        self.login_page = None
        self.workspace = None
        self.idle = None
        self.backup = None  # the latest daily backup started (see start_daily_backup)
        # a language chosen before signing in (--lang, or FR/EN on the sign-in screen) wins
        # over the account's at sign-in, and becomes that account's language
        self.language_for_next_sign_in: str | None = None
        self.sync = None  # the open clinic's background sync with its hub, if linked
        self.backup_schedule = DailySchedule()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(CHECK_EVERY_SECONDS * 1000)
        self.backup_timer.timeout.connect(lambda: self.start_daily_backup(self.session))
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.addLayout(self._header(central, language))
        self.pages = QStackedWidget(central)
        self.home = HomePage(self.pages)
        self.pages.addWidget(self.home)
        outer.addWidget(self.pages, 1)
        self._status_bar: QStatusBar | None = None
        self._frame = QVBoxLayout(self)  # the page, then the status bar: no margins,
        self._frame.setContentsMargins(0, 0, 0, 0)  # as in a QMainWindow
        self._frame.setSpacing(0)
        self._frame.addWidget(central, 1)
        fit_main_window(self)  # the screen's free area, at the size it was left at
        self.retranslate()

    def statusBar(self) -> QStatusBar:  # QMainWindow's name, which callers use
        """The status bar along the bottom, made when first asked for."""
        if self._status_bar is None:
            self._status_bar = QStatusBar(self)
            self._frame.addWidget(self._status_bar)
        return self._status_bar

    def _header(self, central: QWidget, language: str) -> QHBoxLayout:
        header = QHBoxLayout()
        self.brand = QLabel("Dyade", central)
        self.brand.setObjectName("brand")
        self.clinic_label = QLabel(central)
        self.clinic_label.setProperty("role", "muted")
        self.user_label = QLabel(central)
        self.lock_button = QPushButton(central)
        self.lock_button.clicked.connect(self.lock)
        self.lock_button.setVisible(False)
        header.addWidget(self.brand)
        header.addWidget(self.clinic_label)
        header.addStretch(1)
        header.addWidget(self.user_label)
        header.addWidget(self.lock_button)
        self.language_switch = LanguageSwitch(language, central)
        self.language_switch.language_chosen.connect(self._language_clicked)
        header.addWidget(self.language_switch)
        return header

    def retranslate(self) -> None:
        self.setWindowTitle("Dyade")
        self.brand.setAccessibleName(
            self.tr("Dyade, version {version}").format(version=__version__)
        )
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Sign out and show the sign-in screen"))
        self._show_user()

    def _show_user(self) -> None:
        user = self.session.user if self.session else None
        if user is None:
            self.user_label.clear()
            return
        roles = {
            "physician": self.tr("physician"),
            "receptionist": self.tr("reception"),
            "admin": self.tr("administrator"),
        }
        self.user_label.setText(f"{user.display_name} ({roles.get(user.role, user.role)})")

    # -- the day's flow -------------------------------------------------------------

    def show_unlock(self, path: Path, demo_passphrase: str | None = None) -> None:
        from dyade.ui.workspace.unlock import UnlockPage

        self.unlock_page = UnlockPage(path, demo_passphrase=demo_passphrase, parent=self.pages)
        self.unlock_page.unlocked.connect(self.open_session)
        self.pages.addWidget(self.unlock_page)
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlock_page.passphrase.setFocus()

    def open_session(self, session) -> None:
        """The clinic is unlocked: show sign-in (or the workspace if someone is signed in)."""
        from dyade.storage.settings import get_setting
        from dyade.ui.workspace.idle import IdleWatcher
        from dyade.ui.workspace.login import LoginPage

        self.session = session
        name = get_setting(session.db, "clinic_name")
        self.clinic_label.setText(name)
        self.login_page = LoginPage(session, self.pages)
        self.login_page.signed_in.connect(self._signed_in)
        self.pages.addWidget(self.login_page)
        self.idle = IdleWatcher(get_setting(session.db, "idle_lock_minutes"), self)
        self.idle.idle.connect(self.lock)
        self.session_opened.emit(session)
        self._start_sync(session)
        if session.user is not None:
            self._signed_in(session.user)
        else:
            self.pages.setCurrentWidget(self.login_page)
            self.login_page.login.setFocus()

    def _language_clicked(self, lang: str) -> None:
        """FR/EN: the app switches now, and the choice is remembered for the person."""
        user = self.session.user if self.session is not None else None
        if user is None:
            self.language_for_next_sign_in = lang
        else:
            self._keep_language(user, lang)
        self.language_chosen.emit(lang)

    def _keep_language(self, user, lang: str) -> None:
        from dyade.errors import DyadeError
        from dyade.storage.users import set_language

        if user.language == lang:
            return
        try:
            self.session.user = set_language(self.session.db, user.uuid, lang)
        except DyadeError:  # only the preference is lost; the screen has switched anyway
            log.exception("could not remember the language of %s", user.login)

    def _signed_in(self, user) -> None:
        """The account's last language, unless one was chosen on the way in."""
        lang = self.language_for_next_sign_in or user.language
        self.language_for_next_sign_in = None
        self._keep_language(user, lang)
        self.language_chosen.emit(lang)
        self.show_workspace()

    def show_workspace(self) -> None:
        from dyade.ui.workspace.shell import Workspace

        if self.workspace is not None:
            self.pages.removeWidget(self.workspace)
            self.workspace.deleteLater()
        self.workspace = Workspace(self.session, self.pages)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self.lock_button.setVisible(True)
        self._show_user()
        self.idle.start()
        self.workspace_shown.emit(self.session)

    def lock(self) -> None:
        """Sign the current person out; the next one signs in."""
        if self.session is None or self.login_page is None:
            return
        self.session.user = None
        if self.workspace is not None:
            self.workspace.close_windows()
            wait_for_workers()  # a re-analysis may still report to this workspace
            self.pages.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.idle.stop()
        self.lock_button.setVisible(False)
        self._show_user()
        self.login_page.reset()
        self.pages.setCurrentWidget(self.login_page)

    def start_daily_backup(self, session) -> None:
        """Back up when a calendar day has no backup yet and none is running;
        the timer asks again every few minutes while the app stays open."""
        if self.backup is not None and not self.backup.finished.is_set():
            return
        day = self.backup_schedule.due()
        if day is None or session is None or session is not self.session:
            return
        self.backup = start_daily_backup(session, day)
        self.backup.signals.done.connect(lambda _made: self.backup_schedule.made(day))
        if not self.backup_timer.isActive():
            self.backup_timer.start()

    def _start_sync(self, session) -> None:
        from dyade.ui.workspace.sync_status import attach_sync

        if self.sync is not None:
            self.sync.stop()
        self.sync = attach_sync(self, session)

    def closeEvent(self, event) -> None:
        remember_size(self)
        if self.sync is not None:
            self.sync.stop()
        if self.workspace is not None:
            self.workspace.close_windows()
        self.backup_timer.stop()
        wait_for_workers()  # never close the database under a backup or a re-analysis
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)


def wait_for_workers(timeout_ms: int = 60_000) -> None:
    """Let background work on the shared connection finish (see ui/ops.py)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
