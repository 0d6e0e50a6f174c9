"""Reports of stored visits and dyads: read, analyse, write, and log the export.

The CLI and the app's export buttons call these; they take the open database
as an argument and record every export in the audit log. The analysis is run
again from the stored answers, through the same :func:`dyade.review.review_dyad`
as the workspace's review (the clinic's thresholds, each visit against the one
before), so the PDF always matches the current engine and the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from dyade.errors import DyadeError
from dyade.reports.context import PAGE_SIZES, ReportContext


def _library(db: sqlite_utils.Database) -> Any:
    """The shipped forms and the clinic's forms folder, as the workspace reads them."""
    from dyade.reports.formtext import installed_library
    from dyade.storage.settings import get_setting

    own = get_setting(db, "clinic_forms_folder")
    return installed_library(Path(own) if own else None)


def page_size_for(db: sqlite_utils.Database, given: str | None) -> str:
    """The page size asked for, else the clinic's setting ``report_page_size``."""
    if given is not None:
        return given
    from dyade.storage.settings import get_setting

    value = get_setting(db, "report_page_size")
    if not isinstance(value, str) or value.lower() not in PAGE_SIZES:
        choices = " or ".join(PAGE_SIZES)
        raise DyadeError(f"clinic setting report_page_size is {value!r}: expected {choices}")
    return value.lower()


def _visit_by_code(db: sqlite_utils.Database, code: str) -> Any:
    from dyade.storage.visits import latest_visit_by_code

    visit = latest_visit_by_code(db, code)
    if visit is None:
        raise DyadeError(f"no visit with code {code!r}")
    return visit


def _review(db: sqlite_utils.Database, dyad_uuid: str, user: Any) -> Any:
    """The dyad's complete visits analysed as the workspace's review shows them.

    One code path for the screen and the PDF: the clinic's thresholds (its
    overrides from the settings page) and each visit read against the one before.
    """
    from dyade.review import review_dyad

    return review_dyad(db, _library(db), dyad_uuid, user=user)


def _visit_analysis(db: sqlite_utils.Database, visit: Any, review: Any) -> tuple[Any, tuple]:
    """(analysis, forms) of one visit: as reviewed when complete, else the side that answered."""
    done = next((v for v in review.visits if v.entry.visit.uuid == visit.uuid), None)
    if done is not None:
        return done.analysis, (done.patient_form, done.physician_form)
    entry = next(e for e in review.pending if e.visit.uuid == visit.uuid)
    return _one_side(db, entry, review)


def _one_side(db: sqlite_utils.Database, entry: Any, review: Any) -> tuple[Any, tuple]:
    """A visit only one side has finished, read like the others (the clinic's thresholds,
    against the last complete visit before it); the other side is left unknown."""
    from dyade.analysis.visit import analyse_one_side
    from dyade.review import clinic_thresholds
    from dyade.storage.responses import load_answers

    visit = entry.visit
    finished = [r for r in entry.responses if r.status == "complete"]
    if not finished:
        raise DyadeError(f"visit {visit.code} ({visit.date}): neither side has finished yet")
    order = (visit.date, visit.created_at)
    before = [v.analysis for v in review.visits
              if (v.entry.visit.date, v.entry.visit.created_at) < order]  # fmt: skip
    form = _library(db).require(finished[0].form_id)
    analysis = analyse_one_side(form, load_answers(db, finished[0].uuid),
                                thresholds=clinic_thresholds(db),
                                previous=before[-1] if before else None)  # fmt: skip
    return analysis, (form,)


def _context(db, dyad_uuid: str, visit_date: str | None, forms, with_name: bool) -> ReportContext:
    from dyade.storage.dyads import get_dyad
    from dyade.storage.patients import get_patient
    from dyade.storage.settings import get_setting
    from dyade.storage.users import get_user

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
    )


def _log(db, out: Path, details: dict[str, Any], user: Any) -> None:
    from dyade.storage import audit

    with db.atomic():
        audit.record(db, "exported", str(out), user_uuid=user and user.uuid, details=details)


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

    visit = _visit_by_code(db, code)
    review = _review(db, visit.dyad_uuid, user)
    analysis, forms = _visit_analysis(db, visit, review)
    context = _context(db, visit.dyad_uuid, visit.date, forms, with_name)
    size = page_size_for(db, page_size)
    path = visit_summary(analysis, context, lang=lang, page_size=size, out=out,
                         overwrite=overwrite)  # fmt: skip
    _log(db, path, {"report": "visit", "visit": visit.uuid, "lang": lang}, user)
    return path


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

    review = _review(db, dyad_uuid, user)
    if not review.visits:
        raise DyadeError(f"dyad {dyad_uuid}: no visit where both sides have finished")
    last = review.visits[-1]
    flags = {v.number: v.analysis.flags for v in review.visits}
    context = _context(db, dyad_uuid, last.entry.visit.date,
                       (last.patient_form, last.physician_form), with_name)  # fmt: skip
    size = page_size_for(db, page_size)
    path = dyad_history(
        review.history, last.analysis, context, lang=lang, page_size=size, out=out,
        overwrite=overwrite, visit_flags=flags,
    )  # fmt: skip
    _log(db, path, {"report": "dyad", "dyad": dyad_uuid, "lang": lang}, user)
    return path
