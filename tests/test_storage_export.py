"""CSV and JSON exports: columns, values, filters, audit and access."""

from __future__ import annotations

import json

import pytest

from dyade.csv_dialect import read_dicts
from dyade.storage import audit
from dyade.storage.dyads import create_dyad
from dyade.storage.errors import AccessDenied
from dyade.storage.export import FIXED_COLUMNS, export_csv, export_everything, export_json
from dyade.storage.patients import create_patient
from dyade.storage.responses import responses_of_visit, save_answers
from dyade.storage.results import save_visit_result
from dyade.storage.visits import create_visit
from storage_fixtures import FORMS, Clinic


@pytest.fixture
def answered(db, clinic: Clinic):
    """The first visit answered on both sides, and a later visit of another dyad."""
    sides = {r.respondent: r for r in responses_of_visit(db, clinic.visit.uuid)}
    save_answers(
        db,
        sides["patient"].uuid,
        {"p_bond_listened": 4, "p_emotions": ["anxious", "hopeful"], "p_comment": None},
        complete=True,
    )
    save_answers(db, sides["physician"].uuid, {"d_bond_listened": 5}, complete=True)
    save_visit_result(db, clinic.visit.uuid, 1, {"scores": {"bond": 4.0}})
    other = create_patient(db, "P-002", name="Armand Leduc")
    dyad = create_dyad(db, other.uuid, clinic.colleague.uuid)
    later = create_visit(db, dyad.uuid, FORMS, on="2026-05-01")
    return sides, later


def test_csv_one_row_per_response_one_column_per_item(db, clinic, answered, tmp_path):
    sides, later = answered
    out = tmp_path / "responses.csv"
    order = ["p_comment", "p_bond_listened"]
    assert export_csv(db, out, item_order=order) == 4
    rows = read_dicts(out)
    header = list(rows[0])
    assert header[: len(FIXED_COLUMNS)] == list(FIXED_COLUMNS)
    assert header[len(FIXED_COLUMNS) :] == [
        "p_comment",
        "p_bond_listened",
        "p_emotions",  # then by form (patient before physician) and id
        "d_bond_listened",
    ]
    patient = next(r for r in rows if r["response_uuid"] == sides["patient"].uuid)
    assert patient["p_bond_listened"] == "4"
    assert patient["p_emotions"] == "anxious;hopeful"
    assert patient["p_comment"] == "" and patient["d_bond_listened"] == ""
    assert patient["status"] == "complete" and patient["patient_code"] == "P-001"
    assert "Solange" not in out.read_text(encoding="utf-8")  # codes, not names
    pending = [r for r in rows if r["visit_uuid"] == later.uuid]
    assert {r["status"] for r in pending} == {"pending"}


def test_csv_filters_by_date_and_dyad(db, clinic, answered, tmp_path):
    assert export_csv(db, tmp_path / "since.csv", since="2026-04-01") == 2
    assert export_csv(db, tmp_path / "dyad.csv", dyad=clinic.dyad.uuid) == 2
    assert {r["dyad_uuid"] for r in read_dicts(tmp_path / "dyad.csv")} == {clinic.dyad.uuid}


def test_json_round_trip_of_everything(db, clinic, answered, tmp_path):
    sides, _later = answered
    out = tmp_path / "all.json"
    assert export_json(db, out) == 4
    data = json.loads(out.read_text(encoding="utf-8"))
    fresh = export_everything(db)
    data.pop("exported_at"), fresh.pop("exported_at")
    assert data == fresh
    assert {p["code"] for p in data["patients"]} == {"P-001", "P-002"}
    patient = next(r for r in data["responses"] if r["uuid"] == sides["patient"].uuid)
    assert patient["answers"]["p_emotions"]["value"] == ["anxious", "hopeful"]
    assert patient["answers"]["p_comment"]["value"] is None
    assert data["visit_results"][0]["summary"] == {"scores": {"bond": 4.0}}
    assert all("password_hash" not in u for u in data["users"])
    only = export_everything(db, dyad=clinic.dyad.uuid)
    assert [p["code"] for p in only["patients"]] == ["P-001"]


def test_exports_are_audited_and_guarded(db, clinic, answered, tmp_path):
    export_csv(db, tmp_path / "a.csv", since="2026-01-01")
    export_json(db, tmp_path / "a.json", user=clinic.admin)
    logged = [e for e in audit.entries(db) if e.action == "exported"]
    assert {e.details["format"] for e in logged} == {"csv", "json"}
    assert any(e.user_uuid == clinic.admin.uuid for e in logged)
    with pytest.raises(AccessDenied):
        export_csv(db, tmp_path / "b.csv", user=clinic.receptionist, dyad=clinic.dyad.uuid)
    with pytest.raises(AccessDenied, match="admin"):
        export_json(db, tmp_path / "b.json", user=clinic.physician)
    assert export_csv(db, tmp_path / "c.csv", user=clinic.physician, dyad=clinic.dyad.uuid) == 2
    assert not (tmp_path / "b.csv").exists() and not (tmp_path / "b.json").exists()
