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

from dyade.analysis.change import side_of
from dyade.analysis.checks import answer_checks, pace_of, set_aside
from dyade.analysis.compare import Discrepancy, MetaPerception, discrepancies, meta_perception
from dyade.analysis.estimates import unseen_strain
from dyade.analysis.flags import (
    Flag,
    answers_to_check_flag,
    low_alliance_flag,
    repair_move_flag,
    rupture_flag,
    unperceived_strain_flag,
)
from dyade.analysis.mismatch import goal_mismatch_flag, stage_mismatch_flag
from dyade.analysis.repair import voiced_and_heard
from dyade.analysis.sides import SideReport, absent_side, keyed_items, read_side
from dyade.analysis.signals import other_side, rupture_signal, strain_of
from dyade.analysis.stats import rounded
from dyade.analysis.thresholds import Side, Thresholds
from dyade.errors import DyadeError

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class ScoreOut:
    value: float | None
    answered: int
    items: int
    component: str
    scorable: bool
    keyed: dict[str, float] | None = None  # core subscales: item -> keyed value


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

    def keyed(self) -> dict[str, dict[str, float]]:
        return {sid: dict(s.keyed) for sid, s in self.scores.items() if s.keyed}


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
    patient: SideSummary | None  # None: this side has not answered (analyse_one_side)
    physician: SideSummary | None
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
        """Per-subscale values of one side ({} when that side has not answered)."""
        summary = self.patient if side == "patient" else self.physician
        return {} if summary is None else summary.values()

    def keyed(self, side: str) -> dict[str, dict[str, float]]:
        """Per core subscale, the keyed values of the items one side answered."""
        summary = self.patient if side == "patient" else self.physician
        return {} if summary is None else summary.keyed()

    @property
    def missing(self) -> Side | None:
        """The side that has not answered, or None for a complete visit."""
        if self.patient is None:
            return "patient"
        return "physician" if self.physician is None else None


# ---- input checks ----------------------------------------------------------------


def check_role(form: Any, role: str) -> None:
    """Refuse a form given as the wrong side's, with a message saying which."""
    if form.respondent != role:
        raise DyadeError(
            f"the {role}'s answers use form '{form.id}', which is filled by the"
            f" {form.respondent}; give a {role} form as the {role}'s"
        )


def check_pair(patient_form: Any, physician_form: Any) -> None:
    """Refuse a swapped or mismatched pair of forms with a message saying which."""
    check_role(patient_form, "patient")
    check_role(physician_form, "physician")
    if patient_form.pair != physician_form.id or physician_form.pair != patient_form.id:
        raise DyadeError(
            f"forms '{patient_form.id}' and '{physician_form.id}' are not a pair"
            f" ('{patient_form.id}' pairs with '{patient_form.pair}')"
        )


# ---- building the result -----------------------------------------------------------


