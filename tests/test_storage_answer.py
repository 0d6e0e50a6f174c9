"""Recording a whole response from an answer file: checks first, nothing written on error,
the visit analysed once both sides are in; ``dyade answer`` on the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dyade.forms import default_library
from dyade.storage.answer_file import record_response
from dyade.storage.connection import open_database
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.responses import load_answers, responses_of_visit
from dyade.storage.results import get_visit_result
from dyade.storage.visits import FormRef, create_visit, get_visit
from storage_fixtures import PASSPHRASE, Clinic

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


def _example(scenario: str, side: str) -> dict:
    return json.loads((EXAMPLES / f"{scenario}-{side}.json").read_text("utf-8"))


def _form_and_answers(scenario: str, side: str):
    data = _example(scenario, side)
    return default_library().require(data["form"]), data["answers"]


def _untouched(db, visit_uuid: str) -> bool:
    return all(
        r.status == "pending" and load_answers(db, r.uuid) == {}
        for r in responses_of_visit(db, visit_uuid)
    )


def test_both_sides_complete_the_visit(db, clinic: Clinic):
    form, answers = _form_and_answers("scenario-a", "patient")
    first = record_response(db, clinic.visit.code, "patient", form, answers)
    assert first.response.status == "complete" and not first.both_complete
    assert load_answers(db, first.response.uuid) == answers
    form, answers = _form_and_answers("scenario-a", "physician")
    second = record_response(db, clinic.visit.code.lower(), "physician", form, answers)
    assert second.both_complete
    assert get_visit(db, clinic.visit.uuid).status == "complete"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a | {"p_nothing_like_it": 3}, "'p_nothing_like_it' is not an item"),
        (lambda a: a | {"p_bond_listened": 9}, "item 'p_bond_listened': 9 is outside"),
        (lambda a: a | {"p_stage": "sleeping"}, "item 'p_stage'"),
        (lambda a: a | {"p_exchange_emotions": ["joyful", "elated"]}, "item 'p_exchange_emotions'"),
    ],
)
def test_answers_that_do_not_fit_are_refused_whole(db, clinic: Clinic, change, message):
    form, answers = _form_and_answers("scenario-a", "patient")
    with pytest.raises(InvalidRecord, match=re.escape(message)):
        record_response(db, clinic.visit.code, "patient", form, change(answers))
    assert _untouched(db, clinic.visit.uuid)


def test_a_required_item_left_unanswered_is_refused(db, clinic: Clinic):
    """The shipped forms let every item be skipped; a clinic's own form may not."""
    form, answers = _form_and_answers("scenario-a", "patient")
    strict = form.model_copy(
        update={
            "items": [
                i.model_copy(update={"optional": False}) if i.id == "p_bond_trust" else i
                for i in form.items
            ]
        }
    )
    answers = answers | {"p_bond_trust": None}
    with pytest.raises(InvalidRecord, match=r"required item.* p_bond_trust"):
        record_response(db, clinic.visit.code, "patient", strict, answers)
    assert _untouched(db, clinic.visit.uuid)


def test_wrong_side_wrong_form_wrong_code(db, clinic: Clinic):
    form, answers = _form_and_answers("scenario-a", "patient")
    with pytest.raises(InvalidRecord, match="filled by the patient, not the physician"):
        record_response(db, clinic.visit.code, "physician", form, answers)
    brief = create_visit(
        db,
        clinic.dyad.uuid,
        [
            FormRef("patient", "dyade-brief-patient", 2),
            FormRef("physician", "dyade-brief-physician", 2),
        ],
        kind="brief",
    )
    with pytest.raises(InvalidRecord, match="waits for form 'dyade-brief-patient'"):
        record_response(db, brief.code, "patient", form, answers)
    with pytest.raises(NotFound, match="no open visit has the code"):
        record_response(db, "ZZZZZZ", "patient", form, answers)
    assert _untouched(db, clinic.visit.uuid) and _untouched(db, brief.uuid)
    record_response(db, clinic.visit.code, "patient", form, answers)
    with pytest.raises(InvalidRecord, match="complete already"):
        record_response(db, clinic.visit.code, "patient", form, answers)


def _open_visit(dyade) -> str:
    assert dyade("user", "add", "--login", "martin", "--role", "physician")[0] == 0
    assert dyade("patient", "add", "--code", "P-001")[0] == 0
    _, out, _ = dyade("visit", "create", "--patient", "P-001", "--physician", "martin")
    return re.search(r"visit code ([A-Z2-9]{6})", out).group(1)


def test_answer_command_records_and_analyses(dyade, tmp_path):
    visit_code = _open_visit(dyade)
    patient, physician = (
        str(EXAMPLES / f"scenario-b-{side}.json") for side in ("patient", "physician")
    )
    code, _, err = dyade("answer", visit_code, "--as", "physician", patient)
    assert code == 2 and "scenario-b-patient.json" in err and "--as patient" in err
    code, out, _ = dyade("answer", visit_code, "--as", "patient", patient)
    assert code == 0 and "other side has not answered yet" in out
    code, out, _ = dyade("answer", visit_code, "--as", "physician", physician)
    assert code == 0 and "analysis stored" in out and "unperceived_rupture" in out
    code, out, _ = dyade("visit", "list", "--pending")
    assert visit_code not in out
    db = open_database(tmp_path / "clinic.db", PASSPHRASE)
    try:
        visit = next(
            row for row in db.execute("SELECT uuid, code FROM visits") if row[1] == visit_code
        )
        result = get_visit_result(db, visit[0])
        assert result is not None and "unperceived_rupture" in result.summary["flags"]
    finally:
        db.close()


def test_answer_command_refuses_a_bad_file_and_writes_nothing(dyade, tmp_path):
    visit_code = _open_visit(dyade)
    bad = _example("scenario-b", "patient")
    bad["answers"]["p_bond_listened"] = 0
    (tmp_path / "bad.json").write_text(json.dumps(bad), "utf-8")
    code, _, err = dyade("answer", visit_code, "--as", "patient", str(tmp_path / "bad.json"))
    assert code == 2 and "bad.json" in err and "p_bond_listened" in err
    assert "Traceback" not in err
    (tmp_path / "broken.json").write_text('{"form": "dyade-full-patient",', "utf-8")
    code, _, err = dyade("answer", visit_code, "--as", "patient", str(tmp_path / "broken.json"))
    assert code == 2 and "broken.json, line 1" in err
    code, out, _ = dyade("visit", "list", "--pending")
    assert "patient pending" in out
