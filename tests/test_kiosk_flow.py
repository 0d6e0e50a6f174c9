"""The kiosk end to end: keyboard only, mouse only, a language switch, an idle reset."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dyade.storage.responses import get_response, load_answers
from kiosk_support import (
    answer_to_review,
    full_kiosk,
    key,
    open_kiosk,
    settle,
    visible_texts,
)

K = Qt.Key
__all__ = ["full_kiosk"]  # the fixture, from kiosk_support


def expected_by_keys(view) -> dict:
    """What pressing digit 2 (and 1 then 3 on a checklist) answers on this screen."""
    answers = {}
    for item_view in view.items:
        item = item_view.item
        values = item_view.options.values if item_view.options else []
        if item.kind == "multi":
            answers[item.id] = [v for v in values[:3] if v in (values[0], values[2])]
        elif item.kind == "text":
            answers[item.id] = "Thanks for listening today"
        else:
            answers[item.id] = values[1]
    return answers


def answer_screen_by_keys(qtbot, view) -> dict:
    expected = expected_by_keys(view)
    for item_view in view.items:
        if item_view.item.kind == "text":
            item_view.text_edit.setFocus()
            qtbot.keyClicks(item_view.text_edit, expected[item_view.item.id])
        elif item_view.item.kind == "multi":
            key(qtbot, K.Key_1)
            key(qtbot, K.Key_3)
        else:
            key(qtbot, K.Key_2)
    return expected


def test_full_questionnaire_by_keyboard_only(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    key(qtbot, K.Key_1)  # French
    assert kiosk.pages.currentWidget() is kiosk.code_page
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code.lower())
    key(qtbot, K.Key_Return)
    view = kiosk.questionnaire
    assert view is not None and view.index == 0
    expected = {}
    screens = len(view.session.screens)
    for index in range(screens):
        assert view.index == index
        assert view.progress_label.text().startswith("Question")
        expected.update(answer_screen_by_keys(qtbot, view))
        typing = any(v.text_edit is not None for v in view.items)  # Right moves the cursor there
        key(qtbot, K.Key_Return if index % 2 or typing else K.Key_Right)
    assert view.on_review
    key(qtbot, K.Key_Left)  # back to the last question, answers kept
    assert view.index == screens - 1
    assert view.items[0].text_edit.hasFocus()  # the comment box keeps its own keys
    key(qtbot, K.Key_Backspace)
    assert view.index == screens - 1
    assert load_answers(clinic.db, clinic.patient_response.uuid)[view.items[0].item.id]
    key(qtbot, K.Key_Tab)  # to Back
    key(qtbot, K.Key_Backspace)
    assert view.index == screens - 2
    key(qtbot, K.Key_Return)
    view.items[0].text_edit.setPlainText(expected[view.items[0].item.id])
    key(qtbot, K.Key_Return)  # Enter in the comment box goes on
    assert view.on_review
    key(qtbot, K.Key_Return)  # Enter on the review submits
    assert kiosk.pages.currentWidget() is kiosk.thanks
    response = get_response(clinic.db, clinic.patient_response.uuid)
    assert response.status == "complete"
    assert load_answers(clinic.db, response.uuid) == expected
    assert len(expected) == len(view.session.form.items)


def test_full_questionnaire_by_mouse_only(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    qtbot.mouseClick(kiosk.welcome.buttons["en"], Qt.MouseButton.LeftButton)
    kiosk.code_page.field.setText(clinic.visit.code)  # typed at the desk's request
    qtbot.mouseClick(kiosk.code_page.go, Qt.MouseButton.LeftButton)
    view = kiosk.questionnaire
    expected = {}
    while not view.on_review:
        for item_view in view.items:
            item = item_view.item
            if item.kind == "text":
                expected[item.id] = None  # nothing typed: a blank comment is no answer
                continue
            buttons = item_view.options.buttons
            if item.kind == "multi":
                qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
                expected[item.id] = [item_view.options.values[1]]
            elif item.id.endswith("trust"):
                qtbot.mouseClick(item_view.skip_button, Qt.MouseButton.LeftButton)
                expected[item.id] = None
            else:
                qtbot.mouseClick(buttons[-1], Qt.MouseButton.LeftButton)
                expected[item.id] = item_view.options.values[-1]
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.thanks
    assert load_answers(clinic.db, clinic.patient_response.uuid) == expected
    assert get_response(clinic.db, clinic.patient_response.uuid).language == "en"
    qtbot.mouseClick(kiosk.thanks.done, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.welcome


def test_review_change_button_goes_back_to_that_question(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    kiosk.open_visit_code(clinic.visit.code)
    key(qtbot, K.Key_2)
    view = kiosk.questionnaire
    for _ in view.session.screens:
        for item_view in view.items:
            if item_view.item.kind != "text":
                view._on_answered(item_view.item.id, None)
        view.next_screen()
    assert view.on_review
    target = view.answers_check.rows[3].screen
    qtbot.mouseClick(view.answers_check.change_buttons[3], Qt.MouseButton.LeftButton)
    assert not view.on_review and view.index == target == 3
    key(qtbot, K.Key_4)
    item = view.items[0].item
    assert load_answers(clinic.db, clinic.patient_response.uuid)[item.id] == 4


def test_language_switch_mid_way_keeps_the_answers(qtbot, full_kiosk):
    clinic, kiosk = full_kiosk
    key(qtbot, K.Key_1)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    view = kiosk.questionnaire
    key(qtbot, K.Key_4)
    key(qtbot, K.Key_Return)
    key(qtbot, K.Key_2)
    first, second = (s.items[0] for s in view.session.screens[:2])
    qtbot.mouseClick(kiosk.header.languages["en"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.items[0].question.text() == second.text.en
    assert view.next_button.text() == "Next"
    assert view.items[0].options.buttons[1].isChecked()
    key(qtbot, K.Key_Left)
    assert view.items[0].question.text() == first.text.en
    assert view.items[0].options.buttons[3].isChecked()
    qtbot.mouseClick(kiosk.header.languages["fr"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.next_button.text() == "Suivant"
    assert view.items[0].question.text() == first.text.fr
    assert load_answers(clinic.db, clinic.patient_response.uuid) == {first.id: 4, second.id: 2}


def test_idle_reset_clears_the_screen_and_keeps_the_answers(qtbot, tmp_path, monkeypatch):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, idle_seconds=1.5)
    key(qtbot, K.Key_2)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    view = kiosk.questionnaire
    key(qtbot, K.Key_5)
    key(qtbot, K.Key_Return)
    key(qtbot, K.Key_1)
    form = view.session.form
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=3000)
    assert "s" in kiosk.countdown.text.text()
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.welcome, timeout=5000)
    settle(qtbot)
    assert kiosk.questionnaire is None and kiosk.session is None
    assert not kiosk.countdown.isVisible()
    shown = " ".join(visible_texts(kiosk))
    for item in form.items:
        assert item.text.en not in shown and item.text.fr not in shown
    assert clinic.visit.code not in " ".join(visible_texts(kiosk.code_page))
    saved = load_answers(clinic.db, clinic.patient_response.uuid)
    assert saved == {form.items[0].id: 5, form.items[1].id: 1}

    key(qtbot, K.Key_2)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    assert kiosk.questionnaire.index == 2  # resumes at the first unanswered question


def test_sending_the_questionnaire_completes_it_and_analyses_the_visit(
    qtbot, tmp_path, monkeypatch
):
    """The physician had answered: the patient's send analyses the visit at once, and the
    kiosk says what changed (the dyad to show again) without the workspace's help."""
    from dyade.storage.results import get_visit_result

    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch)
    sent = []
    kiosk.completed.connect(sent.append)
    key(qtbot, K.Key_2)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)
    answer_to_review(kiosk.questionnaire)
    assert sent == [] and get_visit_result(clinic.db, clinic.visit.uuid) is None
    key(qtbot, K.Key_Return)
    settle(qtbot)
    assert kiosk.pages.currentWidget() is kiosk.thanks
    assert [(d.dyad, d.visit, d.analysed) for d in sent] == [
        (clinic.visit.dyad_uuid, clinic.visit.uuid, True)
    ]
    assert get_visit_result(clinic.db, clinic.visit.uuid) is not None
    qtbot.mouseClick(kiosk.thanks.done, Qt.MouseButton.LeftButton)
    assert len(sent) == 1
