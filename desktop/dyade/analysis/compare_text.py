"""Plain-text rendering of a visit analysis (``dyade compare`` without ``--json``)."""

from __future__ import annotations

from typing import Any

from dyade.analysis import texts
from dyade.analysis.visit import VisitAnalysis


def _label(key: str, lang: str) -> str:
    return texts.lookup("labels", key)[lang]


def _colon(lang: str) -> str:
    return "\u00a0:" if lang == "fr" else ":"


def _short(side: str, lang: str) -> str:
    return texts.lookup("short_sides", side)[lang]


def _num(value: float | None, lang: str, signed: bool = False) -> str:
    if value is None:
        return _label("not_scorable", lang)
    text = f"{value:+.2f}" if signed else f"{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def _answer(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ";".join(map(str, value)) or "-"
    return str(value)


def _one_side_scores(analysis: VisitAnalysis, lang: str) -> list[str]:
    """The answering side's own scores, when the other side has not answered."""
    side = "physician" if analysis.missing == "patient" else "patient"
    lines = [f"{_label('scores_one_side', lang)} ({_short(side, lang)})"]
    for sid, value in analysis.scores(side).items():
        lines.append(f"  {sid:<24} {_num(value, lang):>8}")
    return lines


def _scores(analysis: VisitAnalysis, lang: str) -> list[str]:
    if analysis.missing:
        return _one_side_scores(analysis, lang)
    lines = [_label("scores", lang)]
    for row in analysis.discrepancies:
        beyond = (
            ""
            if row.beyond_chance is None
            else _label("answer_yes" if row.beyond_chance else "answer_no", lang)
        )
        lines.append(
            f"  {row.subscale:<24} {_num(row.patient, lang):>8} {_num(row.physician, lang):>8}"
            f" {_num(row.difference, lang, signed=True) if row.difference is not None else '':>8}"
            f"  {beyond}"
        )
    return lines


def _meta(analysis: VisitAnalysis, lang: str) -> list[str]:
    if not analysis.meta_perception:
        return []
    lines = [_label("meta", lang)]
    for m in analysis.meta_perception:
        est = _num(m.estimate, lang) if isinstance(m.estimate, float) else m.estimate
        if m.about == analysis.missing:
            actual = _label("missing_side", lang)
        elif m.actual is None:
            actual = _label("not_scorable", lang)
        else:
            actual = _num(m.actual, lang) if isinstance(m.actual, float) else m.actual
        verdict = (
            "" if m.accurate is None else _label("accurate" if m.accurate else "inaccurate", lang)
        )
        who = _short(m.by, lang)
        lines.append(
            f"  {_label('by', lang)} {who}, {m.target}{_colon(lang)} {est} | {actual}  {verdict}"
        )
    return lines


def _perceived(value: str, lang: str) -> str:
    if value in ("both", "none", "unknown"):
        return _label(value, lang)
    return _short(value, lang)


def _flag(number: int, flag: Any, lang: str, missing: str | None = None) -> list[str]:
    head = f"{number}. {texts.flag_name(flag, lang)}"
    details = []
    if flag.origin:
        details.append(f"{_label('origin', lang)}{_colon(lang)} {_short(flag.origin, lang)}")
    perceived = _perceived(flag.perceived_by, lang)
    details.append(f"{_label('perceived_by', lang)}{_colon(lang)} {perceived}")
    severity = texts.severity_label(flag.severity)[lang]
    details.append(f"{_label('severity', lang)}{_colon(lang)} {severity}")
    lines = [f"{head} ({', '.join(details)})", f"   {flag.explanation[lang]}"]
    items = [e for e in flag.evidence if e.item]
    if items:
        lines.append(f"   {_label('evidence', lang)}{_colon(lang)}")
        for e in items:
            mirror = ""
            if e.mirror_item and missing is None:
                mirror = (
                    f"  ({_label('mirror', lang)} {e.mirror_item} = {_answer(e.mirror_answer)})"
                )
            option = f" [{e.option}]" if e.option else ""
            lines.append(f"     {e.item}{option} = {_answer(e.answer)}{mirror}")
    if flag.suggestions:
        lines.append(f"   {_label('suggestions', lang)}{_colon(lang)}")
        for s in flag.suggestions:
            what = texts.lookup("principles", s.principle)[lang]
            if s.function:
                what += " / " + texts.lookup("functions", s.function)[lang]
            lines.append(f"     - {what}")
            lines.extend(
                f"       «\u00a0{p}\u00a0»" if lang == "fr" else f'       "{p}"'
                for p in s.phrases[lang]
            )
    return lines


def render(analysis: VisitAnalysis, lang: str = "en") -> str:
    """The comparison as a person reads it, in French or English."""
    p, d = (
        f"{s.form} v{s.version}" if s else _label("missing_side", lang)
        for s in (analysis.patient, analysis.physician)
    )
    lines = [
        _label("title", lang),
        f"{_label('forms', lang)}{_colon(lang)} {p} | {d}",
        "",
        *_scores(analysis, lang),
        "",
        *_meta(analysis, lang),
        "",
        _label("flags", lang),
    ]
    if not analysis.flags:
        lines.append(f"  {_label('no_flag', lang)}")
    for number, flag in enumerate(analysis.flags, 1):
        lines.extend(_flag(number, flag, lang, analysis.missing))
    return "\n".join(lines)
