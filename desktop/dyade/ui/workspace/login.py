"""Sign-in screen: login and password, with growing waits after mistakes.

The storage layer locks an account after repeated failures (30 s, then
doubling); this screen also makes each new attempt wait a little longer
(1, 2, 4... seconds), so guessing is slow even before the lock.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dyade.storage import LoginRefused
from dyade.storage.users import authenticate
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.window_fit import fit_in_column

MAX_PAUSE_SECONDS = 16
BOX_WIDTH = 480
_WAIT = re.compile(r"try again in (\d+) s")


def pause_after(failures: int) -> int:
    """Seconds the Sign in button stays disabled after this many failures in a row."""
    return 0 if failures <= 0 else min(2 ** (failures - 1), MAX_PAUSE_SECONDS)


class LoginPage(Retranslating, QWidget):
    """Emits ``signed_in(User)`` once the session has a user."""

    signed_in = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        from dyade.storage.settings import get_setting

        self.clinic_name = get_setting(session.db, "clinic_name")
        self.failures = 0
        self._locked_for = 0
        self._wait_left = 0
        self._last: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.box = box = QWidget(self)
        box.setFixedWidth(BOX_WIDTH)
        self.column = column = QVBoxLayout(box)
        self.title = QLabel(box)
        self.title.setObjectName("pageTitle")
        self.clinic = QLabel(box)
        self.clinic.setProperty("role", "muted")
        form = QFormLayout()
        self.login, self.password = QLineEdit(box), QLineEdit(box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label, self.password_label = QLabel(box), QLabel(box)
        self.login_label.setBuddy(self.login)  # a screen reader says the label with the field
        self.password_label.setBuddy(self.password)
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        self.button = QPushButton(box)
        self.button.setProperty("role", "primary")
        self.button.clicked.connect(self.try_login)
        self.password.returnPressed.connect(self.try_login)
        self.login.returnPressed.connect(self.password.setFocus)
        self.message = QLabel(box)
        self.message.setWordWrap(True)
        self.demo_note = QLabel(box)  # the demo clinic's accounts, published like its passphrase
        self.demo_note.setObjectName("notice")
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(self.session.demo)
        for part in (self.title, self.clinic, self.demo_note):
            column.addWidget(part)
        column.addLayout(form)
        column.addWidget(self.button)
        column.addWidget(self.message)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in"))
        self.clinic.setText(self.clinic_name)
        self.login_label.setText(self.tr("Login"))
        self.password_label.setText(self.tr("Password"))
        self.login.setAccessibleName(self.tr("Login"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setAccessibleDescription(self.tr("Press Enter to sign in"))
        self.button.setText(self.tr("Sign in"))
        self.demo_note.setText(self._demo_text())
        fit_in_column(self.demo_note, self.column, self.box, BOX_WIDTH)
        self._show()

    def _demo_text(self) -> str:
        if not self.session.demo:
            return ""
        from dyade.demo import DEMO_PASSWORD, STAFF

        roles = {
            "physician": self.tr("physician"),
            "receptionist": self.tr("reception"),
            "admin": self.tr("administrator"),
        }
        accounts = ", ".join(f"{login} ({roles[role]})" for login, role, *_rest in STAFF)
        return self.tr(
            "Demo clinic: sign in as {accounts}; the password is {password} for all."
        ).format(accounts=accounts, password=DEMO_PASSWORD)

    def _show(self) -> None:
        if self._last == "wrong":
            text = self.tr("Wrong login or password.")
        elif self._last == "locked":
            text = self.tr("Too many failed attempts on this computer. Try again in {s} s.").format(
                s=self._locked_for
            )
        else:
            text = ""
        if self._wait_left > 0:
            text += " " + self.tr("You can try again in {s} s.").format(s=self._wait_left)
        self.message.setText(text.strip())
        fit_in_column(self.message, self.column, self.box, BOX_WIDTH)

    def reset(self) -> None:
        """Back to an empty form (after sign-out or an automatic lock)."""
        self.password.clear()
        self._last = None
        self._show()
        self.login.setFocus()

    def try_login(self) -> bool:
        if not self.button.isEnabled():
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            user = authenticate(self.session.db, self.login.text().strip(), self.password.text())
        except LoginRefused as exc:
            self._refused(str(exc))  # parsed for the wait; shown in its own words
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.failures = 0
        self.session.user = user
        self.reset()
        self.signed_in.emit(user)
        return True

    def _refused(self, reason: str) -> None:
        self.password.clear()
        match = _WAIT.search(reason)
        if match:
            self._last, self._locked_for = "locked", int(match.group(1))
            self._wait_left = self._locked_for
        else:
            self.failures += 1
            self._last = "wrong"
            self._wait_left = pause_after(self.failures)
        if self._wait_left:
            self.button.setEnabled(False)
            self._timer.start()
        self._show()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._timer.stop()
            self.button.setEnabled(True)
            self.password.setFocus()
        self._show()
