"""From a visit's analysis to what its summary prints, in one language.

Reads the analysis's ``to_dict()`` form (documented in docs/ANALYSIS.md), so a
stored result and a fresh ``VisitAnalysis`` print the same. Scores that could
not be computed stay ``None`` and print as "not scorable".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyade.formats import format_score
from dyade.reports.formtext import FormText
from dyade.reports.labels import Labels
from dyade.reports.view import FlagView, MetaRow, ScoreRow, SuggestionView, VisitView

SUBSCALE_ORDER = ("bond", "goals", "tasks", "understanding", "competence")
CHOICE_TARGETS = ("stage", "main_goal")
SIDES = ("patient", "physician")


def as_dict(analysis: Any) -> dict[str, Any]:
    """The analysis as plain data, whether given as an object or already a dict."""
    if hasattr(analysis, "to_dict"):
        return analysis.to_dict()
    if isinstance(analysis, Mapping):
        return dict(analysis)
    raise TypeError(f"expected a visit analysis, got {type(analysis).__name__}")


def missing_side(data: Mapping[str, Any]) -> str | None:
    """The side that has not answered this visit (its summary is null), if any."""
    return next((side for side in SIDES if data.get(side) is None), None)


def side_form(data: Mapping[str, Any], side: str) -> str | None:
    """The id of the form a side answered, None when it has not answered."""
    return (data.get(side) or {}).get("form")


def side_scores(data: Mapping[str, Any], side: str) -> Mapping[str, Any]:
    """A side's scores by subscale, empty when it has not answered."""
    return (data.get(side) or {}).get("scores", {})


def subscale_label(lab: Labels, sid: str) -> str:
    key = f"subscales.{sid}"
    return lab(key) if lab.has(key) else sid.replace("_", " ").capitalize()


def _order(sid: str) -> tuple[int, str]:
    return (SUBSCALE_ORDER.index(sid) if sid in SUBSCALE_ORDER else len(SUBSCALE_ORDER), sid)


def score_rows(data: Mapping[str, Any], lab: Labels) -> list[ScoreRow]:
    """General and specific subscales of both sides, with each side's numeric estimates."""
    patient, physician = side_scores(data, "patient"), side_scores(data, "physician")
    beyond = {d["subscale"]: d.get("beyond_chance") for d in data.get("discrepancies", [])}
    estimates: dict[tuple[str, str], float] = {}
    for meta in data.get("meta_perception", []):
        if isinstance(meta.get("estimate"), int | float):
            estimates[(meta["by"], meta["target"])] = float(meta["estimate"])
    rows = []
    for sid in sorted(set(patient) | set(physician), key=_order):
        score = patient.get(sid) or physician.get(sid) or {}
        if score.get("component") not in ("general", "specific"):
            continue
        rows.append(
            ScoreRow(
                id=sid,
                label=subscale_label(lab, sid),
                component=score["component"],
                patient=(patient.get(sid) or {}).get("value"),
                physician=(physician.get(sid) or {}).get("value"),
                patient_estimate_of_physician=estimates.get(("patient", sid)),
                physician_estimate_of_patient=estimates.get(("physician", sid)),
                beyond_expected=beyond.get(sid),
                missing=missing_side(data),
            )
        )
    return rows


def _choice_text(data: Mapping[str, Any], text: FormText, meta: Mapping[str, Any], key: str) -> str:
    """An estimated or actual stage / main goal in words: from the estimated side's own
    item, else (that side has not answered) from the estimating side's item."""
    code = meta.get(key)
    if code is None:
        return text.lab("meta.unknown")
    form_id = side_form(data, meta["about"])
    form = text.forms.get(form_id or "")
    for item in getattr(form, "items", []):
        if item.construct == meta["target"] and code in item.codes():
            return text.option(form_id, item.id, code)
    items = meta.get("items") or []
    return text.option(side_form(data, meta["by"]), items[0], code) if items else code


