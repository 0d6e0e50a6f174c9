"""The columnar batch path, step four: each dyad's history, as its row of the dyads file.

A re-statement of :func:`.trajectory.analyse_history` and
:func:`.attention.attention_rank` for what ``FILE-dyads.csv`` writes: episodes
(repaired, unresolved, strict), drop alerts, convergence and the dyad's rank.
Changes between two visits are measured on the keyed core items both answered
(:func:`.change.change_between`), for every pair of visits the rules compare at
once: consecutive visits (drop alerts), and each scored visit with the next
few scored ones (episodes and their recovery). Item values are whole numbers,
so the sums are exact and each mean and drop is the float the reference
computes. Walking a dyad's episodes stays a loop, over those precomputed facts.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from dyade.analysis.attention import NOTHING, _rank
from dyade.analysis.stats import rounded, slope
from dyade.analysis.thresholds import Side, Thresholds
from dyade.vocabulary import Category

SIDES: tuple[Side, Side] = ("patient", "physician")
EPS = 1e-9


class SideHistory(NamedTuple):
    """One side over a share's visits (in dyad order): its kept keyed core items (NaN:
    not answered, or the side's answers are to check) and rounded core scores."""

    items: np.ndarray  # visits x items
    scores: np.ndarray  # visits x core subscales, NaN: not scorable or to check


class Changes(NamedTuple):
    """Between visit ``a[k]`` and visit ``b[k]``: items shared, and the drop on them."""

    shared: np.ndarray
    drop: np.ndarray


def changes(items: np.ndarray, a: np.ndarray, b: np.ndarray) -> Changes:
    before, after = items[a], items[b]
    both = ~np.isnan(before) & ~np.isnan(after)
    shared = both.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        drop = np.where(both, before, 0.0).sum(axis=1) / shared - (
            np.where(both, after, 0.0).sum(axis=1) / shared
        )
    return Changes(shared, drop)


def _table(th: Thresholds, side: Side, most: int, value: Any) -> np.ndarray:
    return np.array([value(th, side, n) for n in range(most + 1)])


def _reliable(th: Thresholds, side: Side, c: Changes) -> np.ndarray:
    """:func:`.change.drop_status` is ``reliable``."""
    limit = _table(th, side, int(c.shared.max(initial=0)), lambda t, s, n: t.reliable_change(s, n))
    with np.errstate(invalid="ignore"):
        return (c.shared >= 2) & (c.drop >= limit[c.shared] - EPS)


def _episodes(side: Side, h: SideHistory, dyad: np.ndarray, th: Thresholds) -> list[list]:
    """Per dyad, ``(event, strict, unresolved)`` per episode (:func:`.trajectory._episodes_of`)."""
    points = np.nonzero((~np.isnan(h.scores)).any(axis=1))[0]
    out: list[list] = [[] for _ in range(int(dyad.max(initial=-1)) + 1)]
    if len(points) < 2:
        return out
    lag: list[Any] = [None]
    for step in range(1, th.recovery_visits + 2):
        c = changes(h.items, points[:-step], points[step:])
        same = (dyad[points[:-step]] == dyad[points[step:]]) & (c.shared > 0)
        if step == 1:
            with np.errstate(invalid="ignore"):
                drop = same & (c.shared != 1) & (c.drop >= th.lenient_drop(side) - EPS)
            lag.append((drop.tolist(), _reliable(th, side, c).tolist()))
        else:
            most = int(c.shared.max(initial=0))
            margin = _table(th, side, most, lambda t, s, n: t.recovery_sem * t.sem(s, n))
            with np.errstate(invalid="ignore"):
                lag.append((same & (c.drop <= margin[c.shared])).tolist())
    owner = dyad[points]  # in visit order, so each dyad's points are together
    dropping = set(owner[:-1][drop].tolist())  # the dyads with an episode to follow
    visit_of = points.tolist()
    found, starts, counts = np.unique(owner, return_index=True, return_counts=True)
    for d, g, m in zip(found.tolist(), starts.tolist(), counts.tolist(), strict=True):
        if d not in dropping:
            continue
        i = 1
        while i < m:
            dropped, strict = lag[1][0][g + i - 1], lag[1][1][g + i - 1]
            if not dropped:
                i += 1
                continue
            j = next(
                (j for j in range(i + 1, min(m, i + th.recovery_visits + 1))
                 if lag[j - i + 1][g + i - 1]),
                None,
            )  # fmt: skip
            out[d].append(((visit_of[g + i - 1], visit_of[g + i]), strict, j is None))
            if j is not None:
                i = j + 1
            elif m - 1 - i >= th.recovery_visits:
                i += th.recovery_visits + 1
            else:
                break
    return out


