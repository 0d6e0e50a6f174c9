"""The columnar batch path, step four: a dyad's history, as its row of the dyads file.

A lean re-statement of :func:`.trajectory.analyse_history` and
:func:`.attention.attention_rank` for what ``FILE-dyads.csv`` writes: episodes
(repaired, unresolved, strict), drop alerts, convergence and the dyad's rank.
It works on each visit's rounded core scores and keyed core items, the very
values a :class:`.trajectory.VisitPoint` would carry, and uses the same change
rules (:func:`.change.change_between`, :func:`.change.drop_status`,
:func:`.stats.slope`); series and episode details, which the CSV does not
show, are not built.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any, NamedTuple

from dyade.analysis.attention import NOTHING, _rank
from dyade.analysis.change import Change, change_between, drop_status
from dyade.analysis.stats import rounded, slope
from dyade.analysis.thresholds import Side, Thresholds
from dyade.vocabulary import Category

SIDES: tuple[Side, Side] = ("patient", "physician")
EPS = 1e-9


class Point(NamedTuple):
    """One analysed visit of a dyad, as its history reads it (a side to check: None)."""

    use: str
    values: dict[str, tuple[float | None, ...] | None]  # side -> rounded core scores
    items: dict[str, dict[str, float] | None]  # side -> keyed core items


def _change(a: Point, b: Point, side: Side) -> Change | None:
    before, after = a.items[side], b.items[side]
    if not before or not after:
        return None
    return change_between(None, before, None, after)


def _scored(point: Point, side: Side) -> bool:
    values = point.values[side]
    return values is not None and any(v is not None for v in values)


def _recovered(points: list[Point], start: int, side: Side, th: Thresholds) -> int | None:
    before = points[start - 1]
    for j in range(start + 1, min(len(points), start + th.recovery_visits + 1)):
        change = _change(before, points[j], side)
        if change is not None and change.drop <= th.recovery_sem * th.sem(side, change.items):
            return j
    return None


def _episodes(visits: Sequence[Point], side: Side, th: Thresholds) -> list[tuple]:
    """``(event key, strict, unresolved)`` of each episode (:func:`.trajectory._episodes_of`)."""
    numbered = [(k + 1, p) for k, p in enumerate(visits) if _scored(p, side)]
    points = [p for _, p in numbered]
    out, i = [], 1
    while i < len(points):
        change = _change(points[i - 1], points[i], side)
        if change is None or change.items == 1 or change.drop < th.lenient_drop(side) - EPS:
            i += 1
            continue
        j = _recovered(points, i, side, th)
        strict = drop_status(th, side, change) == "reliable"
        key = (numbered[i - 1][0], numbered[i][0])
        out.append((key, strict, j is None))
        if j is not None:
            i = j + 1
        elif len(points) - 1 - i >= th.recovery_visits:
            i += th.recovery_visits + 1
        else:
            break
    return out


def _alerts(visits: Sequence[Point], th: Thresholds) -> list[tuple[int, bool]]:
    """``(to visit, reliable)`` of each drop alert (:func:`.trajectory._alerts`)."""
    out = []
    for k, (prev, cur) in enumerate(pairwise(visits)):
        if cur.use != "brief":
            continue
        for side in SIDES:
            change = _change(prev, cur, side)
            if change is None or change.drop < th.drop_alert - EPS:
                continue
            out.append((k + 2, drop_status(th, side, change) == "reliable"))
    return out


def _gap(point: Point, th: Thresholds) -> float | None:
    p, d = point.values["patient"], point.values["physician"]
    if p is None or d is None:
        return None
    diffs = [a - b for a, b in zip(p, d, strict=True) if a is not None and b is not None]
    return sum(diffs) / len(diffs) - th.expected_offset if diffs else None


def _convergence(visits: Sequence[Point], th: Thresholds) -> tuple[str, float | None]:
    gaps = [(k + 1, g) for k, v in enumerate(visits) if (g := _gap(v, th)) is not None]
    if len(gaps) < th.convergence_min_visits:
        return "insufficient", None
    trend = slope([(float(v), abs(g)) for v, g in gaps])
    if trend is None:
        return "insufficient", None
    status = "stable"
    if trend <= -th.convergence_slope:
        status = "converging"
    elif trend >= th.convergence_slope:
        status = "diverging"
    return status, rounded(trend)


def dyad_cells(dyad: str, visits: Sequence[Point], last_rank: int, th: Thresholds) -> list[Any]:
    """The dyad's row of the dyads file, as :func:`.batch_output.dyad_row` writes it."""
    events: dict[tuple[int, int], tuple[bool, bool]] = {}
    for side in SIDES:
        for key, strict, unresolved in _episodes(visits, side, th):
            was = events.get(key)
            events[key] = (strict, unresolved) if was is None else (
                was[0] or strict, was[1] or unresolved
            )  # fmt: skip
    alerts = _alerts(visits, th)
    current = [reliable for to_visit, reliable in alerts if to_visit == len(visits)]
    ranks = [
        _rank(Category.UNRESOLVED, 3 if strict else 2, 0)
        for strict, unresolved in events.values()
        if unresolved
    ]
    ranks += [
        _rank(Category.UNRESOLVED, 1, 0) if reliable else _rank(Category.MILD, 1, 0)
        for reliable in current
    ]
    status, trend = _convergence(visits, th)
    unresolved = sum(u for _, u in events.values())
    return [
        dyad,
        len(visits),
        len(events) - unresolved,
        unresolved,
        sum(s for s, _ in events.values()),
        len(alerts),
        "yes" if current else "no",
        status,
        "" if trend is None else trend,
        min(last_rank, min(ranks, default=NOTHING)),
    ]
