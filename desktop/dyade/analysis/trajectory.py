"""A dyad over visits: series, rupture–repair episodes, drop alerts, convergence.

Works on per-visit subscale scores only (full and brief forms share subscale
ids and the 1..5 metric, so both contribute to one series). An episode is a
drop between consecutive visits of at least the lenient criterion (1 SD),
marked strict when it also passes the reliable-change criterion, and repaired
when the score comes back within one SEM of its level before the drop within
K visits (V-shaped pattern: Stiles et al. 2004; Strauss et al. 2006).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dyade.analysis.stats import rounded, slope
from dyade.analysis.thresholds import Thresholds

SIDES: tuple[str, str] = ("patient", "physician")


class VisitPoint(BaseModel):
    """One visit's per-subscale scores for both sides (None = not scorable or not filled)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    visit: int
    label: str | None = None
    use: str = "full"
    patient: dict[str, float | None] = Field(default_factory=dict)
    physician: dict[str, float | None] = Field(default_factory=dict)

    @classmethod
    def from_analysis(cls, analysis: Any, visit: int, label: str | None = None) -> VisitPoint:
        """From a VisitAnalysis or its ``to_dict()``; a side that has not answered
        contributes no values."""
        if hasattr(analysis, "scores"):
            present = analysis.patient or analysis.physician
            return cls(
                visit=visit,
                label=label,
                use=present.use,
                patient=analysis.scores("patient"),
                physician=analysis.scores("physician"),
            )
        sides = {side: analysis.get(side) or {} for side in SIDES}
        present = sides["patient"] or sides["physician"]
        return cls(
            visit=visit,
            label=label,
            use=present.get("use", "full"),
            **{
                side: {k: v["value"] for k, v in data.get("scores", {}).items()}
                for side, data in sides.items()
            },
        )


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    visit: int
    label: str | None
    use: str
    value: float | None


@dataclass(frozen=True, slots=True)
class Episode:
    """A drop between two visits and what followed."""

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


@dataclass(frozen=True, slots=True)
class DropAlert:
    """SRS-style alert: a brief-form score at least one point below the previous visit."""

    side: str
    subscale: str
    from_visit: int
    to_visit: int
    before: float
    after: float
    drop: float


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
        names = sorted({sid for v in visits for sid in getattr(v, side)})
        for sid in names:
            out[side][sid] = [
                SeriesPoint(
                    visit=v.visit, label=v.label, use=v.use, value=getattr(v, side).get(sid)
                )
                for v in visits
            ]
    return out


def _recovery(points, start: int, target: float, k: int) -> int | None:
    for j in range(start + 1, min(len(points), start + k + 1)):
        if points[j][1] >= target:
            return j
    return None


def _episodes_in(side: str, sid: str, series: list[SeriesPoint], th: Thresholds) -> list[Episode]:
    points = [(p.visit, p.value) for p in series if p.value is not None]
    lenient, strict, k = th.lenient_drop(side), th.reliable_change(side), th.recovery_visits
    out, i = [], 1
    while i < len(points):
        (v0, before), (v1, after) = points[i - 1], points[i]
        drop = before - after
        if drop < lenient - 1e-9:
            i += 1
            continue
        j = _recovery(points, i, before - th.recovery_margin(side), k)
        closed = len(points) - 1 - i >= k
        out.append(
            Episode(
                side=side, subscale=sid, before_visit=v0, visit=v1,
                before=rounded(before), after=rounded(after), drop=rounded(drop),
                strict=drop >= strict - 1e-9,
                status="repaired" if j is not None else "unresolved",
                recovered_visit=points[j][0] if j is not None else None,
                window_closed=j is None and closed,
            )
        )  # fmt: skip
        if j is not None:
            i = j + 1
        elif closed:
            i = i + k + 1
        else:
            break
    return out


def _alerts(visits: Sequence[VisitPoint], th: Thresholds) -> list[DropAlert]:
    out = []
    for prev, cur in pairwise(visits):
        if cur.use != "brief":
            continue
        for side in SIDES:
            for sid in th.core_subscales:
                before, after = getattr(prev, side).get(sid), getattr(cur, side).get(sid)
                if before is None or after is None or before - after < th.brief_drop_points - 1e-9:
                    continue
                out.append(
                    DropAlert(
                        side=side, subscale=sid, from_visit=prev.visit, to_visit=cur.visit,
                        before=rounded(before), after=rounded(after), drop=rounded(before - after),
                    )
                )  # fmt: skip
    return out


def dyad_gap(point: VisitPoint, th: Thresholds) -> float | None:
    """Mean patient-minus-physician difference on the core subscales, offset removed."""
    diffs = [
        point.patient[sid] - point.physician[sid]
        for sid in th.core_subscales
        if point.patient.get(sid) is not None and point.physician.get(sid) is not None
    ]
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
    episodes = []
    for side in SIDES:
        for sid in th.core_subscales:
            if sid in series[side]:
                episodes.extend(_episodes_in(side, sid, series[side][sid], th))
    return DyadHistory(
        visits=[v.visit for v in ordered],
        series=series,
        episodes=episodes,
        drop_alerts=_alerts(ordered, th),
        convergence=_convergence(ordered, th),
    )
