"""One side's report of a visit, read from its form and answers.

The form engine scores subscales; this module adds what the analysis needs
item by item (rupture markers, the emotions checklist, main goal, stage, the
estimates of the other side), using only the fields of the form contract
(docs/FORMS-CONTRACT.md). What a form tells us about its items is worked out
once per form (:func:`form_plan`) so batch analysis stays linear.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dyade.analysis.thresholds import Side, Thresholds
from dyade.errors import DyadeError

_NUMBERS = (int, float)  # tuples: isinstance with a tuple is faster than with a union
_SEQUENCES = (list, tuple)
NO_CHANGE = "no_change_discussed"  # a stage answer that is not a stage: never compared
STAGES: tuple[str, ...] = (
    "precontemplation",
    "contemplation",
    "preparation",
    "action",
    "maintenance",
)


@dataclass(frozen=True, slots=True)
class MarkerItem:
    """A scale item that is a rupture marker, with its keyed bounds."""

    id: str
    type: str
    family: str
    about: str
    low: int
    high: int
    reverse: bool


@dataclass(frozen=True, slots=True)
class ChecklistOption:
    item: str
    code: str
    type: str
    family: str
    about: str
    relational: bool  # asked about the relationship, not the visit as a whole


@dataclass(frozen=True, slots=True)
class EstimateItem:
    id: str
    target: str
    kind: str  # scale | choice
    item: str | None = None  # the other side's item it guesses, when it guesses one item


@dataclass(frozen=True, slots=True)
class SubscaleRule:
    """How the engine scores a subscale, kept for the batch fast path."""

    id: str
    component: str
    items: tuple[tuple[str, int, int, bool], ...]  # (item id, min, max, reverse)
    method: str
    min_answered: int


@dataclass(slots=True)
class FormPlan:
    """What the analysis reads in one form, worked out once."""

    form_id: str
    version: int
    respondent: Side
    use: str
    markers: list[MarkerItem] = field(default_factory=list)
    checklist: list[ChecklistOption] = field(default_factory=list)
    estimates: list[EstimateItem] = field(default_factory=list)
    goal_item: str | None = None
    stage_item: str | None = None
    mirrors: dict[str, str] = field(default_factory=dict)
    option_labels: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    stage_order: dict[str, tuple[str, ...]] = field(default_factory=dict)
    subscale_items: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scale_items: list[str] = field(default_factory=list)  # every scale item, in form order
    reciprocal: set[str] = field(default_factory=set)  # subscales asked each of the other
    subscale_rules: list[SubscaleRule] = field(default_factory=list)
    guesses: dict[str, list[str]] = field(default_factory=dict)  # target -> items it guesses


class MarkerHit(NamedTuple):
    """A marker answered at or above the marker level (a named tuple: made many
    times per visit, immutable, cheap to build)."""

    item: str
    option: str | None
    type: str
    family: str
    about: str
    level: int
    strong: bool
    relational: bool = False  # an emotion felt in the relationship (item context)


class Score(NamedTuple):
    value: float | None
    answered: int
    items: int
    component: str


@dataclass(slots=True)
class SideReport:
    """Everything one side said, as the analysis needs it."""

    side: Side
    plan: FormPlan
    answers: Mapping[str, Any]
    scores: dict[str, Score]
    hits: list[MarkerHit]
    main_goal: str | None
    stage: str | None
    estimates: dict[str, float | str]  # target -> mean estimate (scale) or code (choice)
    estimate_items: dict[str, list[str]]  # target -> item ids
    keyed: dict[str, dict[str, float]] | None = None  # filled by keyed_items on first use


def _text(value: Any) -> dict[str, str]:
    if value is None:
        return {"fr": "", "en": ""}
    if isinstance(value, Mapping):
        return {"fr": str(value.get("fr", "")), "en": str(value.get("en", ""))}
    return {lang: str(value.get(lang)) for lang in ("fr", "en")}


def _bounds(form: Any, item: Any) -> tuple[int, int]:
    scale = item.scale
    if isinstance(scale, str):
        scale = form.scales[scale]
    return int(scale.min), int(scale.max)


def _add_item(plan: FormPlan, form: Any, item: Any) -> None:
    mirror = getattr(item, "mirror", None)
    if mirror:
        plan.mirrors[item.id] = mirror
    for option in getattr(item, "options", None) or ():
        plan.option_labels[(item.id, option.code)] = _text(getattr(option, "label", None))
    target = getattr(item, "estimates", None)
    if target:
        guessed = getattr(item, "estimates_item", None)
        plan.estimates.append(EstimateItem(item.id, target, item.kind, guessed))
        if guessed:
            plan.guesses.setdefault(target, []).append(guessed)
        if target == "stage":
            plan.stage_order[item.id] = tuple(o.code for o in item.options)
        return
    if item.construct == "main_goal" and item.kind == "choice":
        plan.goal_item = item.id
    elif item.construct == "stage" and item.kind == "choice":
        plan.stage_item = item.id
        plan.stage_order[item.id] = tuple(o.code for o in item.options)
    if item.component != "marker":
        return
    about = getattr(item, "about", None) or "self"
    if item.kind == "scale" and getattr(item, "marker_type", None):
        low, high = _bounds(form, item)
        plan.markers.append(
            MarkerItem(
                item.id, item.marker_type, item.marker_family or "interpersonal", about,
                low, high, bool(getattr(item, "reverse", False)),
            )
        )  # fmt: skip
    elif item.kind == "multi":
        for option in item.options:
            if getattr(option, "marker_type", None):
                family = option.marker_family or "emotional"
                relational = getattr(item, "context", None) == "relationship"
                plan.checklist.append(
                    ChecklistOption(
                        item.id, option.code, option.marker_type, family, about, relational
                    )
                )


def build_plan(form: Any) -> FormPlan:
    plan = FormPlan(
        form_id=form.id,
        version=int(getattr(form, "version", 1)),
        respondent=form.respondent,
        use=str(getattr(form, "use", "other")),
    )
    for item in form.items:
        _add_item(plan, form, item)
        if item.kind == "scale":
            plan.scale_items.append(item.id)
    by_id = {item.id: item for item in form.items}
    for sub in form.subscales:
        plan.subscale_items[sub.id] = tuple(sub.items)
        if getattr(sub, "reciprocal", False):
            plan.reciprocal.add(sub.id)
        keyed = []
        for item_id in sub.items:
            item = by_id[item_id]
            low, high = _bounds(form, item) if item.kind == "scale" else (0, 0)
            keyed.append((item_id, low, high, bool(item.reverse)))
        plan.subscale_rules.append(
            SubscaleRule(sub.id, sub.component, tuple(keyed), sub.method, sub.min_answered)
        )
    return plan


_PLANS: dict[int, tuple[Any, FormPlan]] = {}


def form_plan(form: Any) -> FormPlan:
    """The form's plan, cached per form object (forms are immutable once loaded)."""
    cached = _PLANS.get(id(form))
    if cached is not None and cached[0] is form:
        return cached[1]
    if len(_PLANS) > 256:
        _PLANS.clear()
    plan = build_plan(form)
    _PLANS[id(form)] = (form, plan)
    return plan


