"""Big answer buttons: the whole label is the button, and labels wrap.

A ``QPushButton`` cannot wrap its text, so :class:`OptionButton` carries two
labels (the key number and the wording) in a layout and takes its size from
them. The selected state is shown by colour *and* by a tick, never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from dyade.ui.questionnaire.common import icon_pixmap

MIN_OPTION_HEIGHT = 52  # above the 48 px touch target
# The keys that choose an option, in reading order: digits first, then letters
# (without I and O, which read like 1 and 0). An exclusive "none of these" takes 0.
OPTION_KEYS = "123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
NONE_KEY = "0"


def option_keys(exclusive: list[bool]) -> list[str]:
    """One key per option: 1-9 then letters in order; the first exclusive option gets 0."""
    keys: list[str] = []
    free = iter(OPTION_KEYS)
    zero_taken = False
    for alone in exclusive:
        if alone and not zero_taken:
            keys.append(NONE_KEY)
            zero_taken = True
        else:
            keys.append(next(free))
    return keys


class _Wording(QLabel):
    """The option's wording; tells its button when its font changes (text size)."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and isinstance(self.parent(), OptionButton):
            self.parent()._show_tick()  # the tick is as tall as the wording


class OptionButton(QPushButton):
    """A checkable answer: number badge, wrapped wording, tick when chosen."""

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown_selected: bool | None = None  # the state the labels are styled for
        self.setCheckable(True)
        self.setProperty("role", "option")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(MIN_OPTION_HEIGHT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(14)
        self.key = key
        self.badge = QLabel(key, self)
        self.badge.setObjectName("optionNumber")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.label = _Wording(self)
        self.label.setObjectName("optionText")
        self.label.setWordWrap(True)
        self.tick = QLabel(self)
        self.tick.setObjectName("optionTick")
        for child in (self.badge, self.label, self.tick):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.setStretch(1, 1)
        self.toggled.connect(self._on_toggled)
        self.set_text(text)
        self._on_toggled(False)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text_shown(self) -> str:
        return self.label.text()

    def _on_toggled(self, checked: bool) -> None:
        """Restyle the wording and the number for the new state (the tick is a picture).

        Polishing runs the style sheet again for a label, so only the buttons
        whose state changed pay for it (an answer restyles two), and a label
        not shown yet is left to be styled when it first is. ``polish`` alone
        drops the label's cached style, so no ``unpolish`` is needed.
        """
        if checked == self.shown_selected:
            return
        self.shown_selected = checked
        for child in (self.badge, self.label):
            child.setProperty("selected", checked)
            if child.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                child.style().polish(child)
        self._show_tick()

    def _show_tick(self) -> None:
        size = max(self.label.fontMetrics().height(), 20)
        self.tick.setPixmap(icon_pixmap("check" if self.shown_selected else "blank", size))

    def sizeHint(self) -> QSize:
        hint = self.layout().sizeHint()
        return QSize(hint.width(), max(hint.height(), MIN_OPTION_HEIGHT))

    def minimumSizeHint(self) -> QSize:
        hint = self.layout().minimumSize()
        return QSize(hint.width(), max(hint.height(), MIN_OPTION_HEIGHT))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.layout().totalHeightForWidth(width), MIN_OPTION_HEIGHT)


class OptionList(QWidget):
    """The options of one item as big buttons, in one or two columns.

    ``exclusive``: a scale or single choice (a click selects one); otherwise a
    checklist whose buttons toggle. Emits the option's code (or scale point).
    Options run in reading order (left to right, then down), each with its key
    (``keys``, from :func:`option_keys`) shown on the button.
    """

    clicked_value = Signal(object)

    def __init__(
        self,
        values: list[object],
        *,
        exclusive: bool,
        keys: list[str] | None = None,
        columns: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.values = values
        self.exclusive = exclusive
        self.max_columns, self.columns = columns, 0
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusivity is set from the stored answer
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        # the width comes from the page; the columns follow it (see resizeEvent)
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.keys = keys or option_keys([False] * len(values))
        self.buttons: list[OptionButton] = []
        for index, (value, key) in enumerate(zip(values, self.keys, strict=True)):
            button = OptionButton(key, "", self)
            button.clicked.connect(lambda _=False, v=value: self.clicked_value.emit(v))
            self.group.addButton(button, index)
            self.buttons.append(button)
        self._arrange(columns)

    def _arrange(self, columns: int) -> None:
        """Lay the buttons out in reading order over ``columns`` columns."""
        for button in self.buttons:
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons):
            self.grid.addWidget(button, index // columns, index % columns)
        for column in range(max(columns, self.columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def columns_for(self, width: int) -> int:
        """As many columns as fit ``width`` at the text size on screen, up to the most asked."""
        widest = max((b.minimumSizeHint().width() for b in self.buttons), default=1)
        spacing = self.grid.horizontalSpacing()
        return max(1, min(self.max_columns, (width + spacing) // (widest + spacing)))

    def minimumSizeHint(self) -> QSize:
        """One column's width: larger text takes fewer columns, never a wider page."""
        widest = max((b.minimumSizeHint().width() for b in self.buttons), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wanted = self.columns_for(event.size().width())
        if wanted != self.columns:
            self._arrange(wanted)

    def set_texts(self, texts: list[str]) -> None:
        for button, text in zip(self.buttons, texts, strict=True):
            button.set_text(text)

    def show_value(self, value: object) -> None:
        """Check the buttons matching the stored answer (a list for a checklist)."""
        chosen = value if isinstance(value, list) else [value]
        for button, option in zip(self.buttons, self.values, strict=True):
            if button.isChecked() != (option in chosen):
                button.blockSignals(True)
                button.setChecked(option in chosen)
                button.blockSignals(False)
            button._on_toggled(button.isChecked())

    def press(self, key: str) -> bool:
        """Choose the option of ``key`` as a click would; False if no option has it."""
        if key not in self.keys:
            return False
        index = self.keys.index(key)
        self.buttons[index].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.clicked_value.emit(self.values[index])
        return True
