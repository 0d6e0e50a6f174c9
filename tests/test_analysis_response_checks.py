"""How the questionnaire was answered: answers to check raise a notice, never a rupture.

Meade & Craig 2012 (long strings, reverse-keyed contradictions); Huang et al. 2012
(under about two seconds per answer).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from analysis_visits import BRIEF, FULL, answers, kinds, visit
from dyade.storage import responses as stored
from dyade.storage.responses import answer_pace, responses_of_visit


def _notices(analysis):
    return [f for f in analysis.flags if f.kind == "answers_to_check"]


def test_top_answer_to_every_question_on_both_sides_is_no_marked_rupture():
    """Both ticked 'completely' all the way down, even 'I kept my thoughts to myself'."""
    analysis = visit(answers(BRIEF[0], 5, 5), answers(BRIEF[1], 5, 5))
    assert {(f.kind, f.origin) for f in analysis.flags} == {
        ("answers_to_check", "patient"),
        ("answers_to_check", "physician"),
    }
    patient = next(f for f in analysis.flags if f.origin == "patient")
    assert [e.check for e in patient.evidence] == ["same_answer"]
    assert "same answer was given to every question" in patient.explanation["en"]
    assert "raise no rupture finding" in patient.explanation["en"]
    assert "même réponse a été donnée à toutes les questions" in patient.explanation["fr"]
    assert analysis.signals == {"patient": None, "physician": None}


def test_middle_answer_throughout_from_the_patient_only_sets_her_answers_aside():
    """She answered 'somewhat' to everything; he answered with care and noticed nothing."""
    analysis = visit(answers(BRIEF[0], 3, 3), answers(BRIEF[1], 4))
    assert kinds(analysis) == [("answers_to_check", None, "patient", "patient")]
    # the scores are still there to read
    assert analysis.scores("patient")["bond"] == 3.0


def test_felt_judged_completely_next_to_felt_listened_to_completely_is_contradictory():
    """Full form: every bond question 'completely', and also 'I felt judged: completely'."""
    patient = answers(FULL[0], p_bond_judged=5)
    analysis = visit(patient, answers(FULL[1], 4), FULL)
    (notice,) = _notices(analysis)
    assert [(e.check, e.item) for e in notice.evidence] == [
        ("reverse_contradiction", "p_bond_judged")
    ]
    assert "formulée à l’inverse" in notice.explanation["fr"]
    assert not any(f.kind.endswith(("rupture", "strain", "alliance")) for f in analysis.flags)


def test_answers_given_in_a_second_each_are_to_check_and_three_seconds_are_fine():
    """Scenario-A-like answers at the kiosk, but tapped through in about a second each."""
    patient = answers(BRIEF[0], p_held_back=5, p_bond_listened=3)
    hurried = visit(patient, answers(BRIEF[1], 5), pace={"patient": 1.0, "physician": 6.0})
    assert kinds(hurried) == [("answers_to_check", None, "patient", "patient")]
    assert _notices(hurried)[0].evidence[0].answer == 1.0
    assert "deux secondes" in _notices(hurried)[0].explanation["fr"]
    calm = visit(patient, answers(BRIEF[1], 5), pace={"patient": 3.0, "physician": 6.0})
    assert calm.flags[0].kind == "unperceived_rupture"


def test_the_other_side_is_still_read_when_one_side_is_to_check():
    """He straight-lined 'somewhat'; she kept a lot to herself: her rupture is still shown."""
    analysis = visit(answers(BRIEF[0], p_held_back=5), answers(BRIEF[1], 3, 3))
    assert ("unperceived_rupture", "withdrawal", "patient", "patient") in kinds(analysis)
    assert ("answers_to_check", None, "physician", "physician") in kinds(analysis)


def test_kiosk_pace_is_kept_answer_by_answer_and_unknown_for_a_file(db, clinic, monkeypatch):
    patient, physician = sorted(
        responses_of_visit(db, clinic.visit.uuid), key=lambda r: r.respondent
    )
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    ticks = iter(start + timedelta(seconds=1.5 * i) for i in range(100))
    monkeypatch.setattr(stored, "now", lambda: next(ticks).isoformat(timespec="milliseconds"))
    for item, value in answers(FULL[0]).items():  # one tap per question at the kiosk
        stored.save_answer(db, patient.uuid, item, value)
    assert answer_pace(db, patient.uuid) == 1.5
    stored.save_answers(db, physician.uuid, answers(FULL[1], 4))  # a file: all at once
    assert answer_pace(db, physician.uuid) is None


def test_a_patient_who_ticked_the_same_answer_throughout_is_asked_about_the_form_not_the_bond():
    """Answers to check say nothing about the alliance: the sentence offered for the next
    visit asks whether there was time to answer, never the phrases of a strained bond."""
    analysis = visit(answers(BRIEF[0], 3, 3), answers(BRIEF[1], 4))
    [notice] = _notices(analysis)
    phrases = [p for s in notice.suggestions for lang in ("fr", "en") for p in s.phrases[lang]]
    assert phrases and all("questionnaire" in p for p in phrases)
    assert not any("changed" in p or "changé" in p for p in phrases)


def test_the_physicians_own_answers_to_check_come_with_no_sentence_for_the_patient():
    analysis = visit(answers(BRIEF[0], 4), answers(BRIEF[1], 5, 5))
    notice = next(f for f in _notices(analysis) if f.origin == "physician")
    assert not notice.suggestions
