"""What the analysis concluded about each visit, and the dashboard's attention list.

The analysis layer writes one result per visit (scores and flags as JSON, and
an attention rank: 0 when nothing calls for a look); the dashboard reads the
latest result of each of a physician's dyads, highest rank first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from dyade.storage import audit
from dyade.storage.dyads import require_clinical
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.records import from_json, now, to_json
from dyade.storage.users import User


@dataclass(frozen=True)
class VisitResult:
    visit_uuid: str
    computed_at: str
    attention: int
    summary: dict[str, Any]


@dataclass(frozen=True)
class AttentionItem:
    """One dyad on the "needs attention" list, from its latest analysed visit."""

    dyad_uuid: str
    patient_uuid: str
    patient_code: str
    patient_name: str | None
    visit_uuid: str
    visit_date: str
    attention: int
    summary: dict[str, Any]
    shared: bool


def save_visit_result(
    db: sqlite_utils.Database,
    visit_uuid: str,
    attention: int,
    summary: dict[str, Any],
    *,
    computed_at: str | None = None,
) -> VisitResult:
    """Store (or replace) the analysis of one visit."""
    if not isinstance(attention, int) or attention < 0:
        raise InvalidRecord(
            f"attention rank {attention!r}: give a whole number from 0",
            fr=f"rang d’attention {attention!r}\u00a0: donnez un nombre entier à partir de 0",
        )
    if db.execute("SELECT 1 FROM visits WHERE uuid = ?", [visit_uuid]).fetchone() is None:
        raise NotFound(
            f"no visit with id {visit_uuid}", fr=f"aucune visite n’a l’identifiant {visit_uuid}"
        )
    result = VisitResult(visit_uuid, computed_at or now(), attention, summary)
    with db.atomic():
        db.execute(
            "INSERT INTO visit_results (visit_uuid, computed_at, attention, summary) "
            "VALUES (?,?,?,?) ON CONFLICT(visit_uuid) DO UPDATE SET "
            "computed_at = excluded.computed_at, attention = excluded.attention, "
            "summary = excluded.summary",
            [visit_uuid, result.computed_at, attention, to_json(summary)],
        )
    return result


def get_visit_result(
    db: sqlite_utils.Database, visit_uuid: str, *, user: User | None = None
) -> VisitResult | None:
    row = db.execute(
        "SELECT r.visit_uuid, r.computed_at, r.attention, r.summary, v.dyad_uuid "
        "FROM visit_results r JOIN visits v ON v.uuid = r.visit_uuid WHERE r.visit_uuid = ?",
        [visit_uuid],
    ).fetchone()
    if row is None:
        return None
    if user is not None:
        require_clinical(db, user, row[4])
        with db.atomic():
            audit.record(db, "opened", f"visit:{visit_uuid}", user_uuid=user.uuid)
    return VisitResult(row[0], row[1], row[2], from_json(row[3]))


# The physician's dyads, then for each its latest analysed visit from the
# visit_ranks index alone (migration 2); the `limit` highest ranks are chosen before
# any ~9 KB summary is read, so only those rows of visit_results are touched.
_ATTENTION = """
WITH mine(dyad_uuid, patient_uuid, shared) AS (
    SELECT uuid, patient_uuid, 0 FROM dyads WHERE physician_uuid = :me
    UNION ALL
    SELECT d.uuid, d.patient_uuid, 1 FROM dyad_access a JOIN dyads d ON d.uuid = a.dyad_uuid
    WHERE a.user_uuid = :me AND a.revoked_at IS NULL AND d.physician_uuid != :me
), top(dyad_uuid, patient_uuid, shared, visit_uuid, visit_date, attention) AS MATERIALIZED (
    SELECT m.dyad_uuid, m.patient_uuid, m.shared, k.visit_uuid, k.visit_date, k.attention
    FROM mine m CROSS JOIN visit_ranks k INDEXED BY visit_ranks_latest ON k.dyad_uuid = m.dyad_uuid
    WHERE k.attention > 0 AND k.visit_uuid = (
        SELECT l.visit_uuid FROM visit_ranks l WHERE l.dyad_uuid = m.dyad_uuid
        ORDER BY l.visit_date DESC, l.visit_created_at DESC LIMIT 1)
    ORDER BY k.attention DESC, k.visit_date DESC LIMIT :limit
)
SELECT t.dyad_uuid, p.uuid, p.code, p.name, t.visit_uuid, t.visit_date, t.attention, r.summary,
    t.shared