def _scale_hits(plan: FormPlan, answers: Mapping[str, Any], th: Thresholds) -> list[MarkerHit]:
    hits = []
    for m in plan.markers:
        value = answers.get(m.id)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        keyed = m.high + m.low - value if m.reverse else value
        level = keyed - m.low + 1
        if level >= th.marker_level:
            strong = level >= th.strong_marker_level
            hits.append(MarkerHit(m.id, None, m.type, m.family, m.about, level, strong))
    return hits


def _checklist_hits(plan: FormPlan, answers: Mapping[str, Any], th: Thresholds) -> list[MarkerHit]:
    hits = []
    for opt in plan.checklist:
        chosen = answers.get(opt.item)
        if isinstance(chosen, _SEQUENCES) and opt.code in chosen:
            level = th.marker_level
            hits.append(
                MarkerHit(
                    opt.item,
                    opt.code,
                    opt.type,
                    opt.family,
                    opt.about,
                    level,
                    False,
                    opt.relational,
                )
            )
    return hits


def _estimates(plan: FormPlan, answers: Mapping[str, Any]) -> tuple[dict, dict]:
    sums: dict[str, list[float]] = {}
    values: dict[str, float | str] = {}
    items: dict[str, list[str]] = {}
    for est in plan.estimates:
        value = answers.get(est.id)
        if value is None:
            continue
        items.setdefault(est.target, []).append(est.id)
        if est.kind == "scale" and isinstance(value, _NUMBERS):
            sums.setdefault(est.target, []).append(float(value))
        elif isinstance(value, str):
            values[est.target] = value
    for target, vals in sums.items():
        values[target] = sum(vals) / len(vals)
    return values, items


