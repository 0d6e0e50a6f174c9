"""Export the analysis: one CSV row per dyad-visit with both sides' scores and the flags.

Rows come from the stored visit results (what ``dyade.dyad_analysis`` wrote and the
physician saw), so the file matches the screens. Columns follow ``dyade
analyse``'s per-visit CSV (docs/ANALYSIS.md): ``patient_<subscale>``,
``physician_<subscale>``, ``diff_<subscale>`` and ``beyond_<subscale>``, one
count column per flag kind, ``max_severity``, ``flags`` (each
``kind:origin:rupture_type:perceived_by:severity``, joined with ``;``), then
``attention_rank`` (the analysis' rank: lower = sooner) and ``attention``
(storage's: 0 = nothing to look at). The latest visit of a dyad also has the
history's ``unresolved``, ``repaired``, ``trend`` and ``convergence``.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import sqlite_utils

from dyade.csv_dialect import CsvStyle, writing
from dyade.safe_write import check_target
from dyade.storage.export import allowed, clinic_style, filters, log
from dyade.storage.records import from_json
from dyade.storage.users import User
from dyade.visit_summary import VisitSummary
from dyade.vocabulary import FLAG_KINDS

FIXED = (
    "visit_uuid",
    "visit_date",
    "visit_kind",
    "dyad_uuid",
    "patient_code",
    "physician_login",
    "patient_form",
    "physician_form",
)
HISTORY = ("unresolved", "repaired", "trend", "convergence")

_VISITS = """
SELECT v.uuid, v.date, v.kind, d.uuid, p.code, u.login, r.attention, r.summary
FROM visit_results r JOIN visits v ON v.uuid = r.visit_uuid JOIN dyads d ON d.uuid = v.dyad_uuid
JOIN patients p ON p.uuid = d.patient_uuid JOIN users u ON u.uuid = d.physician_uuid
WHERE (:since IS NULL OR v.date >= :since) AND (:dyad IS NULL OR d.uuid = :dyad)
ORDER BY v.date, v.created_at
"""


def _scores(side: dict[str, Any]) -> dict[str, Any]:
    return {sid: s.get("value") for sid, s in (side.get("scores") or {}).items()}


def _flag_text(flag: dict[str, Any]) -> str:
    parts = [flag.get(k) for k in ("kind", "origin", "rupture_type", "perceived_by", "severity")]
    return ":".join("-" if p is None else str(p) for p in parts)


def visit_row(fixed: tuple, attention: int, stored: dict[str, Any]) -> dict[str, Any]:
    """One CSV row (a dict by column) from a stored visit result."""
    summary = VisitSummary.read(stored)
    analysis = summary.analysis
    patient, physician = analysis.get("patient") or {}, analysis.get("physician") or {}
    row = dict(zip(FIXED, (*fixed, patient.get("form"), physician.get("form")), strict=True))
    p_scores, d_scores = _scores(patient), _scores(physician)
    for sid in dict.fromkeys([*p_scores, *d_scores]):
        row[f"patient_{sid}"] = p_scores.get(sid)
        row[f"physician_{sid}"] = d_scores.get(sid)
    for gap in analysis.get("discrepancies") or []:
        row[f"diff_{gap['subscale']}"] = gap.get("difference")
        row[f"beyond_{gap['subscale']}"] = gap.get("beyond_chance")
    flags = analysis.get("flags") or []
    kinds = [f.get("kind") for f in flags]
    row |= {kind: kinds.count(kind) for kind in FLAG_KINDS}
    row["max_severity"] = max((f.get("severity") or 0 for f in flags), default=0)
    row["flags"] = ";".join(_flag_text(f) for f in flags)
    row["attention_rank"] = summary.rank
    row["attention"] = attention
    row |= {key: getattr(summary, key) for key in HISTORY if getattr(summary, key) is not None}
    return row


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """Fixed columns, scores and gaps in the order first met, then flags and history."""
    tail = [*FLAG_KINDS, "max_severity", "flags", "attention_rank", "attention", *HISTORY]
    seen = dict.fromkeys(name for row in rows for name in row)
    middle = [name for name in seen if name not in FIXED and name not in tail]
    return [*FIXED, *middle, *tail]


def export_visit_csv(
    db: sqlite_utils.Database,
    out: str | os.PathLike[str],
    *,
    since: date | str | None = None,
    dyad: str | None = None,
    user: User | None = None,
    style: CsvStyle | None = None,
    force: bool = False,
) -> int:
    """Write one row per analysed dyad-visit to ``out``; return the number of rows."""
    allowed(db, user, dyad)
    check_target(out, force=force)
    chosen = filters(since, dyad)
    rows = [
        visit_row(tuple(found[:6]), found[6], from_json(found[7]) or {})
        for found in db.execute(_VISITS, chosen).fetchall()
    ]
    columns = _columns(rows)
    with writing(out, style or clinic_style(db), force=force) as writer:
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(name)) for name in columns])
    log(db, out, "csv-visits", chosen, len(rows), user)
    return len(rows)
