"""Visits: a date, a short code for the kiosk, and the responses to fill.

The visit code has 6 characters from an alphabet without the look-alikes 0/O,
1/I, 2/Z, 5/S, 6/G and 8/B (the digit stays, the letter goes), so it reads aloud
and types without confusion; codes drawn before, with B, G, S or Z, still open.
It is unique among open visits only (a partial unique index), which keeps it
short for years of visits.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from dyade.storage import audit
from dyade.storage.dyads import get_dyad, require_clinical
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.records import from_json, iso_date, new_uuid, now, today
from dyade.storage.responses import RESPONDENTS, Response
from dyade.storage.results import VisitResult
from dyade.storage.users import User

CODE_ALPHABET = "23456789ACDEFHJKLMNPQRTUVWXY"  # 28 signs: about 4.8 x 10^8 codes
# What a code may hold when it is typed: also the letters of codes drawn before.
TYPED_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6
KINDS = ("full", "brief")
_COLUMNS = "uuid, dyad_uuid, date, code, kind, status, created_at"
# A visit's date is the clinic's: none before Dyade's questionnaires could exist, none
# further ahead than a visit booked a year in advance. A typo (1900, 2206) is refused.
EARLIEST_VISIT = date(2000, 1, 1)
MAX_DAYS_AHEAD = 366


def visit_date(on: date | str | None) -> str:
    """``on`` (default today) as ``YYYY-MM-DD``, refused outside the plausible range."""
    text = iso_date(on) or today()
    latest = date.today() + timedelta(days=MAX_DAYS_AHEAD)
    if not EARLIEST_VISIT <= date.fromisoformat(text) <= latest:
        raise InvalidRecord(
            f"visit date {text}: give a date from {EARLIEST_VISIT} to {latest} (a year ahead)",
            fr=f"date de visite {text}\u00a0: donnez une date du {EARLIEST_VISIT} au {latest} "
            "(un an à l’avance au plus)",
        )
    return text


@dataclass(frozen=True)
class FormRef:
    """Which form (and version) one respondent fills at a visit."""

    respondent: str
    form_id: str
    version: int


@dataclass(frozen=True)
class Visit:
    uuid: str
    dyad_uuid: str
    date: str
    code: str
    kind: str
    status: str
    created_at: str


@dataclass(frozen=True)
class VisitListing:
    visit: Visit
    patient_code: str
    physician_login: str
    responses: dict[str, str]  # respondent -> status


@dataclass(frozen=True)
class HistoryEntry:
    visit: Visit
    responses: list[Response]
    result: VisitResult | None


def normalize_code(text: str) -> str:
    """What a person typed, as stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch not in " -")


def new_visit_code(db: sqlite_utils.Database) -> str:
    """A random code no open visit uses (about 5 x 10^8 codes, so retries are rare)."""
    for _ in range(100):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if find_open_visit_by_code(db, code) is None:
            return code
    raise RuntimeError("could not draw a free visit code")


def _check_forms(forms: Sequence[FormRef]) -> None:
    seen = [ref.respondent for ref in forms]
    if sorted(seen) != sorted(RESPONDENTS):
        raise InvalidRecord(
            "a visit needs one form for the patient and one for the physician",
            fr="une visite demande un questionnaire pour le patient et un pour le médecin",
        )


def create_visit(
    db: sqlite_utils.Database,
    dyad_uuid: str,
    forms: Sequence[FormRef],
    *,
    kind: str = "full",
    on: date | str | None = None,
    by: str | None = None,
) -> Visit:
    """Open a visit with a fresh code and the pending response of each side."""
    if kind not in KINDS:
        raise InvalidRecord(
            f"visit kind {kind!r}: choose full or brief",
            fr=f"type de visite {kind!r}\u00a0: choisissez full (complète) ou brief (courte)",
        )
    _check_forms(forms)
    on = visit_date(on)
    get_dyad(db, dyad_uuid)
    languages = _languages(db, dyad_uuid)
    visit_uuid, stamp = new_uuid(), now()
    with db.atomic():
        code = new_visit_code(db)
        db.execute(
            f"INSERT INTO visits ({_COLUMNS}) VALUES (?,?,?,?,?,'open',?)",
            [visit_uuid, dyad_uuid, on, code, kind, stamp],
        )
        for ref in forms:
            db.execute(
                "INSERT INTO responses (uuid, visit_uuid, respondent, form_id, form_version, "
                "language, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                [
                    new_uuid(),
                    visit_uuid,
                    ref.respondent,
                    ref.form_id,
                    int(ref.version),
                    languages[ref.respondent],
                    stamp,
                    stamp,
                ],
            )
        audit.record(db, "created", f"visit:{visit_uuid}", user_uuid=by)
    return get_visit(db, visit_uuid)


