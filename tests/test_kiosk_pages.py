"""Question screens are pages built once (Next and Back only switch), and die with the person."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dyade.ui.questionnaire import QuestionnaireView
from dyade.ui.questionnaire.screen_page import ScreenPage
from kiosk_support import answer_to_review, key, open_kiosk, settle, texts_of

K = Qt.Key


def test_screens_are_built_once_then_switched(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full")
    kiosk.open_visit_code(clinic.visit.code)
    key(qtbot, K.Key_2)
    view = kiosk.questionnaire
    first = view.stack.currentWidget()
    assert isinstance(first, ScreenPage) and first.items == view.items
    qtbot.waitUntil(lambda: 1 in view.pages)  # the next screen, built while one reads
    assert view.progress_bar.value() == 0
    key(qtbot, K.Key_3)
    key(qtbot, K.Key_Return)
    second = view.stack.currentWidget()
    assert second is view.pages[1] and view.progress_bar.value() == 1
    key(qtbot, K.Key_Left)
    assert view.stack.currentWidget() is first  # the same widgets, not a rebuilt screen
    assert first.items[0].options.buttons[2].isChecked()
    key(qtbot, K.Key_Right)
    assert view.stack.currentWidget() is second
    assert second.items[0].hasFocus()  # the question: no option looks chosen
    assert len(view.pages) <= 3  # only the screens seen and the one ahead


def test_an_answer_restyles_the_old_and_the_new_choice(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full")
    kiosk.open_visit_code(clinic.visit.code)
    key(qtbot, K.Key_1)
    buttons = kiosk.questionnaire.items[0].options.buttons
    key(qtbot, K.Key_2)
    key(qtbot, K.Key_4)
    settle(qtbot)
    assert [b.isChecked() for b in buttons] == [False, False, False, True, False]
    assert [b.shown_selected for b in buttons] == [False, False, False, True, False]
    colours = [b.label.palette().windowText().color().name() for b in buttons]
    assert colours[3] == "#ffffff"  # white on teal, from the style sheet
    assert colours[1] == colours[0] == "#1b2631"  # the previous choice is ink again
    tick = buttons[3].tick.pixmap()
    assert not tick.isNull() and tick.height() >= buttons[3].label.fontMetrics().height()


def test_every_page_of_a_person_is_destroyed_on_reset_and_after_sending(
    qtbot, tmp_path, monkeypatch
):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full")
    form = clinic.library.get("dyade-full-patient")
    wording = {t for item in form.items for t in (item.text.fr, item.text.en)}
    kiosk.open_visit_code(clinic.visit.code)
    key(qtbot, K.Key_1)
    view = kiosk.questionnaire
    for _ in range(4):
        key(qtbot, K.Key_5)
        key(qtbot, K.Key_Return)
        settle(qtbot)
    assert len(view.pages) >= 5
    kiosk.reset()
    settle(qtbot)
    assert kiosk.findChildren(QuestionnaireView) == []
    assert kiosk.findChildren(ScreenPage) == []
    assert not wording & set(texts_of(kiosk))  # hidden widgets included

    other = clinic.other_visit
    kiosk.open_visit_code(other.code)
    key(qtbot, K.Key_1)
    view = kiosk.questionnaire
    answer_to_review(view, after_each=lambda: settle(qtbot, 5))
    view.next_screen()
    assert kiosk.pages.currentWidget() is kiosk.thanks
    settle(qtbot)
    assert kiosk.findChildren(ScreenPage) == []
    assert not wording & set(texts_of(kiosk))


def test_each_question_screen_opens_scrolled_to_the_top(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full")
    assert kiosk.size().width() == 1366 and kiosk.header.text_size == 18
    kiosk.header.step_size(+2)  # large text: the first screen no longer fits
    key(qtbot, K.Key_1)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    view = kiosk.questionnaire
    first = view.scroll.verticalScrollBar()
    assert first.maximum() > 0  # the instructions and the first question overflow
    assert first.value() == 0
    assert view.intro.visibleRegion().boundingRect().top() == 0  # its first line whole
    assert view.items[0].hasFocus()  # the question, not an option: the keys answer it
    key(qtbot, K.Key_3)
    first.setValue(first.maximum())  # the patient scrolled down, then went on
    key(qtbot, K.Key_Return)
    key(qtbot, K.Key_3)
    key(qtbot, K.Key_Left)
    assert view.index == 0 and first.value() == 0
    kiosk.header.step_size(+1)  # the largest text: later screens open at the top too
    tops = []
    answer_to_review(
        view, pick=2, after_each=lambda: tops.append(view.scroll.verticalScrollBar().value())
    )
    assert tops == [0] * len(view.session.screens)
