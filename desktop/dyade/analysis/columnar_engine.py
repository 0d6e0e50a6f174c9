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

from dyade.analysis.columnar_flags import SideFacts, flag_columns
from dyade.analysis.columnar_history import SideHistory, dyad_rows
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
from dyade.analysis.mismatch import _stage_index
from dyade.analysis.sides import STAGES
from dyade.analysis.thresholds import Side, Thresholds
from dyade.csv_dialect import neutral
from dyade.vocabulary import FLAG_KINDS

COMPARED = ("general", "specific")


def _rounded(values: np.ndarray, empty: Any = "", text: bool = True) -> list[Any]:
    """Each value's CSV cell as the reference writes it: ``round(v, 3)`` (Python's, on
    each distinct value; its ``repr`` with ``text``), ``empty`` for NaN (not scorable)."""
    unique, back = np.unique(values, return_inverse=True)
    cells = np.array(
        [
            (repr(r) if text else r) if r == r else empty
            for r in (round(v, 3) for v in unique.tolist())
        ]
        + [empty],
        dtype=object,
    )
    return cells[back.reshape(-1)].tolist()


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
    own, seen = (np.column_stack(counts[about]) for about in ("self", "other"))
    return own, seen, unheard


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
    return registered, high, wide, _bits(estimated_low, n, th)


def _bits(bits: list[tuple[str, np.ndarray]], n: int, th: Thresholds) -> np.ndarray:
    """One column per core subscale (in core order): the bit set, or False."""
    out = np.zeros((n, len(th.core_subscales)), dtype=bool)
    for sid, bit in bits:
        out[:, th.core_subscales.index(sid)] = bit
    return out


def _strain(data: SideData, th: Thresholds) -> tuple[np.ndarray, np.ndarray]:
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
    return _bits(low, data.n, th), deep


def _choice_target(data: SideData, ests: dict[str, Any], target: str) -> list[Any]:
    value = ests.get(target)
    return value if isinstance(value, list) else [None] * data.n


def _codes(values: list[Any], codes: dict[str, int]) -> np.ndarray:
    """Each chosen code as an integer (the same for the same code), -1 for none."""
    return np.array([-1 if v is None else codes.setdefault(v, len(codes)) for v in values])


def fill_facts(
    out: SideFacts, pos: np.ndarray, data: SideData, other: SideData, codes: dict, th: Thresholds
) -> None:
    """The facts of ``data`` as origin at the visits ``pos`` (its drops are filled later)."""
    mine, theirs = estimates(data), estimates(other)
    out.check[pos] = to_check(data, th)
    out.low[pos], out.deep[pos] = _strain(data, th)
    out.own[pos], out.seen[pos], out.unheard[pos] = _hit_counts(data, other, th)
    out.agreement[pos] = agreement_high(data, th)
    by_estimate = _by_estimate(data, other, theirs, th)
    out.registered[pos], out.high[pos], out.wide[pos], out.estimated_low[pos] = by_estimate
    lower = [(s, lower_than_other(data, other, s, th)) for s in th.core_subscales]
    out.lower[pos] = _bits(lower, data.n, th)
    out.goal[pos] = _codes(data.choice(data.cplan.plan.goal_item), codes)
    out.guess[pos] = _codes(_choice_target(data, mine, "main_goal"), codes)


_STAGE_INDEX: dict[tuple[str, tuple[str, ...]], int] = {}


def _stage_indexes(codes: list[Any], order: tuple[str, ...]) -> list[int]:
    out = []
    for c in codes:
        if c is None:
            out.append(-1)
            continue
        index = _STAGE_INDEX.get((c, order))
        if index is None:
            found = _stage_index(c, order)
            index = _STAGE_INDEX[c, order] = -1 if found is None else found
        out.append(index)
    return out


def stages(p: SideData, d: SideData) -> tuple[list[int], list[int]]:
    """Per visit, the patient's own stage and the physician's estimate, as indexes in their
    orders (:func:`.mismatch._stage_index`; -1: none or not a stage)."""
    plan, dplan = p.cplan.plan, d.cplan.plan
    own_order = plan.stage_order.get(plan.stage_item or "", STAGES)
    kind, items = d.cplan.estimates.get("stage", ("scale", [""]))
    guessed = d.choice(items[0]) if kind == "choice" else [None] * d.n
    order = dplan.stage_order.get(items[0], STAGES)
    return _stage_indexes(p.choice(plan.stage_item), own_order), _stage_indexes(guessed, order)


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

    def dropped(self, side: Side, prev: np.ndarray, th: Thresholds) -> np.ndarray:
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
        return _bits(bits, self.n, th)

    def items(self, side: Side) -> list[dict[str, float]]:
        ids = list(self.ids.get((side, None), {}))
        rows = self.values[side, None].tolist() if ids else [[]] * self.n
        return [{ids[j]: v for j, v in enumerate(row) if v == v} for row in rows]


def side_plan(form: Any, th: Thresholds) -> Any:
    return columnar_plan(form, tuple(th.core_subscales))


