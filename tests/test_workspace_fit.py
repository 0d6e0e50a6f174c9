"""The main window fits the screen's free area and reopens at its size; the physician's
chosen answer reads white on teal, with the contrast computed from what is drawn."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.main_window import MainWindow
from dyade.ui.questionnaire.options import OptionButton
from dyade.ui.workspace.window_fit import FRAME_ALLOWANCE, fit_main_window

LAPTOP_WITH_TASKBAR = QRect(0, 0, 1366, 728)  # 1366x768 minus a 40 px taskbar


def english():
    make_application()
    Translations().set_language("en")


def test_the_main_window_fits_a_small_laptop_above_its_taskbar(qtbot):
    english()
    window = MainWindow("en")
    qtbot.addWidget(window)
    fit_main_window(window, LAPTOP_WITH_TASKBAR)
    frame = QRect(window.pos(), window.size() + FRAME_ALLOWANCE)
    assert LAPTOP_WITH_TASKBAR.contains(frame), frame
    assert window.width() >= 1280  # as wide as it was: only what did not fit is taken off


def test_the_main_window_opens_inside_the_screen_it_is_on(qtbot):
    english()
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry()), (area, window.frameGeometry())


def test_the_main_window_reopens_at_the_size_it_was_left_at(qtbot):
    english()
    first = MainWindow("en")
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    first.close()
    again = MainWindow("en")
    qtbot.addWidget(again)
    assert again.size() == QSize(700, 520)


def relative_luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def drawn_colours(button: OptionButton) -> tuple[QColor, QColor]:
    """(background, text) of the button as the style sheet paints it."""
    image = button.grab().toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    area = button.label.geometry()
    inside = {
        image.pixel(x, y)
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
    }
    text = max((QColor.fromRgb(p) for p in inside), key=lambda c: contrast(c, background))
    return background, text


def test_the_physicians_chosen_answer_is_white_on_teal_and_readable(qtbot):
    english()
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    chosen, other = OptionButton("3", "Somewhat", holder), OptionButton("4", "A lot", holder)
    column.addWidget(chosen)
    column.addWidget(other)
    holder.show()
    qtbot.waitExposed(holder)
    chosen.setChecked(True)
    background, text = drawn_colours(chosen)
    assert background.name() == "#0b5f5a" and text.name() == "#ffffff"
    assert contrast(background, text) >= 4.5
    background, text = drawn_colours(other)  # not chosen: dark text on white
    assert contrast(background, text) >= 4.5 and background.name() == "#ffffff"