def _alerts(side: Side, h: SideHistory, dyad: np.ndarray, brief: np.ndarray, th) -> tuple:
    """Per visit, a drop alert since the previous visit and whether it is reliable."""
    n = len(dyad)
    cur = np.arange(1, n)
    c = changes(h.items, cur - 1, cur)
    with np.errstate(invalid="ignore"):
        alert = (dyad[cur - 1] == dyad[cur]) & brief[cur] & (c.shared > 0)
        alert &= c.drop >= th.drop_alert - EPS
    found, reliable = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    found[1:], reliable[1:] = alert, alert & _reliable(th, side, c)
    return found, reliable


def _gaps(patient: SideHistory, physician: SideHistory, th: Thresholds) -> list[float | None]:
    """Per visit, :func:`.trajectory.dyad_gap` on the rounded core scores."""
    total = np.zeros(len(patient.scores))
    count = np.zeros(len(patient.scores), dtype=np.int64)
    for k in range(patient.scores.shape[1]):
        diff = patient.scores[:, k] - physician.scores[:, k]
        seen = ~np.isnan(diff)
        total += np.where(seen, diff, 0.0)  # left to right, as sum() adds them
        count += seen
    with np.errstate(invalid="ignore", divide="ignore"):
        gap = total / count - th.expected_offset
    return [g if c else None for g, c in zip(gap.tolist(), count.tolist(), strict=True)]


def _convergence(gaps: list[tuple[int, float]], th: Thresholds) -> tuple[str, float | None]:
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


def dyad_rows(
    names: list[str],
    dyad: np.ndarray,
    brief: np.ndarray,
    sides: dict[Side, SideHistory],
    ranks: list[int],
    th: Thresholds,
) -> list[list[Any]]:
    """Each dyad's row of the dyads file (:func:`.batch_output.dyad_row`), in order;
    ``dyad`` numbers each visit's dyad, ``ranks`` are the visits' attention ranks."""
    episodes = {side: _episodes(side, sides[side], dyad, th) for side in SIDES}
    alerts = [_alerts(side, sides[side], dyad, brief, th) for side in SIDES]
    found = alerts[0][0].astype(np.int64) + alerts[1][0]
    gaps = _gaps(sides["patient"], sides["physician"], th)
    owner = dyad.tolist()
    ends = [k for k in range(len(owner)) if k + 1 == len(owner) or owner[k + 1] != owner[k]]
    rows, start = [], 0
    for d, end in enumerate(ends):
        events: dict[tuple[int, int], tuple[bool, bool]] = {}
        for side in SIDES:
            for key, strict, unresolved in episodes[side][d]:
                was = events.get(key, (False, False))
                events[key] = (was[0] or strict, was[1] or unresolved)
        current = [bool(a[1][end]) for a in alerts if a[0][end]]
        history = [_rank(Category.UNRESOLVED, 3 if s else 2, 0) for s, u in events.values() if u]
        history += [
            _rank(Category.UNRESOLVED, 1, 0) if r else _rank(Category.MILD, 1, 0) for r in current
        ]
        status, trend = _convergence(
            [(k - start + 1, g) for k in range(start, end + 1) if (g := gaps[k]) is not None], th
        )
        unresolved = sum(u for _, u in events.values())
        rows.append([
            names[d], end - start + 1, len(events) - unresolved, unresolved,
            sum(s for s, _ in events.values()), int(found[start : end + 1].sum()),
            "yes" if current else "no", status, "" if trend is None else trend,
            min(ranks[end], min(history, default=NOTHING)),
        ])  # fmt: skip
        start = end + 1
    return rows
