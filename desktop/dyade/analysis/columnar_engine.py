"""The columnar batch path: a share of dyads read, analysed and rendered as CSV cells.

Visits are grouped by their pair of forms; each group's rules run vectorised
(:mod:`.columnar_rules`), then each visit's flags (:mod:`.columnar_flags`) and
each dyad's history (:mod:`.columnar_history`) are worked out from those facts.
What comes out is what :class:`.batch_stream.CsvSink` renders for a dyad, cell
for cell, so the reference path and this one write the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dyade.analysis.batch_output import _csv_cell
from dyade.analysis.columnar_flags import Facts, Stage, rank, visit_flags
from dyade.analysis.columnar_history import Point, dyad_cells
from dyade.analysis.columnar_plan import columnar_plan
from dyade.analysis.columnar_read import Share
from dyade.analysis.columnar_rules import (
    TYPES,
    SideData,
    actual,
    agreement_high,
    compared,
    estimates,
    hits,
    lower_than_other,
    side_data,
    to_check,
)
from dyade.analysis.sides import STAGES
from dyade.analysis.thresholds import Side, Thresholds
from dyade.vocabulary import FLAG_KINDS, NOTHING_RANK

COMPARED = ("general", "specific")
_ROUND: dict[float, float] = {}


def _rounded(values: list[float]) -> list[Any]:
    """``round(v, 3)`` per value (None for NaN), as :func:`.stats.rounded` writes it."""
    out: list[Any] = []
    for v in values:
        if v != v:
            out.append(None)
            continue
        r = _ROUND.get(v)
        if r is None:
            if len(_ROUND) > 100_000:
                _ROUND.clear()
            r = _ROUND[v] = round(v, 3)
        out.append(r)
    return out


@dataclass(slots=True)
class Layout:
    """The output's subscale and compared-subscale columns (:func:`.batch_output.form_columns`)."""

    subscales: list[str]
    compared: list[str]


def _hit_counts(data: SideData, other: SideData, th: Thresholds):
    """Per about: interpersonal w/c, emotional w/c, relational w/c, strong; and unheard."""
    counts = {
        about: [np.zeros(data.n, dtype=np.int64) for _ in range(7)] for about in ("self", "other")
    }
    mine, theirs = hits(data, th), hits(other, th)
    unheard = np.zeros(data.n, dtype=np.int64)
    mirrors = data.cplan.plan.mirrors
    for src, hit, strong in mine:
        row = counts[src.about]
        t = TYPES.index(src.type)
        row[t if src.family == "interpersonal" else 2 + t] += hit
        if src.family == "emotional" and src.relational:
            row[4 + t] += hit
        row[6] += hit & strong
        if src.about == "self" and src.type == "confrontation":
            heard = np.zeros(data.n, dtype=bool)
            mirror = mirrors.get(src.item)
            for other_src, other_hit, _ in theirs:
                if (
                    other_src.item == mirror
                    and other_src.about == "other"
                    and other_src.type == src.type
                ):
                    heard |= other_hit
            bad = hit & ~heard if src.family == "interpersonal" else hit
            unheard += bad
    own = list(zip(*(c.tolist() for c in counts["self"]), strict=True))
    seen = list(zip(*(c.tolist() for c in counts["other"]), strict=True))
    return own, seen, unheard.tolist()


def _by_estimate(origin: SideData, other: SideData, theirs: dict[str, Any], th: Thresholds):
    """What the other's scale estimates registered of the origin: registered, too high
    (how many), one of them by 1.5 points or more, and the core subscales estimated low."""
    n, cutoff = origin.n, th.low_cutoff(origin.side)
    registered, wide = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    high = np.zeros(n, dtype=np.int64)
    components = {r.id: r.component for r in origin.cplan.plan.subscale_rules}
    estimated_low = []
    for target, estimate in theirs.items():
        if not isinstance(estimate, np.ndarray):
            continue  # a choice: never a number
        with np.errstate(invalid="ignore"):
            if target in th.core_subscales:
                estimated_low.append((target, ~np.isnan(estimate) & (estimate <= cutoff)))
            if components.get(target) not in COMPARED:
                continue
            real = actual(origin, other, target)
            error = estimate - real
            known = ~np.isnan(estimate) & ~np.isnan(real)
            registered |= known & (estimate <= cutoff) & (error <= th.estimate_tolerance)
            too_high = known & (np.abs(error) > th.estimate_tolerance) & (estimate > real)
            too_high &= estimate >= cutoff
            high += too_high
            wide |= too_high & (error >= 1.5)
    return registered.tolist(), high.tolist(), wide.tolist(), _sids(estimated_low, n, th)