def engine_scores(form: Any, answers: Mapping[str, Any], role: str) -> dict[str, Score]:
    """Scores from the form engine, which also checks every answer."""
    from dyade.forms import score_response

    try:
        raw = score_response(form, dict(answers))
    except DyadeError as exc:
        raise DyadeError(f"the {role}'s answers: {exc}") from None
    return {
        sid: Score(s.value, int(s.answered), int(s.items), str(s.component))
        for sid, s in raw.items()
    }


def plan_scores(plan: FormPlan, answers: Mapping[str, Any]) -> dict[str, Score]:
    """The engine's scoring rule (keyed mean or prorated sum, ``min_answered``),
    for answers already checked (batch analysis). Tests hold it equal to
    :func:`dyade.forms.score_response` on every shipped form."""
    out = {}
    for rule in plan.subscale_rules:
        keyed = []
        for item_id, low, high, reverse in rule.items:
            value = answers.get(item_id)
            if value is not None:
                keyed.append(high + low - value if reverse else value)
        value = None
        if len(keyed) >= rule.min_answered:
            mean = sum(keyed) / len(keyed)
            value = mean * len(rule.items) if rule.method == "sum" else mean
        out[rule.id] = Score(value, len(keyed), len(rule.items), rule.component)
    return out


def _choice(answers: Mapping[str, Any], item: str | None) -> str | None:
    value = answers.get(item) if item else None
    return value if isinstance(value, str) else None


def read_side(
    form: Any, answers: Mapping[str, Any], thresholds: Thresholds, *, checked: bool = False
) -> SideReport:
    """Score one side and collect its markers, goal, stage and estimates.

    ``checked=True`` means the caller has already checked the answers against
    the form (batch analysis): scoring then skips the engine's checks.
    """
    plan = form_plan(form)
    if checked:
        scores = plan_scores(plan, answers)
    else:
        scores = engine_scores(form, answers, plan.respondent)
    estimates, estimate_items = _estimates(plan, answers)
    return SideReport(
        side=plan.respondent,
        plan=plan,
        answers=answers,
        scores=scores,
        hits=_scale_hits(plan, answers, thresholds) + _checklist_hits(plan, answers, thresholds),
        main_goal=_choice(answers, plan.goal_item),
        stage=_choice(answers, plan.stage_item),
        estimates=estimates,
        estimate_items=estimate_items,
    )


def keyed_items(report: SideReport, subscale: str) -> dict[str, float]:
    """The subscale's answered items, keyed (reverse items turned round) on 1..5,
    so two visits can be compared on the items they share (worked out once per
    report and shared: read it, do not change it)."""
    if report.keyed is None:  # every subscale at once: the rules ask for them many times
        rules = report.plan.subscale_rules
        report.keyed = {rule.id: _keyed(rule, report.answers) for rule in rules}
    return report.keyed.get(subscale, {})


def _keyed(rule: SubscaleRule, answers: Mapping[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item_id, low, high, reverse in rule.items:
        value = answers.get(item_id)
        if isinstance(value, _NUMBERS) and not isinstance(value, bool):
            out[item_id] = float(high + low - value if reverse else value)
    return out


def estimated_actual(about: SideReport, by: SideReport, target: str) -> float | None:
    """What ``by``'s estimate of ``target`` is compared with: the one item of ``about``
    it guesses (``estimates_item``), else ``about``'s subscale score. An estimate is
    compared with the mirror it estimates, never with a different construct."""
    guessed = by.plan.guesses.get(target)
    if guessed:
        values = [v for i in guessed if isinstance(v := about.answers.get(i), _NUMBERS)]
        return sum(values) / len(values) if values else None
    return score_value(about, target)


def score_value(report: SideReport, subscale: str) -> float | None:
    score = report.scores.get(subscale)
    return None if score is None else score.value


def absent_side(side: Side) -> SideReport:
    """The report of a side that has not answered: no scores, markers or estimates,
    so every rule that needs that side finds nothing rather than a made-up value."""
    plan = FormPlan(form_id="", version=1, respondent=side, use="other")
    return SideReport(side, plan, {}, {}, [], None, None, {}, {})
