"""The kiosk's own screens: welcome (language first) and visit code (thank-you: thanks.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dyade.ui.icons import icon
from dyade.ui.retranslate import Retranslating

if TYPE_CHECKING:  # the welcome screen is painted before the forms and storage load
    from dyade.fill import KindError

# The welcome screen is for someone whose language is not known yet: it speaks
# both, so these strings are the same whatever the current language.
WELCOME = "Bienvenue \u2022 Welcome"
CHOOSE = "Choisissez votre langue \u2022 Choose your language"
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
READABLE_WIDTH = 900  # text lines longer than this are hard to follow


def label(parent: QWidget, name: str, *, wrap: bool = True, center: bool = True) -> QLabel:
    widget = QLabel(parent)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def column(page: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """A centred column of readable width, scrolling when the text is very large.

    A finger swipes it once the kiosk calls :func:`dyade.ui.touch.swipe` on the
    area (just after its first paint: see ``KioskWindow``)."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QVBoxLayout(page).addWidget(scroll)
    content = QWidget()
    outer = QHBoxLayout(content)
    outer.addStretch(1)
    inner = QWidget(content)
    inner.setMaximumWidth(READABLE_WIDTH)
    outer.addWidget(inner, 4)
    outer.addStretch(1)
    scroll.setWidget(content)
    layout = QVBoxLayout(inner)
    layout.setSpacing(24)
    return scroll, layout


class WelcomePage(QWidget):
    """Clinic name and two big language buttons (keys 1 and 2)."""

    language_chosen = Signal(str)

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroll, layout = column(self)
        layout.addStretch(1)
        self.clinic = label(self, "clinicName")
        self.set_clinic_name(clinic_name)
        self.welcome = label(self, "pageTitle")
        self.welcome.setText(WELCOME)
        self.choose = label(self, "bilingual")
        self.choose.setText(CHOOSE)
        for widget in (self.clinic, self.welcome, self.choose):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.setSpacing(32)
        self.buttons: dict[str, QPushButton] = {}
        for number, code in enumerate(("fr", "en"), start=1):
            button = QPushButton(f"{number}   {LANGUAGE_NAMES[code]}", self)
            button.setObjectName(f"choose_{code}")
            button.setProperty("role", "bigLanguage")
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
            button.setAccessibleName(LANGUAGE_NAMES[code])
            button.setAccessibleDescription(
                "Touche 1 : français" if code == "fr" else "Key 2: English"
            )
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            shortcut = QShortcut(QKeySequence(Qt.Key(Qt.Key.Key_0 + number)), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # from the header too
            shortcut.activated.connect(lambda c=code: self.language_chosen.emit(c))
            buttons.addWidget(button)
            self.buttons[code] = button
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setAccessibleName(WELCOME)

    def set_clinic_name(self, name: str) -> None:
        self.clinic.setText(name)
        self.clinic.setVisible(bool(name))


KEYPAD_COLUMNS = 11


class Keypad(QWidget):
    """On-screen keys for the visit code (a touch screen has no keyboard): every sign a
    code can hold, codes of before included, and a key that erases the last one."""

    def __init__(self, field: QLineEdit, signs: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.field = field
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        for index, sign in enumerate(signs):
            button = self._key(sign)
            button.clicked.connect(lambda _=False, c=sign: self.type_sign(c))
            grid.addWidget(button, index // KEYPAD_COLUMNS, index % KEYPAD_COLUMNS)
            self.keys[sign] = button
        self.erase = self._key("")
        self.erase.setObjectName("keypadErase")
        self.erase.setIcon(icon("arrow-left"))
        self.erase.clicked.connect(self.field.backspace)
        last = len(signs)
        grid.addWidget(self.erase, last // KEYPAD_COLUMNS, last % KEYPAD_COLUMNS)

    def _key(self, sign: str) -> QPushButton:
        button = QPushButton(sign, self)
        button.setProperty("role", "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the code field keeps the keyboard
        button.setAccessibleName(sign)
        return button

    def type_sign(self, sign: str) -> None:
        if len(self.field.text()) < self.field.maxLength():
            self.field.insert(sign)
            self.field.textEdited.emit(self.field.text())  # as if typed: hides an old error


class CodePage(Retranslating, QWidget):
    """Asks for the visit code given at the desk; shows a kind message if refused.

    Built once the clinic is open (the code's length comes from storage).
    """

    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        from dyade.storage.visits import CODE_LENGTH, TYPED_ALPHABET

        super().__init__(parent)
        self.refusal: KindError | None = None  # the last refusal, re-said on a language switch
        self.scroll, layout = column(self)
        layout.addStretch(1)
        self.title = label(self, "pageTitle")
        self.explain = label(self, "muted")
        self.field = QLineEdit(self)
        self.field.setObjectName("codeField")
        self.field.setMaxLength(CODE_LENGTH + 2)  # room for a space or a dash
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self._submit)
        self.field.textEdited.connect(self._on_edited)
        self.error = label(self, "codeError")
        self.error.hide()
        self.go = QPushButton(self)
        self.go.setObjectName("codeContinue")
        self.go.setProperty("role", "primary")
        self.go.setAutoDefault(True)
        self.go.clicked.connect(self._submit)
        self.keypad = Keypad(self.field, TYPED_ALPHABET, self)
        for widget in (self.title, self.explain, self.field, self.error, self.keypad):
            layout.addWidget(widget)
        layout.addWidget(self.go, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.setSpacing(14)
        layout.addStretch(2)
        self.title.setBuddy(self.field)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your questionnaire code"))
        self.explain.setText(
            self.tr(
                "Type or touch the code of 6 letters and digits that the front desk gave "
                "you, then Continue."
            )
        )
        self.field.setAccessibleName(self.tr("Questionnaire code"))
        self.field.setAccessibleDescription(self.tr("6 letters and digits, for example 7KQ3MD"))
        self.field.setPlaceholderText(self.tr("Code"))
        self.keypad.erase.setAccessibleName(self.tr("Erase"))
        self.keypad.erase.setAccessibleDescription(self.tr("Erase the last sign of the code"))
        self.go.setText(self.tr("Continue"))
        self.go.setAccessibleName(self.tr("Continue"))
        self.go.setAccessibleDescription(self.tr("Open the questionnaire for this code"))

    def _on_edited(self, text: str) -> None:
        self.field.setText(text.upper())
        if self.error.isVisible():
            self.error.hide()

    def _submit(self) -> None:
        if self.field.text().strip():
            self.code_entered.emit(self.field.text())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.show()
        self.field.selectAll()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.refusal = None
        self.field.clear()
        self.error.clear()
        self.error.hide()
