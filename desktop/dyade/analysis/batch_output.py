"""What ``dyade analyse`` writes: one row per dyad-visit, one row per dyad.

Formats are documented in docs/ANALYSIS.md. A flag is written compactly as
``kind:origin:rupture_type:perceived_by:severity`` (``-`` for none), several
joined with ``;``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dyade.analysis.attention import attention_rank
from dyade.analysis.compare import compared_subscales
from dyade.analysis.csv_batch import BatchResult
from dyade.analysis.trajectory import DyadHistory
from dyade.analysis.visit import SideSummary, VisitAnalysis
from dyade.csv_dialect import EXCEL, CsvStyle, writing
from dyade.errors import DyadeError
from dyade.safe_write import write_text
from dyade.vocabulary import FLAG_KINDS

SUBSCALE_ORDER = (
    "bond", "goals", "tasks", "agreement", "understanding", "competence",
    "withdrawal_self", "confrontation_self", "withdrawal_other", "confrontation_other",
    "estimate_bond", "estimate_agreement",
)  # fmt: skip


def compact_flag(flag: Any) -> str:
    parts = (flag.kind, flag.origin, flag.rupture_type, flag.perceived_by, flag.severity)
    return ":".join("-" if p is None else str(p) for p in parts)


def _ordered(names: set[str]) -> list[str]:
    known = [s for s in SUBSCALE_ORDER if s in names]
    return known + sorted(names - set(known))


def _layout(result: BatchResult) -> tuple[list[str], list[str]]:
    subscales: set[str] = set()
    compared: set[str] = set()
    for *_key, analysis in result.visits:
        for summary in (analysis.patient, analysis.physician):
            if summary is not None:  # a batch pairs both sides; stay safe all the same
                subscales.update(summary.scores)
        compared.update(d.subscale for d in analysis.discrepancies)
    return _ordered(subscales), _ordered(compared)


def form_columns(forms: Mapping[str, Any], form_ids: Iterable[str]) -> tuple[list, list]:
    """Subscale and compared-subscale columns for the forms a file names, known before
    any visit is analysed (what a streamed output needs for its header)."""
    subscales: set[str] = set()
    compared: set[str] = set()
    named = [forms[f] for f in form_ids if f in forms]
    for form in named:
        subscales.update(s.id for s in form.subscales)
    for form in named:
        pair = forms.get(form.pair)
        if form.respondent == "patient" and pair is not None:
            comp = {side.respondent: {s.id: s.component for s in side.subscales}
                    for side in (form, pair)}  # fmt: skip
            names = compared_subscales(comp["patient"], comp.get("physician", {}))
            compared.update(row[0] for row in names)
    return _ordered(subscales), _ordered(compared)


def _form_of(summary: SideSummary | None) -> str | None:
    """The form a side answered; None for a side that has not answered."""
    return None if summary is None else summary.form


def visit_row(key: tuple, analysis: VisitAnalysis, subscales, compared) -> dict[str, Any]:
    dyad, visit, date = key
    row: dict[str, Any] = {
        "dyad": dyad,
        "visit": visit,
        "date": date,
        "patient_form": _form_of(analysis.patient),
        "physician_form": _form_of(analysis.physician),
    }
    p, d = analysis.scores("patient"), analysis.scores("physician")
    for sid in subscales:
        row[f"patient_{sid}"] = p.get(sid)
        row[f"physician_{sid}"] = d.get(sid)
    by_name = {x.subscale: x for x in analysis.discrepancies}
    for sid in compared:
        x = by_name.get(sid)
        row[f"diff_{sid}"] = x.difference if x else None
        row[f"beyond_{sid}"] = x.beyond_chance if x else None
    kinds = [f.kind for f in analysis.flags]
    for kind in FLAG_KINDS:
        row[kind] = kinds.count(kind)
    row["max_severity"] = max((f.severity for f in analysis.flags), default=0)
    row["flags"] = ";".join(compact_flag(f) for f in analysis.flags)
    row["attention_rank"] = analysis.attention_rank
    return row


def dyad_row(dyad: str, history: DyadHistory, last: VisitAnalysis | None) -> dict[str, Any]:
    """One dyad's findings over its visits."""
    return {
        "dyad": dyad,
        "visits": len(history.visits),
        "episodes_repaired": sum(e.status == "repaired" for e in history.episodes),
        "episodes_unresolved": len(history.unresolved),
        "episodes_strict": sum(e.strict for e in history.episodes),
        "drop_alerts": len(history.drop_alerts),
        "current_alert": bool(history.current_alerts),
        "convergence": history.convergence.status,
        "convergence_slope": history.convergence.slope,
        "attention_rank": attention_rank(last, history),
    }


