"""A whole questionnaire: one screen at a time, progress, Back/Next, review, submit.

The keyboard contract (tests and assistive switches rely on it): digits 1-9
choose an option of the current question, Enter or Right go on, Left or
Backspace go back, Space toggles the focused option (Qt's own button key),
Enter on the review submits. The keys are shortcuts scoped to this view, so a
text box keeps its own use of them.

Speed: a click on an answer must be painted within a frame. Each screen is a
page built once (:class:`ScreenPage`) in a ``QStackedWidget``; the page after
the one shown is built in idle time, right after the paint, so Next only
switches pages. An answer restyles only the buttons whose state changed.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QMetaObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dyade.errors import DyadeError
from dyade.fill import FillSession, KindError
from dyade.ui.questionnaire.answers_check import AnswersCheckList
from dyade.ui.questionnaire.common import icon
from dyade.ui.questionnaire.item_view import ItemView
from dyade.ui.questionnaire.options import NONE_KEY, OPTION_KEYS
from dyade.ui.questionnaire.screen_page import ScreenPage, frameless
from dyade.ui.questionnaire.speech import Reader
from dyade.ui.retranslate import Retranslating

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Backspace)
AUTO_ADVANCE_MS = 600  # long enough to see the tick on the chosen answer


class QuestionnaireView(Retranslating, QWidget):
    """Fills a :class:`FillSession`; emits ``submitted`` once it is complete."""

    submitted = Signal()

    def __init__(
        self, session: FillSession, parent: QWidget | None = None, reader: Reader | None = None
    ) -> None:
        super().__init__(parent)
        self.reader = reader  # read aloud (the kiosk's); None: no Listen buttons
        self.setObjectName("questionnaire")
        self.session = session
        self.index = 0
        self.items: list[ItemView] = []  # the items of the screen shown
        self.pages: dict[int, ScreenPage] = {}  # the screens built so far, by index
        self.intro: QLabel | None = None  # the form's instructions, on the first screen
        self._next_on_review: bool | None = None  # what the Next button was set up for
        # a single choice, once made, goes on by itself (the kiosk's clinic setting)
        self.auto_advance = False
        self._advance = QTimer(self)
        self._advance.setSingleShot(True)
        self._advance.setInterval(AUTO_ADVANCE_MS)
        self._advance.timeout.connect(self._advance_if_done)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addLayout(self._build_progress())
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("questionPages")
        outer.addWidget(self.stack, 1)
        self.answers_check = AnswersCheckList()
        self.answers_check.change_requested.connect(self.show_screen)
        self.review_page = frameless(QScrollArea(self.stack))
        self.review_page.setWidget(self.answers_check)
        self.stack.addWidget(self.review_page)
        self.scroll: QScrollArea = self.review_page  # the page on screen
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
        """Every option key (digits, letters), Enter and Right to go on, Left to go back.

        Window-wide, so they work from the header too; a text box keeps the
        keys that type text (digits and letters become the comment).
        """
        context = Qt.ShortcutContext.WindowShortcut
        keys = NONE_KEY + OPTION_KEYS
        bindings = [(QKeySequence(k), lambda k=k: self.press_key(k)) for k in keys]
        bindings += [(QKeySequence(k), self._on_enter) for k in ENTER_KEYS]
        bindings.append((QKeySequence(Qt.Key.Key_Right), self.next_screen))
        bindings += [(QKeySequence(k), self.previous_screen) for k in BACK_KEYS]
        for sequence, slot in bindings:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ---- navigation -----------------------------------------------------------

    @property
    def on_review(self) -> bool:
        return self.index >= len(self.session.screens)

    def show_screen(self, index: int) -> None:
        """Show screen ``index`` (``len(screens)``: the review)."""
        self._advance.stop()
        if self.reader is not None:
            self.reader.stop()  # what was read belongs to the screen left
        self.index = max(0, min(index, len(self.session.screens)))
        if self.on_review:
            self.answers_check.set_rows(self.session.check_rows())
            page, self.items = self.review_page, []
        else:
            page = self.page(self.index)
            self.items = list(page.items)
        self.stack.setCurrentWidget(page)
        self.scroll = page
        self._refresh()
        self._chain_tab_order()
        self._focus_start()
        page.verticalScrollBar().setValue(0)  # after the focus, which scrolls to its answer
        QMetaObject.invokeMethod(self, "_build_soon", Qt.ConnectionType.QueuedConnection)

    def page(self, index: int) -> ScreenPage:
        """The page of screen ``index``, built on first use."""
        page = self.pages.get(index)
        if page is None:
            page = ScreenPage(self.session, index, self._on_answered, self.stack, self.reader)
            for view in page.items:
                view.go_on.connect(self.next_screen)
            self.stack.addWidget(page)
            self.pages[index] = page
            if index == 0:
                self.intro = page.intro
        return page

    @Slot()
    def _build_soon(self) -> None:
        """Build ahead in two hops, so the building never delays what the person sees.

        Queued by :meth:`show_screen`, this call is delivered with the events
        already waiting, the repaint of the new screen among them (Qt sends
        repaints last). Queued from here, the building waits for the next
        round of the event loop, after the paint.
        """
        QMetaObject.invokeMethod(self, "_build_ahead", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _build_ahead(self) -> None:
        """Build the screen after this one (else the one before) while the person reads."""
        if not self.isVisible():  # put away (the kiosk drops it): nothing more to build
            return
        total = len(self.session.screens)
        wanted = [i for i in (self.index + 1, self.index - 1) if 0 <= i < total]
        missing = [i for i in wanted if i not in self.pages]
        if missing:
            self.page(missing[0]).ensurePolished()
            if len(missing) > 1:
                self._build_soon()
        elif self.index + 1 == total and not self.answers_check.rows:
            self.answers_check.set_rows(self.session.check_rows())
            self.answers_check.ensurePolished()

    def _chain_tab_order(self) -> None:
        """Tab goes through the answers in reading order, then Back, then Next."""
        chain: list[QWidget] = []
        for view in self.items:
            chain += view.focus_chain()
        if self.on_review:
            chain += self.answers_check.change_buttons
        chain += [self.back_button, self.next_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

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

    def _on_enter(self) -> None:
        """Enter presses the button that has the focus, unless it is the answer already
        chosen (or Next): then, as everywhere else, it goes on."""
        focus = QApplication.focusWidget()
        if (
            isinstance(focus, QAbstractButton)
            and focus is not self.next_button
            and self.isAncestorOf(focus)
            and not focus.isChecked()
        ):
            focus.click()
            return
        self.next_screen()

    def press_key(self, key: str) -> None:
        """An option key: an option of the focused question, else of the first open one."""
        if self.on_review or not self.items:
            return
        view = self._current_item()
        if not view.press(key) or not self.session.is_answered(view.item.id):
            return
        following = self.items[self.items.index(view) + 1 :]
        if view.item.kind == "multi":
            return
        if following:
            following[0].focus_first()

    def _advance_if_done(self) -> None:
        if not self.on_review and self.session.screen_done(self.index):
            self.next_screen()

    def _current_item(self) -> ItemView:
        focus = QApplication.focusWidget()
        for view in self.items:
            if focus is not None and (focus is view or view.isAncestorOf(focus)):
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
                if self.auto_advance and value is not None and view.item.kind != "multi":
                    self._advance.start()  # goes on if the whole screen is answered
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
        for page in self.pages.values():  # every built page, so none keeps the old wording
            page.set_language(lang)
        if self.answers_check.rows:
            self.answers_check.set_rows(self.session.check_rows())
        self.retranslate()

    def _refresh(self) -> None:
        self._set_progress(min(self.index, len(self.session.screens)))
        self.back_button.setEnabled(self.index > 0)
        self.retranslate()

    def _set_progress(self, value: int) -> None:
        """Move the bar; it is painted with the rest of the window, not on its own.

        ``QProgressBar.setValue`` repaints the bar at once, outside the
        window's next paint, which costs a few milliseconds per screen.
        """
        if value == self.progress_bar.value():
            return
        self.progress_bar.setUpdatesEnabled(False)
        self.progress_bar.setValue(value)
        self.progress_bar.setUpdatesEnabled(True)  # schedules an ordinary update

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
        if self._next_on_review != self.on_review:  # a new icon re-lays the footer out
            self._next_on_review = self.on_review
            self.next_button.setIcon(icon("send" if self.on_review else "arrow-right"))
        if self.on_review:
            self.next_button.setText(self.tr("Send my answers"))
            self.next_button.setAccessibleDescription(
                self.tr("Send your answers; you cannot change them afterwards (Enter)")
            )
            self.hint.setText(self.tr("Check your answers, then send them."))
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleDescription(
                self.tr("Go on to the next question (Enter or Right arrow)")
            )
            self.hint.setText(
                ""
                if self._can_go_on()
                else self.tr("Choose an answer to go on: touch it, or press the key shown on it.")
            )
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
