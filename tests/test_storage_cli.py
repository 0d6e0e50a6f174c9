"""The data commands, run as a script would run them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle

from dyade.csv_dialect import read_dicts
from storage_fixtures import PASSPHRASE


def _setup(dyade, db="clinic.db") -> str:
    assert dyade("user", "add", "--login", "martin", "--role", "physician", db=db)[0] == 0
    assert dyade("patient", "add", "--code", "P-001", "--name", "Irène Castel", db=db)[0] == 0
    code, out, _ = dyade("visit", "create", "--patient", "P-001", "--physician", "martin", db=db)
    assert code == 0
    return re.search(r"visit code ([A-Z2-9]{6})", out).group(1)


def test_workflow_commands(dyade):
    visit_code = _setup(dyade)
    code, out, _ = dyade("visit", "list", "--pending")
    assert code == 0 and visit_code in out and "patient pending" in out
    code, _, err = dyade("dyad", "add", "--patient", "P-001", "--physician", "martin")
    assert code == 2 and "already form a dyad" in err
    code, _, err = dyade("visit", "create", "--patient", "P-404", "--physician", "martin")
    assert code == 2 and "P-404" in err
    code, out, _ = dyade(
        "visit",
        "create",
        "--patient",
        "P-001",
        "--physician",
        "martin",
        "--kind",
        "brief",
        "--date",
        "2026-06-01",
    )
    assert code == 0 and "brief visit" in out and "2026-06-01" in out


def test_backup_export_and_restore(dyade, tmp_path):
    _setup(dyade)
    code, out, _ = dyade("backup", "--out", str(tmp_path / "b.db"))
    assert code == 0 and (tmp_path / "b.db").exists()
    assert dyade("export", "--format", "csv", "--out", str(tmp_path / "r.csv"))[0] == 0
    assert [row["respondent"] for row in read_dicts(tmp_path / "r.csv")] == ["patient", "physician"]
    assert dyade("export", "--format", "json", "--out", str(tmp_path / "r.json"))[0] == 0
    assert dyade("patient", "add", "--code", "P-002")[0] == 0
    code, out, _ = dyade("restore", str(tmp_path / "b.db"))
    assert code == 0 and "kept as" in out
    code, out, _ = dyade("visit", "list")
    assert "P-001" in out and "P-002" not in out


def test_transfer_and_import_between_laptops(dyade, tmp_path):
    visit_code = _setup(dyade)
    assert dyade("transfer", "--out", str(tmp_path / "t.dyade"))[0] == 0
    assert dyade("user", "add", "--login", "admin", "--role", "admin", db="other.db")[0] == 0
    code, out, _ = dyade("import", str(tmp_path / "t.dyade"), db="other.db")
    assert code == 0 and "1 visits" in out
    assert visit_code in dyade("visit", "list", db="other.db")[1]
    code, out, _ = dyade("import", str(tmp_path / "t.dyade"), db="other.db")
    assert "added nothing" in out


def test_wrong_passphrase_is_a_message_not_a_traceback(dyade, monkeypatch):
    _setup(dyade)
    monkeypatch.setenv("DYADE_PASSPHRASE", "wrong")
    code, _, err = dyade("visit", "list")
    assert code == 2
    assert "passphrase does not open" in err and "Traceback" not in err


def test_export_formats_write_their_files(dyade, tmp_path):
    visit_code = _setup(dyade)
    examples = Path(__file__).parents[1] / "docs" / "examples"
    for side in ("patient", "physician"):
        path = str(examples / f"scenario-a-{side}.json")
        assert dyade("answer", visit_code, "--as", side, path)[0] == 0
    code, out, _ = dyade("export", "--format", "csv", "--out", str(tmp_path / "r.csv"))
    assert code == 0 and "r-visits.csv" in out
    rows = list(read_dicts(tmp_path / "r-visits.csv"))
    assert len(rows) == 1 and rows[0]["patient_code"] == "P-001" and rows[0]["patient_bond"]
    code, out, _ = dyade("export", "--format", "fhir", "--out", str(tmp_path / "r.fhir.json"))
    assert code == 0 and out.startswith("2 response(s)")
    bundle = Bundle.model_validate(json.loads((tmp_path / "r.fhir.json").read_text("utf-8")))
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Questionnaire") == 2 and kinds.count("QuestionnaireResponse") == 2
    # the rest defines the items' answer codes, one CodeSystem per choice or scale item
    assert set(kinds) == {"Questionnaire", "QuestionnaireResponse", "CodeSystem"}


def test_demo_clinic_keyed_with_the_passphrase_given(dyade, tmp_path):
    """``dyade demo --db PATH`` with $DYADE_PASSPHRASE: the other commands open it."""
    code, out, _ = dyade("demo", "--db", str(tmp_path / "demo.db"))
    assert code == 0 and "$DYADE_PASSPHRASE" in out and PASSPHRASE not in out
    code, out, _ = dyade("visit", "list", "--pending", db="demo.db")
    assert code == 0 and "open" in out
    code, out, _ = dyade(
        "export", "--format", "json", "--out", str(tmp_path / "d.json"), db="demo.db"
    )
    assert code == 0
    data = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert len(data["visit_results"]) > 0 and len(data["users"]) >= 2
