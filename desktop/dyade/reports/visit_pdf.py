"""The visit summary's pages: header, both perceptions, flags with evidence and
repairs, and the "how to read this" note.

A visit where only one side has answered says so under the header, and its
headings name the side whose answers it shows.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Indenter, KeepTogether, Spacer, Table, TableStyle

from dyade.formats import format_date
from dyade.reports import styles as st
from dyade.reports.blocks import (
    boxed,
    context_rows,
    font_rule,
    grid_table,
    header_table,
    heading,
    para,
    rich,
    title_block,
)
from dyade.reports.charts import subscale_chart
from dyade.reports.labels import Labels, typeset
from dyade.reports.view import FlagView, VisitView


def visit_subject(view: VisitView, lab: Labels) -> str:
    """The subtitle (and the PDF's subject): both sides, or the one that answered."""
    return lab(f"one_side.subject.{view.answered[0]}") if view.missing else lab("subject.visit")


def header(context: Any, lab: Labels, width: float, title: str, subtitle: str) -> list[Any]:
    date = format_date(context.visit_date, lab.lang) if context.visit_date else None
    date_row = (lab("header.visit_date"), date or lab("header.unknown"))
    rows = context_rows(context, lab, date_row=date_row)
    return [*title_block(title, subtitle, lab.lang), header_table(rows, width, lab.lang)]


def one_side_note(view: VisitView, lab: Labels, width: float) -> list[Any]:
    """Who has answered, when only one side has: read before any score."""
    if not view.missing:
        return []
    note = lab(f"one_side.note.{view.answered[0]}")
    return [boxed(lab("one_side.title"), [note], width, lab.lang)]


def words_section(context: Any, lab: Labels) -> list[Any]:
    """The patient's comment and the physician's notes, quoted as typed, before any score."""
    from dyade.reports.own_words import of_side

    s = st.styles()
    out: list[Any] = []
    for side in ("patient", "physician"):
        texts = of_side(tuple(getattr(context, "words", ())), side)
        if not texts:
            continue
        quoted = [para(f"« {t} »" if lab.lang == "fr" else f"“{t}”", s.quote, lab.lang)
                  for t in texts]  # fmt: skip
        out.append(KeepTogether([heading(lab(f"sections.words_{side}"), lab.lang), *quoted]))
    return out


def scores_section(view: VisitView, lab: Labels, width: float) -> list[Any]:
    s = st.styles()
    title = lab(f"one_side.scores.{view.answered[0]}") if view.missing else lab("sections.scores")
    out: list[Any] = [heading(title, lab.lang)]
    out.append(para(lab("scores.intro"), s.muted, lab.lang))
    out.append(Spacer(1, 4))
    if view.scores:
        out.append(subscale_chart(view.scores, lab, width))
    if any(r.beyond_expected for r in view.scores):
        out.append(para(lab("scores.beyond_note"), s.muted, lab.lang))
    if any(getattr(r, side) is None for r in view.scores for side in view.answered):
        out.append(para(lab("scores.not_scorable_note"), s.muted, lab.lang))
    return [KeepTogether(out), *meta_section(view, lab, width)]


def meta_section(view: VisitView, lab: Labels, width: float) -> list[Any]:
    if not view.meta:
        return []
    head = [
        lab("meta.by"),
        lab("meta.about"),
        lab("meta.estimated"),
        lab("meta.actual"),
        lab("meta.result"),
    ]
    rows = [[m.by, m.target, m.estimate, m.actual, m.verdict] for m in view.meta]
    widths = [w * width for w in (0.14, 0.22, 0.24, 0.22, 0.18)]
    table = grid_table(head, rows, widths, lab.lang)
    return [KeepTogether([heading(lab("sections.meta"), lab.lang, 3), table])]


def _evidence(flag: FlagView, lab: Labels, width: float, one_side: bool) -> list[Any]:
    s = st.styles()
    if not flag.evidence:
        return [para(lab("evidence.none"), s.muted, lab.lang)]
    intro = lab("one_side.evidence_intro") if one_side else lab("evidence.intro")
    head = [
        lab("evidence.question"),
        lab("evidence.patient_answer"),
        lab("evidence.physician_answer"),
    ]
    rows = [[e.question, e.patient_answer, e.physician_answer] for e in flag.evidence]
    widths = [0.5 * width, 0.25 * width, 0.25 * width]
    return [
        para(intro, s.small, lab.lang),
        grid_table(head, rows, widths, lab.lang),
    ]


def _repairs(flag: FlagView, lab: Labels) -> list[Any]:
    """The "ways to repair" heading and each suggestion with its phrases, never split.

    The heading stays with the first suggestion (never alone at a page's foot),
    and a little space sets each suggestion apart from the phrases before it.
    """
    s = st.styles()
    out: list[Any] = [Spacer(1, 2)]
    for index, sug in enumerate(flag.suggestions):
        name = st.escape(typeset(sug.principle, lab.lang))
        if sug.function:
            name += " — " + st.escape(typeset(sug.function, lab.lang))
        block = [heading(lab("sections.repair"), lab.lang, 3)] if index == 0 else [Spacer(1, 3)]
        block.append(rich(f"<b>{name}</b>", s.small))
        block += [para(f"« {p} »" if lab.lang == "fr" else f"“{p}”", s.quote, lab.lang)
                  for p in sug.phrases]  # fmt: skip
        out.append(KeepTogether(block))
    return out


def flag_block(flag: FlagView, lab: Labels, width: float, one_side: bool = False) -> list[Any]:
    """One flag: title, who perceived it, explanation, evidence, ways to repair.

    The severity bar runs beside the title and explanation; the evidence table
    below may split across pages (its header repeats).
    """
    s = st.styles()
    colon = "\u00a0:" if lab.lang == "fr" else ":"
    facts = " · ".join(
        f"{st.escape(typeset(k, lab.lang))}{colon} <b>{st.escape(typeset(v, lab.lang))}</b>"
        for k, v in flag.facts
    )
    intro = [
        heading(flag.title, lab.lang, 3),
        rich(facts, s.small),
        Spacer(1, 2),
        para(flag.explanation, s.body, lab.lang),
    ]
    bar = colors.HexColor(st.FLAG_BAR.get(flag.severity, st.MUTED))
    head = Table([[intro]], colWidths=[width])
    head.setStyle(
        TableStyle(
            [
                font_rule(),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, bar),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    body: list[Any] = [Indenter(left=10.5), *_evidence(flag, lab, width - 10.5, one_side)]
    if flag.suggestions:
        body += _repairs(flag, lab)
    return [CondPageBreak(90), head, *body, Indenter(left=-10.5), Spacer(1, 8)]


def flags_section(view: VisitView, lab: Labels, width: float) -> list[Any]:
    s = st.styles()
    out: list[Any] = [CondPageBreak(80), heading(lab("sections.flags"), lab.lang)]
    if not view.flags:
        none = lab(f"one_side.flags_none.{view.answered[0]}") if view.missing else lab("flags.none")
        return [*out, para(none, s.body, lab.lang)]
    out.append(para(lab("repair.intro"), s.muted, lab.lang))
    out.append(Spacer(1, 4))
    for flag in view.flags:
        out += flag_block(flag, lab, width, one_side=view.missing is not None)
    return out


def visit_story(view: VisitView, context: Any, lab: Labels, width: float, title: str) -> list:
    """Every flowable of a visit summary, in reading order."""
    story = header(context, lab, width, title, visit_subject(view, lab))
    story += one_side_note(view, lab, width)
    story += words_section(context, lab)
    story += scores_section(view, lab, width)
    story += flags_section(view, lab, width)
    story.append(boxed(lab("sections.how_to_read"), lab.paragraphs("how_to_read.paragraphs"),
                       width, lab.lang))  # fmt: skip
    return story
