"""Exports for research and archiving: CSV of responses, JSON of everything.

Export files are NOT encrypted: each export is written to the audit log with
its filters. CSV cells: a list (multiple choice) is joined with ``;``; a
skipped item and an unanswered one are both empty (the JSON tells them apart).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlite_utils

from dyade.csv_dialect import CsvStyle, for_language, writing
from dyade.safe_write import check_target, write_text
from dyade.storage import audit
from dyade.storage.dyads import require_clinical
from dyade.storage.errors import AccessDenied
from dyade.storage.records import from_json, iso_date, now
from dyade.storage.settings import get_setting
from dyade.storage.users import User

FIXED_COLUMNS = (
    "response_uuid",
    "visit_uuid",
    "visit_date",
    "visit_kind",
    "dyad_uuid",
    "patient_code",
    "physician_login",
    "respondent",
    "form_id",
    "form_version",
    "language",
    "status",
    "completed_at",
)

RESPONSES_SQL = """
SELECT r.uuid, v.uuid, v.date, v.kind, d.uuid, p.code, u.login, r.respondent, r.form_id,
       r.form_version, r.language, r.status, r.completed_at
FROM responses r JOIN visits v ON v.uuid = r.visit_uuid JOIN dyads d ON d.uuid = v.dyad_uuid
JOIN patients p ON p.uuid = d.patient_uuid JOIN users u ON u.uuid = d.physician_uuid
WHERE (:since IS NULL OR v.date >= :since) AND (:dyad IS NULL OR d.uuid = :dyad)
ORDER BY v.date, v.created_at, r.respondent
"""


def allowed(db: sqlite_utils.Database, user: User | None, dyad: str | None) -> None:
    if user is None or user.role == "admin":
        return
    if dyad is None:
        raise AccessDenied(
            "exporting the whole clinic is for admin accounts; choose one dyad",
            fr="l’export de tout le cabinet est réservé aux comptes d’administration\u00a0; "
            "choisissez une dyade",
        )
    require_clinical(db, user, dyad)


def clinic_style(db: sqlite_utils.Database) -> CsvStyle:
    """The CSV layout Excel opens right in the clinic's language (semicolons in French)."""
    return for_language(get_setting(db, "language"))


def filters(since: date | str | None, dyad: str | None) -> dict[str, Any]:
    return {"since": iso_date(since), "dyad": dyad}


def answers_of(db: sqlite_utils.Database, response_uuid: str) -> list[tuple[str, Any, str]]:
    rows = db.execute(
        "SELECT item_id, value, answered_at FROM answers WHERE response_uuid = ?", [response_uuid]
    ).fetchall()
    return [(item, from_json(value), at) for item, value, at in rows]


def _cell(value: Any) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def export_csv(
    db: sqlite_utils.Database,
    out: str | os.PathLike[str],
    *,
    since: date | str | None = None,
    dyad: str | None = None,
    item_order: Sequence[str] = (),
    user: User | None = None,
    style: CsvStyle | None = None,
    force: bool = False,
) -> int:
    """One row per response, one column per item; return the number of rows.

    Items are in ``item_order`` first (the forms' order, when the caller knows
    it), then any other item by form and id. ``force`` replaces an existing file."""
    allowed(db, user, dyad)
    check_target(out, force=force)
    chosen = filters(since, dyad)
    rows = []
    for fixed in db.execute(RESPONSES_SQL, chosen).fetchall():
        answers = {item: value for item, value, _at in answers_of(db, fixed[0])}
        rows.append((dict(zip(FIXED_COLUMNS, fixed, strict=True)), answers))
    extra = sorted({(fixed["form_id"], item) for fixed, answers in rows for item in answers})
    items = list(dict.fromkeys([*item_order, *(item for _form, item in extra)]))
    with writing(out, style or clinic_style(db), force=force) as writer:
        writer.writerow([*FIXED_COLUMNS, *items])
        for fixed, answers in rows:
            writer.writerow([*fixed.values(), *(_cell(answers.get(i)) for i in items)])
    log(db, out, "csv", chosen, len(rows), user)
    return len(rows)


def _table(db: sqlite_utils.Database, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return list(db.query(sql, params))  # sqlite-utils: each row as a dict by column


_VISITS = (
    "SELECT v.* FROM visits v WHERE (:since IS NULL OR v.date >= :since) "
    "AND (:dyad IS NULL OR v.dyad_uuid = :dyad) ORDER BY v.date, v.created_at"
)


def export_everything(
    db: sqlite_utils.Database,
    *,
    since: date | str | None = None,
    dyad: str | None = None,
    user: User | None = None,
) -> dict[str, Any]:
    """Every patient, staff account (without password hash), dyad, visit, response
    with its answers, and analysis result selected by the filters, as plain data."""
    allowed(db, user, dyad)
    f = filters(since, dyad)
    scope = f"SELECT dyad_uuid FROM ({_VISITS})"
    dyads = _table(db, f"SELECT * FROM dyads WHERE uuid IN ({scope}) ORDER BY created_at", f)
    responses = _table(
        db, f"SELECT * FROM responses WHERE visit_uuid IN (SELECT uuid FROM ({_VISITS}))", f
    )
    for response in responses:
        response["answers"] = {
            item: {"value": value, "answered_at": at}
            for item, value, at in answers_of(db, response["uuid"])
        }
    results = _table(
        db, f"SELECT * FROM visit_results WHERE visit_uuid IN (SELECT uuid FROM ({_VISITS}))", f
    )
    for result in results:
        result["summary"] = from_json(result["summary"])
    people = f"SELECT patient_uuid FROM dyads WHERE uuid IN ({scope})"
    staff = f"SELECT physician_uuid FROM dyads WHERE uuid IN ({scope})"
    return {
        "format": "dyade-export",
        "version": 1,
        "exported_at": now(),
        "filters": f,
        "patients": _table(db, f"SELECT * FROM patients WHERE uuid IN ({people})", f),
        "users": _table(
            db,
            "SELECT uuid, login, display_name, role, language, active, created_at FROM users "
            f"WHERE uuid IN ({staff})",
            f,
        ),
        "dyads": dyads,
        "visits": _table(db, _VISITS, f),
        "responses": responses,
        "visit_results": results,
    }


def export_json(
    db: sqlite_utils.Database,
    out: str | os.PathLike[str],
    *,
    since: date | str | None = None,
    dyad: str | None = None,
    user: User | None = None,
    force: bool = False,
) -> int:
    """Write :func:`export_everything` to ``out``; return the number of responses."""
    check_target(out, force=force)
    data = export_everything(db, since=since, dyad=dyad, user=user)
    write_text(out, json.dumps(data, ensure_ascii=False, indent=1), force=force)
    log(db, out, "json", data["filters"], len(data["responses"]), user)
    return len(data["responses"])


def log(db, out, kind: str, filters: dict[str, Any], count: int, user: User | None) -> None:
    """Every export leaves the encryption behind: the audit says who wrote what, where."""
    details = {"format": kind, "filters": filters, "responses": count}
    with db.atomic():
        audit.record(
            db, "exported", str(out), user_uuid=user.uuid if user else None, details=details
        )