def _summary(report: SideReport, th: Thresholds) -> SideSummary:
    scores = {
        sid: ScoreOut(
            value=rounded(s.value),
            answered=s.answered,
            items=s.items,
            component=s.component,
            scorable=s.value is not None,
            keyed=keyed_items(report, sid) if sid in th.core_subscales else None,
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


def _checked(
    patient: SideReport, physician: SideReport, th: Thresholds, pace: Any, missing: Side | None
) -> tuple[list[Flag], dict[str, SideReport]]:
    """Notices for answers to check, and each side as the rupture rules may read it."""
    notices, usable = [], {"patient": patient, "physician": physician}
    for report in (patient, physician):
        found = (
            [] if report.side == missing else answer_checks(report, th, pace_of(pace, report.side))
        )
        if found:
            notices.append(answers_to_check_flag(report, found))
            usable[report.side] = set_aside(report)
    return notices, usable


def _flags(
    patient: SideReport,
    physician: SideReport,
    th: Thresholds,
    previous: Any,
    missing: Side | None = None,
    pace: Any = None,
) -> tuple:
    flags, usable = _checked(patient, physician, th, pace, missing)
    to_check = {flag.origin for flag in flags}
    patient, physician = usable["patient"], usable["physician"]
    signals: dict[str, Any] = {"patient": None, "physician": None}
    for origin, other in ((patient, physician), (physician, patient)):
        if origin.side in to_check:  # its answers raise no rupture: the notice says why
            continue
        prev = side_of(previous, origin.side)
        strain = strain_of(origin, th, prev)
        signal = rupture_signal(origin, other, th, prev, missing=missing, strain=strain)
        signals[origin.side] = signal
        if signal is not None and voiced_and_heard(signal, origin, other, th):
            signals[origin.side] = None  # the alliance working, not a rupture
            flags.append(repair_move_flag(signal, origin, other))
            continue
        if signal is not None:  # its evidence already holds the low scores
            flags.append(rupture_flag(signal, origin, other, th))
            continue
        if origin.side == missing:
            continue
        unseen = None if missing else unseen_strain(origin, other, strain.low, th)
        if unseen is not None:
            flags.append(unperceived_strain_flag(origin, other, unseen, strain, th))
            continue
        low = low_alliance_flag(origin, other, strain, th, missing=missing)
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
    patient_answers: Mapping[str, Any] | None,
    physician_form: Any,
    physician_answers: Mapping[str, Any] | None,
    *,
    thresholds: Thresholds | None = None,
    previous: Any = None,
    validate: bool = True,
    pace: Mapping[str, float | None] | None = None,
) -> VisitAnalysis:
    """Score, compare and flag one visit.

    ``previous`` (a VisitAnalysis, its ``to_dict()``, or ``{"patient": {subscale:
    value}, "physician": {...}}``) lets a reliable drop since the last visit
    count as strain. ``validate=False`` skips the answer checks when the caller
    has already checked them (batch analysis); otherwise a value that does not
    fit its form raises :class:`DyadeError` naming the side and the item. A side
    given as ``None`` (form and answers) has not answered: see
    :func:`analyse_one_side`. ``pace`` gives each side's seconds per answer when
    the answering was timed (the kiosk, the physician's questionnaire), for the
    response checks.
    """
    options = {"thresholds": thresholds, "previous": previous, "validate": validate, "pace": pace}
    if patient_form is None and physician_form is None:
        raise DyadeError("neither the patient nor the physician has answered: nothing to analyse")
    if physician_form is None:
        return analyse_one_side(patient_form, patient_answers or {}, **options)
    if patient_form is None:
        return analyse_one_side(physician_form, physician_answers or {}, **options)
    th = thresholds or Thresholds()
    check_pair(patient_form, physician_form)
    patient = read_side(patient_form, patient_answers or {}, th, checked=not validate)
    physician = read_side(physician_form, physician_answers or {}, th, checked=not validate)
    return _result(patient, physician, th, previous, pace=pace)


def analyse_one_side(
    form: Any,
    answers: Mapping[str, Any],
    *,
    thresholds: Thresholds | None = None,
    previous: Any = None,
    validate: bool = True,
    pace: Mapping[str, float | None] | None = None,
) -> VisitAnalysis:
    """A visit where only one side has answered (``form`` says which).

    That side's scores, its rupture signal and a low alliance where due; what it
    noticed in the other side can still signal a rupture there. Nothing is
    invented for the side that has not answered: no scores, no discrepancies, and
    every flag's ``perceived_by`` is ``"unknown"`` (docs/ANALYSIS.md).
    """
    th = thresholds or Thresholds()
    report = read_side(form, answers, th, checked=not validate)
    missing = other_side(report.side)
    absent = absent_side(missing)
    patient, physician = (report, absent) if report.side == "patient" else (absent, report)
    return _result(patient, physician, th, previous, missing, pace)


def _result(
    patient: SideReport,
    physician: SideReport,
    th: Thresholds,
    previous: Any,
    missing: Side | None = None,
    pace: Any = None,
) -> VisitAnalysis:
    from dyade.analysis.attention import flags_rank, sort_flags

    flags, signals = _flags(patient, physician, th, previous, missing, pace)
    flags = sort_flags(flags)
    return VisitAnalysis(
        patient=None if missing == "patient" else _summary(patient, th),
        physician=None if missing == "physician" else _summary(physician, th),
        discrepancies=discrepancies(patient, physician, th),
        meta_perception=meta_perception(patient, physician, th),
        signals={side: _signal_summary(sig) for side, sig in signals.items()},
        flags=flags,
        attention_rank=flags_rank(flags),
        thresholds=th.model_dump(mode="json"),
    )
