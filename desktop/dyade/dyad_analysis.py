"""Analyse what is stored: one visit's two responses, a dyad's visits over time.

The bridge between :mod:`dyade.storage` (answers, visit results) and
:mod:`dyade.analysis` (pure functions): the workspace, the demo clinic and the
reports call it so that every visit is analysed the same way. The stored
attention follows storage's convention (0 = nothing to look at, larger =
sooner); the analysis ranks the other way round (lower = sooner).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyade.analysis import DyadHistory, Thresholds, VisitAnalysis, analyse_history, analyse_visit
from dyade.analysis.attention import NOTHING, attention_rank, headline
from dyade.analysis.trajectory import VisitPoint
from dyade.clinic import ClinicLibrary, as_clinic_library
from dyade.forms.library import FormLibrary
from dyade.forms.schema import Form
from dyade.storage.responses import answer_pace, load_answers
from dyade.storage.results import save_visit_result
from dyade.storage.users import User
from dyade.storage.visits import HistoryEntry, dyad_history
from dyade.visit_summary import VisitSummary


@dataclass(frozen=True)
class ReviewedVisit:
    """A complete visit with both answer sets and what the analysis found."""

    entry: HistoryEntry
    number: int  # 1-based among the dyad's complete visits
    patient_form: Form
    physician_form: Form
    patient_answers: dict[str, Any]
    physician_answers: dict[str, Any]
    analysis: VisitAnalysis


@dataclass(frozen=True)
class DyadReview:
    visits: list[ReviewedVisit]
    history: DyadHistory
    pending: list[HistoryEntry]  # visits whose two sides are not both complete


def stored_attention(rank: int) -> int:
    """Analysis rank (lower = sooner, 50 = nothing) to storage's (0 = nothing)."""
    return max(0, NOTHING - rank)


def _complete_pair(entry: HistoryEntry) -> dict[str, Any] | None:
    sides = {r.respondent: r for r in entry.responses if r.status == "complete"}
    return sides if {"patient", "physician"} <= set(sides) else None


def all_dyads(db: Any) -> list[str]:
    """Every dyad of the clinic (uuids), to analyse again after the thresholds changed."""
    return [row[0] for row in db.execute("SELECT uuid FROM dyads ORDER BY created_at").fetchall()]


def review_dyad(
    db: Any,
    library: ClinicLibrary | FormLibrary,
    dyad_uuid: str,
    *,
    user: User | None = None,
    thresholds: Thresholds | None = None,
) -> DyadReview:
    """Analyse every complete visit of a dyad in order (each against the one before).

    ``user`` is checked by storage: a receptionist, or a physician the dyad is
    not shared with, gets :class:`dyade.storage.AccessDenied`.
    """
    th = thresholds or as_clinic_library(db, library).thresholds
    entries = dyad_history(db, dyad_uuid, user=user)
    reviewed: list[ReviewedVisit] = []
    pending: list[HistoryEntry] = []
    previous = None
    for entry in entries:
        sides = _complete_pair(entry)
        if sides is None:
            pending.append(entry)
            continue
        p_form = library.require(sides["patient"].form_id, sides["patient"].form_version)
        d_form = library.require(sides["physician"].form_id, sides["physician"].form_version)
        p_answers = load_answers(db, sides["patient"].uuid)
        d_answers = load_answers(db, sides["physician"].uuid)
        pace = {side: answer_pace(db, sides[side].uuid) for side in ("patient", "physician")}
        analysis = analyse_visit(
            p_form, p_answers, d_form, d_answers, thresholds=th, previous=previous, pace=pace
        )
        number = len(reviewed) + 1
        reviewed.append(
            ReviewedVisit(entry, number, p_form, d_form, p_answers, d_answers, analysis)
        )
        previous = analysis
    points = [VisitPoint.from_analysis(v.analysis, v.number, v.entry.visit.date) for v in reviewed]
    return DyadReview(reviewed, analyse_history(points, thresholds=th), pending)


def trend(history: DyadHistory, subscale: str = "bond") -> float | None:
    """Change of the patient's score between the last two scored visits."""
    values = [p.value for p in history.series.get("patient", {}).get(subscale, [])]
    points = [v for v in values if v is not None]
    return None if len(points) < 2 else round(points[-1] - points[-2], 2)


def store_review(db: Any, review: DyadReview) -> None:
    """Write each analysed visit's result; the latest carries the history's rank."""
    for index, visit in enumerate(review.visits):
        latest = index == len(review.visits) - 1
        history = review.history if latest else None
        rank = attention_rank(visit.analysis, history)
        summary = VisitSummary(
            analysis=visit.analysis.to_dict(),
            flags=[flag.kind for flag in visit.analysis.flags],
            rank=rank,
            headline=headline(visit.analysis, history),
        )
        if history is not None:
            summary = summary.model_copy(
                update={
                    "unresolved": len(history.unresolved),
                    "repaired": sum(e.status == "repaired" for e in history.episodes),
                    "trend": trend(history),
                    "convergence": history.convergence.status,
                }
            )
        save_visit_result(db, visit.entry.visit.uuid, stored_attention(rank), summary.stored())


def refresh_dyad(
    db: Any,
    library: ClinicLibrary | FormLibrary,
    dyad_uuid: str,
    *,
    thresholds: Thresholds | None = None,
) -> DyadReview:
    """Re-analyse a dyad (after a response is completed) and store the results."""
    review = review_dyad(db, library, dyad_uuid, thresholds=thresholds)
    store_review(db, review)
    return review
