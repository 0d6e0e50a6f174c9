"""Reports of stored visits and dyads: read, analyse, write, and log the export.

The CLI and the app's export buttons call these; they take the open database
as an argument and record every export in the audit log. The analysis is run
again from the stored answers, through the same :func:`dyade.dyad_analysis.review_dyad`
as the workspace's review (the clinic's thresholds, each visit against the one
before), so the PDF always matches the current engine and the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from dyade.errors import DyadeError
from dyade.reports.context import ReportContext

if TYPE_CHECKING:
    from dyade.clinic import ClinicLibrary


def _library(db: sqlite_utils.Database) -> ClinicLibrary:
    """The clinic's forms and thresholds, as the workspace reads them."""
    from dyade.clinic import clinic_library

    return clinic_library(db)


def page_size_for(db: sqlite_utils.Database, given: str | None) -> str:
    """The page size asked for, else the clinic's setting ``report_page_size``
    (checked when it was written: ``a4`` or ``letter``)."""
    if given is not None:
        return given
    from dyade.storage.settings import get_setting

    return get_setting(db, "report_page_size")


def _visit_by_code(db: sqlite_utils.Database, code: str) -> Any:
    from dyade.storage.visits import latest_visit_by_code

    visit = latest_visit_by_code(db, code)
    if visit is None:
        raise DyadeError(f"no visit with code {code!r}", fr=f"aucune visite n’a le code {code!r}")
    return visit


def _review(db: sqlite_utils.Database, dyad_uuid: str, user: Any) -> Any:
    """The dyad's complete visits analysed as the workspace's review shows them.

    One code path for the screen and the PDF: the clinic's thresholds (its
    overrides from the settings page) and each visit read against the one before.
    """
    from dyade.dyad_analysis import review_dyad

    return review_dyad(db, _library(db), dyad_uuid, user=user)


def _visit_analysis(db: sqlite_utils.Database, visit: Any, review: Any) -> tuple[Any, tuple, tuple]:
    """(analysis, forms, own words) of one visit: as reviewed when complete, else the side
    that answered."""
    from dyade.reports.own_words import reviewed_words

    done = next((v for v in review.visits if v.entry.visit.uuid == visit.uuid), None)
    if done is not None:
        return done.analysis, (done.patient_form, done.physician_form), reviewed_words(done)
    entry = next(e for e in review.pending if e.visit.uuid == visit.uuid)
    return _one_side(db, entry, review)


def _one_side(db: sqlite_utils.Database, entry: Any, review: Any) -> tuple[Any, tuple, tuple]:
    """A visit only one side has finished, read like the others (the clinic's thresholds,
    against the last complete visit before it); the other side is left unknown."""
    from dyade.analysis.visit import analyse_one_side
    from dyade.reports.own_words import visit_words
    from dyade.storage.responses import load_answers

    visit = entry.visit
    finished = [r for r in entry.responses if r.status == "complete"]
    if not finished:
        raise DyadeError(
            f"visit {visit.code} ({visit.date}): neither side has finished yet",
            fr=f"visite {visit.code} ({visit.date})\u00a0: aucun des deux côtés n’a encore terminé",
        )
    order = (visit.date, visit.created_at)
    before = [
        v.analysis for v in review.visits if (v.entry.visit.date, v.entry.visit.created_at) < order
    ]
    library = _library(db)
    form = library.require(finished[0].form_id, finished[0].form_version)
    answers = load_answers(db, finished[0].uuid)
    previous = before[-1] if before else None
    analysis = analyse_one_side(form, answers, thresholds=library.thresholds, previous=previous)
    return analysis, (form,), visit_words({finished[0].respondent: (form, answers)})


def _context(db, about: tuple, with_name: bool) -> ReportContext:
    """The header of a report ``about`` (dyad, visit date, forms, own words)."""
    from dyade.storage.dyads import get_dyad
    from dyade.storage.patients import get_patient
    from dyade.storage.settings import get_setting
    from dyade.storage.users import get_user

    dyad_uuid, visit_date, forms, words = about
    dyad = get_dyad(db, dyad_uuid)
    patient = get_patient(db, dyad.patient_uuid)
    physician = get_user(db, dyad.physician_uuid)
    return ReportContext(
        clinic=get_setting(db, "clinic_name") or "",
        patient_code=patient.code,
        physician=physician.display_name,
        visit_date=visit_date,
        patient_name=patient.name if with_name else None,
        forms=tuple(forms),
        words=tuple(words),
    )


@dataclass(frozen=True)
class _Request:
    """What an export was asked for: where, in which language and size, by whom."""

    out: Path
    lang: str
    page_size: str | None
    overwrite: bool
    user: Any
    with_name: bool


def _write(
    db: sqlite_utils.Database,
    req: _Request,
    about: tuple[Any, ...],  # dyad, visit date or None, forms, own words
    details: dict[str, Any],
    make: Callable[..., Path],
) -> Path:
    """The steps every stored report shares: header, page size, the PDF, the audit entry.

    ``about`` is (dyad, visit date, forms, own words) for the header; ``make(context,
    **pdf)`` writes the PDF.
    """
    from dyade.storage import audit

    context = _context(db, about, req.with_name)
    size = page_size_for(db, req.page_size)
    path = make(context, lang=req.lang, page_size=size, out=req.out, overwrite=req.overwrite)
    user_uuid = req.user and req.user.uuid
    with db.atomic():
        audit.record(
            db, "exported", str(path), user_uuid=user_uuid, details={**details, "lang": req.lang}
        )
    return path


def stored_visit_summary(
    db: sqlite_utils.Database,
    code: str,
    out: Path,
    *,
    lang: str,
    page_size: str | None = None,
    overwrite: bool = False,
    user: Any = None,
    with_name: bool = False,
) -> Path:
    """The summary of the (latest) visit with this kiosk code.

    A visit only one side has finished gets a summary of that side's answers
    (it says that the other side has not answered yet). ``page_size`` (``a4``
    or ``letter``) defaults to the clinic's setting.
    """
    from dyade.reports import visit_summary

    req = _Request(out, lang, page_size, overwrite, user, with_name)
    visit = _visit_by_code(db, code)
    analysis, forms, words = _visit_analysis(db, visit, _review(db, visit.dyad_uuid, user))
    about = (visit.dyad_uuid, visit.date, forms, words)
    details = {"report": "visit", "visit": visit.uuid}
    return _write(db, req, about, details, partial(visit_summary, analysis))


def stored_dyad_history(
    db: sqlite_utils.Database,
    dyad_uuid: str,
    out: Path,
    *,
    lang: str,
    page_size: str | None = None,
    overwrite: bool = False,
    user: Any = None,
    with_name: bool = False,
) -> Path:
    """The history of one dyad, every visit with both sides complete (page size as above)."""
    from dyade.reports import dyad_history

    req = _Request(out, lang, page_size, overwrite, user, with_name)
    review = _review(db, dyad_uuid, user)
    if not review.visits:
        raise DyadeError(
            f"dyad {dyad_uuid}: no visit where both sides have finished",
            fr=f"dyade {dyad_uuid}\u00a0: aucune visite où les deux côtés ont terminé",
        )
    last = review.visits[-1]
    flags = {v.number: v.analysis.flags for v in review.visits}
    make = partial(dyad_history, review.history, last.analysis, visit_flags=flags)
    forms = (last.patient_form, last.physician_form)
    from dyade.reports.own_words import reviewed_words

    about = (dyad_uuid, last.entry.visit.date, forms, reviewed_words(last))
    return _write(db, req, about, {"report": "dyad", "dyad": dyad_uuid}, make)