def _sids(bits: list[tuple[str, np.ndarray]], n: int, th: Thresholds) -> list[tuple[str, ...]]:
    """Per visit, the core subscales (in core order) whose bit is set."""
    order = {sid: k for k, sid in enumerate(th.core_subscales)}
    bits = sorted(bits, key=lambda b: order[b[0]])
    if not bits:
        return [()] * n
    names = [sid for sid, _ in bits]
    rows = zip(*(b.tolist() for _, b in bits), strict=True)
    return [tuple(s for s, on in zip(names, row, strict=True) if on) for row in rows]


def _strain(data: SideData, th: Thresholds) -> tuple[list, list]:
    """Per visit, the low core subscales and whether one is deep below the cutoff."""
    cutoff = th.low_cutoff(data.side)
    deep_at = cutoff - th.sd(data.side)
    low, deep = [], np.zeros(data.n, dtype=bool)
    for sid in th.core_subscales:
        value = data.scores.get(sid)
        if value is None:
            continue
        with np.errstate(invalid="ignore"):
            low.append((sid, value < cutoff))
            deep |= value < deep_at
    return _sids(low, data.n, th), deep.tolist()


def _choice_target(data: SideData, ests: dict[str, Any], target: str) -> list[Any]:
    value = ests.get(target)
    return value if isinstance(value, list) else [None] * data.n


def side_facts(data: SideData, other: SideData, th: Thresholds) -> list[tuple]:
    """Per visit, the :class:`Facts` of ``data`` as origin, but its drops (known later)."""
    mine, theirs = estimates(data), estimates(other)
    check = to_check(data, th).tolist()
    low, deep = _strain(data, th)
    own, seen, unheard = _hit_counts(data, other, th)
    agreement = agreement_high(data, th).tolist()
    registered, high, wide, estimated_low = _by_estimate(data, other, theirs, th)
    lower = _sids(
        [(s, lower_than_other(data, other, s, th)) for s in th.core_subscales], data.n, th
    )
    goal = data.choice(data.cplan.plan.goal_item)
    guess = _choice_target(data, mine, "main_goal")
    return list(
        zip(
            check, low, deep, own, seen, unheard, agreement, registered, high, wide,
            estimated_low, lower, goal, guess, strict=True,
        )
    )  # fmt: skip


def stages(p: SideData, d: SideData) -> list[Stage]:
    """Per visit, the patient's stage and the physician's estimate of it."""
    plan, dplan = p.cplan.plan, d.cplan.plan
    own_order = plan.stage_order.get(plan.stage_item or "", STAGES)
    kind, items = d.cplan.estimates.get("stage", ("scale", [""]))
    guessed = d.choice(items[0]) if kind == "choice" else [None] * d.n
    order = dplan.stage_order.get(items[0], STAGES)
    actual_stage = p.choice(plan.stage_item)
    return [Stage(a, own_order, e, order) for a, e in zip(actual_stage, guessed, strict=True)]


def facts(partial: tuple, side: str, dropped: tuple[str, ...]) -> Facts:
    (
        check,
        low,
        deep,
        own,
        seen,
        unheard,
        agreement,
        registered,
        high,
        wide,
        est_low,
        lower,
        goal,
        guess,
    ) = partial
    return Facts(
        side, check, low, deep, dropped, own, seen, unheard, agreement, registered, high,
        wide, est_low, lower, goal, guess,
    )  # fmt: skip


def flag_cells(flags: list) -> list[Any]:
    """Counts per kind, the highest severity, the compact flags and the visit's rank."""
    kinds = [f[0] for f in flags]
    compact = ";".join(":".join("-" if x is None else str(x) for x in f) for f in flags)
    return [
        *(kinds.count(k) for k in FLAG_KINDS),
        max((f[4] for f in flags), default=0),
        compact,
        min((rank(f) for f in flags), default=NOTHING_RANK),
    ]