def dyad_rows(result: BatchResult) -> list[dict[str, Any]]:
    last: dict[str, VisitAnalysis] = {}
    for dyad, _visit, _date, analysis in result.visits:
        last[dyad] = analysis
    return [dyad_row(d, history, last.get(d)) for d, history in result.histories.items()]


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str], style: CsvStyle) -> None:
    with writing(path, style) as writer:
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(c)) for c in columns])


def _visit_rows(result: BatchResult) -> tuple[list[dict[str, Any]], list[str]]:
    subscales, compared = _layout(result)
    rows = [visit_row(tuple(v[:3]), v[3], subscales, compared) for v in result.visits]
    if rows:
        return rows, list(rows[0])
    return rows, ["dyad", "visit", "date", "patient_form", "physician_form", "flags"]


def dyads_path(out: Path) -> Path:
    """Where the per-dyad CSV goes next to the per-visit one."""
    return out.with_name(f"{out.stem}-dyads{out.suffix}")


def _json_flags(analysis: VisitAnalysis) -> list[dict[str, Any]]:
    return [f.model_dump(exclude={"explanation", "suggestions"}) for f in analysis.flags]


def write_outputs(result: BatchResult, out: Path, style: CsvStyle = EXCEL) -> list[Path]:
    """Write a collected result: CSV (two files) or JSON (one file); the paths written."""
    visits, columns = _visit_rows(result)
    dyads = dyad_rows(result)
    try:
        if out.suffix.lower() == ".json":
            for row, (*_k, analysis) in zip(visits, result.visits, strict=True):
                row["flags"] = _json_flags(analysis)
            for row in dyads:
                row["history"] = result.histories[row["dyad"]].to_dict()
            payload = {
                "rows": result.rows,
                "skipped": result.skipped,
                "problems": [str(p) for p in result.problems],
                "visits": visits,
                "dyads": dyads,
            }
            write_text(out, json.dumps(payload, ensure_ascii=False, indent=1), kind="analysis")
            return [out]
        _check_suffix(out)
        _write_csv(out, visits, columns, style)
        dyad_columns = list(dyads[0]) if dyads else ["dyad", "visits"]
        _write_csv(dyads_path(out), dyads, dyad_columns, style)
        return [out, dyads_path(out)]
    except OSError as exc:
        raise DyadeError(f"{out}: cannot write ({exc.strerror})") from None


def _check_suffix(out: Path) -> None:
    if out.suffix.lower() not in (".csv", ".json"):
        raise DyadeError(f"{out}: --out must end in .csv or .json")


def summary_lines(result: BatchResult) -> list[str]:
    """Plain-text summary for the terminal."""
    lines = [
        f"{result.rows} response rows, {result.analysed} dyad-visits analysed,"
        f" {result.dyads} dyads, {len(result.problems)} problem(s)"
        + (f", {result.skipped} unfinished response(s) skipped" if result.skipped else "")
    ]
    for dyad, visit, date, analysis in result.visits:
        flags = ", ".join(compact_flag(f) for f in analysis.flags) or "no flag"
        lines.append(f"  dyad {dyad} visit {visit}{' ' + date if date else ''}: {flags}")
    for row in dyad_rows(result):
        lines.append(
            f"  dyad {row['dyad']}: {row['episodes_repaired']} repaired and"
            f" {row['episodes_unresolved']} unresolved episode(s), {row['drop_alerts']} drop"
            f" alert(s), perceptions {row['convergence']}"
        )
    return lines
