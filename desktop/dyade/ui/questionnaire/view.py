"""A whole questionnaire: one screen at a time, progress, Back/Next, review, submit.

The keyboard contract (tests and assistive switches rely on it): digits 1-9
choose an option of the current question, Enter or Right go on, Left or
Backspace go back, Space toggles the focused option (Qt's own button key),
Enter on the review submits. The keys are shortcuts scoped to this view, so a
text box keeps its own use of them.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dyade.errors import DyadeError
from dyade.fill import FillSession, KindError
from dyade.ui.questionnaire.common import icon
from dyade.ui.questionnaire.item_view import ItemView
from dyade.ui.questionnaire.review import ReviewList
from dyade.ui.retranslate import Retranslating

NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Backspace)


class QuestionnaireView(Retranslating, QWidget):
    """Fills a :class:`FillSession`; emits ``submitted`` once it is complete."""

    submitted = Signal()

    def __init__(self, session: FillSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire")
        self.session = session
        self.index = 0
        self.items: list[ItemView] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        outer.addLayout(self._build_progress())
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("questionScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)
        self.review = ReviewList()
        self.review.change_requested.connect(self.show_screen)
        outer.addLayout(self._build_footer())
        self._install_keys()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.retranslate()
        self.show_screen(session.resume_screen())

    # ---- building -------------------------------------------------------------

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, len(self.session.screens))
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar, 1)
        return row

    def _build_footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        self.back_button.setIcon(icon("arrow-left"))
        self.back_button.clicked.connect(self.previous_screen)
        self.hint = QLabel(self)
        self.hint.setObjectName("navHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.next_screen)
        row.addWidget(self.back_button)
        row.addWidget(self.hint, 1)
        row.addWidget(self.next_button)
        return row

    def _install_keys(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut  # also from the window's header
        for digit in range(1, 10):
            shortcut = QShortcut(QKeySequence(Qt.Key(Qt.Key.Key_0 + digit)), self)
            shortcut.setContext(context)
            shortcut.activated.connect(lambda d=digit: self.press_digit(d))
        for keys, slot in ((NEXT_KEYS, self.next_screen), (BACK_KEYS, self.previous_screen)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)

    # ---- navigation -----------------------------------------------------------

    @property
    def on_review(self) -> bool:
        return self.index >= len(self.session.screens)

    def show_screen(self, index: int) -> None:
        """Show screen ``index`` (``len(screens)``: the review)."""
        self.index = max(0, min(index, len(self.session.screens)))
        old = self.scroll.takeWidget()
        if old is not None and old is not self.review:
            old.deleteLater()
        self.items = []
        if self.on_review:
            self.review.set_rows(self.session.review())
            self.scroll.setWidget(self.review)
        else:
            self.scroll.setWidget(self._screen_widget())
        self.scroll.verticalScrollBar().setValue(0)
        self._refresh()
        self._chain_tab_order()
        self._focus_start()

    def _chain_tab_order(self) -> None:
        """Tab goes through the answers in reading order, then Back, then Next."""
        chain: list[QWidget] = []
        for view in self.items:
            chain += view.focus_chain()
        if self.on_review:
            chain += self.review.change_buttons
        chain += [self.back_button, self.next_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _screen_widget(self) -> QWidget:
        page = QWidget()
        page.setObjectName("screenPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(20)
        if self.index == 0:
            self.intro = QLabel(self.session.form.instructions.get(self.session.language), page)
            self.intro.setObjectName("instructions")
            self.intro.setWordWrap(True)
            layout.addWidget(self.intro)
        for item in self.session.screens[self.index].items:
            value = self.session.answers.get(item.id)
            view = ItemView(self.session.form, item, value, self.session.language, page)
            view.show_value(value, answered=item.id in self.session.answers)
            view.answered.connect(self._on_answered)
            layout.addWidget(view)
            self.items.append(view)
        layout.addStretch(1)
        return page

    def _focus_start(self) -> None:
        if self.on_review:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        open_items = [v for v in self.items if not self.session.is_answered(v.item.id)]
        (open_items or self.items)[0].focus_first()

    def next_screen(self) -> None:
        """Enter / Right / Next: go on when the screen is answered; submit on review."""
        if self.on_review:
            self.submit()
            return
        self._commit_text()
        if self.session.screen_done(self.index):
            self.show_screen(self.index + 1)
        else:
            self._refresh()

    def previous_screen(self) -> None:
        if self.index == 0:
            return
        self._commit_text()
        self.show_screen(self.index - 1)

    def press_digit(self, number: int) -> None:
        """Digit key: an option of the focused question, else of the first open one."""
        if self.on_review or not self.items:
            return
        view = self._current_item()
        if view.press(number) and len(self.items) > 1 and self.session.is_answered(view.item.id):
            following = self.items[self.items.index(view) + 1 :]
            if following and view.item.kind != "multi":
                following[0].focus_first()

    def _current_item(self) -> ItemView:
        focus = QApplication.focusWidget()
        for view in self.items:
            if focus is not None and view.isAncestorOf(focus):
                return view
        open_items = [v for v in self.items if not self.session.is_answered(v.item.id)]
        return (open_items or self.items)[0]

    # ---- answers --------------------------------------------------------------

    def _on_answered(self, item_id: str, value: Any) -> None:
        try:
            self.session.answer(item_id, value)
        except KindError as exc:  # the disk refused it: say so kindly, keep the screen
            self._refuse(exc)
            return
        except DyadeError as exc:
            self.hint.setText(str(exc))
            return
        for view in self.items:
            if view.item.id == item_id:
                view.show_value(value, answered=True)
        self._refresh()

    def _commit_text(self) -> None:
        """Save typed text when leaving the screen (not at every key)."""
        for view in self.items:
            if view.item.kind != "text":
                continue
            value = view.text_value()
            if value != self.session.answers.get(view.item.id, ...) and (
                value is not None or view.item.optional
            ):
                self._on_answered(view.item.id, value)

    def commit_pending(self) -> None:
        """Save what is typed but not yet saved (before a reset or a language switch)."""
        self._commit_text()

    def submit(self) -> None:
        try:
            self.session.submit()
        except KindError as exc:
            self._refuse(exc)
            return
        except DyadeError:
            self.hint.setText(self.tr("Some questions still need an answer."))
            return
        self.submitted.emit()

    def _refuse(self, exc: KindError) -> None:
        """Show why nothing was saved; the item shows its last saved value again."""
        for view in self.items:
            view.show_value(
                self.session.answers.get(view.item.id),
                answered=view.item.id in self.session.answers,
            )
        self._refresh()
        self.hint.setText(exc.kind_message(self.session.language))

    # ---- language and state ---------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the form's wording; answers are untouched (they are saved already)."""
        self._commit_text()
        self.session.set_language(lang)
        for view in self.items:
            view.set_language(lang)
        if self.index == 0 and self.items:
            self.intro.setText(self.session.form.instructions.get(lang))
        if self.on_review:
            self.review.set_rows(self.session.review())
        self.retranslate()

    def _refresh(self) -> None:
        total = len(self.session.screens)
        self.progress_bar.setValue(min(self.index, total))
        self.back_button.setEnabled(self.index > 0)
        self.retranslate()

    def _can_go_on(self) -> bool:
        if self.on_review:
            return True
        return all(v.item.kind == "text" or self.session.is_answered(v.item.id) for v in self.items)

    def retranslate(self) -> None:
        self.progress_label.setText(self._progress_text())
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.progress_bar.setAccessibleDescription(self._progress_text())
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAccessibleDescription(
            self.tr("Go back to the previous question (Left arrow or Backspace)")
        )
        self._retranslate_next()

    def _retranslate_next(self) -> None:
        if self.on_review:
            self.next_button.setText(self.tr("Send my answers"))
            self.next_button.setIcon(icon("send"))
            self.next_button.setAccessibleDescription(
                self.tr("Send your answers; you cannot change them afterwards (Enter)")
            )
            self.hint.setText(self.tr("Check your answers, then send them."))
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setIcon(icon("arrow-right"))
            self.next_button.setAccessibleDescription(
                self.tr("Go on to the next question (Enter or Right arrow)")
            )
            self.hint.setText("" if self._can_go_on() else self.tr("Choose an answer to go on."))
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.setEnabled(self._can_go_on())

    def _progress_text(self) -> str:
        if self.on_review:
            return self.tr("Your answers")
        items = self.session.screens[self.index].items
        first = self.session.question_number(items[0].id)
        last = self.session.question_number(items[-1].id)
        total = self.session.question_count
        if first == last:
            return self.tr("Question {n} of {total}").format(n=first, total=total)
        return self.tr("Questions {first} to {last} of {total}").format(
            first=first, last=last, total=total
        )

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.scroll.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new, 20, 40)
