"""The main window: a title, a language switch, and the current page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dyade import __version__
from dyade.ui.retranslate import Retranslating


class LanguageSwitch(Retranslating, QWidget):
    """Two toggle buttons, FR and EN; emits the chosen language code."""

    language_chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for code in ("fr", "en"):
            button = QPushButton(code.upper(), self)
            button.setCheckable(True)
            button.setObjectName(f"lang_{code}")
            button.setProperty("role", "language")
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[code] = button
        self.set_current(current)
        self.retranslate()

    def set_current(self, lang: str) -> None:
        self.buttons[lang].setChecked(True)

    def retranslate(self) -> None:
        self.buttons["fr"].setAccessibleName(self.tr("Français"))
        self.buttons["fr"].setToolTip(self.tr("Show Dyade in French"))
        self.buttons["en"].setAccessibleName(self.tr("English"))
        self.buttons["en"].setToolTip(self.tr("Show Dyade in English"))


class HomePage(Retranslating, QWidget):
    """The placeholder home screen shown until someone unlocks the clinic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setFixedWidth(600)  # a fixed width lets word wrap compute its height
        layout.addWidget(self.title)
        layout.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Dyade"))
        self.body.setText(
            self.tr(
                "Dyade compares how a patient and their physician each experienced the same "
                "visit, so that tensions one side did not notice can be talked about."
            )
        )


class MainWindow(Retranslating, QMainWindow):
    """Top-level window; pages are added to ``self.pages`` by the workspaces."""

    language_chosen = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        central = QWidget(self)
        outer = QVBoxLayout(central)
        header = QHBoxLayout()
        self.brand = QLabel("Dyade", central)
        self.brand.setObjectName("brand")
        header.addWidget(self.brand)
        header.addStretch(1)
        self.language_switch = LanguageSwitch(language, central)
        self.language_switch.language_chosen.connect(self.language_chosen)
        header.addWidget(self.language_switch)
        outer.addLayout(header)
        self.pages = QStackedWidget(central)
        self.home = HomePage(self.pages)
        self.pages.addWidget(self.home)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.resize(1100, 720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle("Dyade")
        self.brand.setAccessibleName(
            self.tr("Dyade, version {version}").format(version=__version__)
        )