class _Columns:
    """Share-wide matrices of keyed item values, one column per item id seen: per side
    and core subscale (drops since the last visit) and per side (the core items)."""

    def __init__(self, n: int, forms: list[Any], th: Thresholds) -> None:
        self.n, self.core = n, tuple(th.core_subscales)
        self.ids: dict[tuple[str, str | None], dict[str, int]] = {}
        for form in forms:
            cplan = side_plan(form, th)
            side = cplan.plan.respondent
            for sid in self.core:
                for item in cplan.plan.subscale_items.get(sid, ()):
                    self.ids.setdefault((side, sid), {}).setdefault(item, len(self.ids[side, sid]))
            for item in cplan.core_items:
                self.ids.setdefault((side, None), {}).setdefault(item, len(self.ids[side, None]))
        self.values = {key: np.full((n, len(ids)), np.nan) for key, ids in self.ids.items()}
        self.scores = {
            (s, sid): np.full(n, np.nan) for s in ("patient", "physician") for sid in self.core
        }

    def fill(self, data: SideData, pos: np.ndarray) -> None:
        plan = data.cplan.plan
        for sid in self.core:
            value = data.scores.get(sid)
            if value is not None:
                self.scores[data.side, sid][pos] = value
            ids = self.ids.get((data.side, sid), {})
            for item in plan.subscale_items.get(sid, ()):
                self.values[data.side, sid][pos, ids[item]] = data.keyed[item]
        ids = self.ids.get((data.side, None), {})
        for item in data.cplan.core_items:
            self.values[data.side, None][pos, ids[item]] = data.keyed[item]

    def dropped(self, side: Side, prev: np.ndarray, th: Thresholds) -> list[tuple[str, ...]]:
        """Per visit, the core subscales that dropped reliably on the items shared with the
        dyad's previous visit (:func:`.signals.strain_of`)."""
        bits = []
        has = (prev >= 0)[:, None]
        for sid in self.core:
            now = self.values.get((side, sid))
            if now is None:
                continue
            before = now[np.maximum(prev, 0)]
            shared = has & ~np.isnan(now) & ~np.isnan(before)
            count = shared.sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                drop = np.where(shared, before, 0.0).sum(axis=1) / count - (
                    np.where(shared, now, 0.0).sum(axis=1) / count
                )
            most = int(count.max(initial=0))
            limit = np.array([th.reliable_change(side, k) - 1e-9 for k in range(most + 1)])
            with np.errstate(invalid="ignore"):
                reliable = (count >= 2) & (drop >= limit[count])
            bits.append((sid, reliable & ~np.isnan(self.scores[side, sid])))
        return _sids(bits, self.n, th)

    def items(self, side: Side) -> list[dict[str, float]]:
        ids = list(self.ids.get((side, None), {}))
        rows = self.values[side, None].tolist() if ids else [[]] * self.n
        return [{ids[j]: v for j, v in enumerate(row) if v == v} for row in rows]


def side_plan(form: Any, th: Thresholds) -> Any:
    return columnar_plan(form, tuple(th.core_subscales))


def _score_cells(p: SideData, d: SideData, layout: Layout, th: Thresholds) -> list[tuple]:
    """Per visit, the score, difference and beyond-chance cells, in the output's order."""
    columns: list[list[Any]] = []
    for sid in layout.subscales:
        for data in (p, d):
            value = data.scores.get(sid)
            columns.append(_rounded(value.tolist()) if value is not None else [None] * p.n)
    found = compared(p, d, th)
    for name in layout.compared:
        pairs = found.get(name)
        if pairs is None:
            columns += [[None] * p.n, [None] * p.n]
            continue
        diffs = [x for x, _ in pairs]
        columns.append(_rounded([np.nan if x is None else x for x in diffs]))
        columns.append([b for _, b in pairs])
    return list(zip(*([_csv_cell(v) for v in col] for col in columns), strict=True))


def _groups(share: Share) -> dict[tuple[int, int], list[int]]:
    out: dict[tuple[int, int], list[int]] = {}
    for k, visit in enumerate(share.visits):
        out.setdefault((id(visit.patient[0]), id(visit.physician[0])), []).append(k)
    return out