def _score_cells(p: SideData, d: SideData, layout: Layout, th: Thresholds) -> list[tuple]:
    """Per visit, the score, difference and beyond-chance cells, in the output's order."""
    columns: list[list[Any]] = []
    empty = [""] * p.n
    for sid in layout.subscales:
        for data in (p, d):
            value = data.scores.get(sid)
            columns.append(_rounded(value) if value is not None else empty)
    found = compared(p, d, th)
    for name in layout.compared:
        diff, beyond = found.get(name, (None, empty))
        columns += [empty if diff is None else _rounded(diff), beyond]
    return list(zip(*columns, strict=True))


def _groups(share: Share) -> dict[tuple[int, int], list[int]]:
    out: dict[tuple[int, int], list[int]] = {}
    for k, visit in enumerate(share.visits):
        out.setdefault((id(visit.patient[0]), id(visit.physician[0])), []).append(k)
    return out


def analyse_share(share: Share, layout: Layout, th: Thresholds, sep: str) -> dict[str, tuple]:
    """Each columnar dyad's CSV text as a writer in ``sep`` writes it: ``(visit rows, dyad
    row, how many visits)``."""
    visits, n = share.visits, len(share.visits)
    forms = [values.form for values in share.forms.values()]
    matrices = _Columns(n, forms, th)
    core = len(th.core_subscales)
    facts = {"patient": SideFacts(n, core), "physician": SideFacts(n, core)}
    cells: list[Any] = [None] * n
    stage = (np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64))
    codes: dict[str, int] = {}
    for ks in _groups(share).values():
        pos = np.array(ks, dtype=np.int64)
        first = visits[ks[0]]
        p = side_data("patient", first.patient[0], share, [visits[k].patient[1] for k in ks], th)
        d = side_data(
            "physician", first.physician[0], share, [visits[k].physician[1] for k in ks], th
        )
        for data, other in ((p, d), (d, p)):
            fill_facts(facts[data.side], pos, data, other, codes, th)
            matrices.fill(data, pos)
        for k, row in zip(ks, _score_cells(p, d, layout, th), strict=True):
            cells[k] = row
        stage[0][pos], stage[1][pos] = stages(p, d)
    prev = np.array(
        [k - 1 if k and visits[k - 1].dyad == v.dyad else -1 for k, v in enumerate(visits)],
        dtype=np.int64,
    )
    for side, found in facts.items():
        found.dropped = matrices.dropped(side, prev, th)  # type: ignore[arg-type]
    flags = flag_columns(facts["patient"], facts["physician"], stage, th)
    return _render(share, th, facts, cells, flags, matrices, sep)


def _history(matrices: _Columns, side: Side, kept: np.ndarray) -> SideHistory:
    """The side's keyed core items and rounded core scores, none where it is to check."""
    items = matrices.values.get((side, None), np.full((matrices.n, 0), np.nan))
    scores = [
        np.array(_rounded(matrices.scores[side, sid], np.nan, text=False)) for sid in matrices.core
    ]
    table = np.column_stack(scores) if scores else np.full((matrices.n, 0), np.nan)
    hidden = ~kept[:, None]
    return SideHistory(np.where(hidden, np.nan, items), np.where(hidden, np.nan, table))


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


def _quoted(texts: list[Any], sep: str) -> list[str]:
    """Each text cell as a CSV writer writes it (neutralised as
    :class:`.csv_dialect.NeutralWriter` does, quoted where it must be), once per text."""
    safe = {}
    for text in set(texts):
        cell = neutral(text)
        if any(c in cell for c in (sep, '"', "\r", "\n")):
            cell = '"' + cell.replace('"', '""') + '"'
        safe[text] = cell
    return [safe[text] for text in texts]


def _render(share: Share, th: Thresholds, facts, cells, flags, matrices, sep: str):
    visits = share.visits
    fixed = [
        _quoted([v.dyad for v in visits], sep),
        _quoted([v.visit for v in visits], sep),
        _quoted([v.date for v in visits], sep),
        _quoted([v.patient[0].id for v in visits], sep),
        _quoted([v.physician[0].id for v in visits], sep),
    ]
    tail = [[str(x) for x in col] for col in flags[:-2]]
    tail += [_quoted(flags[-2], sep), [str(x) for x in flags[-1]]]
    lines = [
        sep.join(head + scores + end)
        for head, scores, end in zip(zip(*fixed), cells, zip(*tail), strict=True)  # noqa: B905
    ]
    names: dict[str, int] = {}
    dyad = np.array([names.setdefault(v.dyad, len(names)) for v in visits], dtype=np.int64)
    uses = {id(f.form): side_plan(f.form, th).plan.use == "brief" for f in share.forms.values()}
    brief = np.array([uses[id(v.patient[0])] for v in visits], dtype=bool)
    sides = {side: _history(matrices, side, ~facts[side].check) for side in facts}
    found = dyad_rows(_quoted(list(names), sep), dyad, brief, sides, flags[-1], th)
    out: dict[str, tuple[str, str, int]] = {}
    start = 0
    for name, row in zip(names, found, strict=True):
        end = start + row[1]
        text = "\r\n".join(lines[start:end]) + "\r\n"
        row_text = sep.join(x if isinstance(x, str) else repr(x) for x in row) + "\r\n"
        out[name] = (text, row_text, end - start)
        start = end
    return out
