"""A dyad over visits: series, rupture–repair episodes, drop alerts, convergence.

Full and brief forms share subscale ids and the 1..5 metric, so both feed one
series; but two visits are *compared* only on the items both answered (the
keyed item values each point carries), never a 7-item mean against one item.
An episode is a drop of one side's core score (bond, goals and tasks items
together) between consecutive visits of at least the lenient criterion (1 SD),
marked strict when it is also a reliable change for the items it rests on, and
repaired when the score comes back within one SEM of its level before the drop
within K visits (V-shaped pattern: Stiles et al. 2004; Strauss et al. 2006).
One rupture–repair event is one episode, whichever subscales and sides show it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dyade.analysis.change import Change, change_between, core_items, core_mean, drop_status
from dyade.analysis.stats import rounded, slope
from dyade.analysis.thresholds import Side, Thresholds

SIDES: tuple[Side, Side] = ("patient", "physician")
EPS = 1e-9


class VisitPoint(BaseModel):
    """One visit's per-subscale scores for both sides (None = not scorable or not filled)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    visit: int
    label: str | None = None
    use: str = "full"
    patient: dict[str, float | None] = Field(default_factory=dict)
    physician: dict[str, float | None] = Field(default_factory=dict)
    # side -> core subscale -> item -> keyed value; empty when only means are known
    keyed: dict[str, dict[str, dict[str, float]]] = Field(default_factory=dict)

    def core(self, side: Side, th: Thresholds) -> tuple[float | None, dict[str, float]]:
        """The side's core score (mean of its bond, goals and tasks) and its items."""
        return core_mean(getattr(self, side), th.core_subscales), core_items(
            self.keyed.get(side, {}), th.core_subscales
        )

    @classmethod
    def from_analysis(cls, analysis: Any, visit: int, label: str | None = None) -> VisitPoint:
        """From a VisitAnalysis or its ``to_dict()``; a side that has not answered
        contributes no values."""
        if hasattr(analysis, "scores"):
            present = analysis.patient or analysis.physician
            kept = [s for s in SIDES if s not in _sides_to_check(analysis.flags)]
            # the analysis' values are already checked: built without validating them again
            return cls.model_construct(
                visit=visit,
                label=label,
                use=present.use,
                patient=analysis.scores("patient") if "patient" in kept else {},
                physician=analysis.scores("physician") if "physician" in kept else {},
                keyed={side: analysis.keyed(side) for side in kept},
            )
        checked = _sides_to_check(analysis.get("flags") or [])
        sides = {side: {} if side in checked else analysis.get(side) or {} for side in SIDES}
        present = sides["patient"] or sides["physician"]
        return cls(
            visit=visit,
            label=label,
            use=present.get("use", "full"),
            **{
                side: {k: v["value"] for k, v in data.get("scores", {}).items()}
                for side, data in sides.items()
            },
            keyed={
                side: {k: v["keyed"] for k, v in data.get("scores", {}).items() if v.get("keyed")}
                for side, data in sides.items()
            },
        )


def _sides_to_check(flags: Sequence[Any]) -> set[str]:
    """Sides whose answers are to check (same answer throughout, contradictions, too fast):
    their scores that visit are no evidence of a drop, so they carry no trend or episode."""
    found = set()
    for flag in flags:
        kind, origin = (
            (flag.get("kind"), flag.get("origin"))
            if isinstance(flag, Mapping)
            else (flag.kind, flag.origin)
        )
        if kind == "answers_to_check" and origin:
            found.add(origin)
    return found


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    visit: int
    label: str | None
    use: str
    value: float | None


@dataclass(frozen=True, slots=True)
class Episode:
    """A drop between two visits and what followed: one rupture–repair event.

    ``side`` and ``subscale`` name the largest drop; ``sides`` and ``subscales``
    everything that dropped with it; ``items`` how many items it rests on.
    """

    side: str
    subscale: str
    before_visit: int
    visit: int
    before: float
    after: float
    drop: float
    strict: bool
    status: Literal["repaired", "unresolved"]
    recovered_visit: int | None = None
    window_closed: bool = False
    sides: tuple[str, ...] = ()
    subscales: tuple[str, ...] = ()
    items: int | None = None


