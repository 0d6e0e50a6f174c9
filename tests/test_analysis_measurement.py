"""Measurement-aware comparison: a change or a gap means what its number of items allows.

Cases as a clinician tells them; DOMAIN.md §5 gives the rules (Spearman–Brown,
the SRS drop rule carried to the 1..5 range, one event = one episode).
"""

from __future__ import annotations

import pytest

from analysis_visits import BRIEF, FULL, answers, chain, follow, visit
from dyade.analysis import Thresholds, attention_rank
from dyade.analysis.trajectory import VisitPoint


def test_reliability_shrinks_with_fewer_items_as_spearman_brown_says():
    th = Thresholds()  # .80 for the full form's 7 bond items
    assert th.reliability("patient") == pytest.approx(0.80)
    assert th.reliability("patient", 2) == pytest.approx(0.53, abs=0.005)
    assert th.reliability("patient", 1) == pytest.approx(0.36, abs=0.005)
    assert th.reliable_change("patient", 1) > th.reliable_change("patient", 7)
    # the SRS rule (1 point of 0–40) is the same share of the 1..5 range
    assert th.drop_alert == pytest.approx(0.1)


def test_brief_check_wobble_on_one_item_is_to_confirm_never_a_reliable_drop():
    """Three brief visits, all fives; at the second she felt a bit less listened to (4)."""
    visits = chain(
        [
            (answers(BRIEF[0]), answers(BRIEF[1], 4), BRIEF),
            (answers(BRIEF[0], p_bond_listened=4), answers(BRIEF[1], 4), BRIEF),
            (answers(BRIEF[0]), answers(BRIEF[1], 4), BRIEF),
        ]
    )
    assert visits[1].flags == []  # no "reliable drop" strain, no low alliance
    history = follow(visits)
    assert history.episodes == []
    (alert,) = history.drop_alerts
    assert (alert.side, alert.to_visit, alert.items, alert.reliable) == ("patient", 2, 3, False)
    assert attention_rank(visits[-1], history) == 50  # nothing left at the latest visit


def test_one_item_drop_of_a_whole_step_is_not_strain_even_when_large():
    """Brief visit after brief visit: bond 5 then 3 on the single bond question."""
    _first, second = chain(
        [
            (answers(BRIEF[0]), answers(BRIEF[1], 4), BRIEF),
            (answers(BRIEF[0], p_bond_listened=3), answers(BRIEF[1], 4), BRIEF),
        ]
    )
    low = [f for f in second.flags if f.origin == "patient"]
    assert [e.note for f in low for e in f.evidence if e.note == "drop"] == []


def test_switch_from_full_to_brief_form_with_same_answers_is_no_drop():
    """Full form at intake (felt listened to: 4, all else 5), brief form next time, same 4."""
    full_patient = answers(FULL[0], p_bond_listened=4)
    brief_patient = answers(BRIEF[0], p_bond_listened=4)
    visits = chain(
        [
            (full_patient, answers(FULL[1], 4), FULL),
            (brief_patient, answers(BRIEF[1], 4), BRIEF),
        ]
    )
    # the 7-item bond mean (4.86) against the single item (4) would read as a drop
    assert visits[0].scores("patient")["bond"] > visits[1].scores("patient")["bond"]
    assert not any(e.note == "drop" for f in visits[1].flags for e in f.evidence)
    history = follow(visits)
    assert history.episodes == [] and history.drop_alerts == []


def test_one_rupture_then_repair_over_five_visits_is_one_episode():
    """Brief checks: all fives, then threes on bond, goals and tasks, then fives again."""
    down = {"p_bond_listened": 3, "p_goals_agree": 3, "p_tasks_agree": 3}
    pairs = [(answers(BRIEF[0]), answers(BRIEF[1], 4), BRIEF) for _ in range(5)]
    pairs[2] = (answers(BRIEF[0], **down), answers(BRIEF[1], 4), BRIEF)
    history = follow(chain(pairs))
    (episode,) = history.episodes
    assert episode.status == "repaired" and episode.strict
    assert set(episode.subscales) == {"bond", "goals", "tasks"}
    assert (episode.before_visit, episode.visit, episode.recovered_visit) == (2, 3, 4)
    assert [a.reliable for a in history.drop_alerts] == [True]


def test_both_sides_dropping_at_the_same_visit_is_one_event():
    pairs = [(answers(BRIEF[0]), answers(BRIEF[1], 4), BRIEF) for _ in range(3)]
    pairs[1] = (answers(BRIEF[0], 3), answers(BRIEF[1], 2), BRIEF)
    (episode,) = follow(chain(pairs)).episodes
    assert set(episode.sides) == {"patient", "physician"}


def test_one_item_gap_between_the_sides_needs_more_to_be_beyond_chance():
    """Patient 3 and physician 4 on the brief bond question: within measurement noise;
    the same gap on all seven bond items of the full forms is beyond chance."""
    brief = visit(answers(BRIEF[0], p_bond_listened=3), answers(BRIEF[1], 4))
    full_patient = answers(FULL[0], 3)
    full = visit(full_patient, answers(FULL[1], 4), FULL)

    def bond(analysis):
        return next(d for d in analysis.discrepancies if d.subscale == "bond")

    assert bond(brief).difference == bond(full).difference == -1.0
    assert bond(brief).beyond_chance is False
    assert bond(full).beyond_chance is True
    assert bond(brief).critical > bond(full).critical


def test_a_check_ticked_in_the_middle_all_the_way_down_is_no_drop_in_the_history():
    """Brief checks at 'completely'; at the third visit she tapped 'somewhat' on every
    question without reading: answers to check, not a rupture that came and went."""
    pairs = [(answers(BRIEF[0]), answers(BRIEF[1], 4), BRIEF) for _ in range(5)]
    pairs[2] = (answers(BRIEF[0], 3, 3), answers(BRIEF[1], 4), BRIEF)
    history = follow(chain(pairs))
    assert history.episodes == [] and history.drop_alerts == []
    third = VisitPoint.from_analysis(chain(pairs)[2], 3)
    assert third.patient == {} and third.physician  # her scores that visit are set aside
