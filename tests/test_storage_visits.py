"""Visits, kiosk codes, responses saved answer by answer, history and attention."""

from __future__ import annotations

import re

import pytest

from dyade.storage.dyads import create_dyad
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.patients import create_patient
from dyade.storage.responses import (
    complete_response,
    get_response,
    load_answers,
    pending_responses,
    responses_of_visit,
    save_answer,
    save_answers,
    set_response_language,
)
from dyade.storage.results import needs_attention, save_visit_result
from dyade.storage.visits import (
    CODE_ALPHABET,
    cancel_visit,
    create_visit,
    dyad_history,
    find_open_visit_by_code,
    get_visit,
    list_visits,
)
from storage_fixtures import FORMS, Clinic


def _by_side(db, visit_uuid):
    return {r.respondent: r for r in responses_of_visit(db, visit_uuid)}


def test_visit_code_reads_aloud(db, clinic: Clinic):
    codes = {create_visit(db, clinic.dyad.uuid, FORMS).code for _ in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert re.fullmatch(r"[A-Z2-9]{6}", code)
        assert not set(code) & set("01OI")
        assert not set(code) & set("ZSGB")  # no 2/Z, 5/S, 6/G, 8/B to mix up either
    assert set("".join(codes)) <= set(CODE_ALPHABET)


def test_a_code_drawn_before_with_look_alike_letters_still_opens(db, clinic: Clinic):
    with db.atomic():  # a code from before the letters B, G, S and Z were dropped
        db.execute("UPDATE visits SET code = 'BZ2SG8' WHERE uuid = ?", [clinic.visit.uuid])
    assert find_open_visit_by_code(db, "bz2-sg8").uuid == clinic.visit.uuid


def test_code_found_however_it_is_typed_and_only_while_open(db, clinic: Clinic):
    code = clinic.visit.code
    typed = f" {code[:3].lower()}-{code[3:]} "
    assert find_open_visit_by_code(db, typed).uuid == clinic.visit.uuid
    cancel_visit(db, clinic.visit.uuid)
    assert find_open_visit_by_code(db, code) is None
    assert get_visit(db, clinic.visit.uuid).status == "cancelled"


def test_code_is_unique_among_open_visits_only(db, clinic: Clinic):
    other = create_visit(db, clinic.dyad.uuid, FORMS)
    with pytest.raises(Exception, match="UNIQUE"), db.atomic():
        db.execute("UPDATE visits SET code = ? WHERE uuid = ?", [clinic.visit.code, other.uuid])
    cancel_visit(db, clinic.visit.uuid)
    with db.atomic():
        db.execute("UPDATE visits SET code = ? WHERE uuid = ?", [clinic.visit.code, other.uuid])
    assert find_open_visit_by_code(db, clinic.visit.code).uuid == other.uuid


def test_creating_a_visit_creates_both_pending_responses(db, clinic: Clinic):
    sides = _by_side(db, clinic.visit.uuid)
    assert set(sides) == {"patient", "physician"}
    assert sides["patient"].form_id == "dyade-full-patient"
    assert sides["physician"].form_version == 2
    assert {r.status for r in sides.values()} == {"pending"}
    with pytest.raises(InvalidRecord, match="one form for the patient"):
        create_visit(db, clinic.dyad.uuid, FORMS[:1])


def test_patient_language_follows_the_patient(db, clinic: Clinic):
    english = create_patient(db, "P-EN", language="en")
    dyad = create_dyad(db, english.uuid, clinic.physician.uuid)
    visit = create_visit(db, dyad.uuid, FORMS, kind="brief")
    sides = _by_side(db, visit.uuid)
    assert sides["patient"].language == "en"
    assert sides["physician"].language == clinic.physician.language
    set_response_language(db, sides["patient"].uuid, "fr")
    assert get_response(db, sides["patient"].uuid).language == "fr"


def test_answers_are_saved_one_by_one_and_resume(db, clinic: Clinic):
    response = _by_side(db, clinic.visit.uuid)["patient"]
    save_answer(db, response.uuid, "p_bond_listened", 4)
    assert get_response(db, response.uuid).status == "in_progress"
    save_answer(db, response.uuid, "p_emotions", ["anxious", "hopeful"])
    save_answer(db, response.uuid, "p_comment", None)
    save_answer(db, response.uuid, "p_bond_listened", 5)  # changed their mind
    assert load_answers(db, response.uuid) == {
        "p_bond_listened": 5,
        "p_emotions": ["anxious", "hopeful"],
        "p_comment": None,
    }


def test_complete_response_freezes_it_and_closes_the_visit(db, clinic: Clinic):
    sides = _by_side(db, clinic.visit.uuid)
    save_answers(db, sides["patient"].uuid, {"p_a": 1, "p_b": 2}, complete=True)
    assert get_response(db, sides["patient"].uuid).completed_at
    with pytest.raises(InvalidRecord, match="complete"):
        save_answer(db, sides["patient"].uuid, "p_a", 3)
    assert load_answers(db, sides["patient"].uuid)["p_a"] == 1
    assert get_visit(db, clinic.visit.uuid).status == "open"
    complete_response(db, sides["physician"].uuid)
    assert get_visit(db, clinic.visit.uuid).status == "complete"
    assert find_open_visit_by_code(db, clinic.visit.code) is None


def test_bad_answers_and_unknown_responses_are_refused(db, clinic: Clinic):
    response = _by_side(db, clinic.visit.uuid)["patient"]
    with pytest.raises(InvalidRecord, match="cannot be stored"):
        save_answer(db, response.uuid, "p_a", object())
    with pytest.raises(InvalidRecord, match="item id"):
        save_answer(db, response.uuid, "", 1)
    with pytest.raises(NotFound):
        save_answer(db, "no-such-response", "p_a", 1)
    assert get_response(db, response.uuid).status == "pending"


def test_pending_responses_by_physician_and_day(db, clinic: Clinic):
    other = create_patient(db, "P-002")
    colleague_dyad = create_dyad(db, other.uuid, clinic.colleague.uuid)
    create_visit(db, colleague_dyad.uuid, FORMS, on="2026-03-03")
    assert len(pending_responses(db)) == 4
    mine = pending_responses(db, physician=clinic.physician.uuid)
    assert {p.visit_code for p in mine} == {clinic.visit.code}
    assert {p.patient_code for p in pending_responses(db, today="2026-03-03")} == {"P-002"}
    for response in responses_of_visit(db, clinic.visit.uuid):
        complete_response(db, response.uuid)
    assert pending_responses(db, physician=clinic.physician.uuid) == []
    listed = list_visits(db, pending_only=True)
    assert [item.patient_code for item in listed] == ["P-002"]
    assert listed[0].responses == {"patient": "pending", "physician": "pending"}


def test_dyad_history_and_needs_attention(db, clinic: Clinic):
    later = create_visit(db, clinic.dyad.uuid, FORMS, on="2026-04-06")
    save_visit_result(db, clinic.visit.uuid, 0, {"flags": []})
    save_visit_result(db, later.uuid, 2, {"flags": ["withdrawal_unseen"]})
    history = dyad_history(db, clinic.dyad.uuid)
    assert [entry.visit.date for entry in history] == ["2026-03-02", "2026-04-06"]
    assert history[1].result.summary == {"flags": ["withdrawal_unseen"]}
    assert {r.respondent for r in history[0].responses} == {"patient", "physician"}

    quiet = create_patient(db, "P-003")
    quiet_dyad = create_dyad(db, quiet.uuid, clinic.physician.uuid)
    quiet_visit = create_visit(db, quiet_dyad.uuid, FORMS, on="2026-04-01")
    save_visit_result(db, quiet_visit.uuid, 5, {})
    listed = needs_attention(db, clinic.physician.uuid)
    assert [(i.patient_code, i.attention) for i in listed] == [("P-003", 5), ("P-001", 2)]
    assert needs_attention(db, clinic.physician.uuid, limit=1)[0].patient_code == "P-003"
    save_visit_result(db, quiet_visit.uuid, 0, {})  # the latest analysis is quiet again
    assert [i.patient_code for i in needs_attention(db, clinic.physician.uuid)] == ["P-001"]
    assert needs_attention(db, clinic.colleague.uuid) == []
