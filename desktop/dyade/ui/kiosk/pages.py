"""The kiosk's own screens: welcome (language first), visit code, thank-you."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dyade.ui.icons import icon_pixmap
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


def column(page: QWidget) -> QVBoxLayout:
    """A centred column of readable width, scrolling when the text is very large."""
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
    return layout


class WelcomePage(QWidget):
    """Clinic name and two big language buttons (keys 1 and 2)."""

    language_chosen = Signal(str)

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = column(self)
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


class CodePage(Retranslating, QWidget):
    """Asks for the visit code given at the desk; shows a kind message if refused.

    Built once the clinic is open (the code's length comes from storage).
    """

    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        from dyade.storage.visits import CODE_LENGTH

        super().__init__(parent)
        self.refusal: KindError | None = None  # the last refusal, re-said on a language switch
        layout = column(self)
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
        for widget in (self.title, self.explain, self.field, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.go, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.title.setBuddy(self.field)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your questionnaire code"))
        self.explain.setText(
            self.tr(
                "Type the code of 6 letters and digits that the front desk gave you, "
                "then press Enter."
            )
        )
        self.field.setAccessibleName(self.tr("Questionnaire code"))
        self.field.setAccessibleDescription(self.tr("6 letters and digits, for example 7KQ3MD"))
        self.field.setPlaceholderText(self.tr("Code"))
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


class ThanksPage(Retranslating, QWidget):
    """Thank you; when the patient's own answers show tension, gentle words to speak up."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts: list[str] = []
        layout = column(self)
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
        self.done = QPushButton(self)
        self.done.setObjectName("thanksDone")
        self.done.setProperty("role", "primary")
        self.done.setAutoDefault(True)  # Enter finishes
        self.done.clicked.connect(self.finished)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
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
        self.retranslate()

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
                "are welcome to talk about it with your physician. For example:"
            )
        )
        self.repair.setAccessibleName(self.repair_intro.text())
        self.repair.setAccessibleDescription(self.repair_phrases.text())
        self.done.setText(self.tr("Finish"))
        self.done.setAccessibleName(self.tr("Finish"))
        self.done.setAccessibleDescription(self.tr("Close this page and return to the start"))
