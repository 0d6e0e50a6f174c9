"""Reports of stored visits and dyads: read, analyse, write, and log the export.

The CLI and the app's export buttons call these; they take the open database
as an argument and record every export in the audit log. The analysis is run
again from the stored answers so the PDF always matches the current engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from dyade.errors import DyadeError
from dyade.reports.context import PAGE_SIZES, ReportContext


def _library():
    from dyade.reports.formtext import installed_library

    return installed_library()


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


def _analyse_entry(db, visit: Any, responses: list, library, previous=None) -> tuple | None:
    """(analysis, patient form, physician form) of a visit whose two sides are complete."""
    from dyade.analysis import analyse_visit
    from dyade.storage.responses import load_answers

    by_side = {r.respondent: r for r in responses if r.status == "complete"}
    if set(by_side) != {"patient", "physician"}:
        return None
    forms, answers = {}, {}
    for side, response in by_side.items():
        forms[side] = library.require(response.form_id)
        answers[side] = load_answers(db, response.uuid)
    analysis = analyse_visit(forms["patient"], answers["patient"], forms["physician"],
                             answers["physician"], previous=previous)  # fmt: skip
    return analysis, forms["patient"], forms["physician"]


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

    ``page_size`` (``a4`` or ``letter``) defaults to the clinic's setting.
    """
    from dyade.reports import visit_summary
    from dyade.storage.dyads import require_clinical
    from dyade.storage.responses import responses_of_visit

    visit = _visit_by_code(db, code)
    if user is not None:
        require_clinical(db, user, visit.dyad_uuid)
    done = _analyse_entry(db, visit, responses_of_visit(db, visit.uuid), _library())
    if done is None:
        raise DyadeError(f"visit {visit.code} ({visit.date}): both sides have not finished yet")
    analysis, pf, df = done
    context = _context(db, visit.dyad_uuid, visit.date, (pf, df), with_name)
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
    from dyade.analysis import VisitPoint, analyse_history
    from dyade.reports import dyad_history
    from dyade.storage import visits as visit_store

    entries = visit_store.dyad_history(db, dyad_uuid, user=user)
    library, points, flags, last, previous = _library(), [], {}, None, None
    for entry in entries:
        done = _analyse_entry(db, entry.visit, entry.responses, library, previous)
        if done is None:
            continue
        number = len(points) + 1
        points.append(VisitPoint.from_analysis(done[0], number, entry.visit.date))
        flags[number], last, previous = done[0].flags, (entry.visit, *done), done[0]
    if last is None:
        raise DyadeError(f"dyad {dyad_uuid}: no visit where both sides have finished")
    context = _context(db, dyad_uuid, last[0].date, (last[2], last[3]), with_name)
    size = page_size_for(db, page_size)
    path = dyad_history(
        analyse_history(points), last[1], context, lang=lang, page_size=size, out=out,
        overwrite=overwrite, visit_flags=flags,
    )  # fmt: skip
    _log(db, path, {"report": "dyad", "dyad": dyad_uuid, "lang": lang}, user)
    return path
