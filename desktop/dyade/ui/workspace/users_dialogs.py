"""The staff accounts page's dialogs: add an account, reset a password, change a role.

Each keeps what was typed when the storage refuses (a login already taken), and
shows why where its live hint is; a new password follows the setup wizard's
rules (``account_problem``), so every account is held to the first one's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.dialogs import ok_cancel
from dyade.ui.workspace.setup_wizard import account_problem, password_problem

ROLE_ORDER = ("receptionist", "physician", "admin")  # least access first: the default


def role_name(role: str) -> str:
    names = {
        "physician": QCoreApplication.translate("StaffPage", "Physician"),
        "receptionist": QCoreApplication.translate("StaffPage", "Reception"),
        "admin": QCoreApplication.translate("StaffPage", "Administrator"),
    }
    return names.get(role, role)


def role_help(role: str) -> str:
    """What a role may do, shown under the role choice so nobody picks it blind."""
    texts = {
        "physician": QCoreApplication.translate(
            "StaffPage",
            "Fills in their side after each visit and reviews their own dyads and those "
            "shared with them. Manages staff accounts.",
        ),
        "receptionist": QCoreApplication.translate(
            "StaffPage",
            "Adds patients, books visits and hands the kiosk. Never sees answers.",
        ),
        "admin": QCoreApplication.translate(
            "StaffPage",
            "Settings, backups and staff accounts; can open the answers of every dyad.",
        ),
    }
    return texts.get(role, "")


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _role_choice(parent: QWidget, current: str) -> tuple[QComboBox, QLabel]:
    """The role list and, under it, what the chosen role may do."""
    box, help_label = QComboBox(parent), QLabel(parent)
    for role in ROLE_ORDER:
        box.addItem("", role)
    box.setCurrentIndex(ROLE_ORDER.index(current))
    help_label.setWordWrap(True)
    help_label.setProperty("role", "muted")
    return box, help_label


def _name_fields(labels, fields, texts, roles: QComboBox | None = None) -> None:
    """Label texts double as the fields' accessible names; role names follow the language."""
    for label, field, text in zip(labels, fields, texts, strict=True):
        label.setText(text)
        field.setAccessibleName(text)
    for index in range(roles.count() if roles is not None else 0):
        roles.setItemText(index, role_name(roles.itemData(index)))


class _FormDialog(Retranslating, QDialog):
    """A form with a live hint, OK only when the hint is empty, and a save that may refuse.

    ``save(dialog)`` returns "" once done, or a message: the dialog then stays open
    with everything typed, and shows the message where the hint is.
    """

    def __init__(self, save: Callable[[QDialog], str], parent=None) -> None:
        super().__init__(parent)
        self.save = save
        self.form = QFormLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("formHint")
        self.buttons = ok_cancel(self)
        self.setMinimumWidth(560)

    def finish_form(self) -> None:
        self.form.addRow(self.hint)
        self.form.addRow(self.buttons)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def problem(self) -> str:
        return ""

    def changed(self, *_args) -> None:
        problem = self.problem()
        self.show_hint(problem)
        self.ok_button().setEnabled(not problem)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the height to the wrapped lines at the final width: no cut line, no gap."""
        super().showEvent(event)
        self.resize(self.width(), self.form.totalHeightForWidth(self.width()))

    def show_hint(self, text: str) -> None:
        """Show a hint, growing the window when its wrapped lines (or a role's) need room."""
        self.hint.setText(text)
        if self.isVisible():
            needed = self.form.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def accept(self) -> None:
        if self.problem():
            return
        message = self.save(self)
        if message:
            self.show_hint(message)
            return
        super().accept()


class NewAccountDialog(_FormDialog):
    """Name, login, role, language and a password typed twice, with the setup wizard's rules."""

    def __init__(self, save: Callable[[QDialog], str], language: str, parent=None) -> None:
        super().__init__(save, parent)
        self.display_name, self.login = QLineEdit(self), QLineEdit(self)
        self.role, self.role_help = _role_choice(self, ROLE_ORDER[0])
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "fr" else 1)
        self.password, self.again = _password_field(self), _password_field(self)
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(self.labels, self._fields(), strict=True):
            self.form.addRow(label, field)
            if field is self.role:
                self.form.addRow("", self.role_help)
        for field in (self.login, self.password, self.again):
            field.textChanged.connect(self.changed)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.finish_form()
        self.display_name.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a staff account"))
        texts = (
            self.tr("Name shown in Dyade"),
            self.tr("Login"),
            self.tr("Role"),
            self.tr("Language"),
            self.tr("Password"),
            self.tr("Type it again"),
        )
        _name_fields(self.labels, self._fields(), texts, self.role)
        self._role_changed()

    def _fields(self) -> tuple[QWidget, ...]:
        return (self.display_name, self.login, self.role, self.language, self.password, self.again)

    def _role_changed(self, *_args) -> None:
        self.role_help.setText(role_help(self.role.currentData()))
        self.changed()

    def problem(self) -> str:
        return account_problem(self.login.text(), self.password.text(), self.again.text())

    def values(self) -> dict:
        """What the account is made of; the password goes to the storage call and no further."""
        return {
            "login": self.login.text().strip(),
            "role": self.role.currentData(),
            "password": self.password.text(),
            "display_name": self.display_name.text().strip() or None,
            "language": self.language.currentData(),
        }


