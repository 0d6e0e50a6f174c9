"""The top of a visit's review, read in a minute at the end of the day.

First what each side wrote in its own words, then one short card per finding:
what happened, who saw it, and one sentence to open the next visit with. The
scores chart, the evidence and the item table come below, for whoever wants
them.
"""

from __future__ import annotations

import re
from html import escape as _html_escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from dyade.analysis.attention import flag_category
from dyade.reports.own_words import OwnWords, of_side
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.widgets import BADGES
from dyade.ui.workspace.words import current_language, flag_label, label, pick

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«“\"])")


def escape(text: str) -> str:
    """HTML-escape for rich-text labels (apostrophes stay readable in the text)."""
    return _html_escape(text, quote=False)


def first_sentence(text: str) -> str:
    """The first sentence of an explanation: the card says what happened, the details why."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def quoted(text: str, lang: str) -> str:
    return f"«\u00a0{text}\u00a0»" if lang == "fr" else f"“{text}”"


def colon_for(lang: str) -> str:
    """French sets a no-break space before a colon."""
    return "\u00a0:" if lang == "fr" else ":"


def opening_phrase(flag: Any, lang: str) -> str | None:
    """The first repair phrase of the flag: one sentence to start the next visit with."""
    for suggestion in flag.suggestions:
        phrases = suggestion.phrases.get(lang) or []
        if phrases:
            return phrases[0]
    return None


def badge(flag: Any) -> tuple[str, str]:
    """The flag's symbol and colour, as on the dashboard (symbol and words, never colour only)."""
    return BADGES[flag_category(flag)]


class OwnWordsBox(Retranslating, QLabel):
    """The patient's comment and the physician's notes, quoted as typed; hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownWords")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words: tuple[OwnWords, ...] = ()

    def set_words(self, words: tuple[OwnWords, ...]) -> None:
        self.words = words
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "patient": self.tr("In the patient's words"),
            "physician": self.tr("Your notes on this visit"),
        }
        parts = []
        for side in ("patient", "physician"):
            for text in of_side(self.words, side):
                parts.append(
                    f"<p><b>{escape(titles[side])}</b><br/>"
                    f"<i>{escape(quoted(text, current_language()))}</i></p>"
                )
        self.setText("".join(parts))
        self.setAccessibleName(self.tr("What each side wrote in their own words"))
        self.setVisible(bool(parts))


class FindingCard(Retranslating, QFrame):
    """One finding in three lines: what happened, who saw it, a sentence to open with."""

    def __init__(self, flag: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag = flag
        self.setObjectName("findingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.retranslate()

    def who_saw_it(self) -> str:
        return {
            "patient": self.tr("the patient, not the physician"),
            "physician": self.tr("the physician, not the patient"),
            "both": self.tr("both the patient and the physician"),
            "none": self.tr("neither side, from their answers"),
        }.get(self.flag.perceived_by, self.tr("not known (answers missing)"))

    def whose_answers(self) -> str:
        """A notice about how one side answered is nobody's perception: say whose answers."""
        if self.flag.origin == "physician":
            return self.tr("the physician's answers")
        return self.tr("the patient's answers")

    def lines(self) -> list[tuple[str, str]]:
        """(heading, text) of each line of the card, in the current language."""
        flag, lang = self.flag, current_language()
        rows = [(self.tr("What happened"), first_sentence(pick(flag.explanation, lang)))]
        if flag.kind == "answers_to_check":
            rows.append((self.tr("Answers concerned"), self.whose_answers()))
        else:
            rows.append((self.tr("Who saw it"), self.who_saw_it()))
        phrase = opening_phrase(flag, lang)
        if phrase:
            rows.append((self.tr("To open the next visit"), quoted(phrase, lang)))
        return rows

    def retranslate(self) -> None:
        symbol, colour = badge(self.flag)
        title = escape(flag_label(self.flag))
        colon = colon_for(current_language())
        rows = "".join(f"<p><b>{escape(h)}{colon}</b> {escape(t)}</p>" for h, t in self.lines())
        self.text.setText(
            f"<p style='color:{colour}; font-weight:600; font-size:13pt'>{symbol} {title}</p>"
            + rows
        )
        self.setAccessibleName(flag_label(self.flag))

    def plain_text(self) -> str:
        """The card as plain text (for printing and for screen readers)."""
        lines = [flag_label(self.flag)]
        colon = colon_for(current_language())
        lines += [f"{h}{colon} {t}" for h, t in self.lines()]
        return "\n".join(lines)


class FindingCards(Retranslating, QWidget):
    """A card per finding of the visit, or a line saying there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.cards: list[FindingCard] = []
        self.none = QLabel(self)
        self.none.setWordWrap(True)
        self.column.addWidget(self.none)

    def set_flags(self, flags: list[Any]) -> None:
        for card in self.cards:
            self.column.removeWidget(card)
            card.deleteLater()
        self.cards = [FindingCard(flag, self) for flag in flags]
        for card in self.cards:
            self.column.addWidget(card)
        self.none.setText(label("no_flag"))
        self.none.setVisible(not flags)

    def retranslate(self) -> None:
        self.none.setText(label("no_flag"))
