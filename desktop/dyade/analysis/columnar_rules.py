"""The columnar batch path, step two: the per-visit rules, vectorised over visits.

Every visit of one pair of forms in a share is scored at once: keyed means
(:func:`.sides.plan_scores`), answer checks (:mod:`.checks`), marker hits
(:mod:`.sides`), estimates and what they registered (:mod:`.signals`,
:mod:`.estimates`), low and deep strain, discrepancies (:mod:`.compare`). The
arithmetic is the reference's on the same numbers: item values are whole
numbers, so sums are exact in any order, and each division, subtraction and
comparison is the same IEEE operation Python does. What needs branching per
visit is left to :mod:`.columnar_flags`, on the facts worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dyade.analysis.columnar_plan import TYPES, ColumnarPlan, columnar_plan
from dyade.analysis.columnar_read import FormValues, Share
from dyade.analysis.compare import compared_subscales
from dyade.analysis.repair import AGREEMENT
from dyade.analysis.thresholds import Side, Thresholds

COMPARED = ("general", "specific")


@dataclass(slots=True)
class SideData:
    """One side's answers for the visits of a group, column by column."""

    side: Side
    cplan: ColumnarPlan
    values: FormValues
    rows: np.ndarray  # which of the form's responses, in the group's visit order
    n: int
    scores: dict[str, np.ndarray] = field(default_factory=dict)  # unrounded, NaN: None
    answered: dict[str, np.ndarray] = field(default_factory=dict)
    keyed: dict[str, np.ndarray] = field(default_factory=dict)  # item -> keyed value, NaN

    def scale(self, item: str) -> np.ndarray:
        column = self.values.scale.get(item)
        return np.full(self.n, np.nan) if column is None else column[self.rows]

    def choice(self, item: str | None) -> list[Any]:
        column = self.values.other.get(item or "")
        if item is None or column is None:
            return [None] * self.n
        rows = self.rows.tolist()
        return [column[r] if isinstance(column[r], str) else None for r in rows]