def _choice_meta(data: Mapping[str, Any], text: FormText, meta: Mapping[str, Any]) -> tuple:
    """Estimate, actual and verdict of a stage or main-goal estimate."""
    close = "meta.stage_close" if meta["target"] == "stage" else "meta.accurate"
    verdict = {True: close, False: "meta.different", None: "meta.unknown"}[meta.get("accurate")]
    estimate, actual = (_choice_text(data, text, meta, key) for key in ("estimate", "actual"))
    return estimate, actual, text.lab(verdict)


def _score_meta(text: FormText, meta: Mapping[str, Any]) -> tuple:
    """Estimate, actual and verdict of an estimated score."""
    lab, actual = text.lab, meta.get("actual")
    if actual is None or meta.get("accurate") is None:
        verdict = lab("meta.unknown")
    elif meta["accurate"]:
        verdict = lab("meta.accurate")
    else:
        verdict = lab("meta.over" if (meta.get("error") or 0) > 0 else "meta.under")
    estimate = format_score(meta.get("estimate"), lab.lang, lab("meta.unknown"))
    return estimate, format_score(actual, lab.lang, lab("scores.not_scorable")), verdict


def meta_rows(data: Mapping[str, Any], text: FormText) -> list[MetaRow]:
    """Each estimate of the other side against what the other reported.

    When the other side has not answered, its answer and the verdict say so.
    """
    lab, rows, missing = text.lab, [], missing_side(data)
    for meta in data.get("meta_perception", []):
        if meta["target"] in CHOICE_TARGETS:
            estimate, actual, verdict = _choice_meta(data, text, meta)
        else:
            estimate, actual, verdict = _score_meta(text, meta)
        if meta["about"] == missing:
            actual, verdict = lab("one_side.not_answered"), lab("one_side.not_known")
        target = subscale_label(lab, meta["target"])
        rows.append(MetaRow(lab(f"sides.{meta['by']}"), target, estimate, actual, verdict))
    return rows


def flag_title(flag: Mapping[str, Any], lab: Labels) -> str:
    """ "Rupture seen by one side only: the patient (withdrawal, patient's side)"."""
    from dyade.analysis.texts import flag_name

    title = flag_name(dict(flag), lab.lang)
    details = []
    if flag.get("rupture_type"):
        details.append(lab(f"flags.rupture_types.{flag['rupture_type']}"))
    if flag.get("origin"):
        details.append(lab(f"flags.side_of.{flag['origin']}"))
    return f"{title} ({', '.join(details)})" if details else title


def _facts(flag: Mapping[str, Any], lab: Labels) -> list[tuple[str, str]]:
    facts = []
    if flag.get("perceived_by"):
        facts.append((lab("flags.perceived_by"), lab(f"flags.perceived.{flag['perceived_by']}")))
    facts.append((lab("flags.severity"), lab(f"flags.severities.{flag['severity']}")))
    return facts


def _suggestions(flag: Mapping[str, Any], lab: Labels) -> list[SuggestionView]:
    from dyade.analysis import texts

    out = []
    for s in flag.get("suggestions", []):
        principle = texts.lookup("principles", s["principle"])[lab.lang]
        function = texts.lookup("functions", s["function"])[lab.lang] if s.get("function") else None
        out.append(SuggestionView(principle, function, list(s["phrases"].get(lab.lang, []))))
    return out


def flag_views(data: Mapping[str, Any], text: FormText) -> list[FlagView]:
    from dyade.reports.evidence import evidence_rows

    lab = text.lab
    return [
        FlagView(
            title=flag_title(flag, lab),
            facts=_facts(flag, lab),
            severity=int(flag["severity"]),
            explanation=flag["explanation"][lab.lang],
            evidence=evidence_rows(data, flag.get("evidence", []), text),
            suggestions=_suggestions(flag, lab),
        )
        for flag in data.get("flags", [])
    ]


def visit_view(analysis: Any, forms: list[Any], lab: Labels) -> VisitView:
    """Everything a visit summary prints, in ``lab``'s language."""
    data = as_dict(analysis)
    text = FormText(forms, lab)
    return VisitView(
        score_rows(data, lab), meta_rows(data, text), flag_views(data, text), missing_side(data)
    )
