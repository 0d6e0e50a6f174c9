"""Staff accounts: who may sign in, with which role; add one, reset a password, change a
role, deactivate or reactivate.

Physicians and administrators see this page: a new clinic's first physician is
its only account, and the setup wizard tells them they add colleagues and
reception here. Reception does not (it books visits and hands the kiosk). The
rules that keep a clinic from locking itself out (nobody changes their own role
or deactivates themselves; one active physician or administrator always stays)
live in ``dyade.storage.users``; this page asks them first to say why in the
person's language, and every change is written to the audit by the same calls.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from dyade.errors import DyadeError
from dyade.storage import users as accounts
from dyade.storage.settings import get_setting
from dyade.ui.errors import describe, show_error
from dyade.ui.models.records import Column, RecordTableModel
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.formats import moment_text
from dyade.ui.workspace.users_dialogs import (
    NewAccountDialog,
    PasswordDialog,
    RoleDialog,
    role_name,
)
from dyade.ui.workspace.widgets import heading, table

INACTIVE_COLOUR = "#6B6B6B"
NOTICE_COLOUR = "#8A4B00"


def refusal_text(reason: str, name: str) -> str:
    """The storage's refusal code, worded for the person at the screen."""
    if reason == "self":
        return QCoreApplication.translate(
            "StaffPage",
            "This is your own account: you can reset its password; another physician or "
            "administrator can change its role or deactivate it.",
        )
    return QCoreApplication.translate(
        "StaffPage",
        "{name} is the only active physician or administrator account: it keeps a role that "
        "manages accounts and stays active until another one is added or reactivated.",
    ).format(name=name)


