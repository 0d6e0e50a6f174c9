"""What the columnar rules read in a form, worked out once per form.

The columnar path re-states the rules of :mod:`.visit` for forms of the usual
shape (the shipped forms and their earlier versions): every subscale made of
scale items with ``min_answered`` of at least one, markers of the two rupture
types, the two families and the two points of view, estimates that are scale
means or one choice. A pair of forms of any other shape is analysed by the
reference path (:func:`usable` says no).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyade.analysis.sides import FormPlan, form_plan
from dyade.analysis.signals import TYPES

FAMILIES = ("interpersonal", "emotional")
ABOUTS = ("self", "other")


@dataclass(frozen=True, slots=True)
class HitSource:
    """A way one answer can be a marker hit: a scale marker, or one option of a checklist."""

    item: str
    option: str | None
    type: str
    family: str
    about: str
    relational: bool
    low: int = 0
    high: int = 0
    reverse: bool = False


@dataclass(slots=True)
class ColumnarPlan:
    plan: FormPlan
    sources: list[HitSource] = field(default_factory=list)
    estimates: dict[str, tuple[str, list[str]]] = field(
        default_factory=dict
    )  # target -> kind, items
    core_items: list[str] = field(default_factory=list)  # the core subscales' items, once each
    fits: bool = True


def _sources(plan: FormPlan) -> list[HitSource]:
    out = [
        HitSource(m.id, None, m.type, m.family, m.about, False, m.low, m.high, m.reverse)
        for m in plan.markers
    ]
    out += [
        HitSource(c.item, c.code, c.type, c.family, c.about, c.relational) for c in plan.checklist
    ]
    return out


def _estimates(plan: FormPlan) -> dict[str, tuple[str, list[str]]] | None:
    out: dict[str, tuple[str, list[str]]] = {}
    for est in plan.estimates:
        if est.kind not in ("scale", "choice"):
            return None
        kind, items = out.setdefault(est.target, (est.kind, []))
        if kind != est.kind:
            return None
        items.append(est.id)
    if any(kind == "choice" and len(items) != 1 for kind, items in out.values()):
        return None
    return out


def _fits(form: Any, plan: FormPlan, sources: list[HitSource]) -> bool:
    kinds = {item.id: item.kind for item in form.items}
    for rule in plan.subscale_rules:
        if rule.min_answered < 1 or rule.method not in ("mean", "sum"):
            return False
        if any(kinds.get(item_id) != "scale" for item_id, *_ in rule.items):
            return False
    return all(
        s.type in TYPES and s.family in FAMILIES and s.about in ABOUTS for s in sources
    ) and all(kinds.get(s.item) == ("scale" if s.option is None else "multi") for s in sources)


_PLANS: dict[tuple[int, tuple[str, ...]], tuple[Any, ColumnarPlan]] = {}


def columnar_plan(form: Any, core: tuple[str, ...]) -> ColumnarPlan:
    """The form's columnar plan, cached per form object and core subscales."""
    key = (id(form), core)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] is form:
        return cached[1]
    plan = form_plan(form)
    sources = _sources(plan)
    estimates = _estimates(plan)
    core_items = list(dict.fromkeys(i for sid in core for i in plan.subscale_items.get(sid, ())))
    out = ColumnarPlan(plan, sources, estimates or {}, core_items)
    out.fits = estimates is not None and _fits(form, plan, sources)
    _PLANS[key] = (form, out)
    return out


def usable(patient: Any, physician: Any, core: tuple[str, ...]) -> bool:
    """Can the columnar rules analyse visits of this pair of forms?"""
    return (
        patient.respondent == "patient"
        and physician.respondent == "physician"
        and columnar_plan(patient, core).fits
        and columnar_plan(physician, core).fits
    )
