"""The page frame shared by every report: size, margins, metadata, footer, writing.

The footer's "page n of N" needs the page count before the first page is
final, so the canvas keeps each page's state and draws the footers on save.
The file goes through :mod:`dyade.safe_write`: written beside its destination
under a temporary name and moved into place at the end, so a failed export never
leaves half a PDF, and an existing file is never replaced unless the caller says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyade import __version__
from dyade.errors import DyadeError
from dyade.reports.context import PAGE_SIZES
from dyade.reports.labels import Labels
from dyade.safe_write import check_target, writing

MARGIN_MM = 16
FOOTER_MM = 9


@dataclass(frozen=True)
class DocumentInfo:
    """PDF metadata and the footer's left-hand text."""

    title: str
    author: str
    subject: str
    footer: str


def page_size(name: str) -> tuple[float, float]:
    """The page size in points for ``a4`` or ``letter``."""
    from reportlab.lib.pagesizes import A4, LETTER

    sizes = {"a4": A4, "letter": LETTER}
    key = name.lower()
    if key not in sizes:
        raise DyadeError(f"page size {name!r}: choose one of {', '.join(PAGE_SIZES)}")
    return sizes[key]


def _canvas_class(labels: Labels, footer: str, font: str) -> type:
    """A canvas that draws "Confidential ... page n of N" once the count is known."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._headings: list[tuple[int, str, int, float]] = []

        def mark_heading(self, text: str, level: int, top: float) -> None:
            """Remember a heading of this page for the outline (drawn when pages are final)."""
            self._headings.append((self.getPageNumber(), text, level, top))

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            headings = self._headings
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                self._outline(n for n in headings if n[0] == number)
                super().showPage()
            if headings:
                self.showOutline()  # a reader opens with the bookmarks beside the page
            super().save()

        def _outline(self, headings: Any) -> None:
            for page, text, level, top in headings:
                key = f"h{page}-{int(top)}-{level}"
                self.bookmarkPage(key, fit="XYZ", left=0, top=top)
                self.addOutlineEntry(text, key, level=level, closed=level > 1)

        def _draw_footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            left, y = MARGIN_MM * mm, FOOTER_MM * mm
            self.saveState()
            self.setStrokeGray(0.55)
            self.setLineWidth(0.4)
            self.line(left, y + 3.6 * mm, width - left, y + 3.6 * mm)
            self.setFillGray(0.25)
            self.setFont(font + "-Bold", 7.5)
            confidential = labels("footer.confidential")
            self.drawString(left, y, confidential)
            self.setFont(font, 7.5)
            offset = self.stringWidth(confidential + "  ", font + "-Bold", 7.5)
            self.drawString(left + offset, y, footer)
            self.drawRightString(width - left, y, labels("footer.page", n=number, total=total))
            self.restoreState()

    return FooterCanvas


OUTLINE_LEVELS = {"title": 0, "h2": 1}  # flag titles sit in tables: not reachable here


def _doc_class() -> type:
    """A page template whose headings become the PDF's outline (its bookmarks)."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    class OutlinedDoc(SimpleDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:
            level = OUTLINE_LEVELS.get(getattr(getattr(flowable, "style", None), "name", ""))
            if level is None or not isinstance(flowable, Paragraph):
                return
            top = self.frame._y + flowable.height + flowable.style.spaceBefore
            self.canv.mark_heading(flowable.getPlainText(), level, top)

    return OutlinedDoc


def write_pdf(
    story: Sequence[Any],
    out: Path,
    info: DocumentInfo,
    labels: Labels,
    *,
    size: str = "a4",
    overwrite: bool = False,
) -> Path:
    """Lay the story out on pages and write it atomically to ``out``."""
    from reportlab.lib.units import mm

    from dyade.reports.fonts import register_fonts

    out = refuse_existing(Path(out), overwrite)
    font = register_fonts()
    with writing(out, force=overwrite, kind="report") as tmp:
        doc = _doc_class()(
            str(tmp),
            pagesize=page_size(size),
            leftMargin=MARGIN_MM * mm,
            rightMargin=MARGIN_MM * mm,
            topMargin=14 * mm,
            bottomMargin=(FOOTER_MM + 8) * mm,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator=f"Dyade {__version__}",
            producer=f"Dyade {__version__}",
            lang=labels.lang,
            displayDocTitle=True,
            initialFontName=font,
        )
        doc.build(list(story), canvasmaker=_canvas_class(labels, info.footer, font))
    return out


def refuse_existing(out: Path, overwrite: bool) -> Path:
    """Refuse at once (before the slow layout) what the safe writer would refuse:
    an existing file without ``overwrite``, the clinic's database, a missing folder."""
    return check_target(out, force=overwrite, kind="report")
