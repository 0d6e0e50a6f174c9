"""Questionnaires still to fill in: today's and overdue ones, patient side and physician side.

Reception hands the kiosk for a patient row; a physician opens their own
questionnaire from a physician row. No answers are shown here, so every role
may see this list (physicians see their own visits only).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from dyade.errors import DyadeError
from dyade.storage.responses import pending_responses
from dyade.storage.visits import cancel_visit, reschedule_visit
from dyade.ui.errors import describe, show_error
from dyade.ui.models.records import Column, RecordTableModel
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.dialogs import VisitDateDialog
from dyade.ui.workspace.formats import code_text, date_text
from dyade.ui.workspace.patients import open_kiosk_for
from dyade.ui.workspace.widgets import heading, table

OVERDUE_COLOUR = "#8A4B00"


class PendingPage(Retranslating, QWidget):
    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.session = workspace.session
        self.today = date.today().isoformat()
        self.model = RecordTableModel(
            [
                Column(
                    lambda: self.tr("Visit date"), lambda r: date_text(r.visit_date), self._colour
                ),
                Column(lambda: self.tr("When"), self._when, self._colour),
                Column(lambda: self.tr("Patient code"), lambda r: r.patient_code),
                Column(lambda: self.tr("Kiosk code"), lambda r: code_text(r.visit_code)),
                Column(lambda: self.tr("Who fills it"), self._side),
                Column(lambda: self.tr("Progress"), self._status),
            ],
            self,
        )
        layout = QVBoxLayout(self)
        self.title, self.intro = heading(self)
        self.view = table(self, self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        row = QHBoxLayout()
        self.kiosk_button, self.fill_button = QPushButton(self), QPushButton(self)
        self.fill_button.setProperty("role", "primary")
        self.kiosk_button.clicked.connect(self.open_selected)
        self.fill_button.clicked.connect(self.open_selected)
        row.addWidget(self.kiosk_button)
        row.addWidget(self.fill_button)
        row.addStretch(1)
        self.date_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.date_button.clicked.connect(self.change_date)
        self.cancel_button.clicked.connect(self.cancel_visit)
        row.addWidget(self.date_button)
        row.addWidget(self.cancel_button)
        self.nothing = QLabel(self)  # an empty table alone reads like a fault
        self.nothing.setObjectName("emptyState")
        self.nothing.setWordWrap(True)
        self.nothing.hide()
        for widget in (self.title, self.intro, self.nothing):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Questionnaires to fill in"))
        self.view.setAccessibleName(self.tr("Questionnaires to fill in"))
        self.intro.setText(
            self.tr(
                "Today's visits and older ones not finished yet (marked overdue). Open the "
                "kiosk for a patient questionnaire; fill in your own after the consultation."
            )
        )
        self.kiosk_button.setText(self.tr("Hand to patient (open the kiosk)"))
        self.fill_button.setText(self.tr("Fill in my questionnaire"))
        self.date_button.setText(self.tr("Change the date…"))
        self.date_button.setToolTip(self.tr("The patient will come another day"))
        self.cancel_button.setText(self.tr("Cancel the visit…"))
        self.cancel_button.setToolTip(self.tr("The patient did not come and will not"))
        self.nothing.setText(
            self.tr(
                "Nothing to fill in now. A new visit (Patients and visits) adds its two "
                "questionnaires here."
            )
        )
        self.model.retranslate()
        self._selection_changed()

    def _when(self, row) -> str:
        return self.tr("today") if row.visit_date >= self.today else self.tr("overdue")

    def _colour(self, row) -> str | None:
        return OVERDUE_COLOUR if row.visit_date < self.today else None

    def _side(self, row) -> str:
        return self.tr("patient (kiosk)") if row.respondent == "patient" else self.tr("physician")

    def _status(self, row) -> str:
        return self.tr("started") if row.status == "in_progress" else self.tr("not started")

    def refresh(self) -> None:
        user = self.session.user
        mine = user.uuid if user is not None and user.role == "physician" else None
        rows = pending_responses(self.session.db, physician=mine)
        self.today = date.today().isoformat()
        self.model.set_rows([r for r in rows if r.visit_date <= self.today])
        self.nothing.setVisible(not self.model.rows)
        self._selection_changed()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        row = self.selected()
        user = self.session.user
        self.kiosk_button.setEnabled(row is not None and row.respondent == "patient")
        self.date_button.setEnabled(row is not None)
        self.cancel_button.setEnabled(row is not None)
        self.fill_button.setEnabled(
            row is not None
            and row.respondent == "physician"
            and user is not None
            and row.physician_uuid == user.uuid
        )
        self.fill_button.setVisible(user is not None and user.role == "physician")

    def open_selected(self) -> QWidget | None:
        row = self.selected()
        if row is None:
            return None
        if row.respondent == "patient":
            return open_kiosk_for(self.workspace, row.visit_code)
        if self.fill_button.isEnabled():
            from dyade.ui.workspace.questionnaire import open_physician_questionnaire

            return open_physician_questionnaire(self.workspace, row.response_uuid)
        return None

    # -- a visit that will not happen as planned -------------------------------------

    def change_date(self) -> VisitDateDialog | None:
        """Move the selected visit to the day the patient will come (it stops being overdue)."""
        row = self.selected()
        if row is None:
            return None
        dialog = VisitDateDialog(row.patient_code, row.visit_date, self)
        dialog.accepted.connect(lambda: self._apply(reschedule_visit, row, dialog.chosen()))
        dialog.open()
        return dialog

    def cancel_visit(self) -> QMessageBox | None:
        """Ask, then close the selected visit: both its questionnaires leave this list."""
        row = self.selected()
        if row is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel the visit"), "", parent=self)
        box.setText(
            self.tr(
                "Cancel the visit of patient {code} planned for {date}? Both questionnaires "
                "leave this list; answers already given are kept."
            ).format(code=row.patient_code, date=date_text(row.visit_date))
        )
        yes = box.addButton(self.tr("Cancel the visit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        yes.setMinimumWidth(yes.sizeHint().width() + 12)  # room for the focus ring's border
        box.buttonClicked.connect(lambda button: button is yes and self._apply(cancel_visit, row))
        box.open()
        return box

    def _apply(self, change, row, *args) -> None:
        try:
            change(self.session.db, row.visit_uuid, *args, by=self.session.user.uuid)
        except DyadeError as exc:
            show_error(self, describe(exc))
        self.refresh()
