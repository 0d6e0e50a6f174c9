"""Everyday tasks: a problem said inside the patient dialog (nothing typed is lost), editing
a patient, the first visit making its dyad, and a visit cancelled or moved to another day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from dyade.errors import DyadeError
from dyade.storage.dyads import dyads_for
from dyade.storage.patients import create_patient, find_patient
from dyade.storage.responses import pending_responses
from dyade.storage.visits import get_visit, reschedule_visit
from dyade.ui.i18n import Translations
from dyade.ui.workspace.shell import Workspace
from test_workspace_visits import _answer_modal

pytest_plugins = ("test_workspace_visits",)  # a clinic with one overdue visit, signed in


def patients_page(qtbot, session):
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    return workspace, workspace.show_section("patients")


def test_a_code_already_used_is_said_in_a_sentence_inside_the_dialog(qtbot, session):
    session, _clinic = session
    _workspace, page = patients_page(qtbot, session)
    dialog = page.add_patient()
    qtbot.addWidget(dialog)
    assert dialog.error.isHidden()  # no empty line before there is something to say
    dialog.code.setText("P-001")
    dialog.name.setText("Jeanne Autre")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert dialog.error.text() == (
        "Another patient already has the code P-001. Choose another code, or find that "
        "patient in the list."
    )
    assert dialog.code.text() == "P-001" and dialog.name.text() == "Jeanne Autre"  # kept
    Translations().set_language("fr")
    try:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert dialog.error.text().startswith("Un autre patient a déjà le code P-001.")
    finally:
        Translations().set_language("en")
    dialog.code.setText("P-002")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible() and find_patient(session.db, "P-002").name == "Jeanne Autre"


def test_a_patient_is_edited_and_a_birth_year_can_be_cleared(qtbot, session):
    session, _clinic = session
    _workspace, page = patients_page(qtbot, session)
    page.select_patient("P-001")
    dialog = page.edit_patient()
    qtbot.addWidget(dialog)
    assert dialog.code.text() == "P-001" and dialog.code.isReadOnly()
    assert dialog.name.text() == "Solange Verdier" and dialog.birth_year.value() == 1961
    dialog.name.setText("Solange Verdier-Roux")
    dialog.birth_year.setValue(0)  # shown as "—": not known
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    patient = find_patient(session.db, "P-001")
    assert (patient.name, patient.birth_year, patient.language) == (
        "Solange Verdier-Roux",
        None,
        "en",
    )
    assert page.current_patient().name == "Solange Verdier-Roux"


def test_reception_chooses_the_physician_of_a_first_visit(qtbot, session):
    session, clinic = session
    session.user = clinic.receptionist
    create_patient(session.db, "P-010")
    _workspace, page = patients_page(qtbot, session)
    page.select_patient("P-010")
    assert page.full_button.isEnabled()

    def choose_nguyen(dialog) -> None:
        dialog.physician.setCurrentIndex(dialog.physician.findData(clinic.colleague.uuid))

    _answer_modal(choose_nguyen)
    code_dialog = page.new_visit("brief")
    qtbot.addWidget(code_dialog)
    mine = [d for d in dyads_for(session.db, None) if d.patient_code == "P-010"]
    assert [d.physician_uuid for d in mine] == [clinic.colleague.uuid]
    assert any(r.visit_code == code_dialog.visit_code for r in pending_responses(session.db))


def pending_page(qtbot, session):
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    page = workspace.show_section("pending")
    page.view.selectRow(0)
    return page


def test_an_overdue_visit_moved_to_another_day_is_no_longer_overdue(qtbot, session):
    session, clinic = session
    page = pending_page(qtbot, session)
    assert page.selected().visit_date < date.today().isoformat()  # overdue since March
    assert page._when(page.selected()) == "overdue"
    dialog = page.change_date()
    qtbot.addWidget(dialog)
    assert "P-001" in dialog.intro.text()
    dialog.date.setDate(QDate.currentDate())
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert get_visit(session.db, clinic.visit.uuid).date == date.today().isoformat()
    assert page.model.rows and all(page._when(r) == "today" for r in page.model.rows)
    page.view.selectRow(0)
    dialog = page.change_date()
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate.currentDate().addDays(7))
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert page.model.rows == []  # next week's visit is not on today's list


def test_a_cancelled_visit_leaves_the_list_and_the_choice_is_asked_first(qtbot, session):
    session, clinic = session
    page = pending_page(qtbot, session)
    box = page.cancel_visit()
    keep = next(b for b in box.buttons() if b.text() == "Keep it")
    keep.click()
    assert len(page.model.rows) == 2  # kept: nothing changed
    page.view.selectRow(0)
    box = page.cancel_visit()
    assert "P-001" in box.text()
    next(b for b in box.buttons() if b.text() == "Cancel the visit").click()
    QApplication.processEvents()
    assert get_visit(session.db, clinic.visit.uuid).status == "cancelled"
    assert page.model.rows == [] and not page.nothing.isHidden()


def test_storage_refuses_to_move_a_closed_visit(db, clinic):
    from dyade.storage.visits import cancel_visit

    cancel_visit(db, clinic.visit.uuid)
    with pytest.raises(DyadeError, match="is not open") as refused:
        reschedule_visit(db, clinic.visit.uuid, date.today() + timedelta(days=1))
    assert "n’est plus ouverte" in refused.value.text("fr")
