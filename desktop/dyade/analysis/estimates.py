"""Estimates of the other that were wrong, and the strain they left unseen.

The most common form of the article's scenario A is the polite, silent patient
who rates the visit low without ticking a marker while the physician is sure
all went well. No marker fires, but the physician's estimate of the patient's
alliance is too high: that is a one-sided finding (``unperceived_strain``),
ranked with the unperceived ruptures (one-sided ruptures hurt the next visit
most: Rubel et al. 2018). Either side can be the silent low-rater.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyade.analysis.sides import SideReport, estimated_actual
from dyade.analysis.stats import discrepancy
from dyade.analysis.thresholds import Thresholds

COMPARED = ("general", "specific")  # the components an estimate can be about


@dataclass(frozen=True, slots=True)
class WrongEstimate:
    """The other's estimate of one of the origin's subscales, off by more than the tolerance."""

    target: str
    estimate: float
    actual: float

    @property
    def too_high(self) -> bool:
        return self.estimate > self.actual


def wrong_estimates(origin: SideReport, other: SideReport, th: Thresholds) -> list[WrongEstimate]:
    """What ``other`` estimated of ``origin``'s bond or agreement and got wrong, either way."""
    out = []
    for target, estimate in other.estimates.items():
        score = origin.scores.get(target)
        actual = estimated_actual(origin, other, target)
        if not isinstance(estimate, float) or score is None or actual is None:
            continue
        if score.component in COMPARED and abs(estimate - actual) > th.estimate_tolerance:
            out.append(WrongEstimate(target, estimate, actual))
    return out


def lower_than_other(origin: SideReport, other: SideReport, th: Thresholds) -> tuple[str, ...]:
    """Core subscales the origin rated beyond chance below the other, offset allowed for."""
    out = []
    for sid in th.core_subscales:
        mine, theirs = origin.scores.get(sid), other.scores.get(sid)
        if mine is None or theirs is None or mine.value is None or theirs.value is None:
            continue
        mine_at, theirs_at = (mine.value, mine.answered), (theirs.value, theirs.answered)
        (p_value, p_items), (d_value, d_items) = (
            (mine_at, theirs_at) if origin.side == "patient" else (theirs_at, mine_at)
        )
        test = discrepancy(p_value, d_value, th, items=(p_items, d_items))
        lower = "physician_higher" if origin.side == "patient" else "patient_higher"
        if test.direction == lower:
            out.append(sid)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class UnseenStrain:
    """A side's low (or clearly lower) alliance that the other estimated high."""

    subscales: tuple[str, ...]
    overestimates: tuple[WrongEstimate, ...]

    @property
    def severity(self) -> int:
        """1–3: how many core subscales, plus one when an estimate was off by 1.5+ points."""
        wide = any(e.estimate - e.actual >= 1.5 for e in self.overestimates)
        return max(1, min(3, len(self.subscales) + wide))


def unseen_strain(
    origin: SideReport, other: SideReport, low: tuple[str, ...], th: Thresholds
) -> UnseenStrain | None:
    """``low`` (the origin's low core subscales) or a gap beyond chance below the
    other, with the other's estimate of the origin high; None otherwise."""
    subscales = tuple(dict.fromkeys(low + lower_than_other(origin, other, th)))
    cutoff = th.low_cutoff(origin.side)
    high = tuple(
        e for e in wrong_estimates(origin, other, th) if e.too_high and e.estimate >= cutoff
    )
    if not subscales or not high:
        return None
    return UnseenStrain(subscales, high)
