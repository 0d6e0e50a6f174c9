"""First run: create the clinic, its passphrase and the first physician account.

Three short pages; nothing is written until the last page is accepted, so a
wizard closed halfway leaves no half-made database behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWizard,
    QWizardPage,
)

from dyade.errors import DyadeError
from dyade.storage import open_database
from dyade.storage.settings import set_setting
from dyade.storage.users import MIN_PASSWORD_LENGTH, create_user
from dyade.ui.errors import describe
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.buddies import buddy_rows
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.settings_values import remember_language

MIN_PASSPHRASE_LENGTH = 10


def create_clinic(
    path: Path,
    *,
    clinic_name: str,
    language: str,
    passphrase: str,
    login: str,
    display_name: str,
    password: str,
) -> Session:
    """Make the encrypted database with its first physician; signed in as them."""
    db = open_database(path, passphrase, create=True)
    try:
        set_setting(db, "clinic_name", clinic_name.strip())
        set_setting(db, "language", language)
        remember_language(language)
        user = create_user(
            db,
            login.strip(),
            "physician",
            password,
            display_name=display_name.strip() or None,
            language=language,
        )
    except BaseException:
        db.close()
        path.unlink(missing_ok=True)
        raise
    return Session(db=db, path=path, user=user)


def password_problem(password: str, again: str) -> str:
    """What is wrong with a new password typed twice ("" when nothing); staff accounts share it."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return QCoreApplication.translate(
            "PhysicianPage", "The password needs at least {n} characters."
        ).format(n=MIN_PASSWORD_LENGTH)
    if password != again:
        return QCoreApplication.translate("PhysicianPage", "The two passwords are not the same.")
    return ""


def account_problem(login: str, password: str, again: str) -> str:
    """The first physician's rules, which every account added later follows too."""
    login = login.strip()
    if not login or any(c.isspace() for c in login):
        return QCoreApplication.translate(
            "PhysicianPage", "Choose a login: one word, without spaces."
        )
    return password_problem(password, again)


def explanation(page: QWizardPage, form: QFormLayout) -> QLabel:
    """A page's explanation, in the page: the wizard's own subtitle cuts long text."""
    label = QLabel(page)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    form.addRow(label)
    return label


def _password_field(parent: QWizardPage) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ClinicPage(Retranslating, QWizardPage):
    def __init__(self, language: str) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.explain = explanation(self, form)
        self.name = QLineEdit(self)
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "fr" else 1)
        self.name_label, self.language_label = QLabel(self), QLabel(self)
        form.addRow(self.name_label, self.name)
        form.addRow(self.language_label, self.language)
        buddy_rows(form)
        self.name.textChanged.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Dyade. Step 1 of 3: your clinic"))
        self.explain.setText(
            self.tr(
                "Three steps set Dyade up on this laptop: the clinic, the passphrase that "
                "encrypts its data, and your own account. The clinic's name is shown on the "
                "patient kiosk and on the reports."
            )
        )
        self.name_label.setText(self.tr("Clinic name"))
        self.language_label.setText(self.tr("Default language"))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class PassphrasePage(Retranslating, QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.explain = explanation(self, form)
        self.first, self.second = _password_field(self), _password_field(self)
        self.first_label, self.second_label = QLabel(self), QLabel(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        form.addRow(self.hint)
        buddy_rows(form)
        for field in (self.first, self.second):
            field.textChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 2 of 3: the database passphrase"))
        self.explain.setText(
            self.tr(
                "Everything is encrypted with this passphrase. It is never stored: if it is "
                "lost, the data cannot be read. Write it down somewhere safe."
            )
        )
        self.first_label.setText(self.tr("Passphrase"))
        self.second_label.setText(self.tr("Type it again"))
        self._changed()

    def problem(self) -> str:
        text = self.first.text()
        if len(text) < MIN_PASSPHRASE_LENGTH:
            return self.tr("At least {n} characters; a few words are easy to remember.").format(
                n=MIN_PASSPHRASE_LENGTH
            )
        if text != self.second.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def _changed(self) -> None:
        self.hint.setText(self.problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem()


class PhysicianPage(Retranslating, QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.explain = explanation(self, form)
        self.display_name, self.login = QLineEdit(self), QLineEdit(self)
        self.password, self.again = _password_field(self), _password_field(self)
        self.labels = [QLabel(self) for _ in range(4)]
        fields = (self.display_name, self.login, self.password, self.again)
        for label, field in zip(self.labels, fields, strict=True):
            form.addRow(label, field)
            field.textChanged.connect(self._changed)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        buddy_rows(form)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 3 of 3: your account"))
        self.explain.setText(
            self.tr("The first physician account. It can add colleagues and reception staff.")
        )
        for label, text in zip(
            self.labels,
            (self.tr("Your name"), self.tr("Login"), self.tr("Password"), self.tr("Type it again")),
            strict=True,
        ):
            label.setText(text)
        self._changed()

    def problem(self) -> str:
        return account_problem(self.login.text(), self.password.text(), self.again.text())

    def _changed(self) -> None:
        self.hint.setText(self.problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem()


class SetupWizard(Retranslating, QWizard):
    """Emits ``created(Session)`` with the new clinic open and its physician signed in."""

    created = Signal(object)

    def __init__(self, path: Path, language: str = "fr", parent=None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.session: Session | None = None
        self.clinic = ClinicPage(language)
        self.passphrase = PassphrasePage()
        self.physician = PhysicianPage()
        for page in (self.clinic, self.passphrase, self.physician):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(680, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dyade: set up the clinic"))

    def accept(self) -> None:
        try:
            self.session = create_clinic(
                self.path,
                clinic_name=self.clinic.name.text(),
                language=self.clinic.language.currentData(),
                passphrase=self.passphrase.first.text(),
                login=self.physician.login.text(),
                display_name=self.physician.display_name.text(),
                password=self.physician.password.text(),
            )
        except DyadeError as exc:
            self.physician.hint.setText(describe(exc))
            return
        super().accept()
        self.created.emit(self.session)
