"""Rupture signal attributed to one member of the dyad, and who perceived it.

A rupture "of patient origin" is one the patient lives (withdraws or
confronts). Its evidence comes from the patient's own markers (about self:
interpersonal items and the emotions checklist), from what the physician
noticed in the patient (markers about other), and from the patient's low or
dropping bond/agreement. The patient perceived it when their own markers carry
it; the physician perceived it when they noticed markers of that type in the
patient or when their estimate of the patient's bond registered the strain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dyade.analysis.change import change_between, drop_status
from dyade.analysis.sides import (
    MarkerHit,
    SideReport,
    estimated_actual,
    keyed_items,
    score_value,
)
from dyade.analysis.thresholds import Side, Thresholds

TYPES: tuple[str, ...] = ("withdrawal", "confrontation")


@dataclass(frozen=True, slots=True)
class Strain:
    """Low or dropping general/specific subscales of one side."""

    low: tuple[str, ...]
    dropped: tuple[str, ...]
    deep: bool  # at least one subscale a further SD below the low cutoff

    @property
    def any(self) -> bool:
        return bool(self.low or self.dropped)


@dataclass(frozen=True, slots=True)
class RuptureSignal:
    origin: Side
    rupture_type: str  # withdrawal | confrontation | mixed
    types: tuple[str, ...]
    families: tuple[str, ...]
    severity: int
    own_hits: tuple[MarkerHit, ...]
    noticed_hits: tuple[MarkerHit, ...]
    strain: Strain
    perceived_by_self: bool
    perceived_by_other: bool
    estimate_targets: tuple[str, ...]  # the other's estimates that registered the strain
    missing: Side | None = None  # a side that has not answered: perception not known

    @property
    def perceived_by(self) -> str:
        other = "physician" if self.origin == "patient" else "patient"
        if self.missing is not None:
            return "unknown"
        if self.perceived_by_self and self.perceived_by_other:
            return "both"
        if self.perceived_by_self:
            return self.origin
        return other if self.perceived_by_other else "none"


def other_side(side: Side) -> Side:
    return "physician" if side == "patient" else "patient"


Previous = tuple[Mapping[str, Any], Mapping[str, Mapping[str, float]]]


def strain_of(report: SideReport, th: Thresholds, previous: Previous | None = None) -> Strain:
    """Which core subscales are below the side's usual level or dropped reliably.

    ``previous`` is the side's ``(scores, keyed items)`` at the last visit: a drop
    counts when it is a reliable change on the items both visits share (a
    one-item change is only "to confirm" and does not count).
    """
    side = report.side
    cutoff = th.low_cutoff(side)
    before_scores, before_items = previous or ({}, {})
    low, dropped, deep = [], [], False
    for sid in th.core_subscales:
        value = score_value(report, sid)
        if value is None:
            continue
        if value < cutoff:
            low.append(sid)
            deep = deep or value < cutoff - th.sd(side)
        change = change_between(
            before_scores.get(sid), before_items.get(sid), value, keyed_items(report, sid)
        )
        if change is not None and drop_status(th, side, change) == "reliable":
            dropped.append(sid)
    return Strain(tuple(low), tuple(dropped), deep)


def counted_emotions(typed: list[MarkerHit], hits: list[MarkerHit], strain: Strain) -> list:
    """The emotions of ``typed`` that count as rupture markers.

    Worry or sadness after bad news is not a rupture marker (DOMAIN.md §5): an
    emotion counts when it was felt in the relationship (a ``context:
    relationship`` question), or when the same member's answers also carry an
    interpersonal marker, or when the alliance itself is strained.
    """
    emotions = [h for h in typed if h.family == "emotional"]
    if strain.any or any(h.family == "interpersonal" for h in hits):
        return emotions
    return [h for h in emotions if h.relational]


def _meets(typed: list[MarkerHit], hits: list[MarkerHit], strain: Strain, th) -> bool:
    """One member's evidence of one rupture type is enough to signal it: an
    interpersonal marker, ``min_emotions`` emotions that count, or one with strain."""
    if any(h.family == "interpersonal" for h in typed):
        return True
    emotions = counted_emotions(typed, hits, strain)
    return len(emotions) >= th.min_emotions or bool(emotions and strain.any)


def _type_signals(own: list[MarkerHit], noticed: list[MarkerHit], strain: Strain, th) -> list:
    """The rupture types whose evidence, from either member, meets the rule."""
    found = []
    for kind in TYPES:
        for hits in (own, noticed):
            if _meets([h for h in hits if h.type == kind], hits, strain, th):
                found.append(kind)
                break
    return found


def _severity(own: list[MarkerHit], noticed: list[MarkerHit], strain: Strain) -> int:
    """1 mild, 2 moderate, 3 marked; never decreases when a marker is added."""
    points = 0
    for hits in (own, noticed):
        points += sum(1 for h in hits if h.family == "interpersonal")
        points += min(3, sum(1 for h in hits if h.family == "emotional"))
        points += sum(1 for h in hits if h.strong)
    points += len({h.family for h in own + noticed}) == 2
    points += strain.any + strain.deep
    return 1 if points <= 2 else 2 if points <= 4 else 3


def _registered(origin: SideReport, other: SideReport, th: Thresholds) -> tuple[str, ...]:
    """The other's estimates that put the origin's subscale low, and close to the actual."""
    found = []
    cutoff = th.low_cutoff(origin.side)
    for target, estimate in other.estimates.items():
        score = origin.scores.get(target)
        actual = estimated_actual(origin, other, target)
        if not isinstance(estimate, float) or score is None or actual is None:
            continue
        if score.component not in ("general", "specific"):
            continue
        if estimate <= cutoff and estimate - actual <= th.estimate_tolerance:
            found.append(target)
    return tuple(found)


def rupture_signal(
    origin: SideReport,
    other: SideReport,
    th: Thresholds,
    previous: Previous | None = None,
    missing: Side | None = None,
    strain: Strain | None = None,
) -> RuptureSignal | None:
    """The rupture lived by ``origin`` this visit, or None when nothing signals one.

    ``missing`` names a side that has not answered (its report is empty): the
    signal then rests on the other side's answers and its perception is unknown.
    ``strain`` is :func:`strain_of` for the same origin and previous visit, when the
    caller has it already.
    """
    own = [h for h in origin.hits if h.about == "self"]
    noticed = [h for h in other.hits if h.about == "other"]
    strain = strain if strain is not None else strain_of(origin, th, previous)
    types = _type_signals(own, noticed, strain, th)
    if not types:
        return None
    own_t = tuple(h for h in own if h.type in types)
    noticed_t = tuple(h for h in noticed if h.type in types)
    registered = _registered(origin, other, th)
    return RuptureSignal(
        origin=origin.side,
        rupture_type=types[0] if len(types) == 1 else "mixed",
        types=tuple(types),
        families=tuple(sorted({h.family for h in own_t + noticed_t})),
        severity=_severity(own, noticed, strain),
        own_hits=own_t,
        noticed_hits=noticed_t,
        strain=strain,
        perceived_by_self=bool(own_t),
        perceived_by_other=bool(noticed_t) or bool(registered),
        estimate_targets=registered,
        missing=missing,
    )
