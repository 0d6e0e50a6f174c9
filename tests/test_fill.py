"""Filling a questionnaire over the encrypted database: open, answer, resume, submit."""

from __future__ import annotations

import pytest

from dyade.analysis.thresholds import Thresholds
from dyade.completion import own_rupture_signal
from dyade.errors import DyadeError
from dyade.fill import (
    AlreadyCompleted,
    FillSession,
    MissingAnswers,
    UnknownVisitCode,
    build_screens,
    patient_prompts,
    toggled,
)
from dyade.storage.responses import get_response, load_answers
from dyade.storage.visits import (
    cancel_visit,
    find_open_visit_by_code,
    find_visit_by_code,
    get_visit,
)
from storage_fixtures import open_clinic


@pytest.fixture
def clinic(tmp_path, monkeypatch):
    clinic = open_clinic(tmp_path)
    yield clinic
    clinic.db.close()


def calm_answers(session: FillSession) -> None:
    """Answer a brief form as after a calm visit: no marker, the alliance at its best."""
    for item in session.form.items:
        scale = session.form.scale_of(item)
        session.answer(item.id, scale.min if item.component == "marker" else scale.max)


def test_code_opens_the_patient_side_forgiving_case_and_spaces(clinic):
    code = clinic.visit.code
    session = FillSession.open_visit_code(
        clinic.db, clinic.library, f" {code[:3].lower()} {code[3:]}"
    )
    assert session.response_uuid == clinic.patient_response.uuid
    assert session.respondent == "patient"
    assert session.form.id == "dyade-brief-patient"
    assert session.resume_screen() == 0
    assert session.answers == {}


@pytest.mark.parametrize("code", ["", "ZZZZZZ", "7KQ3M"])
def test_unknown_code_is_refused_kindly_in_both_languages(clinic, code):
    with pytest.raises(UnknownVisitCode) as raised:
        FillSession.open_visit_code(clinic.db, clinic.library, code)
    french, english = raised.value.kind_message("fr"), raised.value.kind_message("en")
    assert "code" in french and "code" in english and french != english
    assert "\u00a0" not in english


def test_each_answer_is_saved_at_once_and_a_new_session_resumes(clinic):
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    first, second = session.form.items[0], session.form.items[1]
    session.answer(first.id, 4)
    session.skip(second.id)
    assert load_answers(clinic.db, session.response_uuid) == {first.id: 4, second.id: None}
    assert get_response(clinic.db, session.response_uuid).status == "in_progress"

    again = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    assert again.answers == {first.id: 4, second.id: None}
    assert again.resume_screen() == 2
    assert again.is_answered(second.id)  # skipped counts as answered


def test_bad_values_and_skipping_a_required_item_are_refused(clinic):
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    item = session.form.items[0]
    for bad in (0, 6, "4", True, [3]):
        with pytest.raises(DyadeError):
            session.answer(item.id, bad)
    required = item.model_copy(update={"optional": False})
    form = session.form.model_copy(update={"items": [required, *session.form.items[1:]]})
    strict = FillSession(
        clinic.db, form, get_response(clinic.db, session.response_uuid), {}, clinic.library
    )
    with pytest.raises(DyadeError, match="may not be skipped"):
        strict.skip(item.id)
    assert load_answers(clinic.db, session.response_uuid) == {}


def test_none_of_these_clears_the_other_emotions(clinic):
    form = clinic.library.get("dyade-full-patient")
    emotions = next(i for i in form.items if i.kind == "multi")
    codes = emotions.codes()
    chosen = toggled(emotions, [], codes[2])
    chosen = toggled(emotions, chosen, codes[0])
    assert chosen == [codes[0], codes[2]]  # the form's order
    assert toggled(emotions, chosen, "none") == ["none"]
    assert toggled(emotions, ["none"], codes[1]) == [codes[1]]
    assert toggled(emotions, [codes[1]], codes[1]) == []


def test_consecutive_items_sharing_a_screen_name_show_together(clinic):
    form = clinic.library.get("dyade-full-patient")
    items = list(form.items)
    for index in (1, 2, 4):  # 1 and 2 are consecutive; 4 is cut off by 3
        items[index] = items[index].model_copy(update={"screen": "group"})
    screens = build_screens(form.model_copy(update={"items": items}))
    assert [i.id for s in screens for i in s.items] == [i.id for i in items]
    assert [len(s.items) for s in screens[:5]] == [1, 2, 1, 1, 1]
    assert screens[1].name == "group" and screens[3].items == (items[4],)
    assert [s.index for s in screens] == list(range(len(items) - 1))


def test_review_lists_answers_in_the_session_language(clinic):
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    first = session.form.items[0]
    session.answer(first.id, 5)
    session.skip(session.form.items[1].id)
    session.set_language("en")
    rows = session.check_rows()
    assert rows[0].question == first.text.en
    assert rows[0].answer == session.form.scale_of(first).labels[5].en
    assert rows[1].answer is None and rows[1].skipped
    assert rows[2].answer is None and not rows[2].skipped
    session.set_language("fr")
    assert session.check_rows()[0].answer == session.form.scale_of(first).labels[5].fr
    assert get_response(clinic.db, session.response_uuid).language == "fr"


