"""One question on screen: its wording, its answers, and "I prefer not to answer"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dyade.fill import toggled
from dyade.forms.schema import Form, Item
from dyade.ui.questionnaire.common import icon
from dyade.ui.questionnaire.options import OptionList, option_keys
from dyade.ui.questionnaire.speech import Reader, recording
from dyade.ui.retranslate import Retranslating

TWO_COLUMNS_FROM = 5  # choices of this many options or more use two columns,
THREE_COLUMNS_FROM = 11  # and three from this many: every question fits 1366x768


def option_values(form: Form, item: Item) -> list[Any]:
    """What each button of ``item`` stands for: scale points or option codes."""
    if item.kind == "scale":
        scale = form.scale_of(item)
        return list(scale.points()) if scale else []
    return item.codes()


def option_columns(item: Item, count: int) -> int:
    """Scales run down one column; long lists of choices spread over two or three."""
    if item.kind == "scale" or count < TWO_COLUMNS_FROM:
        return 1
    return 3 if count >= THREE_COLUMNS_FROM else 2


def option_exclusive(item: Item) -> list[bool]:
    """Which options stand alone ("none of these"): they take the key 0."""
    if item.kind == "scale":
        return []
    return [o.exclusive for o in item.options or []]


class CommentEdit(QPlainTextEdit):
    """The comment box: Enter goes on (as everywhere else), Shift+Enter starts a new line."""

    go_on = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.go_on.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def option_texts(form: Form, item: Item, lang: str) -> list[str]:
    """The wording of each button, in ``lang``."""
    if item.kind == "scale":
        scale = form.scale_of(item)
        return [scale.labels[p].get(lang) for p in scale.points()] if scale else []
    return [o.label.get(lang) for o in item.options or []]


class ItemView(Retranslating, QWidget):
    """Shows one item; emits ``answered(item_id, value)`` when the person answers.

    The view never stores anything: the questionnaire saves the answer and
    calls :meth:`show_value` back, so what is on screen is what was saved.
    """

    answered = Signal(str, object)
    go_on = Signal()  # Enter in the comment box

    def __init__(
        self,
        form: Form,
        item: Item,
        value: Any,
        lang: str,
        parent: QWidget | None = None,
        reader: Reader | None = None,
    ) -> None:
        super().__init__(parent)
        self.form, self.item, self.language = form, item, lang
        self.reader = reader  # read aloud (the kiosk); None: no Listen button
        self.value = value
        self.has_value = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(self._question_row())
        self.options: OptionList | None = None
        self.text_edit: CommentEdit | None = None
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # the question itself, before its answers
        if item.kind == "text":
            self.text_edit = CommentEdit(self)
            self.text_edit.go_on.connect(self.go_on)
            self.text_edit.setObjectName("answerText")
            self.text_edit.setTabChangesFocus(True)
            self.text_edit.setMinimumHeight(140)
            self.text_edit.setPlainText(value if isinstance(value, str) else "")
            layout.addWidget(self.text_edit)
        else:
            values = option_values(form, item)
            columns = option_columns(item, len(values))
            alone = option_exclusive(item) or [False] * len(values)
            self.options = OptionList(
                values,
                exclusive=item.kind != "multi",
                keys=option_keys(alone),
                columns=columns,
                parent=self,
            )
            self.options.clicked_value.connect(self._on_option)
            layout.addWidget(self.options)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("skipButton")
        self.skip_button.setCheckable(True)
        self.skip_button.setIcon(icon("skip"))
        self.skip_button.clicked.connect(self._on_skip)
        self.skip_button.setVisible(item.optional and item.kind != "text")
        layout.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.question.setBuddy(self.text_edit or self.options.buttons[0])
        self.show_value(value, answered=value is not None)
        self.retranslate()

    def _question_row(self) -> QHBoxLayout:
        """The question, and beside it a large "Listen" button when it can be read aloud."""
        row = QHBoxLayout()
        row.setSpacing(16)
        self.question = QLabel(self)
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.listen = QPushButton(self)
        self.listen.setObjectName("listenButton")
        self.listen.setIcon(icon("speaker"))
        self.listen.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys' focus
        self.listen.clicked.connect(self.read_aloud)
        self.listen.hide()
        row.addWidget(self.question, 1)
        row.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignTop)
        return row

    # ---- read aloud -----------------------------------------------------------

    def spoken_parts(self) -> list[str]:
        """What "Listen" says: the question, then each answer with its key."""
        parts = [self.item.text.get(self.language)]
        if self.options is not None:
            parts += [f"{b.key}: {b.text_shown()}" for b in self.options.buttons]
        if self.skip_button.isVisibleTo(self):
            parts.append(self.skip_button.text())
        return parts

    def read_aloud(self) -> None:
        if self.reader is None:
            return
        path = recording(self.form, self.item, self.language)
        if self.reader.can_play(path):
            self.reader.play(path)
        else:
            self.reader.speak(self.spoken_parts(), self.language)

    def _update_listen(self) -> None:
        """Shown only where this item can be heard in the language on screen."""
        reader = self.reader
        can = reader is not None and (
            reader.can_play(recording(self.form, self.item, self.language))
            or reader.can_speak(self.language)
        )
        self.listen.setVisible(can)
        self.listen.setText(self.tr("Listen"))
        self.listen.setAccessibleName(self.tr("Listen"))
        self.listen.setAccessibleDescription(self.tr("Reads the question and its answers aloud"))

    # ---- language -------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.language = lang
        self.retranslate()

    def retranslate(self) -> None:
        text = self.item.text.get(self.language)
        self.question.setText(text)
        self.setAccessibleName(text)
        if self.options is not None:
            self.options.set_texts(option_texts(self.form, self.item, self.language))
            hint = self._options_hint()
            for button in self.options.buttons:
                button.setAccessibleDescription(hint.format(key=button.key, question=text))
        if self.text_edit is not None:
            self.text_edit.setAccessibleName(text)
            self.text_edit.setAccessibleDescription(
                self.tr(
                    "Type your answer here. Enter goes on; Shift+Enter starts a new line; "
                    "Tab moves on to the buttons."
                )
            )
            self.text_edit.setPlaceholderText(self.tr("You may leave this empty."))
        self.skip_button.setText(self.tr("I prefer not to answer"))
        self.skip_button.setAccessibleName(self.tr("I prefer not to answer"))
        self.skip_button.setAccessibleDescription(
            self.tr("Leave this question without an answer: {question}").format(question=text)
        )
        self._update_listen()

    def _options_hint(self) -> str:
        if self.item.kind == "multi":
            return self.tr("Key {key} turns this answer on or off. Question: {question}")
        return self.tr("Key {key} chooses this answer. Question: {question}")

    # ---- answers --------------------------------------------------------------

    def _on_option(self, option: Any) -> None:
        if self.item.kind == "multi":
            current = self.value if isinstance(self.value, list) else []
            self.answered.emit(self.item.id, toggled(self.item, current, option))
        else:
            self.answered.emit(self.item.id, option)

    def _on_skip(self) -> None:
        self.answered.emit(self.item.id, None)

    def text_value(self) -> str | None:
        """The typed text, ``None`` when blank (a blank comment is no answer)."""
        if self.text_edit is None:
            return None
        text = self.text_edit.toPlainText().strip()
        return text or None

    def show_value(self, value: Any, *, answered: bool = True) -> None:
        """Reflect the saved answer (``None`` with ``answered``: skipped)."""
        self.value = value
        self.has_value = answered
        if self.options is not None:
            self.options.show_value(value)
        self.skip_button.setChecked(answered and value is None)

    def press(self, key: str) -> bool:
        """An option's key (a digit or a letter): choose (or toggle) that option."""
        return self.options.press(key) if self.options is not None else False

    def focus_chain(self) -> list[QWidget]:
        """This item's focusable widgets, in reading order (the question first)."""
        listen = [self.listen] if self.listen.isVisibleTo(self) else []
        if self.text_edit is not None:
            widgets: list[QWidget] = [*listen, self.text_edit]
        else:
            widgets = [self, *listen, *self.options.buttons]
        return [*widgets, self.skip_button] if self.skip_button.isVisibleTo(self) else widgets

    def focus_first(self) -> None:
        """Put the focus on the chosen option, else on the question itself.

        Never on an option not chosen: a focus ring there reads as an answer
        already given. The option keys work from the question.
        """
        if self.text_edit is not None:
            self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        chosen = [b for b in self.options.buttons if b.isChecked()]
        (chosen[0] if chosen else self).setFocus(Qt.FocusReason.OtherFocusReason)
