"""How a questionnaire was answered: answers to check before reading them as a rupture.

Careless or stylised answering is common in self-report (Meade & Craig 2012):
the same answer many times in a row (the long-string index), answers to a
reverse-keyed item that contradict its neighbours, and answers given faster
than about two seconds each (Huang et al. 2012). Such a questionnaire is a
notice to the reader ("answers to check"), not evidence of a rupture: that
side's answers then raise no rupture, strain or low-alliance flag, and the
physician sees why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from dyade.analysis.sides import SideReport
from dyade.analysis.thresholds import Thresholds

CheckKind = Literal["same_answer", "reverse_contradiction", "too_fast"]


@dataclass(frozen=True, slots=True)
class Check:
    """One reason to check a side's answers: which, on what items, and the value seen."""

    kind: CheckKind
    items: tuple[str, ...]
    value: float | None = None


def _scale_answers(report: SideReport) -> list[tuple[str, int]]:
    out = []
    for item in report.plan.scale_items:
        value = report.answers.get(item)
        if isinstance(value, int) and not isinstance(value, bool):
            out.append((item, value))
    return out


def same_answer(report: SideReport, th: Thresholds) -> Check | None:
    """The same scale point to every question (at least ``straightline_items`` of them),
    although the questions point in opposite directions (markers, reverse items)."""
    answered = _scale_answers(report)
    if len(answered) < th.straightline_items or len({v for _, v in answered}) != 1:
        return None
    return Check("same_answer", tuple(i for i, _ in answered), float(answered[0][1]))


def reverse_contradictions(report: SideReport, th: Thresholds) -> list[Check]:
    """A reverse-keyed item whose keyed value is ``reverse_gap`` or more away from the
    mean of its subscale's other items (for example "I felt judged: completely" next to
    "I felt listened to: completely")."""
    out = []
    for rule in report.plan.subscale_rules:
        if rule.component not in ("general", "specific"):
            continue
        keyed: dict[str, tuple[float, bool]] = {}
        for item_id, low, high, reverse in rule.items:
            value = report.answers.get(item_id)
            if isinstance(value, int) and not isinstance(value, bool):
                keyed[item_id] = (high + low - value if reverse else value, reverse)
        forward = [v for v, rev in keyed.values() if not rev]
        if len(forward) < 2:
            continue
        mean = sum(forward) / len(forward)
        for item_id, (value, reverse) in keyed.items():
            if reverse and abs(value - mean) >= th.reverse_gap:
                out.append(Check("reverse_contradiction", (item_id,), float(value)))
    return out


def too_fast(report: SideReport, th: Thresholds, pace: float | None) -> Check | None:
    """Answered in less than ``min_seconds_per_answer`` seconds each, on average.
    ``pace`` is None when the timing is not known (answers entered all at once)."""
    if pace is None or pace >= th.min_seconds_per_answer:
        return None
    answered = tuple(i for i, v in report.answers.items() if v is not None)
    return Check("too_fast", answered, round(pace, 1))


def answer_checks(report: SideReport, th: Thresholds, pace: float | None = None) -> list[Check]:
    """Every reason to check this side's answers (empty: nothing to check)."""
    checks = [same_answer(report, th), *reverse_contradictions(report, th)]
    checks.append(too_fast(report, th, pace))
    return [c for c in checks if c is not None]


def pace_of(pace: Mapping[str, float | None] | None, side: str) -> float | None:
    return None if pace is None else pace.get(side)


def set_aside(report: SideReport) -> SideReport:
    """The side's report with its markers and estimates left out: answers to check
    are not evidence of a rupture (its scores stay, to be shown)."""
    from dataclasses import replace

    return replace(report, hits=[], estimates={}, estimate_items={})


def check_evidence_values(check: Check) -> dict[str, Any]:
    """What a notice's evidence shows for one check."""
    return {"check": check.kind, "answer": check.value}