def _languages(db: sqlite_utils.Database, dyad_uuid: str) -> dict[str, str]:
    row = db.execute(
        "SELECT p.language, u.language FROM dyads d JOIN patients p ON p.uuid = d.patient_uuid "
        "JOIN users u ON u.uuid = d.physician_uuid WHERE d.uuid = ?",
        [dyad_uuid],
    ).fetchone()
    return {"patient": row[0], "physician": row[1]}


def get_visit(db: sqlite_utils.Database, visit_uuid: str) -> Visit:
    row = db.execute(f"SELECT {_COLUMNS} FROM visits WHERE uuid = ?", [visit_uuid]).fetchone()
    if row is None:
        raise NotFound(
            f"no visit with id {visit_uuid}", fr=f"aucune visite n’a l’identifiant {visit_uuid}"
        )
    return Visit(*row)


def find_open_visit_by_code(db: sqlite_utils.Database, code: str) -> Visit | None:
    """The open visit a kiosk code names, or None (typing is forgiven: case, spaces)."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM visits WHERE code = ? AND status = 'open'",
        [normalize_code(code)],
    ).fetchone()
    return None if row is None else Visit(*row)


def latest_visit_by_code(db: sqlite_utils.Database, code: str) -> Visit | None:
    """The most recent visit with this code, open or closed, or None.

    Codes are reused once a visit closes; a report of a past visit asked for by
    its code means the latest one (typing is forgiven as for the kiosk).
    """
    row = db.execute(
        f"SELECT {_COLUMNS} FROM visits WHERE code = ? ORDER BY date DESC, created_at DESC LIMIT 1",
        [normalize_code(code)],
    ).fetchone()
    return None if row is None else Visit(*row)


CLOSED_CODE_DAYS = 60  # a closed visit's code is still recognised this long after its date


def find_visit_by_code(
    db: sqlite_utils.Database, code: str, *, days: int = CLOSED_CODE_DAYS
) -> Visit | None:
    """The visit a kiosk code names: the open one, else the latest closed one (read-only).

    Lets the kiosk say "already completed" rather than "unknown code". Codes are
    unique among open visits only and get reused, so a closed visit is looked for
    among the last ``days`` days of visits, through the date index.
    """
    visit = find_open_visit_by_code(db, code)
    if visit is not None:
        return visit
    row = db.execute(
        f"SELECT {_COLUMNS} FROM visits WHERE date >= ? AND code = ? "
        "ORDER BY date DESC, created_at DESC LIMIT 1",
        [(date.today() - timedelta(days=days)).isoformat(), normalize_code(code)],
    ).fetchone()
    return None if row is None else Visit(*row)


def not_open(db: sqlite_utils.Database, visit_uuid: str) -> InvalidRecord:
    """The refusal for a change to a visit already closed (completed or cancelled)."""
    code = get_visit(db, visit_uuid).code
    return InvalidRecord(f"visit {code} is not open", fr=f"la visite {code} n’est plus ouverte")


def cancel_visit(db: sqlite_utils.Database, visit_uuid: str, *, by: str | None = None) -> None:
    """The patient did not come: close the visit and free its code; answers stay."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE visits SET status = 'cancelled' WHERE uuid = ? AND status = 'open'",
            [visit_uuid],
        )
        if cursor.rowcount == 0:
            raise not_open(db, visit_uuid)
        audit.record(db, "changed", f"visit:{visit_uuid}", user_uuid=by, details={"cancelled": 1})