def test_submit_completes_and_the_code_then_says_already_completed(clinic):
    other = clinic.other_visit  # its physician has not answered: the visit stays open
    session = FillSession.open_visit_code(clinic.db, clinic.library, other.code)
    session.answer(session.form.items[0].id, 3)
    with pytest.raises(MissingAnswers):
        session.submit()
    calm_answers(session)
    session.submit()
    assert get_response(clinic.db, session.response_uuid).status == "complete"
    with pytest.raises(AlreadyCompleted) as raised:
        FillSession.open_visit_code(clinic.db, clinic.library, other.code)
    assert raised.value.kind_message("fr") != raised.value.kind_message("en")
    with pytest.raises(AlreadyCompleted):
        FillSession.open_response(clinic.db, clinic.library, session.response_uuid)


def test_a_fully_completed_visit_still_says_already_completed(clinic):
    """Once both sides are in, the visit closes and frees its code: still "done", kindly."""
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    calm_answers(session)
    session.submit()
    assert get_visit(clinic.db, clinic.visit.uuid).status == "complete"
    assert find_open_visit_by_code(clinic.db, clinic.visit.code) is None
    found = find_visit_by_code(clinic.db, clinic.visit.code.lower())
    assert found is not None and found.uuid == clinic.visit.uuid
    with pytest.raises(AlreadyCompleted):
        FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)


def test_a_cancelled_visit_or_an_old_closed_one_reads_as_unknown(clinic):
    cancel_visit(clinic.db, clinic.other_visit.uuid)
    with pytest.raises(UnknownVisitCode):
        FillSession.open_visit_code(clinic.db, clinic.library, clinic.other_visit.code)
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    calm_answers(session)
    session.submit()
    assert find_visit_by_code(clinic.db, clinic.visit.code, days=0) is not None  # dated today
    clinic.db.execute("UPDATE visits SET date = '2001-01-01' WHERE uuid = ?", [clinic.visit.uuid])
    assert find_visit_by_code(clinic.db, clinic.visit.code) is None  # codes are reused


def test_the_open_visit_wins_over_a_closed_one_with_the_same_code(clinic):
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    calm_answers(session)
    session.submit()
    clinic.db.execute(
        "UPDATE visits SET code = ? WHERE uuid = ?", [clinic.visit.code, clinic.other_visit.uuid]
    )
    assert find_visit_by_code(clinic.db, clinic.visit.code).uuid == clinic.other_visit.uuid
    reopened = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    assert reopened.response_uuid != session.response_uuid


def test_tension_comes_from_the_patients_own_markers_only(clinic):
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    calm_answers(session)
    limits = Thresholds()
    assert own_rupture_signal(session.form, session.answers, limits) == []
    session.answer("p_held_back", 4)
    assert own_rupture_signal(session.form, session.answers, limits) == ["withdrawal"]
    session.answer("p_struggle", 5)
    assert own_rupture_signal(session.form, session.answers, limits) == [
        "confrontation",
        "withdrawal",
    ]

    full = clinic.library.get("dyade-full-patient")
    noticed = {i.id: 5 for i in full.items if i.component == "marker" and i.about == "other"}
    noticed = {k: v for k, v in noticed.items() if full.item(k).kind == "scale"}
    assert noticed and own_rupture_signal(full, noticed, limits) == []
    emotions = next(i for i in full.items if i.kind == "multi" and i.about == "self")
    withdrawal = [o.code for o in emotions.options if o.marker_type == "withdrawal"]
    assert own_rupture_signal(full, {emotions.id: withdrawal[:1]}, limits) == []
    assert own_rupture_signal(full, {emotions.id: withdrawal[:2]}, limits) == ["withdrawal"]


@pytest.mark.parametrize(("marker_level", "tension"), [(3, "withdrawal"), (5, None)])
def test_sending_reads_the_tension_with_the_clinics_thresholds(clinic, marker_level, tension):
    """The kiosk's thank-you page invites the patient to speak from the same thresholds
    as the clinic's analysis: a marker of 4 counts at level 3, not at the clinic's 5."""
    from dyade.storage.settings import set_setting

    set_setting(clinic.db, "thresholds", {"marker_level": marker_level, "strong_marker_level": 5})
    session = FillSession.open_visit_code(clinic.db, clinic.library, clinic.visit.code)
    calm_answers(session)
    session.answer("p_held_back", 4)
    done = session.submit()
    assert session.completed is done and done.tension is tension
    assert done.dyad == clinic.visit.dyad_uuid and done.analysed  # the physician had answered


def test_patient_prompts_are_gentle_and_in_the_patients_language():
    french, english = patient_prompts("fr"), patient_prompts("en")
    assert 1 <= len(french) <= 2 and len(english) == len(french)
    assert french != english
    assert all("médecin" in p for p in french[:1])


def test_unknown_response_id_is_refused(clinic):
    with pytest.raises(UnknownVisitCode):
        FillSession.open_response(clinic.db, clinic.library, "no-such-response")
