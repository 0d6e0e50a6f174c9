"""FHIR R4 and dyad-visit CSV exports of stored, analysed visits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from dyade.csv_dialect import read_dicts
from dyade.dyad_analysis import refresh_dyad
from dyade.forms import default_library, score_response
from dyade.forms.fhir import RESPONSE_PROFILE
from dyade.storage import audit
from dyade.storage.errors import AccessDenied
from dyade.storage.export_fhir import export_fhir, questionnaire_url
from dyade.storage.export_visits import FIXED, FLAG_KINDS, export_visit_csv
from dyade.storage.responses import responses_of_visit, save_answers
from dyade.storage.visits import create_visit
from storage_fixtures import FORMS, Clinic

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


def _answers(scenario: str, side: str) -> dict:
    return json.loads((EXAMPLES / f"{scenario}-{side}.json").read_text("utf-8"))["answers"]


@pytest.fixture
def analysed(db, clinic: Clinic):
    """Scenario A then scenario B answered in two visits of one dyad, analysed and
    stored as the workspace does; a third visit only half answered."""
    library = default_library()
    second = create_visit(db, clinic.dyad.uuid, FORMS, on="2026-04-06")
    stored = {}
    for visit, scenario in ((clinic.visit, "scenario-a"), (second, "scenario-b")):
        for response in responses_of_visit(db, visit.uuid):
            given = _answers(scenario, response.respondent)
            save_answers(db, response.uuid, given, complete=True)
            stored[response.uuid] = given
    third = create_visit(db, clinic.dyad.uuid, FORMS, on="2026-05-04")
    sides = {r.respondent: r for r in responses_of_visit(db, third.uuid)}
    save_answers(db, sides["patient"].uuid, {"p_bond_listened": 3, "p_comment": None})
    stored[sides["patient"].uuid] = {"p_bond_listened": 3}
    stored[sides["physician"].uuid] = {}
    review = refresh_dyad(db, library, clinic.dyad.uuid)
    return library, stored, review


def _decoded(form, item, answers: list) -> object:
    """A FHIR item's answers back to Dyade's stored value."""
    if item.kind == "text":
        return answers[0].valueString
    codes = [a.valueCoding.code for a in answers]
    if item.kind == "scale":
        return int(codes[0])
    return codes if item.kind == "multi" else codes[0]


def test_fhir_bundle_is_valid_and_answers_round_trip(db, analysed, tmp_path):
    library, stored, _review = analysed
    out = tmp_path / "bundle.json"
    assert export_fhir(db, out, library=library) == 6
    bundle = Bundle.model_validate(json.loads(out.read_text("utf-8")))
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Questionnaire") == 2 and kinds.count("QuestionnaireResponse") == 6
    questionnaires = {
        f"{e.resource.url}|{e.resource.version}": e.resource
        for e in bundle.entry
        if e.resource.get_resource_type() == "Questionnaire"
    }
    for entry in bundle.entry:
        qr = entry.resource
        if qr.get_resource_type() != "QuestionnaireResponse":
            continue
        questionnaire = questionnaires[qr.questionnaire]
        form = library.require(questionnaire.id)
        assert qr.questionnaire == f"{questionnaire_url(form.id)}|{form.version}"
        links = {i.linkId for i in questionnaire.item}
        asked = [i for i in qr.item or [] if form.has_item(i.linkId)]
        got = {i.linkId: _decoded(form, form.item(i.linkId), i.answer) for i in asked}
        assert set(got) <= links
        expected = {k: v for k, v in stored[qr.id].items() if v not in (None, [])}
        assert got == expected
        calculated = [i for i in qr.item or [] if i not in asked]
        scores = {i.linkId: float(i.answer[0].valueDecimal) for i in calculated}
        assert set(scores) <= links and qr.meta.profile == [RESPONSE_PROFILE]
        dyade_scores = score_response(form, {i.id: expected.get(i.id) for i in form.items})
        assert scores == {
            f"score-{sid}": pytest.approx(s.value, abs=1e-4)
            for sid, s in dyade_scores.items()
            if s.value is not None
        }
        assert qr.status == ("completed" if len(expected) > 1 else "in-progress")


def test_fhir_scale_answers_use_the_questionnaire_codings(db, analysed, tmp_path):
    library, _stored, _review = analysed
    bundle = export_fhir(db, tmp_path / "b.json", library=library)
    data = json.loads((tmp_path / "b.json").read_text("utf-8"))
    assert bundle == 6
    options = {}
    for entry in data["entry"]:
        if entry["resource"]["resourceType"] == "Questionnaire":
            for item in entry["resource"]["item"]:
                for option in item.get("answerOption", []):
                    coding = option["valueCoding"]
                    options[(coding["system"], coding["code"])] = coding["display"]
    systems = {
        e["resource"]["url"]: {c["code"] for c in e["resource"]["concept"]}
        for e in data["entry"]
        if e["resource"]["resourceType"] == "CodeSystem"
    }
    assert len(systems) > 20  # one per choice or scale item of the two forms
    for entry in data["entry"]:
        for item in entry["resource"].get("item", []):
            for answer in item.get("answer", []):
                if "valueCoding" in answer:
                    coding = answer["valueCoding"]
                    assert (coding["system"], coding["code"]) in options
                    assert coding["code"] in systems[coding["system"]]


def test_fhir_export_is_filtered_audited_and_guarded(db, clinic, analysed, tmp_path):
    library, _stored, _review = analysed
    assert export_fhir(db, tmp_path / "s.json", since="2026-04-01", library=library) == 4
    with pytest.raises(AccessDenied):
        export_fhir(db, tmp_path / "x.json", user=clinic.physician, library=library)
    assert not (tmp_path / "x.json").exists()
    logged = [e for e in audit.entries(db) if e.action == "exported"]
    assert [e.details["format"] for e in logged] == ["fhir"]
    assert logged[0].details["filters"]["since"] == "2026-04-01"


def test_visit_csv_has_scores_and_flags_of_each_analysed_visit(db, clinic, analysed, tmp_path):
    _library, _stored, review = analysed
    out = tmp_path / "visits.csv"
    assert export_visit_csv(db, out) == 2  # the half-answered visit has no analysis
    rows = read_dicts(out)
    header = list(rows[0])
    assert header[: len(FIXED)] == list(FIXED)
    assert {*FLAG_KINDS, "flags", "attention_rank", "attention"} <= set(header)
    for row, visit in zip(rows, review.visits, strict=True):
        analysis = visit.analysis
        assert row["visit_uuid"] == visit.entry.visit.uuid
        assert row["patient_code"] == "P-001" and row["physician_login"] == "martin"
        assert float(row["patient_bond"]) == analysis.scores("patient")["bond"]
        assert float(row["physician_bond"]) == analysis.scores("physician")["bond"]
        kinds = [f.kind for f in analysis.flags]
        assert {k: int(row[k]) for k in FLAG_KINDS} == {k: kinds.count(k) for k in FLAG_KINDS}
        assert [f.split(":")[0] for f in row["flags"].split(";") if f] == kinds
    assert rows[0]["convergence"] == "" and rows[1]["convergence"] != ""
    assert export_visit_csv(db, tmp_path / "none.csv", since="2027-01-01") == 0
    assert (tmp_path / "none.csv").read_text("utf-8-sig").startswith("visit_uuid;")  # French