class PasswordDialog(_FormDialog):
    """A new password typed twice, for someone who forgot theirs or was locked out."""

    def __init__(
        self, save: Callable[[QDialog], str], name: str, own: bool = False, parent=None
    ) -> None:
        super().__init__(save, parent)
        self.name, self.own = name, own
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.password, self.again = _password_field(self), _password_field(self)
        self.labels = [QLabel(self), QLabel(self)]
        self.form.addRow(self.intro)
        for label, field in zip(self.labels, (self.password, self.again), strict=True):
            self.form.addRow(label, field)
            field.textChanged.connect(self.changed)
        self.finish_form()
        self.password.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset a password"))
        if self.own:
            intro = self.tr("Your new password. It replaces the old one at once.")
        else:
            intro = self.tr(
                "The new password of {name}. Give it to them in person; it replaces the old "
                "one at once and lifts a wait after wrong passwords."
            ).format(name=self.name)
        self.intro.setText(intro)
        texts = (self.tr("New password"), self.tr("Type it again"))
        _name_fields(self.labels, (self.password, self.again), texts)
        self.changed()

    def problem(self) -> str:
        return password_problem(self.password.text(), self.again.text())


class RoleDialog(_FormDialog):
    """Choose another role; what each role may do is written under the choice.

    ``check(role=...)`` says why a role cannot be given ("" when it can), as you choose.
    """

    def __init__(
        self, save: Callable[[QDialog], str], check: Callable[..., str], user, parent=None
    ) -> None:
        super().__init__(save, parent)
        self.user, self.check = user, check
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.role, self.role_help = _role_choice(self, user.role)
        self.label = QLabel(self)
        self.form.addRow(self.intro)
        self.form.addRow(self.label, self.role)
        self.form.addRow("", self.role_help)
        self.role.currentIndexChanged.connect(self.changed)
        self.finish_form()
        self.role.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change a role"))
        self.intro.setText(
            self.tr(
                "The role of {name}. What the account sees changes at its next sign-in."
            ).format(name=self.user.display_name)
        )
        _name_fields([self.label], [self.role], [self.tr("Role")], self.role)
        self.changed()

    def changed(self, *_args) -> None:
        self.role_help.setText(role_help(self.role.currentData()))
        super().changed()
        if self.role.currentData() == self.user.role:
            self.ok_button().setEnabled(False)

    def problem(self) -> str:
        return self.check(role=self.role.currentData())

    def accept(self) -> None:
        if self.role.currentData() != self.user.role:
            super().accept()
