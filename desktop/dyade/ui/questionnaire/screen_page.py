"""One screen of a questionnaire as a page, built once and kept while it is open.

Building a screen (its question, its answer buttons, each styled against the
style sheet) takes tens of milliseconds; showing a page that already exists
takes a few. :class:`QuestionnaireView` keeps one page per screen visited (or
built ahead in idle time) and switches between them, so Next and Back stay
quick. The pages live and die with their view: the kiosk destroys the view,
and every page in it, when a person is done or walks away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from dyade.fill import FillSession
from dyade.ui.questionnaire.item_view import ItemView
from dyade.ui.questionnaire.speech import Reader
from dyade.ui.touch import swipe


def frameless(scroll: QScrollArea) -> QScrollArea:
    """A frameless scroll area that fits its content's width and scrolls vertically."""
    scroll.setObjectName("questionScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return swipe(scroll)


class ScreenPage(QScrollArea):
    """The items of screen ``index`` (and the form's instructions on the first one)."""

    def __init__(
        self,
        session: FillSession,
        index: int,
        on_answered: Callable[[str, Any], None],
        parent: QWidget | None = None,
        reader: Reader | None = None,
    ) -> None:
        super().__init__(parent)
        frameless(self)
        self.session, self.index = session, index
        content = QWidget()
        content.setObjectName("screenPage")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(14)
        self.intro: QLabel | None = None
        if index == 0:
            self.intro = QLabel(session.form.instructions.get(session.language), content)
            self.intro.setObjectName("instructions")
            self.intro.setWordWrap(True)
            layout.addWidget(self.intro)
        self.items: list[ItemView] = []
        for item in session.screens[index].items:
            value = session.answers.get(item.id)
            view = ItemView(session.form, item, value, session.language, content, reader)
            view.show_value(value, answered=item.id in session.answers)
            view.answered.connect(on_answered)
            layout.addWidget(view)
            self.items.append(view)
        layout.addStretch(1)
        self.setWidget(content)

    def set_language(self, lang: str) -> None:
        """The form's wording in ``lang``; the answers shown stay as they are."""
        for view in self.items:
            view.set_language(lang)
        if self.intro is not None:
            self.intro.setText(self.session.form.instructions.get(lang))