FROM top t
CROSS JOIN visit_results r ON r.visit_uuid = t.visit_uuid
JOIN patients p ON p.uuid = t.patient_uuid
ORDER BY t.attention DESC, t.visit_date DESC
"""


def needs_attention(
    db: sqlite_utils.Database, physician_uuid: str, limit: int = 50
) -> list[AttentionItem]:
    """The physician's dyads (own and shared) whose latest analysed visit asks for
    a look, highest attention rank first."""
    rows = db.execute(_ATTENTION, {"me": physician_uuid, "limit": limit}).fetchall()
    return [
        AttentionItem(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], from_json(row[7]), bool(row[8])
        )
        for row in rows
    ]


@dataclass(frozen=True)
class LatestResult:
    """A dyad's latest analysed visit: what a calm dashboard row shows."""

    dyad_uuid: str
    visit_date: str
    summary: dict[str, Any]


def _chunks(uuids: list[str], size: int = 500) -> list[list[str]]:
    """SQLite caps the parameters of one statement; a long dyad list goes in slices."""
    return [uuids[i : i + size] for i in range(0, len(uuids), size)]


_STALE = """
SELECT DISTINCT v.dyad_uuid FROM visits v
WHERE v.dyad_uuid IN ({marks})
  AND NOT EXISTS (SELECT 1 FROM visit_results r WHERE r.visit_uuid = v.uuid)
  AND EXISTS (SELECT 1 FROM responses p WHERE p.visit_uuid = v.uuid
              AND p.respondent = 'patient' AND p.status = 'complete')
  AND EXISTS (SELECT 1 FROM responses d WHERE d.visit_uuid = v.uuid
              AND d.respondent = 'physician' AND d.status = 'complete')
"""


def stale_dyads(db: sqlite_utils.Database, dyad_uuids: list[str]) -> list[str]:
    """Of these dyads, those with a visit both sides finished but not analysed yet.

    One query for the whole list: the dashboard used to read each dyad's history to
    find out, which grew with every dyad a physician follows.
    """
    found: list[str] = []
    for part in _chunks(list(dyad_uuids)):
        sql = _STALE.format(marks=",".join("?" * len(part)))
        found += [row[0] for row in db.execute(sql, part).fetchall()]
    return sorted(found)


_LATEST = """
SELECT k.dyad_uuid, k.visit_date, r.summary FROM visit_ranks k
JOIN visit_results r ON r.visit_uuid = k.visit_uuid
WHERE k.dyad_uuid IN ({marks}) AND k.visit_uuid = (
    SELECT l.visit_uuid FROM visit_ranks l WHERE l.dyad_uuid = k.dyad_uuid
    ORDER BY l.visit_date DESC, l.visit_created_at DESC LIMIT 1)
"""


def latest_results(db: sqlite_utils.Database, dyad_uuids: list[str]) -> dict[str, LatestResult]:
    """Each dyad's latest analysed visit (date and summary), for the dyads that have one."""
    latest: dict[str, LatestResult] = {}
    for part in _chunks(list(dyad_uuids)):
        sql = _LATEST.format(marks=",".join("?" * len(part)))
        for dyad_uuid, visit_date, summary in db.execute(sql, part).fetchall():
            latest[dyad_uuid] = LatestResult(dyad_uuid, visit_date, from_json(summary))
    return latest
