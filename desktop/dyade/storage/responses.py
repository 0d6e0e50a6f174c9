"""Responses (one respondent filling one form at one visit) and their answers.

Each answer is written the moment it is given, in its own small transaction:
a crash or a power cut loses at most the answer being clicked, and reopening
the response resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlite_utils

from dyade.storage import audit
from dyade.storage.dyads import require_clinical
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.records import check_language, clean_text, from_json, iso_date, now, to_json
from dyade.storage.users import User

RESPONDENTS = ("patient", "physician")
STATUSES = ("pending", "in_progress", "complete")
_COLUMNS = (
    "uuid, visit_uuid, respondent, form_id, form_version, language, status, "
    "created_at, updated_at, completed_at"
)


@dataclass(frozen=True)
class Response:
    uuid: str
    visit_uuid: str
    respondent: str
    form_id: str
    form_version: int
    language: str
    status: str
    created_at: str
    updated_at: str
    completed_at: str | None


@dataclass(frozen=True)
class PendingResponse:
    """A response not completed yet, with what a waiting-room list needs."""

    response_uuid: str
    respondent: str
    form_id: str
    status: str
    visit_uuid: str
    visit_code: str
    visit_date: str
    patient_code: str
    physician_uuid: str


def get_response(db: sqlite_utils.Database, response_uuid: str) -> Response:
    row = db.execute(f"SELECT {_COLUMNS} FROM responses WHERE uuid = ?", [response_uuid]).fetchone()
    if row is None:
        raise _no_response(response_uuid)
    return Response(*row)


def responses_of_visit(db: sqlite_utils.Database, visit_uuid: str) -> list[Response]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM responses WHERE visit_uuid = ? ORDER BY respondent",
        [visit_uuid],
    ).fetchall()
    return [Response(*row) for row in rows]


def _no_response(response_uuid: str) -> NotFound:
    return NotFound(
        f"no response with id {response_uuid}",
        fr=f"aucune réponse n’a l’identifiant {response_uuid}",
    )


def _refuse_write(db: sqlite_utils.Database, response_uuid: str) -> InvalidRecord | NotFound:
    """Why an update of an open response touched no row."""
    response = get_response(db, response_uuid)  # raises NotFound
    return InvalidRecord(
        f"response {response.uuid} ({response.form_id}) is {response.status}; "
        "a completed questionnaire is not changed",
        fr=f"le questionnaire {response.uuid} ({response.form_id}) est terminé\u00a0; un "
        "questionnaire terminé ne se modifie plus",
    )


def _answer_json(item_id: str, value: Any) -> str:
    if not isinstance(item_id, str) or not item_id:
        raise InvalidRecord(
            f"item id {item_id!r}: give the item's id from the form",
            fr=f"identifiant de question {item_id!r}\u00a0: donnez l’identifiant de la question "
            "dans le questionnaire",
        )
    if isinstance(value, str):  # a comment: nothing that hides or reorders what it says
        value = clean_text(value)
    try:
        return to_json(value)
    except (TypeError, ValueError) as exc:
        raise InvalidRecord(
            f"item {item_id}: the answer {value!r} cannot be stored",
            fr=f"question {item_id}\u00a0: la réponse {value!r} ne peut pas être enregistrée",
        ) from exc


_TOUCH = (
    "UPDATE responses SET updated_at = :at, status = CASE status WHEN 'pending' "
    "THEN 'in_progress' ELSE status END WHERE uuid = :r AND status != 'complete'"
)
_UPSERT = (
    "INSERT INTO answers (response_uuid, item_id, value, answered_at) VALUES (?,?,?,?) "
    "ON CONFLICT(response_uuid, item_id) DO UPDATE SET value = excluded.value, "
    "answered_at = excluded.answered_at"
)


def save_answer(db: sqlite_utils.Database, response_uuid: str, item_id: str, value: Any) -> None:
    """Store one answer now (``None`` = skipped); pending becomes in progress."""
    text = _answer_json(item_id, value)
    stamp = now()
    with db.atomic():
        if db.execute(_TOUCH, {"at": stamp, "r": response_uuid}).rowcount == 0:
            raise _refuse_write(db, response_uuid)
        db.execute(_UPSERT, [response_uuid, item_id, text, stamp])


def save_answers(
    db: sqlite_utils.Database,
    response_uuid: str,
    answers: Mapping[str, Any],
    *,
    complete: bool = False,
    user: User | None = None,
) -> Response:
    """Store a whole answer set at once (an answer file), optionally completing it."""
    stamp = now()
    rows = [
        [response_uuid, item, _answer_json(item, value), stamp] for item, value in answers.items()
    ]
    with db.atomic():
        if db.execute(_TOUCH, {"at": stamp, "r": response_uuid}).rowcount == 0:
            raise _refuse_write(db, response_uuid)
        db.conn.executemany(_UPSERT, rows)
        if complete:
            _complete(db, response_uuid, stamp, user)
    return get_response(db, response_uuid)


def set_response_language(db: sqlite_utils.Database, response_uuid: str, language: str) -> None:
    """The respondent switched language mid-questionnaire."""
    check_language(language)
    with db.atomic():
        cursor = db.execute(
            "UPDATE responses SET language = ?, updated_at = ? WHERE uuid = ? "
            "AND status != 'complete'",
            [language, now(), response_uuid],
        )
        if cursor.rowcount == 0:
            raise _refuse_write(db, response_uuid)


def _complete(db: sqlite_utils.Database, response_uuid: str, stamp: str, user: User | None):
    cursor = db.execute(
        "UPDATE responses SET status = 'complete', completed_at = ?, updated_at = ? "
        "WHERE uuid = ? AND status != 'complete'",
        [stamp, stamp, response_uuid],
    )
    if cursor.rowcount == 0:
        raise _refuse_write(db, response_uuid)
    db.execute(
        "UPDATE visits SET status = 'complete' WHERE status = 'open' AND uuid = "
        "(SELECT visit_uuid FROM responses WHERE uuid = :r) AND NOT EXISTS (SELECT 1 FROM "
        "responses o WHERE o.visit_uuid = visits.uuid AND o.status != 'complete')",
        {"r": response_uuid},
    )
    audit.record(
        db, "completed", f"response:{response_uuid}", user_uuid=user.uuid if user else None
    )


def complete_response(
    db: sqlite_utils.Database, response_uuid: str, *, user: User | None = None
) -> Response:
    """Close a response; once both sides are complete the visit is complete too
    (and its kiosk code is free again)."""
    with db.atomic():
        _complete(db, response_uuid, now(), user)
    return get_response(db, response_uuid)


def dyad_of_response(db: sqlite_utils.Database, response_uuid: str) -> str:
    row = db.execute(
        "SELECT v.dyad_uuid FROM responses r JOIN visits v ON v.uuid = r.visit_uuid "
        "WHERE r.uuid = ?",
        [response_uuid],
    ).fetchone()
    if row is None:
        raise _no_response(response_uuid)
    return row[0]


def load_answers(
    db: sqlite_utils.Database, response_uuid: str, *, user: User | None = None
) -> dict[str, Any]:
    """Answers given so far, item id -> value (``user=None``: the kiosk resuming)."""
    dyad_uuid = dyad_of_response(db, response_uuid)
    if user is not None:
        require_clinical(db, user, dyad_uuid)
        with db.atomic():
            audit.record(db, "opened", f"response:{response_uuid}", user_uuid=user.uuid)
    rows = db.execute(
        "SELECT item_id, value FROM answers WHERE response_uuid = ?", [response_uuid]
    ).fetchall()
    return {item: from_json(value) for item, value in rows}


def answer_pace(db: sqlite_utils.Database, response_uuid: str) -> float | None:
    """Seconds per answer, on average, from the time each answer was saved.

    The kiosk and the physician's questionnaire save answer by answer; a file, an
    import or the command line saves them all at once (one time for all), and then
    the pace is not known: None. Also None under four answers.
    """
    rows = db.execute(
        "SELECT answered_at FROM answers WHERE response_uuid = ? ORDER BY answered_at",
        [response_uuid],
    ).fetchall()
    stamps = [datetime.fromisoformat(row[0]) for row in rows]
    if len(stamps) < 4 or stamps[0] == stamps[-1]:
        return None
    return (stamps[-1] - stamps[0]).total_seconds() / (len(stamps) - 1)


_PENDING = """
SELECT r.uuid, r.respondent, r.form_id, r.status, v.uuid, v.code, v.date, p.code, d.physician_uuid
FROM responses r
JOIN visits v ON v.uuid = r.visit_uuid
JOIN dyads d ON d.uuid = v.dyad_uuid
JOIN patients p ON p.uuid = d.patient_uuid
WHERE r.status != 'complete' AND v.status = 'open'
  AND (:physician IS NULL OR d.physician_uuid = :physician)
  AND (:day IS NULL OR v.date = :day)
