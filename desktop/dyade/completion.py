"""Completing a response: the one operation every way of answering ends with.

The kiosk, the physician's questionnaire window, ``dyade answer``, the import
of a transfer file (and any later way of receiving answers) all call
:func:`complete_response` once a response is complete. It analyses the dyad
again when the visit now has both sides, and returns what changed, so a screen
refreshes from the result instead of asking the database again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from dyade.analysis.tension import own_tension
from dyade.analysis.thresholds import Thresholds
from dyade.clinic import ClinicLibrary, as_clinic_library
from dyade.dyad_analysis import DyadReview, refresh_dyad
from dyade.errors import DyadeError
from dyade.forms.library import FormLibrary
from dyade.forms.schema import Form
from dyade.storage import responses as stored
from dyade.storage.visits import get_visit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Completed:
    """What completing one response changed."""

    response: str  # uuid of the completed response
    visit: str  # uuid of its visit
    dyad: str  # uuid of the visit's dyad: the one to show again
    analysed: bool  # both sides are in and the visit's result is stored
    # the kind of tension this side's own answers show (withdrawal, confrontation, mixed,
    # or strain for a low rating with no marker), None for none: the kiosk's thank-you page
    tension: str | None
    review: DyadReview | None = None  # the dyad as analysed again, when it was
    problem: DyadeError | None = None  # why the analysis could not run (logged; retried later)


def complete_response(
    db: sqlite_utils.Database, library: ClinicLibrary | FormLibrary, response_uuid: str
) -> Completed:
    """Mark the response complete if it is not yet, then analyse its dyad when both
    sides of the visit are in (with the clinic's forms and thresholds).

    The answers are kept whatever the analysis says: a visit that cannot be
    analysed now (a form no longer installed) is logged and returned in
    ``problem``; the dashboard analyses it again once it can (``stale_dyads``).
    """
    library = as_clinic_library(db, library)
    response = stored.get_response(db, response_uuid)
    if response.status != "complete":
        response = stored.complete_response(db, response_uuid)
    visit = get_visit(db, response.visit_uuid)
    form = library.get(response.form_id, response.form_version)
    answers = stored.load_answers(db, response_uuid)
    tension = None if form is None else own_tension(form, answers, library.thresholds)
    sides = stored.responses_of_visit(db, visit.uuid)
    both = {"patient", "physician"} <= {r.respondent for r in sides if r.status == "complete"}
    if not both:
        return Completed(response_uuid, visit.uuid, visit.dyad_uuid, False, tension)
    try:
        review = refresh_dyad(db, library, visit.dyad_uuid, thresholds=library.thresholds)
    except DyadeError as exc:
        log.warning("visit %s could not be analysed yet: %s", visit.uuid, exc)
        return Completed(response_uuid, visit.uuid, visit.dyad_uuid, False, tension, None, exc)
    analysed = any(v.entry.visit.uuid == visit.uuid for v in review.visits)
    return Completed(response_uuid, visit.uuid, visit.dyad_uuid, analysed, tension, review)


def own_rupture_signal(form: Form, answers: dict[str, Any], limits: Thresholds) -> list[str]:
    """Rupture kinds ("withdrawal", "confrontation") signalled by one side's own answers,
    with the clinic's thresholds and the analysis's rules (:func:`own_tension`): what
    the respondent noticed in the other person does not count here, nor a low rating
    without a marker, nor emotions after bad news alone."""
    kind = own_tension(form, answers, limits)
    if kind == "mixed":
        return ["confrontation", "withdrawal"]
    return [kind] if kind in ("withdrawal", "confrontation") else []
