"""Patients and visits: add a patient, start a dyad, create a visit, hand it to the kiosk,
fill the physician's questionnaire; reception books visits but never sees answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from dyade.demo import example_answers
from dyade.dyad_analysis import review_dyad
from dyade.storage import AccessDenied, open_database
from dyade.storage.dyads import dyads_for
from dyade.storage.patients import find_patient
from dyade.storage.responses import get_response, pending_responses, save_answers
from dyade.storage.results import get_visit_result
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.kiosk import KioskWindow
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace
from storage_fixtures import PASSPHRASE, make_clinic


@pytest.fixture
def session(tmp_path):
    make_application()
    Translations().set_language("en")
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    session = Session(db=db, path=path, user=clinic.physician)
    yield session, clinic
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, KioskWindow):
            widget.translations.set_language("en")  # the kiosk installs its own catalogue
            widget.unlocked = True
            widget.close()
    db.close()


def _answer_modal(fill) -> None:
    """Fill and accept the next modal dialog when it opens."""

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, act)


def test_patient_dyad_visit_then_kiosk(qtbot, session):
    session, clinic = session
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    page = workspace.show_section("patients")

    added = page.add_patient()
    qtbot.addWidget(added)
    added.code.setText("P-777")
    added.name.setText("Jeanne Test")
    qtbot.keyClick(added.name, Qt.Key.Key_Return)  # Enter presses OK
    patient = find_patient(session.db, "P-777")
    assert patient is not None and patient.name == "Jeanne Test"
    assert page.current_patient().code == "P-777"
    page.search.setText("jeanne")
    assert page.proxy.rowCount() == 1
    assert page.dyads.rows == [] and page.full_button.isEnabled()  # no dyad yet

    dialog = page.new_visit("full")  # the first visit makes the dyad with the physician
    assert [d.physician_uuid for d in page.dyads.rows] == [clinic.physician.uuid]
    code = dialog.visit_code
    assert len(code) == 6 and code[:3] in dialog.code_label.text()
    mine = [p for p in pending_responses(session.db) if p.visit_code == code]
    assert sorted(p.respondent for p in mine) == ["patient", "physician"]

    dialog.hand_button.click()
    kiosk = workspace.windows[-1]
    assert isinstance(kiosk, KioskWindow)
    assert kiosk.session is not None and kiosk.session.respondent == "patient"
    pending = workspace.show_section("pending")
    assert any(r.visit_code == code for r in pending.model.rows)


def test_physician_fills_their_questionnaire_and_the_visit_is_analysed(qtbot, session):
    session, clinic = session
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    page = workspace.show_section("pending")
    row = next(i for i, r in enumerate(page.model.rows) if r.respondent == "physician")
    page.view.selectRow(row)
    assert page.fill_button.isEnabled() and not page.kiosk_button.isEnabled()
    window = page.open_selected()
    qtbot.addWidget(window)
    assert "P-001" in window.heading.text()
    fill = window.fill
    for item, value in example_answers("scenario-a", "physician").items():
        fill.answer(item, value)
    reopened = get_response(session.db, fill.response_uuid)
    assert reopened.status == "in_progress"  # saved answer by answer, before sending
    patient = next(r for r in page.model.rows if r.respondent == "patient")
    save_answers(
        session.db,
        patient.response_uuid,
        example_answers("scenario-a", "patient"),
        complete=True,
    )
    with qtbot.waitSignal(window.finished):
        window.view.submit()
    assert get_response(session.db, fill.response_uuid).status == "complete"
    result = get_visit_result(session.db, clinic.visit.uuid)
    assert result is not None and "unperceived_rupture" in result.summary["flags"]
    assert page.model.rows == []  # the list was refreshed
    assert not page.nothing.isHidden()  # and says there is nothing left to fill in
    assert not workspace.notice.isHidden()  # the physician is told where the comparison is
    assert "P-001" in workspace.notice.text() and "ready" in workspace.notice.text()


def test_reception_books_visits_but_sees_no_answers(qtbot, session):
    session, clinic = session
    session.user = clinic.receptionist
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    assert "dashboard" not in workspace.pages
    pending = workspace.show_section("pending")
    assert pending.fill_button.isHidden()
    row = next(i for i, r in enumerate(pending.model.rows) if r.respondent == "physician")
    pending.view.selectRow(row)
    assert pending.open_selected() is None
    patients = workspace.show_section("patients")
    patients.select_patient("P-001")
    assert patients.full_button.isEnabled()  # reception may open a visit
    dyad = dyads_for(session.db, session.user)[0]
    with pytest.raises(AccessDenied):
        review_dyad(session.db, session.library, dyad.uuid, user=session.user)


def test_kiosk_speaks_the_patients_language_and_staff_get_theirs_back(qtbot, session):
    """A French workspace hands the kiosk to an English-speaking patient, then takes it back."""
    from dyade.ui.workspace.patients import open_kiosk_for
    from dyade.ui.workspace.words import current_language

    session, clinic = session
    Translations().set_language("fr")
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    assert workspace.nav["patients"].text() == "Patients et visites"
    kiosk = open_kiosk_for(workspace, clinic.visit.code)
    kiosk.welcome.buttons["en"].click()  # the patient chooses English
    # widgets re-translate on a posted LanguageChange; no French catalogue may be left
    qtbot.waitUntil(lambda: kiosk.header.staff.text() == "Staff")
    kiosk.switch_language("fr")
    qtbot.waitUntil(lambda: kiosk.header.staff.text() == "Personnel")
    kiosk.switch_language("en")
    qtbot.waitUntil(lambda: workspace.nav["patients"].text() == "Patients and visits")
    kiosk.unlock(clinic.physician)
    assert current_language() == "fr"
    qtbot.waitUntil(lambda: workspace.nav["patients"].text() == "Patients et visites")


def test_a_patient_finishing_after_the_physician_is_compared_at_once(qtbot, session):
    """No need to leave the kiosk or open the dashboard: sending triggers the comparison."""
    from dyade.ui.workspace.patients import open_kiosk_for
    from kiosk_support import answer_to_review

    session, clinic = session
    physician = next(
        p
        for p in pending_responses(session.db)
        if p.visit_code == clinic.visit.code and p.respondent == "physician"
    )
    save_answers(
        session.db, physician.response_uuid, example_answers("scenario-a", "physician"),
        complete=True,
    )  # fmt: skip
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    kiosk = open_kiosk_for(workspace, clinic.visit.code)
    kiosk.welcome.buttons["fr"].click()
    answer_to_review(kiosk.questionnaire)
    assert get_visit_result(session.db, clinic.visit.uuid) is None
    kiosk.questionnaire.submit()
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.thanks)
    assert get_visit_result(session.db, clinic.visit.uuid) is not None  # still at the kiosk


def test_sharing_a_dyad_is_explicit_and_can_be_undone(qtbot, session):
    session, clinic = session
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    page = workspace.show_section("patients")
    page.select_patient(clinic.patient.code)
    page.dyad_view.selectRow(0)
    assert page.share_button.isEnabled()
    assert dyads_for(session.db, clinic.colleague) == []  # nothing shared yet
    dialog = page.share_dyad()
    assert set(dialog.boxes) == {clinic.colleague.uuid}  # other physicians only
    dialog.boxes[clinic.colleague.uuid].setChecked(True)
    dialog.accept()
    seen = dyads_for(session.db, clinic.colleague)
    assert [(d.uuid, d.shared) for d in seen] == [(clinic.dyad.uuid, True)]
    dialog = page.share_dyad()
    assert dialog.boxes[clinic.colleague.uuid].isChecked()
    dialog.boxes[clinic.colleague.uuid].setChecked(False)
    dialog.accept()
    assert dyads_for(session.db, clinic.colleague) == []
    events = session.db.execute(
        "SELECT details FROM audit WHERE target = ?", [f"dyad:{clinic.dyad.uuid}"]
    ).fetchall()
    details = [row[0] or "" for row in events]
    assert any("unshared" in d for d in details) and any('"shared"' in d for d in details)


def test_only_the_dyads_physician_shares_it(qtbot, session):
    from dyade.storage.dyads import share_dyad

    session, clinic = session
    share_dyad(session.db, clinic.dyad.uuid, clinic.colleague.uuid)
    for user, allowed in ((clinic.colleague, False), (clinic.receptionist, False)):
        session.user = user
        workspace = Workspace(session)
        qtbot.addWidget(workspace)
        page = workspace.show_section("patients")
        page.select_patient(clinic.patient.code)
        page.dyad_view.selectRow(0)
        assert page.share_button.isEnabled() is allowed
        assert page.share_button.isHidden() is (user.role == "receptionist")
        assert page.share_dyad() is None


def test_a_deactivated_physician_is_not_offered_for_a_new_dyad(qtbot, session):
    from dyade.storage.patients import create_patient
    from dyade.storage.users import set_active

    session, clinic = session
    set_active(session.db, clinic.colleague.uuid, False)
    create_patient(session.db, "P-NEW")  # no dyad yet: accepting the dialog creates one
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    page = workspace.show_section("patients")
    page.select_patient("P-NEW")
    offered = []

    def look(dialog):
        offered.extend(dialog.physician.itemData(i) for i in range(dialog.physician.count()))

    _answer_modal(look)
    page.start_dyad()
    assert clinic.physician.uuid in offered and clinic.colleague.uuid not in offered


def test_the_physicians_questionnaire_speaks_the_screens_language(qtbot, session):
    """Questions followed the account's language under an English window: one screen, two
    languages. They follow the app, and a language switch changes them too."""
    session, clinic = session
    session.user = clinic.physician
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    page = workspace.show_section("pending")
    row = next(i for i, r in enumerate(page.model.rows) if r.respondent == "physician")
    page.view.selectRow(row)
    window = page.open_selected()
    qtbot.addWidget(window)
    item = window.fill.form.items[0]
    assert window.fill.language == "en"
    try:
        Translations().set_language("fr")
        qtbot.waitUntil(lambda: window.fill.language == "fr")
        assert item.text.get("fr") != item.text.get("en")
        window.close()  # a closed window keeps the language it had
        Translations().set_language("en")
        qtbot.wait(20)
        assert window.fill.language == "fr"
    finally:
        Translations().set_language("en")
