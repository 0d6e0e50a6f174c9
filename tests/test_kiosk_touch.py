"""Touch only, and what fits on the screen: the code keypad, swipes, 48 px targets,
every question on one screen at 1366x768, a readable width at 1920x1080, the idle
warning in the middle, and the thank-you screen that does not linger."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QScroller

from dyade.ui.kiosk import KioskClinic
from dyade.ui.kiosk.chrome import TEXT_SIZES
from dyade.ui.questionnaire.speech import Reader
from kiosk_support import FakeEngine, full_kiosk, open_kiosk, settle

LEFT = Qt.MouseButton.LeftButton
__all__ = ["full_kiosk"]  # the fixture, from kiosk_support


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, LEFT)


def tap_code(qtbot, kiosk, code: str) -> None:
    for sign in code:
        tap(qtbot, kiosk.code_page.keypad.keys[sign])


def swipes(area) -> bool:
    """Does a finger scroll this scroll area? (``grabbedGesture`` alone would make a
    scroller for it and answer Qt's placeholder type, never 0: not a grab.)"""
    viewport = area.viewport()
    if not QScroller.hasScroller(viewport):
        return False
    return QScroller.grabbedGesture(viewport).value > Qt.GestureType.CustomGesture.value


def page_swipes(page) -> bool:
    """Does a finger scroll this kiosk page (its column's scroll area)?"""
    return swipes(page.findChild(QScrollArea))


def test_the_visit_code_is_typed_on_the_screen_keypad(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    tap(qtbot, kiosk.welcome.buttons["en"])
    keypad = kiosk.code_page.keypad
    assert keypad.isVisible() and set("BGSZ") <= set(keypad.keys)  # codes of before, too
    tap_code(qtbot, kiosk, "ZZ")
    tap(qtbot, keypad.erase)
    tap(qtbot, keypad.erase)
    assert kiosk.code_page.field.text() == ""
    tap_code(qtbot, kiosk, clinic.visit.code)
    tap(qtbot, kiosk.code_page.go)
    assert kiosk.questionnaire is not None
    buttons = [b for b in keypad.findChildren(QAbstractButton)]
    assert all(b.height() >= 48 and b.width() >= 48 for b in buttons)


def test_a_whole_visit_by_touch_with_swipes_on_every_page(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    tap(qtbot, kiosk.welcome.buttons["fr"])
    tap_code(qtbot, kiosk, clinic.visit.code)
    tap(qtbot, kiosk.code_page.go)
    view = kiosk.questionnaire
    while not view.on_review:
        assert swipes(view.scroll)
        for item_view in view.items:
            small = [b for b in item_view.findChildren(QAbstractButton) if b.isVisible()]
            assert all(b.height() >= 48 for b in small)
            if item_view.options is not None:
                tap(qtbot, item_view.options.buttons[0])
        tap(qtbot, view.next_button)
    tap(qtbot, view.next_button)
    assert kiosk.pages.currentWidget() is kiosk.thanks


def test_kiosk_pages_swipe_from_just_after_the_first_paint(qtbot, tmp_path):
    """The process's first grab is not paid before the welcome screen is painted; the
    visit code page, made once the clinic opens after that paint, swipes at once, and
    so does the thank-you page, made when first needed."""
    from dyade.ui.app import make_application
    from dyade.ui.kiosk import KioskWindow
    from dyade.ui.kiosk.thanks import ThanksPage
    from storage_fixtures import open_clinic

    make_application()
    clinic = open_clinic(tmp_path, "brief")
    opened = KioskClinic(clinic.db, clinic.library)
    kiosk = KioskWindow(None, None, lock=False, opener=lambda: opened)
    qtbot.addWidget(kiosk)
    assert not page_swipes(kiosk.welcome)
    kiosk.show()
    qtbot.waitUntil(lambda: page_swipes(kiosk.welcome))
    qtbot.waitUntil(lambda: kiosk.code_page is not None)
    assert page_swipes(kiosk.code_page)
    assert kiosk.findChild(ThanksPage) is None  # built when a first patient has finished
    assert page_swipes(kiosk.thanks) and kiosk.findChild(ThanksPage) is kiosk.thanks
    kiosk.unlocked = True
    kiosk.close()
    clinic.db.close()


def every_screen_fits(qtbot, kiosk) -> list[str]:
    """The screens (by their items) that need scrolling, in the window as it is."""
    view = kiosk.questionnaire
    overflow = []
    for index in range(len(view.session.screens)):
        view.show_screen(index)
        settle(qtbot, 20)
        page, shown = view.scroll.widget(), view.scroll.viewport()
        assert page.width() <= shown.width(), "cut on the side"  # fewer columns, not clipped
        if view.scroll.verticalScrollBar().maximum() > 0:
            overflow.append(",".join(v.item.id for v in view.items))
            assert view.scroll.verticalScrollBar().isVisible()  # hidden, but with a cue
    return overflow


def test_every_question_fits_1366x768_at_the_default_text_size(qtbot, tmp_path, monkeypatch):
    reader = Reader(engine=FakeEngine("fr_CA", "en_CA"), player=None)  # Listen shown
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full", reader=reader)
    kiosk.open_visit_code(clinic.visit.code)
    tap(qtbot, kiosk.welcome.buttons["fr"])
    assert kiosk.size().width() == 1366 and kiosk.size().height() == 768
    assert kiosk.header.text_size == TEXT_SIZES[0]
    assert kiosk.questionnaire.items[0].listen.isVisible()
    assert every_screen_fits(qtbot, kiosk) == []
    kiosk.header.step_size(+len(TEXT_SIZES))  # the largest: may scroll, never silently
    every_screen_fits(qtbot, kiosk)


def test_a_wide_screen_keeps_a_readable_width(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    kiosk.resize(1920, 1080)
    kiosk.open_visit_code(clinic.visit.code)
    tap(qtbot, kiosk.welcome.buttons["en"])
    settle(qtbot)
    view = kiosk.questionnaire
    assert 900 <= view.width() <= 1100
    assert abs(view.geometry().center().x() - kiosk.width() // 2) < 40  # centred


def test_the_idle_warning_is_a_message_in_the_middle(qtbot, tmp_path, monkeypatch):
    _clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, idle_seconds=21)
    tap(qtbot, kiosk.welcome.buttons["en"])
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=3000)
    box, window = kiosk.countdown.geometry(), kiosk.rect()
    assert abs(box.center().x() - window.center().x()) < 20
    assert abs(box.center().y() - window.center().y()) < 20
    assert box.width() >= window.width() // 2
    assert kiosk.countdown.seconds.text().endswith("s")
    assert "Are you still there?" in kiosk.countdown.text.text()


def test_the_thank_you_screen_counts_down_and_goes_back(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    kiosk.thanks_seconds = 2
    kiosk.open_visit_code(clinic.visit.code)
    tap(qtbot, kiosk.welcome.buttons["en"])
    view = kiosk.questionnaire
    while not view.on_review:
        for item_view in view.items:
            tap(qtbot, item_view.options.buttons[-1])
        tap(qtbot, view.next_button)
    tap(qtbot, view.next_button)
    assert kiosk.pages.currentWidget() is kiosk.thanks
    qtbot.waitUntil(lambda: "s." in kiosk.thanks.countdown.text(), timeout=2000)
    assert not kiosk.countdown.isVisible()  # no "are you still there?" over the thanks
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.welcome, timeout=4000)
    assert kiosk.thanks.prompts == []


def test_the_phrases_print_on_a_card_to_take_away(qtbot, tmp_path):
    from dyade.ui.kiosk.thanks import ThanksPage

    card = tmp_path / "card.pdf"

    def printer() -> QPrinter:
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
        made.setOutputFileName(str(card))
        return made

    page = ThanksPage(printer=printer)
    qtbot.addWidget(page)
    page.show()
    page.set_prompts(["I would like us to talk about the plan again."])
    assert page.print_button.isVisible()
    tap(qtbot, page.print_button)
    assert card.stat().st_size > 500 and Path(card).read_bytes().startswith(b"%PDF")
    none = ThanksPage(printer=lambda: None)  # no printer on this laptop
    qtbot.addWidget(none)
    none.show()
    none.set_prompts(["words"])
    assert not none.print_button.isVisible()


def test_the_clinic_setting_makes_single_choices_go_on(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    kiosk.attach(KioskClinic(clinic.db, clinic.library, auto_advance=True))
    kiosk.open_visit_code(clinic.visit.code)
    tap(qtbot, kiosk.welcome.buttons["en"])
    view = kiosk.questionnaire
    assert view.auto_advance
    tap(qtbot, view.items[0].options.buttons[2])
    qtbot.waitUntil(lambda: view.index == 1)
