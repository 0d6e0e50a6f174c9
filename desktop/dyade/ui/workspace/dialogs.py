"""Small forms of the patients page: add a patient, start a dyad, the new visit's code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.formats import DATE_FORMAT, code_text, date_text, reader_locale
from dyade.ui.workspace.window_fit import SizedToContent, fit_dialog


def intro_label(parent: QDialog) -> QLabel:
    """The sentence at the top of a small dialog that says what it is for."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PatientDialog(SizedToContent, Retranslating, QDialog):
    """Code (required), name and birth year (optional), preferred language.

    Given a ``patient``, the dialog edits it (the code, the clinic's key for the
    patient, stays as it is). ``save(values)`` runs on OK and returns a problem
    in the app's language, or None: a problem is shown inside the dialog, which
    stays open with everything typed.
    """

    def __init__(
        self,
        parent=None,
        *,
        patient: Any = None,
        save: Callable[[dict], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.patient, self.save = patient, save
        form = QFormLayout(self)
        self.intro = intro_label(self)
        form.addRow(self.intro)
        self.code, self.name = QLineEdit(self), QLineEdit(self)
        self.birth_year = QSpinBox(self)
        self.birth_year.setRange(0, 2200)
        self.birth_year.setSpecialValueText("—")
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(
            self.labels, (self.code, self.name, self.birth_year, self.language), strict=True
        ):
            label.setBuddy(field)  # the field is announced by its label
            form.addRow(label, field)
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.hide()  # no empty line under the fields until there is something to say
        form.addRow(self.error)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)
        if patient is not None:
            self._fill(patient)
        self.retranslate()

    def _fill(self, patient: Any) -> None:
        self.code.setText(patient.code)
        self.code.setReadOnly(True)
        self.name.setText(patient.name or "")
        self.birth_year.setValue(patient.birth_year or 0)
        self.language.setCurrentIndex(max(0, self.language.findData(patient.language)))

    def accept(self) -> None:
        problem = self.save(self.values()) if self.save is not None else None
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.error.setAccessibleName(problem)
            fit_dialog(self)  # the sentence gets its lines
            return
        super().accept()

    def retranslate(self) -> None:
        if self.patient is None:
            self.setWindowTitle(self.tr("Add a patient"))
        else:
            self.setWindowTitle(self.tr("Edit patient {code}").format(code=self.patient.code))
        self.intro.setText(
            self.tr(
                "The patient code is the one your clinic already uses (a file number, for "
                "example): it is how you find the patient again. The name is optional and "
                "never shown at the kiosk."
            )
        )
        texts = (
            self.tr("Patient code"),
            self.tr("Name (optional)"),
            self.tr("Birth year (optional)"),
            self.tr("Preferred language"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)

    def values(self) -> dict:
        year = self.birth_year.value()
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip() or None,
            "birth_year": year or None,
            "language": self.language.currentData(),
        }


class DyadDialog(SizedToContent, Retranslating, QDialog):
    """Choose the physician who forms a dyad with the patient."""

    def __init__(self, physicians, current_uuid: str | None, parent=None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self.intro = intro_label(self)
        layout.addRow(self.intro)
        self.physician = QComboBox(self)
        for user in physicians:
            self.physician.addItem(user.display_name, user.uuid)
            if user.uuid == current_uuid:
                self.physician.setCurrentIndex(self.physician.count() - 1)
        self.label = QLabel(self)
        self.label.setBuddy(self.physician)
        layout.addRow(self.label, self.physician)
        layout.addRow(ok_cancel(self))
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start a dyad"))
        self.intro.setText(
            self.tr(
                "A dyad pairs this patient with one physician: their visits are compared "
                "and followed together. Only that physician (and colleagues they share it "
                "with) will see the answers."
            )
        )
        self.label.setText(self.tr("Physician"))


class ShareDialog(SizedToContent, Retranslating, QDialog):
    """Tick the colleagues who may see this dyad's answers; untick to stop sharing."""

    def __init__(self, colleagues, shared: set[str], patient_code: str, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.patient_code = patient_code
        self.intro = intro_label(self)
        layout.addWidget(self.intro)
        self.boxes: dict[str, QCheckBox] = {}
        for user in colleagues:
            box = QCheckBox(user.display_name, self)
            box.setChecked(user.uuid in shared)
            layout.addWidget(box)
            self.boxes[user.uuid] = box
        self.none = QLabel(self)
        self.none.setWordWrap(True)
        self.none.setVisible(not colleagues)
        layout.addWidget(self.none)
        layout.addWidget(ok_cancel(self))
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Share a dyad"))
        self.intro.setText(
            self.tr(
                "The colleagues ticked here see the answers and the review of patient {code} "
                "with you (a replacement, a supervision). Untick to stop sharing. Each change "
                "is written to the audit log."
            ).format(code=self.patient_code)
        )
        self.none.setText(self.tr("There is no other physician account in this clinic yet."))

    def chosen(self) -> set[str]:
        return {uuid for uuid, box in self.boxes.items() if box.isChecked()}


class VisitCodeDialog(SizedToContent, Retranslating, QDialog):
    """The new visit's code, large enough to read aloud, and the kiosk hand-over."""

    hand_to_patient = Signal(str)

    def __init__(self, code: str, patient_code: str, parent=None) -> None:
        super().__init__(parent)
        self.visit_code, self.patient_code = code, patient_code
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.code_label = QLabel(code_text(code), self)
        self.code_label.setObjectName("visitCode")
        self.code_label.setStyleSheet("font-size: 32pt; font-weight: 700; letter-spacing: 4px;")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.hand_button = QPushButton(self)
        self.hand_button.setProperty("role", "primary")
        self.hand_button.clicked.connect(self._hand)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        for widget in (self.intro, self.code_label, self.hint, self.hand_button, self.close_button):
            layout.addWidget(widget)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Visit created"))
        self.intro.setText(
            self.tr("The visit of patient {code} is ready. Its code for the kiosk:").format(
                code=self.patient_code
            )
        )
        self.hint.setText(
            self.tr(
                "Give this code to the patient, or open the kiosk on this laptop now and "
                "hand it over: the questionnaire starts at once."
            )
        )
        self.hand_button.setText(self.tr("Hand to patient (open the kiosk)"))
        self.close_button.setText(self.tr("Close"))

    def _hand(self) -> None:
        self.hand_to_patient.emit(self.visit_code)
        self.accept()


class VisitDateDialog(SizedToContent, Retranslating, QDialog):
    """Another day for an open visit (the patient will come later)."""

    def __init__(self, patient_code: str, current: str, parent=None) -> None:
        super().__init__(parent)
        self.patient_code, self.current = patient_code, current
        form = QFormLayout(self)
        self.intro = intro_label(self)
        form.addRow(self.intro)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)  # "3 décembre 2026": never 12/6/26
        self.date.setMinimumDate(QDate.currentDate())
        self.date.setDate(QDate.currentDate())
        self.label = QLabel(self)
        self.label.setBuddy(self.date)
        form.addRow(self.label, self.date)
        form.addRow(ok_cancel(self))
        self.retranslate()

    def retranslate(self) -> None:

        self.setWindowTitle(self.tr("Change the visit's date"))
        self.date.setLocale(reader_locale())
        self.intro.setText(
            self.tr(
                "The visit of patient {code} planned for {date}: choose the day the patient "
                "will come. Its kiosk code and any answers already given stay."
            ).format(code=self.patient_code, date=date_text(self.current))
        )
        self.label.setText(self.tr("New date"))

    def chosen(self) -> date:
        return self.date.date().toPython()