ORDER BY v.date, v.created_at, r.respondent
"""


def latest_completion(db: sqlite_utils.Database) -> str | None:
    """When the most recent response was completed (None before any): the background
    sync watches it to send a finished questionnaire soon."""
    return db.execute("SELECT max(completed_at) FROM responses").fetchone()[0]


def pending_responses(
    db: sqlite_utils.Database,
    physician: str | None = None,
    today: date | str | None = None,
) -> list[PendingResponse]:
    """Responses still to fill in open visits (of one physician, on one day)."""
    rows = db.execute(_PENDING, {"physician": physician, "day": iso_date(today)}).fetchall()
    return [PendingResponse(*row) for row in rows]


def _answers_of(db: sqlite_utils.Database, response_uuid: str) -> dict[str, Any]:
    rows = db.execute(
        "SELECT item_id, value FROM answers WHERE response_uuid = ?", [response_uuid]
    ).fetchall()
    return {item: from_json(value) for item, value in rows}


def completed_answer_sets(db: sqlite_utils.Database) -> Iterator[tuple[Response, dict[str, Any]]]:
    """Every completed response with its answers, oldest first: the clinic's own data
    for ``dyade psychometrics`` (no audit entry: nothing is shown of any one person)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM responses WHERE status = 'complete' ORDER BY completed_at, uuid"
    ).fetchall()
    for row in rows:
        response = Response(*row)
        yield response, _answers_of(db, response.uuid)


def completed_pairs(
    db: sqlite_utils.Database,
) -> Iterator[tuple[Response, dict[str, Any], Response, dict[str, Any]]]:
    """Visits whose two sides are complete: (patient, answers, physician, answers)."""
    by_visit: dict[str, dict[str, tuple[Response, dict[str, Any]]]] = {}
    for response, answers in completed_answer_sets(db):
        by_visit.setdefault(response.visit_uuid, {})[response.respondent] = (response, answers)
    for sides in by_visit.values():
        if {"patient", "physician"} <= set(sides):
            yield (*sides["patient"], *sides["physician"])
