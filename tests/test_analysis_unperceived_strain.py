"""A low alliance the other side estimated high is one-sided, even with no marker ticked."""

from __future__ import annotations

from analysis_visits import BRIEF, answers, kinds, visit
from dyade.analysis import attention_rank

QUIET_LOW = {"p_bond_listened": 3, "p_goals_agree": 2, "p_tasks_agree": 3}


def test_polite_silent_patient_rating_low_while_the_physician_is_sure_all_went_well():
    """She answers 'somewhat' and 'a little', ticks no marker; he thinks she felt heard (5)."""
    analysis = visit(answers(BRIEF[0], **QUIET_LOW), answers(BRIEF[1], 5))
    assert kinds(analysis) == [("unperceived_strain", None, "patient", "patient")]
    (flag,) = analysis.flags
    estimate = next(e for e in flag.evidence if e.note == "estimate")
    assert (estimate.side, estimate.item, estimate.answer) == ("physician", "d_est_bond", 5)
    assert estimate.score == 3.0  # what the patient actually answered
    assert {e.subscale for e in flag.evidence if e.note == "low"} >= {"bond", "goals", "tasks"}
    assert "seen by one side only, the patient" in flag.explanation["en"]
    assert "vue d’un seul côté, le patient" in flag.explanation["fr"]
    assert flag.suggestions  # a way to open the door next time


def test_silent_low_rating_ranks_before_one_somewhat_marker_in_an_excellent_visit():
    silent = visit(answers(BRIEF[0], **QUIET_LOW), answers(BRIEF[1], 5))
    somewhat = visit(answers(BRIEF[0], p_held_back=3), answers(BRIEF[1], 5))
    assert somewhat.flags  # the single marker is still shown
    assert attention_rank(silent) < attention_rank(somewhat)


def test_physician_rating_low_while_the_patient_thinks_the_doctor_was_at_ease():
    """He rates the bond 'a little' on every question, marks nothing; she thinks he was at ease."""
    analysis = visit(answers(BRIEF[0], 5), answers(BRIEF[1], 2))
    assert ("unperceived_strain", None, "physician", "physician") in kinds(analysis)
    flag = next(f for f in analysis.flags if f.kind == "unperceived_strain")
    assert any(e.item == "p_est_bond" and e.answer == 5 for e in flag.evidence)
    assert "le médecin" in flag.explanation["fr"]


def test_low_rating_the_physician_saw_coming_stays_a_low_alliance():
    """Same quiet low ratings, but the physician estimated she felt only somewhat listened to."""
    analysis = visit(answers(BRIEF[0], **QUIET_LOW), answers(BRIEF[1], 5, d_est_bond=3))
    assert kinds(analysis) == [("low_alliance", None, "patient", "both")]


def test_wrong_estimate_is_cited_in_a_rupture_too_high_or_too_low():
    """She kept things to herself a lot; he estimated her bond too high, then too low."""
    marker = {"p_held_back": 5, "p_bond_listened": 3}
    too_high = visit(answers(BRIEF[0], **marker), answers(BRIEF[1], 5))
    too_low = visit(answers(BRIEF[0], p_held_back=5), answers(BRIEF[1], 5, d_est_bond=2))
    for analysis, estimate in ((too_high, 5), (too_low, 2)):
        rupture = analysis.flags[0]
        assert rupture.kind.endswith("rupture") and rupture.origin == "patient"
        cited = [e for e in rupture.evidence if e.note == "estimate"]
        assert [(e.item, e.answer) for e in cited] == [("d_est_bond", estimate)]
