"""Completing a response is one operation, whatever brought the answers in: the answer
file, a transfer file; each analyses the visit with the clinic's forms and thresholds."""

from __future__ import annotations

import json

from dyade.clinic import clinic_library
from dyade.completion import complete_response
from dyade.demo import example_answers
from dyade.forms.library import default_library
from dyade.paths import forms_dir
from dyade.storage.connection import open_database
from dyade.storage.responses import responses_of_visit, save_answers
from dyade.storage.results import get_visit_result
from dyade.storage.settings import set_setting
from dyade.storage.transfer import write_transfer
from dyade.storage.visits import FormRef, create_visit
from storage_fixtures import PASSPHRASE, Clinic, make_clinic


def _answer_both(db, visit_uuid: str, scenario: str = "scenario-a") -> list[str]:
    """Both sides answered and completed by storage alone (no analysis yet)."""
    sides = sorted(responses_of_visit(db, visit_uuid), key=lambda r: r.respondent)
    for side in sides:
        save_answers(db, side.uuid, example_answers(scenario, side.respondent), complete=True)
    return [side.uuid for side in sides]


def test_completing_the_second_side_analyses_the_visit_and_says_what_changed(db, clinic):
    physician = _answer_both(db, clinic.visit.uuid)[1]
    assert get_visit_result(db, clinic.visit.uuid) is None
    done = complete_response(db, clinic_library(db), physician)
    assert (done.dyad, done.visit, done.response) == (
        clinic.dyad.uuid,
        clinic.visit.uuid,
        physician,
    )
    assert done.analysed and done.problem is None
    stored = get_visit_result(db, clinic.visit.uuid)
    flags = [f.kind for f in done.review.visits[-1].analysis.flags]
    assert stored is not None and stored.summary["flags"] == flags


def test_a_visit_that_cannot_be_analysed_keeps_its_answers_and_says_why(db, clinic):
    """A form no longer installed: the response stays complete; the problem is returned."""
    _, physician = _answer_both(db, clinic.visit.uuid)
    empty = clinic_library(db, default_library())
    bare = type(empty)(type(empty.forms)(), empty.thresholds)
    done = complete_response(db, bare, physician)
    assert not done.analysed and "dyade-full-patient" in str(done.problem)
    assert all(r.status == "complete" for r in responses_of_visit(db, clinic.visit.uuid))


def _clinic_forms(folder) -> None:
    """The clinic's own copy of the brief forms, under ids Dyade does not ship."""
    folder.mkdir()
    for side, other in (("patient", "physician"), ("physician", "patient")):
        text = (forms_dir() / f"dyade-brief-{side}.yaml").read_text("utf-8")
        text = text.replace(f"id: dyade-brief-{side}", f"id: clinic-brief-{side}")
        text = text.replace(f"pair: dyade-brief-{other}", f"pair: clinic-brief-{other}")
        (folder / f"clinic-brief-{side}.yaml").write_text(text, "utf-8")


def _clinic_refs(db) -> list[FormRef]:
    """The clinic's own brief forms, at the version its folder holds."""
    library = clinic_library(db)
    ids = [(who, f"clinic-brief-{who}") for who in ("patient", "physician")]
    return [FormRef(who, fid, library.require(fid).version) for who, fid in ids]


def test_answer_command_reads_the_clinics_forms_folder(dyade, tmp_path):
    """``dyade answer`` finds the forms the app finds: the clinic's folder setting."""
    folder = tmp_path / "our-forms"
    _clinic_forms(folder)
    db = open_database(tmp_path / "clinic.db", PASSPHRASE, create=True)
    try:
        set_setting(db, "clinic_forms_folder", str(folder))
        clinic = make_clinic(db)
        refs = [FormRef(who, f"clinic-brief-{who}", 2) for who in ("patient", "physician")]
        visit = create_visit(db, clinic.dyad.uuid, refs, kind="brief")
    finally:
        db.close()
    for who in ("patient", "physician"):
        answers = {
            item.id: form.scale_of(item).max
            for form in [default_library().require(f"dyade-brief-{who}")]
            for item in form.items
        }
        path = tmp_path / f"{who}.json"
        path.write_text(json.dumps({"form": f"clinic-brief-{who}", "answers": answers}), "utf-8")
        code, out, err = dyade("answer", visit.code, "--as", who, str(path))
        assert code == 0, err
    assert "analysis stored" in out
    db = open_database(tmp_path / "clinic.db", PASSPHRASE)
    try:
        assert get_visit_result(db, visit.uuid) is not None
    finally:
        db.close()


def test_import_completes_what_the_file_brought_with_this_clinics_thresholds(dyade, tmp_path):
    """Answers finished on another laptop are analysed here when imported."""
    laptop = open_database(tmp_path / "other.db", PASSPHRASE, create=True)
    here = open_database(tmp_path / "clinic.db", PASSPHRASE, create=True)
    try:
        clinic: Clinic = make_clinic(laptop)
        _answer_both(laptop, clinic.visit.uuid)
        write_transfer(laptop, tmp_path / "visit.dyade", "transfer phrase")
    finally:
        laptop.close()
        here.close()
    code, out, err = dyade("import", str(tmp_path / "visit.dyade"))
    assert code == 0, err
    assert "1 visit(s) analysed" in out
    db = open_database(tmp_path / "clinic.db", PASSPHRASE)
    try:
        result = get_visit_result(db, clinic.visit.uuid)
        assert result is not None and result.summary["flags"]
    finally:
        db.close()


def test_fhir_export_reads_the_clinics_forms_folder(db, tmp_path):
    """A response to one of the clinic's own forms is exported with its Questionnaire."""
    from dyade.storage.export_fhir import export_fhir

    folder = tmp_path / "our-forms"
    _clinic_forms(folder)
    set_setting(db, "clinic_forms_folder", str(folder))
    clinic = make_clinic(db)
    refs = _clinic_refs(db)
    visit = create_visit(db, clinic.dyad.uuid, refs, kind="brief")
    patient = next(r for r in responses_of_visit(db, visit.uuid) if r.respondent == "patient")
    form = clinic_library(db).require("clinic-brief-patient")
    answers = {item.id: form.scale_of(item).max for item in form.items}
    save_answers(db, patient.uuid, answers, complete=True)
    assert export_fhir(db, tmp_path / "bundle.json") >= 1
    bundle = json.loads((tmp_path / "bundle.json").read_text("utf-8"))
    kinds = [(e["resource"]["resourceType"], json.dumps(e["resource"])) for e in bundle["entry"]]
    assert any(k == "Questionnaire" and "clinic-brief-patient" in text for k, text in kinds)