def analyse_share(share: Share, layout: Layout, th: Thresholds) -> dict[str, tuple]:
    """Each columnar dyad's rendered outcome: ``((header, visit rows), (header, [dyad row]))``."""
    visits, n = share.visits, len(share.visits)
    forms = [values.form for values in share.forms.values()]
    matrices = _Columns(n, forms, th)
    partial: dict[str, list[Any]] = {"patient": [None] * n, "physician": [None] * n}
    cells: list[Any] = [None] * n
    stage: list[Any] = [None] * n
    for ks in _groups(share).values():
        pos = np.array(ks, dtype=np.int64)
        first = visits[ks[0]]
        p = side_data("patient", first.patient[0], share, [visits[k].patient[1] for k in ks], th)
        d = side_data(
            "physician", first.physician[0], share, [visits[k].physician[1] for k in ks], th
        )
        for data, other in ((p, d), (d, p)):
            for k, value in zip(ks, side_facts(data, other, th), strict=True):
                partial[data.side][k] = value
            matrices.fill(data, pos)
        for k, row, st in zip(ks, _score_cells(p, d, layout, th), stages(p, d), strict=True):
            cells[k], stage[k] = row, st
    prev = np.array(
        [k - 1 if k and visits[k - 1].dyad == v.dyad else -1 for k, v in enumerate(visits)],
        dtype=np.int64,
    )
    return _render(share, layout, th, partial, cells, stage, matrices, prev)


def _core_values(matrices: _Columns, side: Side) -> list[tuple]:
    columns = [_rounded(matrices.scores[side, sid].tolist()) for sid in matrices.core]
    return list(zip(*columns, strict=True)) if columns else [()] * matrices.n


VISIT_FIXED = ["dyad", "visit", "date", "patient_form", "physician_form"]
DYAD_HEADER = [
    "dyad", "visits", "episodes_repaired", "episodes_unresolved", "episodes_strict",
    "drop_alerts", "current_alert", "convergence", "convergence_slope", "attention_rank",
]  # fmt: skip


def visit_header(layout: Layout) -> list[str]:
    """The visits file's columns (:func:`.batch_output.visit_row`'s keys)."""
    header = list(VISIT_FIXED)
    for sid in layout.subscales:
        header += [f"patient_{sid}", f"physician_{sid}"]
    for sid in layout.compared:
        header += [f"diff_{sid}", f"beyond_{sid}"]
    return [*header, *FLAG_KINDS, "max_severity", "flags", "attention_rank"]


def _render(share, layout, th, partial, cells, stage, matrices, prev) -> dict[str, tuple]:
    sides: tuple[Side, Side] = ("patient", "physician")
    dropped = {side: matrices.dropped(side, prev, th) for side in sides}
    values = {side: _core_values(matrices, side) for side in sides}
    items = {side: matrices.items(side) for side in sides}
    header = visit_header(layout)
    out: dict[str, tuple] = {}
    rows: list[list[Any]] = []
    points: list[Point] = []
    last_rank = 0
    for k, visit in enumerate(share.visits):
        p = facts(partial["patient"][k], "patient", dropped["patient"][k])
        d = facts(partial["physician"][k], "physician", dropped["physician"][k])
        flags = flag_cells(visit_flags(p, d, stage[k], th))
        pform, dform = visit.patient[0], visit.physician[0]
        rows.append([visit.dyad, visit.visit, visit.date, pform.id, dform.id, *cells[k], *flags])
        last_rank = flags[-1]
        kept = {"patient": not p.check, "physician": not d.check}
        points.append(
            Point(
                side_plan(pform, th).plan.use,
                {s: values[s][k] if kept[s] else None for s in sides},
                {s: items[s][k] if kept[s] else None for s in sides},
            )
        )
        if k + 1 == len(share.visits) or share.visits[k + 1].dyad != visit.dyad:
            dyad_row = dyad_cells(visit.dyad, points, last_rank, th)
            out[visit.dyad] = ((header, rows), (DYAD_HEADER, [dyad_row]))
            rows, points = [], []
    return out