def _nansum(columns: list[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of the answered values (exact: whole numbers)."""
    total, count = np.zeros(n), np.zeros(n, dtype=np.int64)
    for col in columns:
        seen = ~np.isnan(col)
        total += np.where(seen, col, 0.0)
        count += seen
    return total, count


def score(data: SideData) -> None:
    """Keyed means or prorated sums, ``min_answered`` (:func:`.sides.plan_scores`)."""
    for rule in data.cplan.plan.subscale_rules:
        keyed = []
        for item_id, low, high, reverse in rule.items:
            value = data.keyed.get(item_id)
            if value is None:
                raw = data.scale(item_id)
                value = data.keyed[item_id] = (high + low) - raw if reverse else raw
            keyed.append(value)
        total, count = _nansum(keyed, data.n)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count
        value = mean * len(rule.items) if rule.method == "sum" else mean
        data.scores[rule.id] = np.where(count >= rule.min_answered, value, np.nan)
        data.answered[rule.id] = count


def to_check(data: SideData, th: Thresholds) -> np.ndarray:
    """Answers to check (:func:`.checks.answer_checks`; no pace in a batch file)."""
    plan = data.cplan.plan
    values = [data.scale(i) for i in plan.scale_items]
    if values:
        matrix = np.column_stack(values)
        seen = ~np.isnan(matrix)
        low = np.where(seen, matrix, np.inf).min(axis=1)
        high = np.where(seen, matrix, -np.inf).max(axis=1)
        out = (seen.sum(axis=1) >= th.straightline_items) & (low == high)
    else:
        out = np.zeros(data.n, dtype=bool)
    for rule in plan.subscale_rules:
        if rule.component not in COMPARED:
            continue
        forward = [data.keyed[i] for i, _lo, _hi, rev in rule.items if not rev]
        total, count = _nansum(forward, data.n)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count
        for item_id, _low, _high, reverse in rule.items:
            if reverse:
                keyed = data.keyed[item_id]
                with np.errstate(invalid="ignore"):
                    out |= (count >= 2) & (np.abs(keyed - mean) >= th.reverse_gap)
    return out


def _chosen(values: FormValues, item: str, code: Any) -> np.ndarray:
    """Per response of the form, whether ``code`` was ticked in the checklist ``item``."""
    found = values.chosen.get(item)
    if found is None:
        column = values.other.get(item) or [None] * len(values.rows)
        codes: dict[str, np.ndarray] = {}
        for r, ticked in enumerate(column):
            if isinstance(ticked, list):
                for c in ticked:
                    if c not in codes:
                        codes[c] = np.zeros(len(column), dtype=bool)
                    codes[c][r] = True
        found = values.chosen[item] = (codes, np.zeros(len(column), dtype=bool))
    return found[0].get(code, found[1])


def hits(data: SideData, th: Thresholds) -> list[tuple[Any, np.ndarray, np.ndarray]]:
    """Each hit source with whether it was hit and whether strongly, per visit."""
    out = []
    for src in data.cplan.sources:
        if src.option is None:
            raw = data.scale(src.item)
            keyed = (src.high + src.low) - raw if src.reverse else raw
            level = keyed - src.low + 1
            with np.errstate(invalid="ignore"):
                hit, strong = level >= th.marker_level, level >= th.strong_marker_level
        else:
            hit = _chosen(data.values, src.item, src.option)[data.rows]
            strong = np.zeros(data.n, dtype=bool)
        out.append((src, hit, strong))
    return out


def estimates(data: SideData) -> dict[str, Any]:
    """Per target: the mean of the scale estimates (NaN: none) or the chosen code."""
    out: dict[str, Any] = {}
    for target, (kind, items) in data.cplan.estimates.items():
        if kind == "scale":
            total, count = _nansum([data.scale(i) for i in items], data.n)
            with np.errstate(invalid="ignore", divide="ignore"):
                out[target] = total / count
        else:
            out[target] = data.choice(items[0])
    return out


def actual(origin: SideData, other: SideData, target: str) -> np.ndarray:
    """What the other's estimate of ``target`` is held against (:func:`.sides.estimated_actual`)."""
    guessed = other.cplan.plan.guesses.get(target)
    if guessed:
        total, count = _nansum([origin.scale(i) for i in guessed], origin.n)
        with np.errstate(invalid="ignore", divide="ignore"):
            return total / count
    value = origin.scores.get(target)
    return np.full(origin.n, np.nan) if value is None else value


def critical_table(th: Thresholds, most: int) -> np.ndarray:
    """``critical_discrepancy_for(p, d)`` for every pair of item counts up to ``most``."""
    table = np.empty((most + 1, most + 1))
    for p in range(most + 1):
        for d in range(most + 1):
            table[p, d] = th.critical_discrepancy_for(p, d)
    return table


def beyond_chance(
    p: np.ndarray, d: np.ndarray, p_items: np.ndarray, d_items: np.ndarray, offset: float, th
) -> tuple[np.ndarray, np.ndarray]:
    """``(adjusted, beyond)`` of :func:`.stats.discrepancy` for every visit."""
    most = int(max(p_items.max(initial=0), d_items.max(initial=0)))
    adjusted = (p - d) - offset
    critical = critical_table(th, most)[p_items, d_items]
    with np.errstate(invalid="ignore"):
        return adjusted, np.abs(adjusted) > critical


def lower_than_other(origin: SideData, other: SideData, sid: str, th: Thresholds) -> np.ndarray:
    """Visits where the origin rated ``sid`` beyond chance below the other."""
    mine, theirs = origin.scores.get(sid), other.scores.get(sid)
    if mine is None or theirs is None:
        return np.zeros(origin.n, dtype=bool)
    patient, physician = (origin, other) if origin.side == "patient" else (other, origin)
    adjusted, beyond = beyond_chance(
        patient.scores[sid], physician.scores[sid], patient.answered[sid],
        physician.answered[sid], th.expected_offset, th,
    )  # fmt: skip
    scored = ~np.isnan(mine) & ~np.isnan(theirs)
    above = adjusted > 0
    return scored & beyond & (~above if origin.side == "patient" else above)


def compared(patient: SideData, physician: SideData, th: Thresholds) -> dict[str, tuple]:
    """Per compared subscale, the difference per visit (unrounded; NaN where not scorable)
    and the beyond-chance cell (``yes``, ``no``, or empty where not tested)."""
    components = [
        {r.id: r.component for r in side.cplan.plan.subscale_rules} for side in (patient, physician)
    ]
    out: dict[str, tuple] = {}
    for name, _comp, p_sub, d_sub, offset in compared_subscales(*components):
        p, d = patient.scores[p_sub], physician.scores[d_sub]
        diff = p - d  # NaN where either is
        if p_sub in patient.cplan.plan.reciprocal or d_sub in physician.cplan.plan.reciprocal:
            out[name] = (diff, [""] * patient.n)
            continue
        counts = (patient.answered[p_sub], physician.answered[d_sub])
        expected = th.expected_offset if offset else 0.0
        _adjusted, beyond = beyond_chance(p, d, *counts, expected, th)
        cells = np.where(np.isnan(diff), "", np.where(beyond, "yes", "no")).tolist()
        out[name] = (diff, cells)
    return out


def agreement_high(origin: SideData, th: Thresholds) -> np.ndarray:
    """The origin's goals and tasks, those scored, all at the repair level (one at least)."""
    ok = np.ones(origin.n, dtype=bool)
    scored = np.zeros(origin.n, dtype=bool)
    for sid in AGREEMENT:
        value = origin.scores.get(sid)
        if value is None:
            continue
        seen = ~np.isnan(value)
        scored |= seen
        with np.errstate(invalid="ignore"):
            ok &= ~seen | (value >= th.repair_agreement_level)
    return ok & scored


def side_data(side: Side, form: Any, share: Share, rows: list[int], th: Thresholds) -> SideData:
    """One side of a group's visits, scored (``rows``: which of the form's responses)."""
    cplan = columnar_plan(form, tuple(th.core_subscales))
    index = np.array(rows, dtype=np.int64)
    data = SideData(side, cplan, share.forms[id(form)], index, len(index))
    score(data)
    return data


__all__ = ["TYPES", "SideData", "side_data"]
