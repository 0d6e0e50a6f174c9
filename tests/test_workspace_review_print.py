"""An export says where it went and opens it; the review prints, card or whole visit."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from dyade.ui.workspace import review_print
from test_workspace_exports import review_of

pytest_plugins = ("test_workspace_exports",)  # its demo clinic and workspace fixtures


def test_an_export_names_its_file_and_opens_it_or_its_folder(
    qtbot,
    workspace,
    tmp_path,
    monkeypatch,
):
    opened = []
    monkeypatch.setattr(review_print.QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    assert window.saved.isHidden()  # nothing to say before an export
    out = window.exports.export("visit", tmp_path / "a.pdf", "en")
    assert not window.saved.isHidden()
    assert window.saved.text.text() == f"Saved: a.pdf in {tmp_path}"
    qtbot.mouseClick(window.saved.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.saved.folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(out.resolve()), str(tmp_path.resolve())]
    assert all(url.scheme() == "file" for url in opened)


def test_the_file_url_of_a_name_with_spaces_and_accents(tmp_path):
    path = tmp_path / "résumé de visite.pdf"
    url = review_print.file_url(path)
    assert url.isLocalFile() and Path(url.toLocalFile()) == path.resolve()
    assert "%20" in url.toString(url.ComponentFormattingOption.FullyEncoded)


def printed_text(path: Path) -> str:
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", raw)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_the_card_gives_the_words_and_the_findings_only(
    qtbot,
    workspace,
    tmp_path,
):
    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    out = tmp_path / "card.pdf"
    window.printing.print_to(pdf_printer(out), full=False)
    text = printed_text(out)
    assert "Patient A-1042" in text and "In the patient" in text and "Deux semaines" in text
    assert "Who saw it" in text and "Rupture seen by one side only: the patient" in text
    assert "Ways to repair" not in text  # the details stay off the card


def test_the_print_button_asks_for_a_printer_then_prints_the_whole_visit(
    qtbot,
    workspace,
    tmp_path,
    monkeypatch,
):
    out = tmp_path / "visit.pdf"

    def accept(dialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    window.printing.full_action.trigger()
    text = printed_text(out)
    assert "Ways to repair" in text and "Item by item" in text
    assert len(PdfReader(out).pages) >= 2
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    out.unlink()
    card = window.printing.card_action
    assert window.printing.ask(lambda printer: card.trigger()) is False and not out.exists()


def test_the_visit_summary_pdf_itself_prints_page_by_page(qtbot, workspace, tmp_path, monkeypatch):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor
    from PySide6.QtPdf import QPdfDocument

    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    exported = window.exports.export("visit", tmp_path / "summary.pdf", "en")
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    pages = window.printing.print_summary_to(printer)
    assert pages == len(PdfReader(exported).pages) == len(PdfReader(out).pages) >= 2
    printed = QPdfDocument()
    printed.load(str(out))
    image = printed.render(0, QSize(200, 283))
    inked = sum(
        QColor(image.pixel(x, y)).lightness() < 128
        for x in range(0, 200, 2)
        for y in range(0, 283, 2)
    )
    assert inked > 200  # the summary's text and charts are on the paper, not a blank page
