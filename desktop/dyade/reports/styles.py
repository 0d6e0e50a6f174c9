"""Paragraph styles and the palette: one place for how the reports look.

Colours are chosen to stay distinct when printed in grey (dark against light),
and every chart also tells the sides apart by pattern, marker or line style.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

PATIENT = "#1f4e79"  # dark blue: prints dark grey
PATIENT_LIGHT = "#dbe6f1"
PHYSICIAN = "#b35a00"  # dark orange: prints mid grey, always hatched or dashed
PHYSICIAN_LIGHT = "#f6dcc0"
INK = "#1a1a1a"
MUTED = "#5a5a5a"
RULE = "#9a9a9a"
GRID = "#d0d0d0"
BOX = "#f2f2f2"
FLAG_BAR = {1: "#9a9a9a", 2: "#5a5a5a", 3: "#1a1a1a"}


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of a report, all in the embedded font."""

    title: Any
    subtitle: Any
    h2: Any
    h3: Any
    body: Any
    small: Any
    muted: Any
    cell: Any
    cell_num: Any
    cell_bold: Any
    cell_head: Any
    quote: Any
    box: Any


@cache
def styles() -> Styles:
    """Build once per process (after the font is registered)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from dyade.reports.fonts import BOLD, ITALIC, register_fonts

    font = register_fonts()
    ink = colors.HexColor(INK)
    base = ParagraphStyle("base", fontName=font, fontSize=8.6, leading=11.4, textColor=ink)

    def make(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=make("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=2),
        subtitle=make("subtitle", fontSize=9, leading=12, textColor=colors.HexColor(MUTED)),
        h2=make("h2", fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=8, spaceAfter=3),
        h3=make("h3", fontName=BOLD, fontSize=9.2, leading=12, spaceBefore=4, spaceAfter=1.5),
        body=make("body", spaceAfter=2),
        small=make("small", fontSize=7.8, leading=10),
        muted=make("muted", fontSize=7.8, leading=10, textColor=colors.HexColor(MUTED)),
        cell=make("cell", fontSize=7.6, leading=9.4),
        cell_num=make("cell_num", fontSize=7.6, leading=9.4, alignment=2),
        cell_bold=make("cell_bold", fontName=BOLD, fontSize=7.8, leading=9.6),
        cell_head=make("cell_head", fontName=BOLD, fontSize=7.4, leading=9.4),
        quote=make("quote", fontName=ITALIC, fontSize=8.2, leading=10.6, leftIndent=10),
        box=make("box", fontSize=7.8, leading=10.2, spaceAfter=2),
    )


def escape(text: str) -> str:
    """Text safe inside a reportlab Paragraph (which reads a little XML)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