@dataclass(frozen=True, slots=True)
class DropAlert:
    """SRS-style alert: a brief visit's core score below the previous visit's by the
    SRS drop rule scaled to 1..5; ``reliable`` False means "to confirm"."""

    side: str
    subscale: str
    from_visit: int
    to_visit: int
    before: float
    after: float
    drop: float
    items: int | None = None
    reliable: bool = False


class Convergence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Literal["converging", "diverging", "stable", "insufficient"]
    slope: float | None = None
    gaps: list[tuple[int, float]] = Field(default_factory=list)


class DyadHistory(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    visits: list[int]
    series: dict[str, dict[str, list[SeriesPoint]]]
    episodes: list[Episode]
    drop_alerts: list[DropAlert]
    convergence: Convergence

    @property
    def unresolved(self) -> list[Episode]:
        return [e for e in self.episodes if e.status == "unresolved"]

    @property
    def current_alerts(self) -> list[DropAlert]:
        """Alerts raised at the latest visit."""
        last = self.visits[-1] if self.visits else None
        return [a for a in self.drop_alerts if a.to_visit == last]

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DyadHistory:
        return cls.model_validate(dict(data))


def _series(visits: Sequence[VisitPoint]) -> dict[str, dict[str, list[SeriesPoint]]]:
    out: dict[str, dict[str, list[SeriesPoint]]] = {side: {} for side in SIDES}
    for side in SIDES:
        scores = [(v.visit, v.label, v.use, getattr(v, side)) for v in visits]
        names = sorted({sid for *_, values in scores for sid in values})
        for sid in names:
            out[side][sid] = [
                SeriesPoint(visit, label, use, values.get(sid))
                for visit, label, use, values in scores
            ]
    return out


def _change(a: VisitPoint, b: VisitPoint, side: Side, th: Thresholds) -> Change | None:
    before, before_items = a.core(side, th)
    after, after_items = b.core(side, th)
    return change_between(before, before_items, after, after_items)


def _dropped(a: VisitPoint, b: VisitPoint, side: Side, th: Thresholds) -> tuple[str, ...]:
    """The core subscales that went down between the two visits, largest drop first."""
    drops = []
    for sid in th.core_subscales:
        change = change_between(
            getattr(a, side).get(sid),
            a.keyed.get(side, {}).get(sid),
            getattr(b, side).get(sid),
            b.keyed.get(side, {}).get(sid),
        )
        if change is not None and change.drop > EPS:
            drops.append((-change.drop, sid))
    return tuple(sid for _, sid in sorted(drops))


def _recovery(points: list[VisitPoint], start: int, side: Side, th: Thresholds) -> int | None:
    """The first of the next K visits back within the recovery margin of the pre-drop level."""
    before = points[start - 1]
    for j in range(start + 1, min(len(points), start + th.recovery_visits + 1)):
        change = _change(before, points[j], side, th)
        if change is not None and change.drop <= th.recovery_sem * th.sem(side, change.items):
            return j
    return None


def _episode_at(points: list[VisitPoint], i: int, side: Side, th: Thresholds) -> Episode | None:
    change = _change(points[i - 1], points[i], side, th)
    if change is None or change.items == 1 or change.drop < th.lenient_drop(side) - EPS:
        return None  # a one-item change is only "to confirm" (see the drop alerts)
    j = _recovery(points, i, side, th)
    dropped = _dropped(points[i - 1], points[i], side, th) or ("bond",)
    return Episode(
        side=side, subscale=dropped[0], before_visit=points[i - 1].visit,
        visit=points[i].visit, before=rounded(change.before), after=rounded(change.after),
        drop=rounded(change.drop), strict=drop_status(th, side, change) == "reliable",
        status="repaired" if j is not None else "unresolved",
        recovered_visit=points[j].visit if j is not None else None,
        window_closed=j is None and len(points) - 1 - i >= th.recovery_visits,
        sides=(side,), subscales=dropped, items=change.items,
    )  # fmt: skip


def _episodes_of(side: Side, visits: Sequence[VisitPoint], th: Thresholds) -> list[Episode]:
    points = [v for v in visits if v.core(side, th)[0] is not None]
    out, i = [], 1
    while i < len(points):
        episode = _episode_at(points, i, side, th)
        if episode is None:
            i += 1
            continue
        out.append(episode)
        if episode.status == "repaired":
            i = next(k for k, p in enumerate(points) if p.visit == episode.recovered_visit) + 1
        elif episode.window_closed:
            i += th.recovery_visits + 1
        else:
            break
    return out


def _one_per_event(episodes: list[Episode]) -> list[Episode]:
    """Both sides dropping at the same visit is one event: keep the larger drop,
    naming every side and subscale that dropped with it."""
    by_event: dict[tuple[int, int], Episode] = {}
    for ep in sorted(episodes, key=lambda e: -e.drop):
        key = (ep.before_visit, ep.visit)
        first = by_event.get(key)
        if first is None:
            by_event[key] = ep
            continue
        subscales = first.subscales + tuple(s for s in ep.subscales if s not in first.subscales)
        by_event[key] = replace(
            first,
            sides=first.sides + ep.sides,
            subscales=subscales,
            strict=first.strict or ep.strict,
            status="unresolved" if "unresolved" in (first.status, ep.status) else "repaired",
        )
    return sorted(by_event.values(), key=lambda e: (e.visit, e.side))


def _alerts(visits: Sequence[VisitPoint], th: Thresholds) -> list[DropAlert]:
    out = []
    for prev, cur in pairwise(visits):
        if cur.use != "brief":
            continue
        for side in SIDES:
            change = _change(prev, cur, side, th)
            if change is None or change.drop < th.drop_alert - EPS:
                continue
            dropped = _dropped(prev, cur, side, th) or ("bond",)
            out.append(
                DropAlert(
                    side=side, subscale=dropped[0], from_visit=prev.visit, to_visit=cur.visit,
                    before=rounded(change.before), after=rounded(change.after),
                    drop=rounded(change.drop), items=change.items,
                    reliable=drop_status(th, side, change) == "reliable",
                )
            )  # fmt: skip
    return out


def dyad_gap(point: VisitPoint, th: Thresholds) -> float | None:
    """Mean patient-minus-physician difference on the core subscales, offset removed."""
    pairs = [(point.patient.get(sid), point.physician.get(sid)) for sid in th.core_subscales]
    diffs = [p - d for p, d in pairs if p is not None and d is not None]
    return sum(diffs) / len(diffs) - th.expected_offset if diffs else None


def _convergence(visits: Sequence[VisitPoint], th: Thresholds) -> Convergence:
    gaps = [(v.visit, g) for v in visits if (g := dyad_gap(v, th)) is not None]
    out_gaps = [(v, rounded(g)) for v, g in gaps]
    if len(gaps) < th.convergence_min_visits:
        return Convergence(status="insufficient", gaps=out_gaps)
    trend = slope([(float(v), abs(g)) for v, g in gaps])
    if trend is None:
        return Convergence(status="insufficient", gaps=out_gaps)
    status = "stable"
    if trend <= -th.convergence_slope:
        status = "converging"
    elif trend >= th.convergence_slope:
        status = "diverging"
    return Convergence(status=status, slope=rounded(trend), gaps=out_gaps)


def analyse_history(
    visits: Sequence[VisitPoint], *, thresholds: Thresholds | None = None
) -> DyadHistory:
    """Trajectories and episodes of one dyad, visits in any order."""
    th = thresholds or Thresholds()
    ordered = sorted(visits, key=lambda v: v.visit)
    series = _series(ordered)
    episodes = [e for side in SIDES for e in _episodes_of(side, ordered, th)]
    return DyadHistory(
        visits=[v.visit for v in ordered],
        series=series,
        episodes=_one_per_event(episodes),
        drop_alerts=_alerts(ordered, th),
        convergence=_convergence(ordered, th),
    )
