"""After an export, say where the file went (with Open and Show in folder); print a review.

An export used to end on a grey "Saved: /long/path" that nobody could act on.
The notice names the file and opens it, or its folder, with the system's own
viewer (QDesktopServices). Printing goes through Qt's print dialog: the card
(the own words and a card per finding) or the whole visit, drawn from the same
text the review shows, or the visit summary PDF itself, its pages drawn by Qt's PDF
renderer; a printer that is also a PDF writer gives a file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from dyade.errors import DyadeError
from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.words import current_language


def file_url(path: Path) -> QUrl:
    """The URL the system opens for a file or a folder."""
    return QUrl.fromLocalFile(str(Path(path).resolve()))


def open_path(path: Path) -> bool:
    """Open a file or a folder with the system's viewer (a PDF reader, the file manager)."""
    return QDesktopServices.openUrl(file_url(path))


class SavedNotice(Retranslating, QWidget):
    """ "Saved: dyade-A-1042-2026-11-30-en.pdf in /home/…" with Open and Show in folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedNotice")
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.open_button, self.folder_button = QPushButton(self), QPushButton(self)
        self.open_button.clicked.connect(lambda: self.path and open_path(self.path))
        self.folder_button.clicked.connect(lambda: self.path and open_path(self.path.parent))
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        self.setVisible(False)
        self.retranslate()

    def show_path(self, path: Path) -> None:
        self.path = Path(path)
        self.retranslate()
        self.setVisible(True)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the PDF with this computer's PDF reader"))
        self.folder_button.setText(self.tr("Show in folder"))
        self.folder_button.setToolTip(self.tr("Open the folder that holds the PDF"))
        if self.path is not None:
            self.text.setText(
                self.tr("Saved: {name} in {folder}").format(
                    name=self.path.name, folder=self.path.parent
                )
            )


PRINT_DPI = 300  # sharp on paper without a page-sized image at the printer's 1200 dpi


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Draw each page of a PDF on the printer (Qt's PDF renderer); the number of pages."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        raise DyadeError(f"{path}: cannot read the PDF to print it",
                         fr=f"{path}\u00a0: impossible de lire le PDF pour l’imprimer")  # fmt: skip
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, (points * PRINT_DPI / 72).toSize())
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), scaled), image)
    finally:
        painter.end()
    return document.pageCount()


def print_html(html: str, printer: QPrinter) -> None:
    """Lay ``html`` out on the printer's pages."""
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)


def review_html(view: Any, full: bool) -> str:
    """The visit's own words and cards (and, when ``full``, the details and item table)."""
    parts = [view.words.text()]
    parts += [card.text.text() for card in view.cards.cards]
    if not view.cards.cards:
        parts.append(f"<p>{escape(view.cards.none.text())}</p>")
    if full:
        parts.append(f"<h2>{escape(view.details_title.text())}</h2>{view.flags.text()}")
        parts.append(f"<h2>{escape(view.items_title.text())}</h2>{items_html(view.items)}")
    return "".join(parts)


def items_html(model: Any) -> str:
    """The item table as an HTML table (header and every row)."""
    columns = range(model.columnCount())
    head = "".join(f"<th align='left'>{escape(str(model.headerData(c, _h()) or ''))}</th>"
                   for c in columns)  # fmt: skip
    rows = []
    for r in range(model.rowCount()):
        cells = "".join(
            f"<td>{escape(str(model.data(model.index(r, c)) or ''))}</td>" for c in columns
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f"<table border='1' cellpadding='3' cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>"
    )


def _h() -> Any:
    return Qt.Orientation.Horizontal


class PrintButton(Retranslating, QPushButton):
    """Print the review: the card alone, or the whole visit (Qt's print dialog)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.menu_ = QMenu(self)
        self.card_action = self.menu_.addAction("")
        self.full_action = self.menu_.addAction("")
        self.pdf_action = self.menu_.addAction("")
        self.card_action.triggered.connect(lambda: self.ask(lambda p: self.print_to(p, False)))
        self.full_action.triggered.connect(lambda: self.ask(lambda p: self.print_to(p, True)))
        self.pdf_action.triggered.connect(lambda: self.ask(self.print_summary_to))
        self.setMenu(self.menu_)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Print…"))
        self.card_action.setText(self.tr("The card: own words and findings"))
        self.full_action.setText(self.tr("The whole visit, with details and items"))
        self.pdf_action.setText(self.tr("The visit summary PDF"))
        self.pdf_action.setEnabled(self.window_.current_visit() is not None)

    def ask(self, print_on: Callable[[QPrinter], object]) -> bool:
        """Ask for a printer, then print; False when the person cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the review"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            print_on(printer)
        except DyadeError as exc:
            show_error(self, describe(exc))
            return False
        return True

    def print_summary_to(self, printer: QPrinter) -> int:
        """Make the visit's summary PDF (as Export would), print its pages; how many."""
        from dyade.ui.workspace.exports import export_visit

        window = self.window_
        code = window.current_visit().entry.visit.code
        with tempfile.TemporaryDirectory(prefix="dyade-print-") as folder:
            out = Path(folder) / "visit.pdf"
            export_visit(window.workspace.session, code, out, current_language(), overwrite=False)
            return print_pdf(out, printer)

    def print_to(self, printer: QPrinter, full: bool) -> None:
        window = self.window_
        title = escape(window.heading.text())
        visit = escape(window.visit_choice.currentText())
        print_html(
            f"<h1>{title}</h1><p>{visit}</p>" + review_html(window.visit_view, full), printer
        )
