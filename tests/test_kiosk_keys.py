"""Every answer has a key shown on it, and the whole kiosk can be finished with keys and Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dyade.storage.responses import get_response, load_answers
from dyade.ui.questionnaire.options import option_keys
from kiosk_support import full_kiosk, key, settle

K = Qt.Key
__all__ = ["full_kiosk"]  # the fixture, from kiosk_support


def press_char(qtbot, char: str) -> None:
    """Press the key that types ``char`` (a digit or a capital letter) where the focus is."""
    key(qtbot, Qt.Key(ord(char)))


def start(qtbot, kiosk, clinic) -> None:
    """French, then the visit code typed on the keyboard and Enter."""
    key(qtbot, K.Key_1)
    for char in clinic.visit.code:
        press_char(qtbot, char)
    key(qtbot, K.Key_Return)
    assert kiosk.questionnaire is not None


def screen_with(view, kind: str, count: int):
    """Go (with Enter) to the first screen holding an item of ``kind`` with ``count`` options."""
    for index in range(len(view.session.screens)):
        view.show_screen(index)
        for item_view in view.items:
            if item_view.item.kind == kind and len(item_view.options.buttons) == count:
                return item_view
    raise AssertionError(f"no {kind} item with {count} options")


def test_keys_run_1_to_9_then_letters_and_none_takes_0():
    assert option_keys([False] * 5) == ["1", "2", "3", "4", "5"]
    keys = option_keys([False] * 12 + [True])
    assert keys == [*"123456789", "A", "B", "C", "0"]
    assert option_keys([True, False, True]) == ["0", "1", "2"]  # a second "alone" gets a key too
    assert len(set(option_keys([False] * 30))) == 30 and "I" not in option_keys([False] * 30)


def test_every_option_of_the_emotions_question_is_chosen_by_its_own_key(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    view = kiosk.questionnaire
    emotions = screen_with(view, "multi", 13)
    buttons, codes = emotions.options.buttons, emotions.options.values
    shown = [b.badge.text() for b in buttons]
    assert shown == [*"123456789", "A", "B", "C", "0"]  # the key is on the button
    assert all(b.badge.isVisible() for b in buttons)
    saved = lambda: load_answers(clinic.db, clinic.patient_response.uuid)[emotions.item.id]  # noqa: E731
    for char in ("A", "B", "C"):  # frustration, not up to it, judged: past 9
        press_char(qtbot, char)
    assert saved() == codes[9:12]
    press_char(qtbot, "0")  # "none of these" stands alone
    assert saved() == ["none"] and buttons[12].isChecked()
    assert not any(b.isChecked() for b in buttons[:12])
    press_char(qtbot, "C")
    assert saved() == ["judged_misunderstood"]


def test_columns_are_numbered_in_reading_order(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    emotions = screen_with(kiosk.questionnaire, "multi", 13)
    settle(qtbot)
    columns = emotions.options.columns
    assert columns >= 2
    boxes = [b.geometry() for b in emotions.options.buttons]
    first_row = boxes[:columns]
    assert all(b.top() == boxes[0].top() for b in first_row)  # 1, 2 (3) side by side
    assert [b.left() for b in first_row] == sorted(b.left() for b in first_row)
    below = boxes[columns]
    assert below.top() > boxes[0].top() and below.left() == boxes[0].left()  # then under 1


def test_every_option_of_every_screen_has_a_key_that_chooses_it(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    view = kiosk.questionnaire
    for index in range(len(view.session.screens)):
        view.show_screen(index)
        for item_view in view.items:
            if item_view.options is None:
                continue
            item_view.setFocus()
            keys = [b.badge.text() for b in item_view.options.buttons]
            assert len(set(keys)) == len(keys) and all(keys)
            for position, char in enumerate(keys):
                press_char(qtbot, char)
                answer = view.session.answers[item_view.item.id]
                value = item_view.options.values[position]
                assert answer == value or value in answer, (item_view.item.id, char)
                item_view.setFocus()


def test_the_whole_kiosk_is_finished_with_keys_and_enter_alone(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    view = kiosk.questionnaire
    comment_id = None
    while not view.on_review:
        for item_view in view.items:
            if item_view.text_edit is not None:
                comment_id = item_view.item.id
                assert item_view.text_edit.hasFocus()
                QTest.keyClicks(item_view.text_edit, "2 things")  # a digit types text
                key(qtbot, K.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line
                QTest.keyClicks(item_view.text_edit, "went well")
            else:
                # the focus is on the question, never on an option that looks chosen
                assert not any(b.hasFocus() for b in item_view.options.buttons)
                press_char(qtbot, item_view.options.buttons[-1].badge.text())
        key(qtbot, K.Key_Return)
    key(qtbot, K.Key_Return)  # Enter sends from the review
    assert kiosk.pages.currentWidget() is kiosk.thanks
    response = get_response(clinic.db, clinic.patient_response.uuid)
    assert response.status == "complete"
    assert load_answers(clinic.db, response.uuid)[comment_id] == "2 things\nwent well"
    key(qtbot, K.Key_Return)  # Enter presses Finish
    assert kiosk.pages.currentWidget() is kiosk.welcome


def test_enter_without_an_answer_says_which_key_to_press(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    view = kiosk.questionnaire
    view.show_screen(1)
    key(qtbot, K.Key_Return)
    assert view.index == 1
    assert "touche" in view.hint.text() and view.hint.isVisible()  # French was chosen


def test_enter_on_a_focused_button_presses_that_button(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    view = kiosk.questionnaire
    view.show_screen(1)
    target = view.items[0].options.buttons[2]
    target.setFocus()  # reached with Tab, say
    key(qtbot, K.Key_Return)
    assert target.isChecked() and view.index == 1  # chosen, not skipped past
    while not view.on_review:
        for item_view in view.items:
            if item_view.options is not None and item_view.item.id not in view.session.answers:
                item_view.options.buttons[0].click()
        view.next_screen()
    view.answers_check.change_buttons[3].setFocus()
    key(qtbot, K.Key_Return)  # "Change", not "Send"
    assert not view.on_review and view.index == view.answers_check.rows[3].screen
    assert get_response(clinic.db, clinic.patient_response.uuid).status != "complete"


def test_a_single_choice_can_go_on_by_itself(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    start(qtbot, kiosk, clinic)
    view = kiosk.questionnaire
    view.auto_advance = True
    view.show_screen(1)
    qtbot.mouseClick(view.items[0].options.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.index == 2)
    multi = screen_with(view, "multi", 13)
    index = view.index
    qtbot.mouseClick(multi.options.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.wait(900)
    assert view.index == index  # a checklist waits for Next
