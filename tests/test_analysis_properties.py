"""Property tests over random complete and partial answer sets on the shipped forms."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dyade.analysis import analyse_visit
from dyade.analysis.sides import form_plan, plan_scores
from dyade.forms import default_library, score_response

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PAIRS = (("dyade-full-patient", "dyade-full-physician"),
         ("dyade-brief-patient", "dyade-brief-physician"))  # fmt: skip


@cache
def forms():
    return default_library().forms


def item_value(form, item):
    if item.kind == "scale":
        scale = form.scales[item.scale]
        return st.integers(scale.min, scale.max)
    if item.kind == "choice":
        return st.sampled_from(item.codes())
    if item.kind == "text":
        return st.text(max_size=20)
    plain = [o.code for o in item.options if not o.exclusive]
    exclusive = [o.code for o in item.options if o.exclusive]
    subsets = st.lists(st.sampled_from(plain), unique=True, max_size=len(plain))
    return (
        st.one_of(subsets, st.sampled_from(exclusive).map(lambda c: [c])) if exclusive else subsets
    )


def answers_for(form, partial: bool):
    values = {}
    for item in form.items:
        value = item_value(form, item)
        values[item.id] = st.one_of(st.none(), value) if partial else value
    return st.fixed_dictionaries(values)


@st.composite
def visits(draw):
    p_id, d_id = draw(st.sampled_from(PAIRS))
    partial = draw(st.booleans())
    p_form, d_form = forms()[p_id], forms()[d_id]
    return p_form, draw(answers_for(p_form, partial)), d_form, draw(answers_for(d_form, partial))


def keyed_step(form, item, value, direction: int):
    """``value`` moved one point in keyed ``direction`` (+1 more, -1 less), within the scale."""
    scale = form.scales[item.scale]
    step = -direction if item.reverse else direction
    return min(scale.max, max(scale.min, value + step))


@SETTINGS
@given(visits())
def test_never_an_exception_and_serialisable(visit):
    analysis = analyse_visit(*visit)
    data = analysis.to_dict()
    assert type(analysis).from_dict(data).to_dict() == data
    for flag in analysis.flags:
        assert 1 <= flag.severity <= 3
        assert flag.explanation["fr"] and flag.explanation["en"]


@SETTINGS
@given(visits())
def test_missing_data_is_not_scorable_never_zero(visit):
    p_form, p_answers, d_form, d_answers = visit
    analysis = analyse_visit(*visit)
    for summary, form, answers in ((analysis.patient, p_form, p_answers),
                                   (analysis.physician, d_form, d_answers)):  # fmt: skip
        for sub in form.subscales:
            score = summary.scores[sub.id]
            answered = sum(answers.get(i) is not None for i in sub.items)
            assert score.answered == answered
            assert (score.value is None) == (answered < sub.min_answered)
            assert score.scorable == (score.value is not None)
            assert score.value is None or score.value >= 1
    for row in analysis.discrepancies:
        if row.patient is None or row.physician is None:
            assert row.difference is None and row.beyond_chance is None


def test_nothing_answered_gives_no_scores_and_no_flags():
    p_form, d_form = forms()["dyade-full-patient"], forms()["dyade-full-physician"]
    analysis = analyse_visit(p_form, {}, d_form, {})
    assert all(s.value is None for s in analysis.patient.scores.values())
    assert analysis.flags == []


@st.composite
def marker_additions(draw):
    """A visit and one extra rupture marker on a random side."""
    visit = list(draw(visits()))
    side = draw(st.sampled_from((0, 2)))
    form, answers = visit[side], dict(visit[side + 1])
    markers = [i for i in form.items if i.component == "marker"]
    item = draw(st.sampled_from(markers))
    if item.kind == "scale":
        current = answers.get(item.id) or form.scales[item.scale].min
        answers[item.id] = keyed_step(form, item, current, +draw(st.integers(1, 4)))
    else:
        typed = [o.code for o in item.options if o.marker_type]
        chosen = [c for c in answers.get(item.id) or [] if c in typed]
        answers[item.id] = sorted(set(chosen) | {draw(st.sampled_from(typed))})
    after = list(visit)
    after[side + 1] = answers
    return visit, after


@SETTINGS
@given(marker_additions())
def test_adding_a_marker_never_lowers_a_rupture_severity(pair):
    before, after = (analyse_visit(*v) for v in pair)
    for side, signal in before.signals.items():
        if signal is not None:
            assert after.signals[side] is not None
            assert after.signals[side].severity >= signal.severity


@st.composite
def favourable_swaps(draw):
    """A visit and one answer about one's own experience made more favourable."""
    visit = list(draw(visits()))
    side = draw(st.sampled_from((0, 2)))
    form, answers = visit[side], dict(visit[side + 1])
    own = [
        i for i in form.items
        if answers.get(i.id) is not None and (
            (i.kind == "scale" and i.component in ("general", "specific"))
            or (i.component == "marker" and (i.about or "self") == "self")
        )
    ]  # fmt: skip
    if not own:
        return visit, visit
    item = draw(st.sampled_from(own))
    if item.kind == "scale":
        direction = -1 if item.component == "marker" else +1
        answers[item.id] = keyed_step(form, item, answers[item.id], direction)
    else:
        chosen = answers[item.id]
        answers[item.id] = [c for c in chosen if c != draw(st.sampled_from(chosen))] or None
    after = list(visit)
    after[side + 1] = answers
    return visit, after


@SETTINGS
@given(favourable_swaps())
def test_a_more_favourable_answer_never_creates_a_new_flag(pair):
    before, after = (analyse_visit(*v) for v in pair)
    # answers to check (the same answer throughout, a contradiction) are set aside, so
    # changing one of them can let that side's findings show: outside this property
    checked = [f for a in (before, after) for f in a.flags if f.kind == "answers_to_check"]
    assume(not checked)
    assert {f.group for f in after.flags} <= {f.group for f in before.flags}


@SETTINGS
@given(visits())
def test_batch_scoring_matches_the_form_engine(visit):
    for form, answers in (visit[:2], visit[2:]):
        engine = score_response(form, answers)
        fast = plan_scores(form_plan(form), answers)
        assert {k: (v.value, v.answered, v.items) for k, v in engine.items()} == {
            k: (v.value, v.answered, v.items) for k, v in fast.items()
        }
