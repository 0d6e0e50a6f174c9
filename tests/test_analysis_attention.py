"""The dashboard's order, case by case: severity and one-sidedness (docs/ANALYSIS.md)."""

from __future__ import annotations

from analysis_visits import BRIEF, FULL, answers, visit
from dyade.analysis import attention_rank
from dyade.analysis.attention import flag_category
from dyade.vocabulary import Category


def _rank(analysis) -> int:
    return attention_rank(analysis)


def test_a_marked_shared_rupture_comes_before_a_single_mild_unseen_marker():
    """Both felt a strong tug-of-war and said so, frustration on both sides; versus a
    fine visit where she kept 'somewhat' of her thoughts to herself."""
    marked = visit(
        answers(
            FULL[0], 3, p_struggle=5, p_disagreed=5, p_exchange_emotions=["frustrated", "angry"]
        ),
        answers(
            FULL[1], 3, d_struggle=5, d_noticed_disagreed=5, d_exchange_emotions=["frustrated"]
        ),
        FULL,
    )
    mild = visit(answers(BRIEF[0], p_held_back=3), answers(BRIEF[1], 5))
    top = marked.flags[0]
    assert top.kind == "shared_rupture" and top.severity_name == "marked"
    assert flag_category(top) is Category.ONE_SIDED
    assert flag_category(mild.flags[0]) is Category.MILD
    assert _rank(marked) < _rank(mild)


def test_a_moderate_unseen_withdrawal_comes_before_a_moderate_shared_one():
    """She held back a lot and somewhat went along: unseen by him; then the same, and he
    somewhat sensed her holding back."""
    unseen = visit(answers(FULL[0], p_held_back=4, p_went_along=3), answers(FULL[1], 4), FULL)
    seen = visit(
        answers(FULL[0], p_held_back=4, p_went_along=3),
        answers(FULL[1], 4, d_noticed_held_back=3),
        FULL,
    )
    assert unseen.flags[0].kind == "unperceived_rupture"
    assert seen.flags[0].kind == "shared_rupture"
    assert unseen.flags[0].severity == seen.flags[0].severity == 2
    assert _rank(unseen) < _rank(seen)


def test_different_goals_come_after_ruptures_and_before_a_lower_alliance():
    goals = visit(
        answers(FULL[0], p_main_goal="document"), answers(FULL[1], 4, d_main_goal="treatment"), FULL
    )
    low = visit(answers(BRIEF[0], 3, p_est_bond=3), answers(BRIEF[1], 4, d_est_bond=3))
    assert goals.flags[0].kind == "goal_mismatch"
    assert low.flags[0].kind == "low_alliance"
    assert Category.of_rank(_rank(goals)) is Category.MISMATCH
    assert Category.of_rank(_rank(low)) is Category.MILD


def test_within_a_category_the_more_severe_comes_first():
    one = visit(answers(FULL[0], p_held_back=4), answers(FULL[1], 4), FULL)
    two = visit(answers(FULL[0], p_held_back=5, p_went_along=5), answers(FULL[1], 4), FULL)
    assert one.flags[0].severity < two.flags[0].severity
    assert _rank(two) <= _rank(one)


def test_nothing_to_report_is_fifty_and_category_nothing():
    calm = visit(answers(BRIEF[0]), answers(BRIEF[1], 4))
    assert _rank(calm) == 50 and Category.of_rank(50) is Category.NOTHING
