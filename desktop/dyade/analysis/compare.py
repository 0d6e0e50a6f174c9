"""Side-by-side comparison of one visit: score discrepancies and meta-perception.

Discrepancies on the general and specific subscales are tested with the
expected patient-higher offset removed (Tryon et al. 2007); rupture-marker
subscales are compared crosswise (what one side reported of itself against
what the other noticed in it), with no offset. Meta-perception compares each
side's estimate of the other with what the other actually reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from dyade.analysis.sides import NO_CHANGE, STAGES, SideReport, estimated_actual, score_value
from dyade.analysis.signals import TYPES
from dyade.analysis.stats import discrepancy, rounded
from dyade.analysis.thresholds import Thresholds

COMPARED_COMPONENTS = ("general", "specific")


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Patient minus physician on one subscale; None values when not scorable."""

    subscale: str
    component: str
    patient_subscale: str
    physician_subscale: str
    patient: float | None
    physician: float | None
    difference: float | None = None
    expected_offset: float = 0.0
    adjusted: float | None = None
    critical: float | None = None
    beyond_chance: bool | None = None
    direction: str | None = None


class _Who(TypedDict):
    """The fields every meta-perception row has, whatever kind of estimate it holds."""

    by: str
    about: str
    target: str
    items: list[str]


@dataclass(frozen=True, slots=True)
class MetaPerception:
    """One side's estimate of the other against what the other reported."""

    by: str
    about: str
    target: str
    items: list[str]
    estimate: float | str
    actual: float | str | None
    error: float | None = None
    accurate: bool | None = None


def _row(name, component, p_sub, d_sub, patient, physician, th, offset) -> Discrepancy:
    p_val, d_val = score_value(patient, p_sub), score_value(physician, d_sub)
    base = {
        "subscale": name,
        "component": component,
        "patient_subscale": p_sub,
        "physician_subscale": d_sub,
        "patient": rounded(p_val),
        "physician": rounded(d_val),
    }
    if p_val is None or d_val is None:
        return Discrepancy(**base)
    if p_sub in patient.plan.reciprocal or d_sub in physician.plan.reciprocal:
        # "I understand the doctor's limits" / "I understand the patient's limits":
        # each side about the other, side by side, not one measure with a gap to test
        return Discrepancy(**base, difference=rounded(p_val - d_val), direction="reciprocal")
    items = (patient.scores[p_sub].answered, physician.scores[d_sub].answered)
    test = discrepancy(p_val, d_val, th, offset=offset, items=items)
    return Discrepancy(
        **base,
        difference=rounded(test.difference),
        expected_offset=rounded(test.expected_offset),
        adjusted=rounded(test.adjusted),
        critical=rounded(test.critical),
        beyond_chance=test.beyond_chance,
        direction=test.direction,
    )


def compared_subscales(
    patient: dict[str, str], physician: dict[str, str]
) -> list[tuple[str, str, str, str, bool]]:
    """What a pair of forms lets us compare: ``(name, component, patient subscale,
    physician subscale, expected offset applies)``, from each side's
    ``{subscale: component}``. Batch output derives its columns from it too."""
    rows = []
    for sid, component in patient.items():
        if component in COMPARED_COMPONENTS and sid in physician:
            rows.append((sid, component, sid, sid, True))
    for kind in TYPES:
        for whose, p_sub, d_sub in (
            ("patient", f"{kind}_self", f"{kind}_other"),
            ("physician", f"{kind}_other", f"{kind}_self"),
        ):
            if p_sub in patient and d_sub in physician:
                rows.append((f"{kind}_{whose}", "marker", p_sub, d_sub, False))
    return rows


def discrepancies(patient: SideReport, physician: SideReport, th: Thresholds) -> list[Discrepancy]:
    components = {
        side.side: {sid: s.component for sid, s in side.scores.items()}
        for side in (patient, physician)
    }
    return [
        _row(name, component, p_sub, d_sub, patient, physician, th, offset)
        for name, component, p_sub, d_sub, offset in compared_subscales(
            components["patient"], components["physician"]
        )
    ]


def _choice_actual(report: SideReport, target: str) -> str | None:
    return report.main_goal if target == "main_goal" else report.stage


def _one_meta(by: SideReport, about: SideReport, target: str, th: Thresholds) -> MetaPerception:
    estimate = by.estimates[target]
    items = list(by.estimate_items.get(target, ()))
    common = _Who(by=by.side, about=about.side, target=target, items=items)
    if isinstance(estimate, float):
        actual = estimated_actual(about, by, target)
        if actual is None:
            return MetaPerception(**common, estimate=rounded(estimate), actual=None)
        error = estimate - actual
        return MetaPerception(
            **common,
            estimate=rounded(estimate),
            actual=rounded(actual),
            error=rounded(error),
            accurate=abs(error) <= th.estimate_tolerance,
        )
    actual_code = _choice_actual(about, target)
    accurate = None if actual_code is None else estimate == actual_code
    if NO_CHANGE in (actual_code, estimate):
        accurate = None  # no change was discussed: nothing to compare
    elif target == "stage" and actual_code in STAGES and estimate in STAGES:
        accurate = abs(STAGES.index(actual_code) - STAGES.index(estimate)) <= th.stage_tolerance
    return MetaPerception(**common, estimate=estimate, actual=actual_code, accurate=accurate)


def meta_perception(
    patient: SideReport, physician: SideReport, th: Thresholds
) -> list[MetaPerception]:
    out = []
    for by, about in ((patient, physician), (physician, patient)):
        for target in by.estimates:
            out.append(_one_meta(by, about, target, th))
    return out
