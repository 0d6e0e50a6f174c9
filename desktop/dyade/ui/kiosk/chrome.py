"""The kiosk's frame: a header (clinic, language, text size, staff exit) and the
idle countdown banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dyade.ui.icons import icon
from dyade.ui.retranslate import Retranslating

TEXT_SIZES = (18, 21, 24, 28)  # body text in points; the first is the default
# Before a language is chosen (the welcome screen) the text-size controls speak
# both languages; their faces are the letter A with a minus or a plus sign.
SIZE_NAMES_BOTH = {
    -1: (
        "Texte plus petit \u2022 Smaller text",
        "Réduire le texte \u2022 Make the text smaller",
    ),
    +1: ("Texte plus grand \u2022 Larger text", "Agrandir le texte \u2022 Make the text larger"),
}
# The staff button likewise: its face, name and description in both languages.
STAFF_BOTH = (
    "Personnel \u2022 Staff",
    "Réservé au personnel \u2022 Staff only",
    "Pour le personnel du cabinet\u00a0: se connecter pour quitter l’écran du questionnaire "
    "\u2022 For the clinic's staff: sign in to leave the questionnaire screen",
)


class KioskHeader(Retranslating, QFrame):
    """Clinic name on the left; FR/EN, A-/A+ and a discreet staff button on the right.

    On the welcome screen, before a language is chosen (``bilingual``), the
    controls speak French and English at once.
    """

    language_chosen = Signal(str)
    text_size_changed = Signal(int)
    staff_requested = Signal()

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.size_index = 0
        self.bilingual = False  # no language chosen yet: the size controls speak both
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 4, 24, 4)
        row.setSpacing(10)
        self.clinic = QLabel(clinic_name, self)
        self.clinic.setObjectName("headerClinic")
        self.clinic.setWordWrap(True)  # wraps rather than pushing the controls off screen
        self.clinic.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.clinic, 1)
        self.languages: dict[str, QPushButton] = {}
        for code in ("fr", "en"):
            button = QPushButton(code.upper(), self)
            button.setObjectName(f"header_{code}")
            button.setProperty("role", "language")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus in place
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            row.addWidget(button)
            self.languages[code] = button
        row.addSpacing(18)
        self.smaller = self._tool("text-smaller", "textSmaller", -1)
        self.larger = self._tool("text-larger", "textLarger", +1)
        row.addWidget(self.smaller)
        row.addWidget(self.larger)
        row.addSpacing(18)
        self.staff = QPushButton(self)
        self.staff.setObjectName("staffButton")
        self.staff.setIcon(icon("lock"))
        self.staff.clicked.connect(self.staff_requested)
        row.addWidget(self.staff)
        self._update_size_buttons()
        self.retranslate()

    def _tool(self, icon_name: str, name: str, step: int) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setProperty("role", "tool")
        button.setIcon(icon(icon_name))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda: self.step_size(step))
        return button

    def set_language(self, lang: str) -> None:
        self.languages[lang].setChecked(True)

    def set_clinic_name(self, name: str) -> None:
        self.clinic.setText(name)

    def show_languages(self, visible: bool) -> None:
        """FR/EN once a language is chosen; hidden on the welcome, which is bilingual."""
        for button in self.languages.values():
            button.setVisible(visible)
        self.bilingual = not visible
        self._name_size_buttons()
        self._name_staff_button()

    @property
    def text_size(self) -> int:
        return TEXT_SIZES[self.size_index]

    def step_size(self, step: int) -> None:
        index = max(0, min(self.size_index + step, len(TEXT_SIZES) - 1))
        if index != self.size_index:
            self.size_index = index
            self._update_size_buttons()
            self.text_size_changed.emit(self.text_size)

    def reset_size(self) -> None:
        self.step_size(-len(TEXT_SIZES))

    def _update_size_buttons(self) -> None:
        self.smaller.setEnabled(self.size_index > 0)
        self.larger.setEnabled(self.size_index < len(TEXT_SIZES) - 1)

    def retranslate(self) -> None:
        self.languages["fr"].setAccessibleName(self.tr("Français"))
        self.languages["fr"].setAccessibleDescription(self.tr("Show the questions in French"))
        self.languages["en"].setAccessibleName(self.tr("English"))
        self.languages["en"].setAccessibleDescription(self.tr("Show the questions in English"))
        self._name_size_buttons()
        self._name_staff_button()

    def _name_staff_button(self) -> None:
        """The staff button's face and names: in both languages until one is chosen."""
        if self.bilingual:
            text, name, description = STAFF_BOTH
        else:
            text, name = self.tr("Staff"), self.tr("Staff only")
            description = self.tr(
                "For the clinic's staff: sign in to leave the questionnaire screen"
            )
        self.staff.setText(text)
        self.staff.setAccessibleName(name)
        self.staff.setAccessibleDescription(description)

    def _name_size_buttons(self) -> None:
        """The A\u2212 / A+ buttons show no words; their names are in one language or both."""
        if self.bilingual:
            names = {step: SIZE_NAMES_BOTH[step] for step in (-1, +1)}
        else:
            names = {
                -1: (self.tr("Smaller text"), self.tr("Make the text on screen smaller")),
                +1: (self.tr("Larger text"), self.tr("Make the text on screen larger")),
            }
        for button, step in ((self.smaller, -1), (self.larger, +1)):
            name, description = names[step]
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(name)


class CountdownBanner(Retranslating, QFrame):
    """The idle warning: a clear message in the middle of the screen, with the seconds left.

    Not in any layout: it floats over the page, centred (``place``), so nobody
    misses it; any touch or key keeps going.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.remaining = 0
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(12)
        self.seconds = QLabel(self)
        self.seconds.setObjectName("countdownSeconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setObjectName("countdownText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.seconds)
        column.addWidget(self.text)
        self.hide()

    def show_remaining(self, seconds: int) -> None:
        self.remaining = seconds
        self.retranslate()
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        """Centred over the window, about two thirds of its width (at most 760 px)."""
        area = self.parentWidget().rect()
        width = min(760, max(320, area.width() * 2 // 3))
        height = self.layout().totalHeightForWidth(width)
        self.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )

    def retranslate(self) -> None:
        self.seconds.setText(self.tr("{seconds} s").format(seconds=self.remaining))
        text = self.tr(
            "Are you still there? This screen will close in {seconds} s. Your answers are "
            "saved. Touch the screen or press a key to go on."
        ).format(seconds=self.remaining)
        self.text.setText(text)
        self.setAccessibleName(text)
