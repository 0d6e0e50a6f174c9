"""A disagreement voiced and heard, with agreement high at the end: a repair move.

The article: patients repair too, and expressing a need or a disagreement is a
repair initiative that deserves to be welcomed (DOMAIN.md §2, §5). When one
side's only confrontation markers are ones the other side noticed (each has a
mirror "I noticed…" item answered at the marker level), no confrontation
emotion counts, and that side's agreement on goals and means is still high,
the alliance is working: the finding is shown as a ``repair_move``, not as a
rupture.
"""

from __future__ import annotations

from dyade.analysis.sides import MarkerHit, SideReport, score_value
from dyade.analysis.signals import RuptureSignal
from dyade.analysis.thresholds import Thresholds

AGREEMENT = ("goals", "tasks")


def _heard(hit: MarkerHit, origin: SideReport, other: SideReport, th: Thresholds) -> bool:
    """The other side's mirror of this marker is an "I noticed" item at the marker level."""
    mirror = origin.plan.mirrors.get(hit.item)
    return any(
        h.item == mirror and h.about == "other" and h.type == hit.type
        for h in other.hits
        if h.level >= th.marker_level
    )


def voiced_and_heard(
    signal: RuptureSignal, origin: SideReport, other: SideReport, th: Thresholds
) -> bool:
    """Is this confrontation signal a disagreement voiced, heard, and settled?"""
    if signal.types != ("confrontation",) or signal.strain.any or not signal.own_hits:
        return False
    own = signal.own_hits
    if any(h.family != "interpersonal" or not _heard(h, origin, other, th) for h in own):
        return False
    if any(h.family == "emotional" for h in signal.noticed_hits):
        return False
    values = [score_value(origin, sid) for sid in AGREEMENT]
    scored = [v for v in values if v is not None]
    return bool(scored) and min(scored) >= th.repair_agreement_level