def reschedule_visit(
    db: sqlite_utils.Database, visit_uuid: str, on: date | str, *, by: str | None = None
) -> Visit:
    """Move an open visit to another day (the patient comes later): it stops being overdue.

    The code and any answers already given stay; a closed visit cannot move.
    """
    day = visit_date(on)
    with db.atomic():
        cursor = db.execute(
            "UPDATE visits SET date = ? WHERE uuid = ? AND status = 'open'", [day, visit_uuid]
        )
        if cursor.rowcount == 0:
            raise not_open(db, visit_uuid)
        audit.record(db, "changed", f"visit:{visit_uuid}", user_uuid=by, details={"date": day})
    return get_visit(db, visit_uuid)


_LIST = f"""
SELECT {", ".join("v." + c.strip() for c in _COLUMNS.split(","))}, p.code, u.login,
    (SELECT json_group_object(r.respondent, r.status) FROM responses r WHERE r.visit_uuid = v.uuid)
FROM visits v JOIN dyads d ON d.uuid = v.dyad_uuid
JOIN patients p ON p.uuid = d.patient_uuid JOIN users u ON u.uuid = d.physician_uuid
WHERE (:pending = 0 OR v.status = 'open')
  AND (:physician IS NULL OR d.physician_uuid = :physician)
  AND (:day IS NULL OR v.date = :day)
ORDER BY v.date DESC, v.created_at DESC LIMIT :limit
"""


def list_visits(
    db: sqlite_utils.Database,
    *,
    pending_only: bool = False,
    physician_uuid: str | None = None,
    on: date | str | None = None,
    limit: int = 500,
) -> list[VisitListing]:
    """Recent visits first; ``pending_only``: visits still open."""
    params = {
        "pending": int(pending_only),
        "physician": physician_uuid,
        "day": iso_date(on),
        "limit": limit,
    }
    rows = db.execute(_LIST, params).fetchall()
    return [VisitListing(Visit(*row[:7]), row[7], row[8], from_json(row[9]) or {}) for row in rows]


def dyad_history(
    db: sqlite_utils.Database, dyad_uuid: str, *, user: User | None = None
) -> list[HistoryEntry]:
    """Every visit of a dyad, oldest first, with its responses and analysis."""
    get_dyad(db, dyad_uuid)
    if user is not None:
        require_clinical(db, user, dyad_uuid)
        with db.atomic():
            audit.record(db, "opened", f"dyad:{dyad_uuid}", user_uuid=user.uuid)
    visits = db.execute(
        f"SELECT {_COLUMNS} FROM visits WHERE dyad_uuid = ? ORDER BY date, created_at",
        [dyad_uuid],
    ).fetchall()
    responses = _responses_by_visit(db, dyad_uuid)
    results = _results_by_visit(db, dyad_uuid)
    return [
        HistoryEntry(Visit(*row), responses.get(row[0], []), results.get(row[0])) for row in visits
    ]


def _responses_by_visit(db: sqlite_utils.Database, dyad_uuid: str) -> dict[str, list[Response]]:
    rows = db.execute(
        "SELECT r.uuid, r.visit_uuid, r.respondent, r.form_id, r.form_version, r.language, "
        "r.status, r.created_at, r.updated_at, r.completed_at FROM visits v "
        "JOIN responses r ON r.visit_uuid = v.uuid WHERE v.dyad_uuid = ? "
        "ORDER BY r.respondent",
        [dyad_uuid],
    ).fetchall()
    grouped: dict[str, list[Response]] = {}
    for row in rows:
        grouped.setdefault(row[1], []).append(Response(*row))
    return grouped


def _results_by_visit(db: sqlite_utils.Database, dyad_uuid: str) -> dict[str, VisitResult]:
    rows = db.execute(
        "SELECT r.visit_uuid, r.computed_at, r.attention, r.summary FROM visits v "
        "JOIN visit_results r ON r.visit_uuid = v.uuid WHERE v.dyad_uuid = ?",
        [dyad_uuid],
    ).fetchall()
    return {row[0]: VisitResult(row[0], row[1], row[2], from_json(row[3])) for row in rows}
