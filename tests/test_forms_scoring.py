"""Scoring, run over every file in forms/ so a new form is tested automatically."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyade.errors import DyadeError
from dyade.forms import Form, check_answers, load_form, missing_required, score_response
from dyade.forms.examples import answers_at
from dyade.paths import forms_dir

FORM_FILES = sorted(forms_dir().glob("*.yaml"))


@pytest.fixture(params=FORM_FILES, ids=lambda p: p.stem)
def form(request) -> Form:
    return load_form(request.param)


def _keyed_extreme(form: Form, item_id: str, level: str) -> int:
    """What a raw all-``level`` answer counts for once reverse keying is applied."""
    item = form.item(item_id)
    scale = form.scale_of(item)
    high = level == "max"
    return scale.max if high != item.reverse else scale.min


def _expected(form: Form, sub, level: str) -> float:
    keyed = [_keyed_extreme(form, i, level) for i in sub.items]
    mean = sum(keyed) / len(keyed)
    return mean * len(keyed) if sub.method == "sum" else mean


def test_forms_folder_is_not_empty():
    assert len(FORM_FILES) >= 4


@pytest.mark.parametrize("level", ["max", "min"])
def test_all_max_and_all_min(form: Form, level: str):
    answers = answers_at(form, level)
    assert check_answers(form, answers) == []
    scores = score_response(form, answers)
    assert set(scores) == {s.id for s in form.subscales}
    for sub in form.subscales:
        score = scores[sub.id]
        assert score.scorable, sub.id
        assert score.answered == score.items == len(sub.items)
        assert score.value == pytest.approx(_expected(form, sub, level)), sub.id


def test_every_subscale_is_scorable_from_full_answers(form: Form):
    scores = score_response(form, answers_at(form, "max"))
    assert all(score.scorable for score in scores.values())


def test_reverse_keyed_items_count_the_other_way(form: Form):
    """Best answers everywhere (max, or min on reverse items) give every mean subscale its max."""
    best = answers_at(form, "max")
    for item in form.items:
        if item.reverse:
            best[item.id] = form.scale_of(item).min
    scores = score_response(form, best)
    for sub in form.subscales:
        top = max(form.scale_of(form.item(i)).max for i in sub.items)
        expected = top * len(sub.items) if sub.method == "sum" else top
        assert scores[sub.id].value == pytest.approx(expected), sub.id
    reversed_subs = [s for s in form.subscales if any(form.item(i).reverse for i in s.items)]
    for sub in reversed_subs:
        flipped = dict(best)
        item_id = next(i for i in sub.items if form.item(i).reverse)
        flipped[item_id] = form.scale_of(form.item(item_id)).max
        assert score_response(form, flipped)[sub.id].value < scores[sub.id].value


def test_not_scorable_when_too_many_answers_are_missing(form: Form):
    for sub in form.subscales:
        answers = answers_at(form, "max")
        for item_id in sub.items[sub.min_answered - 1 :]:
            answers[item_id] = None
        score = score_response(form, answers)[sub.id]
        assert score.value is None and not score.scorable, sub.id
        assert score.answered == sub.min_answered - 1
        # One more answer is enough: the rule is "at least min_answered".
        answers[sub.items[-1]] = answers_at(form, "max")[sub.items[-1]]
        assert score_response(form, answers)[sub.id].scorable


def test_nothing_answered_is_not_scored_as_zero(form: Form):
    scores = score_response(form, {})
    assert all(score.value is None and score.answered == 0 for score in scores.values())


def test_check_answers_names_each_problem(form: Form):
    scale_item = next(i for i in form.items if i.kind == "scale")
    top = form.scale_of(scale_item).max
    problems = check_answers(form, {scale_item.id: top + 1, "no_such_item": 1, **_bad_choice(form)})
    assert any(f"item '{scale_item.id}': {top + 1} is outside the scale" in p for p in problems)
    assert any("'no_such_item' is not an item" in p for p in problems)
    assert check_answers(form, {scale_item.id: True}) != []  # a boolean is not a point
    assert check_answers(form, {scale_item.id: None}) == []  # skipped
    with pytest.raises(DyadeError, match="outside the scale"):
        score_response(form, {scale_item.id: top + 1})


def _bad_choice(form: Form) -> dict:
    choice = next((i for i in form.items if i.kind == "choice"), None)
    return {choice.id: "no_such_code"} if choice else {}


def test_exclusive_option_cannot_be_combined():
    form = load_form(forms_dir() / "dyade-full-patient.yaml")
    assert check_answers(form, {"p_exchange_emotions": ["none"]}) == []
    assert check_answers(form, {"p_exchange_emotions": ["sad", "angry"]}) == []
    [problem] = check_answers(form, {"p_exchange_emotions": ["none", "sad"]})
    assert "'none' cannot be chosen with other answers" in problem
    assert check_answers(form, {"p_exchange_emotions": "sad"}) != []
    assert check_answers(form, {"p_main_goal": "document"}) == []
    assert "not one of" in check_answers(form, {"p_main_goal": "holiday"})[0]


def test_sum_method_prorates_skipped_items(tmp_path: Path):
    text = (forms_dir() / "dyade-full-patient.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    - id: goals\n      component: specific\n",
        "    - id: goals\n      component: specific\n      method: sum\n",
    )
    path = tmp_path / "sum.yaml"
    path.write_text(text, encoding="utf-8")
    form = load_form(path)
    assert form.subscale("goals").method == "sum"
    assert score_response(form, {"p_goals_agree": 4, "p_goals_matter": 2})["goals"].value == 6
    # One of two skipped: the answered mean stands for both, never a zero.
    assert score_response(form, {"p_goals_agree": 4})["goals"].value == 8


def test_missing_required_lists_unanswered_required_items(tmp_path: Path):
    text = (forms_dir() / "dyade-brief-patient.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: p_goals_agree\n", "  - id: p_goals_agree\n    optional: false\n")
    path = tmp_path / "required.yaml"
    path.write_text(text, encoding="utf-8")
    form = load_form(path)
    assert missing_required(form, {}) == ["p_goals_agree"]
    assert missing_required(form, {"p_goals_agree": 3}) == []
