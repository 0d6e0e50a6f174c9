"""Sign in with a staff login and password (the kiosk's exit, the physician workspace).

The check itself is :func:`dyade.storage.users.authenticate`: slow hashes,
failures slowing the device's next tries. This dialog only shows its answer in
the person's language: wrong login or password, or how long to wait. Enter
signs in ("Sign in" is the default button; Cancel never is).
"""

from __future__ import annotations

import re
from collections.abc import Collection

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dyade.storage.errors import LoginRefused
from dyade.storage.users import User, authenticate
from dyade.ui.retranslate import Retranslating

_WAIT = re.compile(r"try again in (\d+) s")


class LoginDialog(Retranslating, QDialog):
    """Login + password -> ``self.user`` (accepted), limited to ``roles`` if given."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        parent: QWidget | None = None,
        *,
        roles: Collection[str] | None = None,
        purpose: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.db, self.roles, self.purpose = db, roles, purpose
        self.user: User | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        self.setMinimumWidth(560)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        self.login = QLineEdit(self)
        self.login.setObjectName("loginField")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label, self.password_label = QLabel(self), QLabel(self)
        self.login_label.setBuddy(self.login)
        self.password_label.setBuddy(self.password)
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("")
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        # Enter anywhere presses "Sign in", the default button (Cancel never is).
        self.retranslate()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)  # Enter must never close the dialog unread
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.ok_button.setProperty("role", "primary")
        self.ok_button.clicked.connect(self.try_login)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        return row

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff sign-in"))
        self.intro.setText(self.purpose or self.tr("Sign in with your Dyade account."))
        self.login_label.setText(self.tr("&Login"))
        self.password_label.setText(self.tr("&Password"))
        self.login.setAccessibleName(self.tr("Login"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setAccessibleDescription(self.tr("Press Enter to sign in"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Sign in"))
        self.ok_button.setAccessibleName(self.tr("Sign in"))

    def try_login(self) -> None:
        """Check the credentials; accept on success, else say why and stay."""
        login, password = self.login.text().strip(), self.password.text()
        self.password.clear()
        if login and not password:  # Enter in the login field: on to the password
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not login or not password:
            self._say(self.tr("Enter your login and your password."))
            return
        try:
            user = authenticate(self.db, login, password)
        except LoginRefused as exc:
            self._say(self.refusal_text(str(exc)))
            return
        if self.roles is not None and user.role not in self.roles:
            self._say(self.tr("This account cannot do this here."))
            return
        self.user = user
        self.accept()

    def refusal_text(self, message: str) -> str:
        """The storage's refusal, said in the current language."""
        wait = _WAIT.search(message)
        if wait:
            return self.tr("Too many failed attempts. Try again in {seconds} s.").format(
                seconds=wait.group(1)
            )
        return self.tr("Wrong login or password.")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
