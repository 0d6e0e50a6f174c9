"""The unlock screen: the app always starts locked until someone types the clinic passphrase.

Each way opening can fail gets its own plain message: a wrong passphrase (try
again), a damaged file (named, with the latest backup offered), a file already
open in another Dyade window.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dyade.errors import DyadeError
from dyade.ui.by_name import add_centred
from dyade.ui.errors import describe
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.window_fit import fit_in_column

if TYPE_CHECKING:  # the session (a dataclass) is made once the clinic is unlocked
    from dyade.ui.workspace.session import Session

log = logging.getLogger(__name__)


def backups_folder(db_path: Path) -> Path:
    """Where the daily backups of ``db_path`` go unless the clinic chose a folder."""
    return db_path.parent / "backups"


def latest_backup(db_path: Path, passphrase: str) -> Path | None:
    """The newest copy to restore that opens with ``passphrase`` and passes its checks.

    A rescued copy (``<name>.rescued-<time>.db``, written when the file was damaged
    while open) holds the answers saved after the last daily backup: offering the
    backup instead would lose them. An empty or foreign file is never offered
    (:func:`dyade.storage.candidates.newest_verified`).
    """
    from dyade.storage.candidates import newest_verified

    return newest_verified(db_path, passphrase, folder=backups_folder(db_path))


DEMO_NOTE_WIDTH = 560


class UnlockPage(Retranslating, QWidget):
    """Passphrase field and an Unlock button; emits the opened :class:`Session`."""

    unlocked = Signal(object)

    def __init__(
        self, path: Path, *, demo_passphrase: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.demo_passphrase = demo_passphrase
        self._problem: str | DyadeError | None = None
        self._candidate: Path | None = None  # the verified copy the restore button offers
        self._build()
        if demo_passphrase:
            self.passphrase.setText(demo_passphrase)
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.file_label = QLabel(self)
        self.file_label.setProperty("role", "muted")
        self.file_label.setWordWrap(True)
        self.demo_note = QLabel(self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(bool(self.demo_passphrase))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.clicked.connect(self.try_unlock)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("unlockMessage")
        self.restore_button = QPushButton(self)
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self.restore_latest)
        column = QVBoxLayout()
        for widget in (self.title, self.file_label, self.demo_note, self.passphrase):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.message)
        box = QWidget(self)
        box.setLayout(column)
        self.column, self.box = column, box
        box.setFixedWidth(DEMO_NOTE_WIDTH)
        add_centred(layout, box)  # without Qt's enums: see dyade.ui.by_name
        layout.addStretch(2)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Unlock the clinic"))
        self.file_label.setText(self.tr("Database: {path}").format(path=self.path))
        self.demo_note.setText(self._demo_text())
        self._fit(self.demo_note)
        self.passphrase.setPlaceholderText(self.tr("Clinic passphrase"))
        self.passphrase.setAccessibleName(self.tr("Clinic passphrase"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.restore_button.setText(self.tr("Restore the latest backup"))
        if self._problem:
            self.message.setText(self._message_for(self._problem))
            self._fit(self.message)

    def _demo_text(self) -> str:
        if not self.demo_passphrase:
            return ""
        from dyade.demo import DEMO_PASSWORD, STAFF

        logins = ", ".join(login for login, *_rest in STAFF)
        return self.tr(
            "This is the demo clinic, with invented people only. Its passphrase is "
            "published: {passphrase}. Then sign in as {logins} (a physician, a second "
            "physician, reception, administration), password {password}."
        ).format(passphrase=self.demo_passphrase, logins=logins, password=DEMO_PASSWORD)

    def _message_for(self, problem: str | DyadeError) -> str:
        if isinstance(problem, DyadeError):  # storage's own words, in the app's language
            return describe(problem)
        texts = {
            "wrong": self.tr(
                "This passphrase does not open the clinic database. Check capital letters "
                "and spaces, then try again."
            ),
            "damaged": self.tr(
                "The file {path} is damaged or is not a Dyade database. You can restore "
                "the latest backup, or ask the person who looks after the clinic's laptops."
            ),
            "no_backup": self.tr(
                "The file {path} is damaged or is not a Dyade database, and no backup next "
                "to it opens with this passphrase and passes its checks."
            ),
            "in_use": self.tr(
                "This clinic is already open in another Dyade window on this computer. "
                "Close the other Dyade window, then try again."
            ),
            "empty": self.tr("Type the clinic passphrase first."),
        }
        return texts[problem].format(path=self.path)

    def _fit(self, label: QLabel) -> None:
        fit_in_column(label, self.column, self.box, DEMO_NOTE_WIDTH)

    def _show_problem(self, problem: str | DyadeError) -> None:
        self._problem = problem
        self.message.setText(self._message_for(problem))
        self._fit(self.message)
        self.restore_button.setVisible(problem == "damaged")

    def try_unlock(self) -> Session | None:
        """Open the database with the typed passphrase; on success emit ``unlocked``."""
        # storage (SQLCipher, sqlite-utils, argon2) loads here, after the first paint
        from PySide6.QtCore import Qt

        from dyade.storage import DamagedDatabase, DatabaseInUse, WrongPassphrase, open_database
        from dyade.ui.workspace.session import Session

        phrase = self.passphrase.text()
        if not phrase:
            self._show_problem("empty")
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = open_database(self.path, phrase)
        except WrongPassphrase:
            self._show_problem("wrong")
            self.passphrase.selectAll()
            return None
        except DamagedDatabase:
            self._candidate = latest_backup(self.path, phrase)
            self._show_problem("damaged" if self._candidate else "no_backup")
            return None
        except DatabaseInUse:
            self._show_problem("in_use")
            return None
        except DyadeError as exc:
            self._show_problem(exc)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self._problem = None
        self.message.clear()
        session = Session(db=db, path=self.path, demo=bool(self.demo_passphrase))
        self.unlocked.emit(session)
        return session

    def restore_latest(self) -> None:
        """Put the newest verified copy in place (the damaged file is kept aside)."""
        from PySide6.QtWidgets import QMessageBox  # not on the way to the first window

        from dyade.storage.backup import restore

        source, phrase = self._candidate, self.passphrase.text()
        if source is None or not phrase:
            self._show_problem("empty" if source else "no_backup")
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the damaged file with the backup {name}? The damaged file is kept."
            ).format(name=source.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            restore(source, self.path, phrase)
        except DyadeError as exc:
            self._show_problem(exc)
            return
        self.try_unlock()
