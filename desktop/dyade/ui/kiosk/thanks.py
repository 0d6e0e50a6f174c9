"""The thank-you screen: the answers are sent; gentle words to take to the physician.

It goes back to the welcome after a short time (the kiosk's idle watch; any touch
gives more time), counting down on screen, so the next person never reads the
phrases meant for this one. The patient can take the phrases away on a printed
card when the laptop has a printer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dyade.ui.icons import icon_pixmap
from dyade.ui.kiosk.pages import column, label
from dyade.ui.retranslate import Retranslating

if TYPE_CHECKING:  # made for a printed card only
    from PySide6.QtGui import QTextDocument


def default_printer() -> Any | None:
    """The system's default printer, or None (no printer: no "Print" button)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    if not QPrinterInfo.availablePrinterNames():
        return None
    return QPrinter(QPrinterInfo.defaultPrinter(), QPrinter.PrinterMode.HighResolution)


class ThanksPage(Retranslating, QWidget):
    """Thank you; when the patient's own answers show tension, gentle words to speak up."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None, printer=default_printer) -> None:
        super().__init__(parent)
        self.prompts: list[str] = []
        self.remaining = 0
        self._printer = printer  # () -> QPrinter | None, asked when there are phrases
        self.scroll, layout = column(self)
        layout.addStretch(1)
        self.heart = QLabel(self)
        self.heart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heart.setPixmap(icon_pixmap("heart", 64))
        self.title = label(self, "pageTitle")
        self.body = label(self, "muted")
        layout.addWidget(self.heart)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self._repair_box())
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addStretch(1)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("thanksPrint")
        self.print_button.setAutoDefault(True)
        self.print_button.clicked.connect(self.print_card)
        self.print_button.hide()
        self.done = QPushButton(self)
        self.done.setObjectName("thanksDone")
        self.done.setProperty("role", "primary")
        self.done.setAutoDefault(True)  # Enter finishes
        self.done.clicked.connect(self.finished)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.done)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.countdown = label(self, "muted")
        layout.addWidget(self.countdown)
        layout.addStretch(2)
        self.retranslate()

    def _repair_box(self) -> QFrame:
        self.repair = QFrame(self)
        self.repair.setObjectName("repairBox")
        box = QVBoxLayout(self.repair)
        box.setContentsMargins(24, 18, 24, 18)
        box.setSpacing(10)
        self.repair_intro = label(self.repair, "repairIntro", center=False)
        self.repair_phrases = label(self.repair, "repairPhrases", center=False)
        box.addWidget(self.repair_intro)
        box.addWidget(self.repair_phrases)
        self.repair.hide()
        return self.repair

    def set_prompts(self, prompts: list[str]) -> None:
        """Phrases for the patient (empty: no box at all)."""
        self.prompts = list(prompts)
        self.repair_phrases.setText("\n".join(f"\u2022 {p}" for p in self.prompts))
        self.repair.setVisible(bool(self.prompts))
        self.print_button.setVisible(bool(self.prompts) and self._printer() is not None)
        self.retranslate()

    def show_remaining(self, seconds: int) -> None:
        """The seconds before the welcome comes back (a touch gives more)."""
        self.remaining = seconds
        self.retranslate()

    def card(self) -> QTextDocument:
        """The phrases as a small card to take away: the intro and the phrases, no name."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument(self)
        items = "".join(f"<li>{p}</li>" for p in self.prompts)
        document.setHtml(f"<p>{self.repair_intro.text()}</p><ul>{items}</ul>")
        return document

    def print_card(self) -> bool:
        """Print the phrases on the default printer; False when there is none."""
        printer = self._printer()
        if printer is None or not self.prompts:
            return False
        self.card().print_(printer)
        return True

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you!"))
        self.body.setText(
            self.tr(
                "Your answers have been sent. You can now give the laptop back to the front desk."
            )
        )
        self.repair_intro.setText(
            self.tr(
                "Something may not have felt right today. That is useful to know, and you "
                "are welcome to talk about it with your doctor. For example:"
            )
        )
        self.repair.setAccessibleName(self.repair_intro.text())
        self.repair.setAccessibleDescription(self.repair_phrases.text())
        self.done.setText(self.tr("Finish"))
        self.done.setAccessibleName(self.tr("Finish"))
        self.done.setAccessibleDescription(self.tr("Close this page and return to the start"))
        self.print_button.setText(self.tr("Print these words"))
        self.print_button.setAccessibleName(self.tr("Print these words"))
        self.print_button.setAccessibleDescription(
            self.tr("Print the phrases above on a card to take with you")
        )
        self.countdown.setText(
            self.tr("Back to the start in {seconds} s.").format(seconds=self.remaining)
            if self.remaining
            else ""
        )
