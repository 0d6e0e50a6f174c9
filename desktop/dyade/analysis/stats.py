"""Small statistics for comparing two perceptions and following them over visits.

Reliable-change logic after Jacobson & Truax (1991), applied two ways: between
the two members of a dyad at one visit (with the expected patient-higher
offset removed), and within one member between visits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, overload

from dyade.analysis.thresholds import Thresholds


class DiscrepancyTest(NamedTuple):
    """Patient minus physician on one subscale, tested against chance."""

    difference: float
    expected_offset: float
    adjusted: float
    critical: float
    beyond_chance: bool
    direction: str  # "patient_higher" | "physician_higher" | "as_expected"


def discrepancy(
    patient: float,
    physician: float,
    thresholds: Thresholds,
    *,
    offset: bool = True,
    items: tuple[int | None, int | None] = (None, None),
) -> DiscrepancyTest:
    """Is |patient − physician − offset| larger than z·SE_D?

    ``items`` is how many items each score rests on: SE_D grows for short
    scores (Spearman–Brown), so a one-item gap needs more to be beyond chance.
    """
    expected = thresholds.expected_offset if offset else 0.0
    difference = patient - physician
    adjusted = difference - expected
    critical = thresholds.critical_discrepancy_for(*items)
    beyond = abs(adjusted) > critical
    if not beyond:
        direction = "as_expected"
    else:
        direction = "patient_higher" if adjusted > 0 else "physician_higher"
    return DiscrepancyTest(
        difference=difference,
        expected_offset=expected,
        adjusted=adjusted,
        critical=critical,
        beyond_chance=beyond,
        direction=direction,
    )


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of y on x; None with fewer than two distinct x."""
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in points) / sxx


@overload
def rounded(value: float, digits: int = 3) -> float: ...
@overload
def rounded(value: float | None, digits: int = 3) -> float | None: ...
def rounded(value: float | None, digits: int = 3) -> float | None:
    """Round for output; keep None as None (not scorable is never zero)."""
    return None if value is None else round(value, digits)
