"""Building blocks shared by the reports: header, headings, tables, the boxed note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from dyade.reports import styles as st
from dyade.reports.labels import Labels, typeset


def font_rule() -> tuple:
    """Tables set a font of their own (Helvetica by default): make it the embedded one."""
    from dyade.reports.fonts import register_fonts

    return ("FONTNAME", (0, 0), (-1, -1), register_fonts())


def para(text: str, style: Any, lang: str) -> Paragraph:
    """A paragraph of plain text (escaped, French spacing applied, line breaks kept)."""
    parts = [st.escape(typeset(line, lang)) for line in text.split("\n")]
    return Paragraph("<br/>".join(parts), style)


def rich(markup: str, style: Any) -> Paragraph:
    """A paragraph whose markup the caller built from escaped parts."""
    return Paragraph(markup, style)


def header_table(rows: Sequence[tuple[str, str]], width: float, lang: str) -> Table:
    """Key–value facts in two columns of pairs, compact and aligned."""
    s = st.styles()
    cells = [(para(k, s.muted, lang), para(v, s.cell_bold, lang)) for k, v in rows]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    data = []
    for i in range(half):
        row = [*left[i], *(right[i] if i < len(right) else ("", ""))]
        data.append(row)
    key_w = 0.15 * width
    table = Table(data, colWidths=[key_w, 0.5 * width - key_w] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                font_rule(),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.HexColor(st.RULE)),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table


def title_block(title: str, subtitle: str, lang: str) -> list[Any]:
    s = st.styles()
    return [para(title, s.title, lang), para(subtitle, s.subtitle, lang), Spacer(1, 6)]


def heading(text: str, lang: str, level: int = 2) -> Paragraph:
    s = st.styles()
    return para(text, s.h2 if level == 2 else s.h3, lang)


def grid_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    lang: str,
    *,
    repeat: int = 1,
    extra: Sequence[tuple] = (),
) -> Table:
    """A plain ruled table: bold header on grey, thin rules, text that wraps."""
    s = st.styles()
    data = [[para(h, s.cell_head, lang) for h in head]]
    for row in rows:
        data.append([para(c, s.cell, lang) if isinstance(c, str) else c for c in row])
    table = Table(data, colWidths=list(widths), repeatRows=repeat, hAlign="LEFT")
    table.setStyle(TableStyle([*table_rules(), *extra]))
    return table


def table_rules() -> list[tuple]:
    rule = colors.HexColor(st.RULE)
    return [
        font_rule(),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(st.BOX)),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, rule),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, rule),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]


def boxed(title: str, paragraphs: Sequence[str], width: float, lang: str) -> KeepTogether:
    """The "how to read this" note: a framed grey box that never splits."""
    s = st.styles()
    inner = [para(title, s.h3, lang)] + [para(p, s.box, lang) for p in paragraphs]
    table = Table([[inner]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                font_rule(),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(st.BOX)),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(st.MUTED)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8), table])


def context_rows(context: Any, lab: Labels, *, date_row: tuple[str, str] | None) -> list:
    """The header's facts: clinic, patient code (and name when chosen), physician..."""
    unknown = lab("header.unknown")
    rows = [
        (lab("header.clinic"), context.clinic or unknown),
        (lab("header.patient"), context.patient_code or unknown),
    ]
    if context.patient_name:
        rows.append((lab("header.name"), context.patient_name))
    rows.append((lab("header.physician"), context.physician or unknown))
    if date_row is not None:
        rows.append(date_row)
    forms = [
        lab("header.form_version", form=ref.label(lab.lang), version=ref.version)
        for ref in context.form_refs()
    ]
    rows.append((lab("header.forms"), "\n".join(forms) or unknown))
    rows.append((lab("header.language"), lab("language")))
    return rows
