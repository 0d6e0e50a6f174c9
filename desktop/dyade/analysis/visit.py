"""One visit of one dyad: both sides scored, compared, and flagged.

``analyse_visit`` is the single entry point the UI, the PDF reports, storage
and the CLI use. Its result serialises with ``to_dict()`` (stable, JSON-ready;
documented in docs/ANALYSIS.md) and comes back with ``VisitAnalysis.from_dict``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from dyade.analysis.compare import Discrepancy, MetaPerception, discrepancies, meta_perception
from dyade.analysis.flags import Flag, low_alliance_flag, rupture_flag
from dyade.analysis.mismatch import goal_mismatch_flag, stage_mismatch_flag
from dyade.analysis.sides import SideReport, read_side
from dyade.analysis.signals import rupture_signal, strain_of
from dyade.analysis.stats import rounded
from dyade.analysis.thresholds import Thresholds
from dyade.errors import DyadeError

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class ScoreOut:
    value: float | None
    answered: int
    items: int
    component: str
    scorable: bool


class SideSummary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str
    version: int
    use: str
    scores: dict[str, ScoreOut]
    main_goal: str | None = None
    stage: str | None = None

    def values(self) -> dict[str, float | None]:
        return {sid: s.value for sid, s in self.scores.items()}


class SignalSummary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rupture_type: str
    types: list[str]
    families: list[str]
    severity: int
    perceived_by: str


class VisitAnalysis(BaseModel):
    """Everything the analysis found for one visit of one dyad."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = SCHEMA_VERSION
    patient: SideSummary
    physician: SideSummary
    discrepancies: list[Discrepancy]
    meta_perception: list[MetaPerception]
    signals: dict[str, SignalSummary | None]
    flags: list[Flag]
    attention_rank: int
    thresholds: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready and stable: what storage keeps and ``dyade compare --json`` prints."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VisitAnalysis:
        return cls.model_validate(dict(data))

    def scores(self, side: str) -> dict[str, float | None]:
        return (self.patient if side == "patient" else self.physician).values()


# ---- input checks ----------------------------------------------------------------


def check_pair(patient_form: Any, physician_form: Any) -> None:
    """Refuse a swapped or mismatched pair of forms with a message saying which."""
    for form, expected, role in (
        (patient_form, "patient", "patient"),
        (physician_form, "physician", "physician"),
    ):
        if form.respondent != expected:
            raise DyadeError(
                f"the {role}'s answers use form '{form.id}', which is filled by the"
                f" {form.respondent}; give a {expected} form as the {role}'s"
            )
    if patient_form.pair != physician_form.id or physician_form.pair != patient_form.id:
        raise DyadeError(
            f"forms '{patient_form.id}' and '{physician_form.id}' are not a pair"
            f" ('{patient_form.id}' pairs with '{patient_form.pair}')"
        )


# ---- building the result -----------------------------------------------------------


def _summary(report: SideReport) -> SideSummary:
    scores = {
        sid: ScoreOut(
            value=rounded(s.value),
            answered=s.answered,
            items=s.items,
            component=s.component,
            scorable=s.value is not None,
        )
        for sid, s in report.scores.items()
    }
    plan = report.plan
    return SideSummary(
        form=plan.form_id,
        version=plan.version,
        use=plan.use,
        scores=scores,
        main_goal=report.main_goal,
        stage=report.stage,
    )


def _previous_scores(previous: Any, side: str) -> dict[str, float | None] | None:
    """Per-subscale scores of the previous visit from an analysis, a point or a dict."""
    if previous is None:
        return None
    if isinstance(previous, VisitAnalysis):
        return previous.scores(side)
    if isinstance(previous, Mapping):
        data = previous.get(side)
        if isinstance(data, Mapping) and "scores" in data:  # a to_dict() result
            return {k: v.get("value") for k, v in data["scores"].items()}
        return dict(data) if isinstance(data, Mapping) else None
    return getattr(previous, side, None)


def _flags(patient: SideReport, physician: SideReport, th: Thresholds, previous) -> tuple:
    flags: list[Flag] = []
    signals = {}
    for origin, other in ((patient, physician), (physician, patient)):
        prev = _previous_scores(previous, origin.side)
        signal = rupture_signal(origin, other, th, prev)
        signals[origin.side] = signal
        if signal is not None:  # its evidence already holds the low scores
            flags.append(rupture_flag(signal, origin, other))
            continue
        low = low_alliance_flag(origin, other, strain_of(origin, th, prev), th)
        if low is not None:
            flags.append(low)
    for flag in (
        goal_mismatch_flag(patient, physician),
        stage_mismatch_flag(patient, physician, th),
    ):
        if flag is not None:
            flags.append(flag)
    return flags, signals


def _signal_summary(signal) -> SignalSummary | None:
    if signal is None:
        return None
    return SignalSummary(
        rupture_type=signal.rupture_type,
        types=list(signal.types),
        families=list(signal.families),
        severity=signal.severity,
        perceived_by=signal.perceived_by,
    )


def analyse_visit(
    patient_form: Any,
    patient_answers: Mapping[str, Any],
    physician_form: Any,
    physician_answers: Mapping[str, Any],
    *,
    thresholds: Thresholds | None = None,
    previous: Any = None,
    validate: bool = True,
) -> VisitAnalysis:
    """Score, compare and flag one visit.

    ``previous`` (a VisitAnalysis, its ``to_dict()``, or ``{"patient": {subscale:
    value}, "physician": {...}}``) lets a reliable drop since the last visit
    count as strain. ``validate=False`` skips the answer checks when the caller
    has already checked them (batch analysis); otherwise a value that does not
    fit its form raises :class:`DyadeError` naming the side and the item.
    """
    from dyade.analysis.attention import flags_rank, sort_flags

    th = thresholds or Thresholds()
    check_pair(patient_form, physician_form)
    patient = read_side(patient_form, patient_answers, th, checked=not validate)
    physician = read_side(physician_form, physician_answers, th, checked=not validate)
    flags, signals = _flags(patient, physician, th, previous)
    flags = sort_flags(flags)
    return VisitAnalysis(
        patient=_summary(patient),
        physician=_summary(physician),
        discrepancies=discrepancies(patient, physician, th),
        meta_perception=meta_perception(patient, physician, th),
        signals={side: _signal_summary(sig) for side, sig in signals.items()},
        flags=flags,
        attention_rank=flags_rank(flags),
        thresholds=th.model_dump(mode="json"),
    )
