"""Patients and visits: find a patient, add one, start a dyad, open a visit, hand the kiosk."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dyade.errors import DyadeError
from dyade.storage import dyads as dyad_service
from dyade.storage import patients as patient_service
from dyade.storage.settings import visit_forms
from dyade.storage.users import list_users
from dyade.storage.visits import FormRef, create_visit
from dyade.ui.errors import describe, show_error
from dyade.ui.models.records import Column, RecordTableModel
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.dialogs import DyadDialog, PatientDialog, ShareDialog, VisitCodeDialog
from dyade.ui.workspace.widgets import table

PATIENT_LIMIT = 5000
log = logging.getLogger(__name__)


def open_kiosk_for(workspace, code: str) -> QWidget:
    """Open the patient kiosk on this visit code (the laptop is then handed over)."""
    from dyade.storage.settings import get_setting
    from dyade.ui.kiosk import KioskWindow

    session = workspace.session
    kiosk = KioskWindow(
        session.db,
        session.library,
        clinic_name=get_setting(session.db, "clinic_name"),
        language=get_setting(session.db, "language"),
        idle_seconds=get_setting(session.db, "kiosk_idle_seconds"),
    )
    kiosk.open_visit_code(code)
    kiosk.left.connect(lambda _user: workspace.refresh_all())  # with what patients sent
    kiosk.show_locked()
    return workspace.keep(kiosk)


class PatientsPage(Retranslating, QWidget):
    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.session = workspace.session
        self.last_code_dialog: VisitCodeDialog | None = None
        self.patients = RecordTableModel(
            [
                Column(lambda: self.tr("Patient code"), lambda p: p.code),
                Column(lambda: self.tr("Name"), lambda p: p.name),
                Column(lambda: self.tr("Birth year"), lambda p: p.birth_year),
                Column(lambda: self.tr("Language"), lambda p: p.language.upper()),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.patients)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.dyads = RecordTableModel(
            [
                Column(lambda: self.tr("Physician"), lambda d: d.physician_name),
                Column(
                    lambda: self.tr("Access"),
                    lambda d: self.tr("shared with you") if d.shared else self.tr("own"),
                ),
            ],
            self,
        )
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        search_row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_patient)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_button)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_patient)
        search_row.addWidget(self.edit_button)
        self.patient_view = table(self, self.proxy, stretch=1)
        self.patient_view.selectionModel().selectionChanged.connect(self._patient_changed)
        for part in (self.title,):
            left.addWidget(part)
        left.addLayout(search_row)
        left.addWidget(self.patient_view, 1)
        layout.addLayout(left, 3)
        layout.addSpacing(12)
        layout.addLayout(self._dyad_column(), 2)

    def _dyad_column(self) -> QVBoxLayout:
        right = QVBoxLayout()
        self.patient_title = QLabel(self)
        self.patient_title.setObjectName("sectionTitle")
        self.patient_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.patient_title.setWordWrap(True)
        self.dyad_view = table(self, self.dyads)
        self.dyad_view.selectionModel().selectionChanged.connect(self._dyad_changed)
        self.dyad_button = QPushButton(self)
        self.dyad_button.clicked.connect(self.start_dyad)
        self.share_button = QPushButton(self)
        self.share_button.clicked.connect(self.share_dyad)
        self.share_button.setVisible(self.session.user.role in ("physician", "admin"))
        self.full_button, self.brief_button = QPushButton(self), QPushButton(self)
        self.full_button.setProperty("role", "primary")
        self.full_button.clicked.connect(lambda: self.new_visit("full"))
        self.brief_button.clicked.connect(lambda: self.new_visit("brief"))
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setProperty("role", "muted")
        right.addWidget(self.patient_title)
        right.addWidget(self.help)  # above the buttons, so they stay put as it changes
        right.addWidget(self.dyad_view, 1)
        for button in (self.dyad_button, self.share_button, self.full_button, self.brief_button):
            right.addWidget(button)  # one under the other: long French labels stay whole
        return right

    def retranslate(self) -> None:
        self.title.setText(self.tr("Patients and visits"))
        self.patient_view.setAccessibleName(self.tr("Patients of the clinic"))
        self.dyad_view.setAccessibleName(self.tr("Dyads of the chosen patient"))
        self.search.setPlaceholderText(self.tr("Search by code or name"))
        self.search.setAccessibleName(self.tr("Search by code or name"))
        self.add_button.setText(self.tr("Add a patient"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the chosen patient"))
        self.edit_button.setToolTip(self.tr("Change the chosen patient's name, birth year or "
                                            "language"))  # fmt: skip
        self.dyad_button.setText(self.tr("Start a dyad with a physician"))
        self.share_button.setText(self.tr("Share this dyad with a colleague…"))
        self.share_button.setToolTip(
            self.tr("Only the dyad's own physician (or an administrator) shares it.")
        )
        self.full_button.setText(self.tr("New visit (full forms)"))
        self.brief_button.setText(self.tr("New visit (brief forms)"))
        self.dyad_button.setToolTip(
            self.tr("A dyad is one patient with one physician; Dyade compares their two views.")
        )
        self.full_button.setToolTip(
            self.tr("Full: the complete questionnaires, for a first visit or a periodic check.")
        )
        self.brief_button.setToolTip(
            self.tr("Brief: a few questions on each side, for the follow-up visits in between.")
        )
        self.patients.retranslate()
        self.dyads.retranslate()
        self._show_patient_title()
        self.help.setText(self._help_text())

    def _show_patient_title(self) -> None:
        patient = self.current_patient()
        if patient is None:
            self.patient_title.setText(self.tr("Choose a patient in the list."))
        else:
            self.patient_title.setText(self.tr("Patient: {code}").format(code=patient.code))

    # -- data -------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.current_patient()
        self.patients.set_rows(patient_service.list_patients(self.session.db, limit=PATIENT_LIMIT))
        if selected is not None:
            self.select_patient(selected.code)
        self._patient_changed()

    def current_patient(self):
        rows = self.patient_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.patients.record(self.proxy.mapToSource(rows[0]).row())

    def current_dyad(self):
        rows = self.dyad_view.selectionModel().selectedRows()
        if rows:
            return self.dyads.record(rows[0].row())
        return self.dyads.record(0) if len(self.dyads.rows) == 1 else None

    def _help_text(self) -> str:
        if self.current_patient() is not None and not self.dyads.rows:
            return self.tr(
                "This patient has no dyad yet: a new visit starts one with you (reception "
                "chooses the physician), or start one with another physician below."
            )
        return self.tr(
            "A dyad is one patient with one physician. Choose it above, then create a "
            "visit: Dyade gives a code for the kiosk and adds both questionnaires to the "
            "list of questionnaires to fill in. Full forms: the complete questionnaires, "
            "for a first visit or a periodic check; brief forms: a few questions, for "
            "follow-ups."
        )

    def select_patient(self, code: str) -> None:
        for row, patient in enumerate(self.patients.rows):
            if patient.code == code:
                self.patient_view.selectRow(
                    self.proxy.mapFromSource(self.patients.index(row, 0)).row()
                )
                return

    def _patient_changed(self, *_args) -> None:
        patient = self.current_patient()
        self._show_patient_title()
        if patient is None:
            self.dyads.set_rows([])
        else:
            listing = dyad_service.dyads_for(self.session.db, self.session.user)
            self.dyads.set_rows([d for d in listing if d.patient_uuid == patient.uuid])
            if len(self.dyads.rows) == 1:
                self.dyad_view.selectRow(0)
        self.dyad_button.setEnabled(patient is not None)
        self.edit_button.setEnabled(patient is not None)
        self.help.setText(self._help_text())
        self._dyad_changed()

    def _dyad_changed(self, *_args) -> None:
        dyad = self.current_dyad() if self.current_patient() is not None else None
        first = self.current_patient() is not None and not self.dyads.rows  # the dyad comes too
        for button in (self.full_button, self.brief_button):
            button.setEnabled(dyad is not None or first)
        self.share_button.setEnabled(dyad is not None and self._may_share(dyad))

    def _may_share(self, dyad) -> bool:
        """The dyad's own physician shares it, or an administrator; not a colleague it was
        shared with, and never reception (who sees no answers)."""
        user = self.session.user
        return user.role == "admin" or (
            user.role == "physician" and dyad.physician_uuid == user.uuid
        )

    # -- actions ----------------------------------------------------------------------

    def add_patient(self) -> PatientDialog:
        """The new patient's dialog (opened; tests drive it); a problem stays inside it."""
        dialog = PatientDialog(self, save=self._create_patient)
        dialog.accepted.connect(lambda: self._show_saved(dialog.values()["code"]))
        dialog.open()
        return dialog

    def edit_patient(self) -> PatientDialog | None:
        patient = self.current_patient()
        if patient is None:
            return None
        dialog = PatientDialog(self, patient=patient, save=lambda v: self._update(patient, v))
        dialog.accepted.connect(lambda: self._show_saved(patient.code))
        dialog.open()
        return dialog

    def _show_saved(self, code: str) -> None:
        self.refresh()
        self.select_patient(code)

    def _create_patient(self, values: dict) -> str | None:
        """Save a new patient; a problem said as a sentence in the app's language."""
        if not values["code"]:
            return self.tr("Enter the patient's code: the one your clinic already uses.")
        if patient_service.find_patient(self.session.db, values["code"]) is not None:
            return self.tr(
                "Another patient already has the code {code}. Choose another code, or find "
                "that patient in the list."
            ).format(code=values["code"])
        return self._saving(
            lambda: patient_service.create_patient(self.session.db, by=self._me(), **values)
        )

    def _update(self, patient, values: dict) -> str | None:
        return self._saving(
            lambda: patient_service.update_patient(
                self.session.db,
                patient.uuid,
                name=values["name"] or "",
                birth_year=values["birth_year"] or 0,  # 0: no birth year any more
                language=values["language"],
                by=self._me(),
            )
        )

    def _saving(self, save) -> str | None:
        try:
            save()
        except DyadeError as exc:
            return describe(exc)
        return None

    def _me(self) -> str:
        return self.session.user.uuid

    def start_dyad(self) -> None:
        patient = self.current_patient()
        physician = self._ask_physician() if patient is not None else None
        if physician is None:
            return
        try:
            dyad_service.create_dyad(self.session.db, patient.uuid, physician, by=self._me())
        except DyadeError as exc:
            show_error(self, describe(exc))
        self._patient_changed()

    def _ask_physician(self) -> str | None:
        """The physician of a new dyad, chosen in a small dialog (None: cancelled)."""
        physicians = [u for u in list_users(self.session.db, "physician") if u.active]
        dialog = DyadDialog(physicians, self._me(), self)
        return dialog.physician.currentData() if dialog.exec() else None

    def _dyad_for_visit(self, patient) -> str | None:
        """The chosen dyad; for a patient's first visit, the dyad made now with the
        physician signed in (or the one reception chooses)."""
        dyad = self.current_dyad()
        if dyad is not None:
            return dyad.uuid
        if self.dyads.rows:  # several dyads and none chosen: the buttons say to choose
            return None
        user = self.session.user
        physician = user.uuid if user.role == "physician" else self._ask_physician()
        if physician is None:
            return None
        return dyad_service.create_dyad(self.session.db, patient.uuid, physician, by=user.uuid).uuid

    def share_dyad(self) -> ShareDialog | None:
        """Choose the colleagues who see the selected dyad; the caller may ``exec`` it."""
        dyad = self.current_dyad()
        if dyad is None or not self._may_share(dyad):
            return None
        db = self.session.db
        before = set(dyad_service.shared_with(db, dyad.uuid))
        colleagues = [  # a deactivated colleague still listed while it keeps access
            u
            for u in list_users(db, "physician")
            if u.uuid != dyad.physician_uuid and (u.active or u.uuid in before)
        ]
        dialog = ShareDialog(colleagues, before, dyad.patient_code, self)
        dialog.accepted.connect(lambda: self._apply_sharing(dyad, before, dialog.chosen()))
        dialog.open()
        return dialog

    def _apply_sharing(self, dyad, before: set[str], after: set[str]) -> None:
        db, me = self.session.db, self.session.user.uuid
        try:
            for uuid in sorted(after - before):
                dyad_service.share_dyad(db, dyad.uuid, uuid, by=me)
            for uuid in sorted(before - after):
                dyad_service.unshare_dyad(db, dyad.uuid, uuid, by=me)
        except DyadeError as exc:
            show_error(self, describe(exc))
        self._patient_changed()

    def new_visit(self, kind: str) -> VisitCodeDialog | None:
        """Create the visit and show its code; ``exec`` is left to the caller in tests."""
        patient = self.current_patient()
        if patient is None:
            return None
        try:
            dyad_uuid = self._dyad_for_visit(patient)
            if dyad_uuid is None:
                return None
            forms = [FormRef(who, *ref) for who, ref in visit_forms(self.session.db, kind).items()]
            visit = create_visit(self.session.db, dyad_uuid, forms, kind=kind, by=self._me())
        except DyadeError as exc:
            show_error(self, describe(exc))
            return None
        finally:
            self._patient_changed()  # a dyad made with the visit shows at once
        dialog = VisitCodeDialog(visit.code, patient.code, self)
        dialog.hand_to_patient.connect(lambda code: open_kiosk_for(self.workspace, code))
        self.last_code_dialog = dialog
        dialog.open()
        return dialog