class StaffPage(Retranslating, QWidget):
    """The list of accounts and the four actions on the selected one."""

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.session = workspace.session
        self.activity: dict[str, accounts.Activity] = {}
        self._reasons: tuple[str | None, str | None] = (None, None)  # deactivate, role
        self.model = RecordTableModel(
            [
                Column(lambda: self.tr("Name"), self._name, self._colour),
                Column(lambda: self.tr("Login"), lambda u: u.login, self._colour),
                Column(lambda: self.tr("Role"), lambda u: role_name(u.role), self._colour),
                Column(lambda: self.tr("Status"), self._status, self._colour),
                Column(lambda: self.tr("Last sign-in"), self._last_sign_in, self._colour),
            ],
            self,
        )
        layout = QVBoxLayout(self)
        self.title, self.intro = heading(self)
        self.view = table(self, self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self)
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self.add_account)
        self.password_button, self.role_button = QPushButton(self), QPushButton(self)
        self.password_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(self)
        self.active_button.clicked.connect(self.toggle_active)
        row = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.role_button):
            row.addWidget(button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {NOTICE_COLOUR};")
        for widget in (self.title, self.intro):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff accounts"))
        self.intro.setText(
            self.tr(
                "Everyone who signs in to this clinic's Dyade, one account per person. An "
                "account no longer needed is deactivated rather than deleted: its dyads and "
                "its history stay."
            )
        )
        self.view.setAccessibleName(self.tr("Staff accounts"))
        self.add_button.setText(self.tr("Add an account…"))
        self.password_button.setText(self.tr("Reset the password…"))
        self.role_button.setText(self.tr("Change the role…"))
        self.model.retranslate()
        self._show_selection()

    # -- cells --------------------------------------------------------------------------

    def _name(self, user) -> str:
        if self._is_me(user):
            return self.tr("{name} (you)").format(name=user.display_name)
        return user.display_name

    def _status(self, user) -> str:
        if not user.active:
            return self.tr("deactivated")
        return self.tr("active")

    def _last_sign_in(self, user) -> str:
        activity = self.activity.get(user.uuid)
        when = moment_text(activity.last_sign_in if activity else None)
        return when or self.tr("never")

    def _colour(self, user) -> str | None:
        return None if user.active else INACTIVE_COLOUR

    def _is_me(self, user) -> bool:
        return self.session.user is not None and user.uuid == self.session.user.uuid

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected()
        db = self.session.db
        self.activity = accounts.activity(db)
        self.model.set_rows(accounts.list_users(db))
        if chosen is not None:
            self.select(chosen.login)
        self._selection_changed()

    def select(self, login: str) -> None:
        for row, user in enumerate(self.model.rows):
            if user.login.lower() == login.lower():
                self.view.selectRow(row)
                return

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def refusal(self, user, **change) -> str:
        """Why this change to ``user`` cannot be made ("" when it can)."""
        reason = self._reason(user, **change)
        return refusal_text(reason, user.display_name) if reason else ""

    def _reason(self, user, **change) -> str | None:
        return accounts.change_refused(self.session.db, user.uuid, by=self._me(), **change)

    def _selection_changed(self, *_args) -> None:
        """Ask the storage once what the selected account allows; showing it needs no database."""
        user = self.selected()
        if user is None:
            self._reasons = (None, None)
        elif not user.active:
            self._reasons = (self._reason(user, active=True), "inactive")
        else:
            self._reasons = (
                self._reason(user, active=False),
                self._reason(user, role="receptionist"),
            )
        self._show_selection()

    def _show_selection(self) -> None:
        user = self.selected()
        active_reason, role_reason = self._reasons
        self.password_button.setEnabled(user is not None)
        self.role_button.setEnabled(user is not None and user.active and not self._is_me(user))
        self.active_button.setEnabled(user is not None and active_reason is None)
        inactive = user is not None and not user.active
        self.active_button.setText(self.tr("Reactivate") if inactive else self.tr("Deactivate…"))
        reason = active_reason or role_reason
        if user is None or reason is None:
            self.notice.clear()
        elif reason == "inactive":
            self.notice.setText(self.tr("Reactivate this account to change its role."))
        else:
            self.notice.setText(refusal_text(reason, user.display_name))

    # -- actions ------------------------------------------------------------------------

    def _me(self) -> str | None:
        return self.session.user.uuid if self.session.user else None

    def add_account(self) -> NewAccountDialog:
        language = get_setting(self.session.db, "language")
        dialog = NewAccountDialog(self._create, language, self)
        if dialog.exec():
            self.refresh()
            self.select(dialog.values()["login"])
        return dialog

    def _create(self, dialog: NewAccountDialog) -> str:
        values = dialog.values()
        if accounts.find_user(self.session.db, values["login"]) is not None:
            dialog.login.setFocus()
            dialog.login.selectAll()
            return self.tr("The login {login} is already taken: choose another one.").format(
                login=values["login"]
            )
        return self._store(lambda: accounts.create_user(self.session.db, by=self._me(), **values))

    def reset_password(self) -> PasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        save = partial(self._set_password, user)
        dialog = PasswordDialog(save, user.display_name, self._is_me(user), self)
        if dialog.exec():
            self.refresh()
        return dialog

    def _set_password(self, user, dialog: PasswordDialog) -> str:
        password = dialog.password.text()
        return self._store(
            lambda: accounts.set_password(self.session.db, user.uuid, password, by=self._me())
        )

    def change_role(self) -> RoleDialog | None:
        user = self.selected()
        if user is None or not user.active or self._is_me(user):
            return None
        dialog = RoleDialog(partial(self._set_role, user), partial(self.refusal, user), user, self)
        if dialog.exec():
            self.refresh()
        return dialog

    def _set_role(self, user, dialog: RoleDialog) -> str:
        role = dialog.role.currentData()  # the dialog already asked refusal() as it changed
        return self._store(
            lambda: accounts.set_role(self.session.db, user.uuid, role, by=self._me())
        )

    def toggle_active(self) -> bool:
        """Deactivate (after a confirmation) or reactivate the selected account."""
        user = self.selected()
        if user is None:
            return False
        refused = self.refusal(user, active=not user.active)
        if refused:
            self.notice.setText(refused)
            return False
        if user.active and not self.confirm_deactivate(user):
            return False
        message = self._store(
            lambda: accounts.set_active(self.session.db, user.uuid, not user.active, by=self._me())
        )
        if message:
            show_error(self, message)
        self.refresh()
        return not message

    def confirm_deactivate(self, user) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Deactivate an account"), "", parent=self
        )
        box.setText(
            self.tr(
                "Deactivate the account of {name}? They can no longer sign in. Their dyads "
                "and history stay, and the account can be reactivated later."
            ).format(name=user.display_name)
        )
        yes = box.addButton(self.tr("Deactivate"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def _store(self, change: Callable[[], object]) -> str:
        """Run one storage change; its refusal becomes the message ("" when it went through).

        Under the session's lock, as the settings page writes: a daily backup may be
        reading the same connection on its thread.
        """
        try:
            with self.session.db_lock:
                change()
        except DyadeError as exc:
            return describe(exc)  # in the app's language
        return ""
