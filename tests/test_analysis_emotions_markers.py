"""Emotions belong to a context; a middle-level marker is mild; a voiced disagreement heard
is a repair move (DOMAIN.md §5)."""

from __future__ import annotations

from analysis_visits import BRIEF, FULL, LIBRARY, answers, kinds, visit
from dyade.analysis.sides import read_side
from dyade.analysis.signals import rupture_signal
from dyade.analysis.thresholds import Thresholds


def test_worry_and_sadness_after_bad_news_in_a_strong_bond_are_not_a_rupture():
    """A diagnosis announced; she felt worried and sad during the visit, felt fully listened
    to, marked nothing else; the physician saw her worry and sadness too. (Version 1 of the
    forms asks about the visit as a whole: exactly where bad news and the bond mix.)"""
    patient = answers(FULL[0], version=1, p_emotions=["worried", "sad"])
    physician = answers(FULL[1], 4, version=1, d_noticed_emotions=["worried", "sad"])
    analysis = visit(patient, physician, FULL, version=1)
    assert analysis.flags == []
    assert analysis.signals == {"patient": None, "physician": None}


def test_the_same_emotions_with_her_holding_back_are_a_rupture():
    patient = answers(FULL[0], p_exchange_emotions=["worried", "sad"], p_held_back=3)
    analysis = visit(patient, answers(FULL[1], 4), FULL)
    rupture = analysis.flags[0]
    assert (rupture.kind, rupture.rupture_type, rupture.origin) == (
        "unperceived_rupture",
        "withdrawal",
        "patient",
    )
    assert set(rupture.families) == {"interpersonal", "emotional"}


def test_the_same_emotions_when_she_rated_the_bond_low_are_a_rupture():
    patient = answers(FULL[0], 3, p_exchange_emotions=["worried", "sad"])
    analysis = visit(patient, answers(FULL[1], 4, d_est_bond=3, d_est_agreement=3), FULL)
    assert ("withdrawal", "patient") in {(f.rupture_type, f.origin) for f in analysis.flags}


def test_emotions_felt_in_the_relationship_count_on_their_own():
    """Version 2 asks about the exchange with the doctor (``context: relationship``);
    version 1 asked about the visit as a whole."""
    th = Thresholds()
    other = read_side(LIBRARY.require(FULL[1]), answers(FULL[1], 4), th)
    felt = ["frustrated", "judged_misunderstood"]
    in_visit = read_side(
        LIBRARY.require(FULL[0], 1), answers(FULL[0], version=1, p_emotions=felt), th
    )
    in_relationship = read_side(
        LIBRARY.require(FULL[0]), answers(FULL[0], p_exchange_emotions=felt), th
    )
    assert rupture_signal(in_visit, other, th) is None
    assert rupture_signal(in_relationship, other, th).rupture_type == "confrontation"


def test_one_somewhat_marker_in_an_otherwise_excellent_visit_is_mild():
    """All fives on both sides; she kept 'somewhat' of her thoughts to herself."""
    analysis = visit(answers(BRIEF[0], p_held_back=3), answers(BRIEF[1], 5))
    (flag,) = analysis.flags
    assert flag.kind == "unperceived_rupture" and flag.severity_name == "mild"


def test_a_single_strong_emotion_alone_is_no_rupture_rule():
    """The old 'one strong emotion' rule could never fire (checklist emotions have no
    strength): it is gone, and one emotion alone in a strong bond signals nothing."""
    patient = answers(FULL[0], p_exchange_emotions=["angry"])
    assert visit(patient, answers(FULL[1], 4), FULL).flags == []
    assert "strong_emotion" not in Thresholds.model_fields


def test_disagreement_she_voiced_and_he_heard_with_agreement_high_is_a_repair_move():
    """She said clearly she disagreed with the first plan; he noticed; they agreed in the end."""
    patient = answers(FULL[0], p_disagreed=4)
    physician = answers(FULL[1], 4, d_noticed_disagreed=4)
    analysis = visit(patient, physician, FULL)
    assert kinds(analysis) == [("repair_move", "confrontation", "patient", "both")]
    flag = analysis.flags[0]
    assert "repair move" in flag.explanation["en"]
    assert "mouvement de réparation" in flag.explanation["fr"]
    assert analysis.attention_rank == 50  # nothing that needs a look
    assert flag.suggestions[0].phrases["en"][0].startswith("Last time")


def test_disagreement_voiced_but_not_heard_stays_an_unperceived_rupture():
    patient = answers(FULL[0], p_disagreed=4)
    analysis = visit(patient, answers(FULL[1], 4), FULL)
    assert kinds(analysis)[0] == ("unperceived_rupture", "confrontation", "patient", "patient")


def test_disagreement_heard_but_agreement_low_at_the_end_stays_a_rupture():
    patient = answers(FULL[0], p_disagreed=4, p_goals_agree=2, p_tasks_agree=2)
    physician = answers(FULL[1], 4, d_noticed_disagreed=4)
    analysis = visit(patient, physician, FULL)
    assert not any(f.kind == "repair_move" for f in analysis.flags)
    assert any(f.kind.endswith("rupture") for f in analysis.flags)
