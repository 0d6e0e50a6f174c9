"""The review read at the end of the day: the own words first, a card per finding, a table
that shows its rows without scrolling on its own and highlights real gaps only."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from dyade.demo import WORDS_FR
from dyade.storage.dyads import dyads_for
from dyade.ui.i18n import Translations
from dyade.ui.workspace.review_view import REAL_GAP, VisitReview, item_pairs
from dyade.ui.workspace.review_window import open_review
from dyade.ui.workspace.shell import Workspace

pytest_plugins = ("test_workspace_review",)

# A-1042 and Dr Martin write French in the demo clinic: their words are shown as written
PATIENT_WORDS = WORDS_FR["scenario-a"]["p_comment"]
PHYSICIAN_WORDS = WORDS_FR["scenario-a"]["d_comment"]


def review_of(qtbot, session, code: str):
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    dyad = next(d for d in dyads_for(session.db, session.user) if d.patient_code == code)
    window = open_review(workspace, dyad)
    qtbot.addWidget(window)
    return window


def test_the_patients_words_open_the_review_before_any_score(qtbot, martin):
    window = review_of(qtbot, martin, "A-1042")
    view = window.visit_view
    text = view.words.text()
    assert "In the patient's words" in text and PATIENT_WORDS in text
    assert "Your notes on this visit" in text and PHYSICIAN_WORDS in text
    assert not view.words.isHidden()
    order = [view.column.indexOf(w) for w in (view.words, view.cards, view.chart, view.item_view)]
    assert order == sorted(order) and order[0] == 0


def test_a_visit_without_written_words_shows_no_empty_box(qtbot, martin):
    window = review_of(qtbot, martin, "A-1042")
    window.visit_choice.setCurrentIndex(0)  # the earlier, harmonious visit: nothing written
    assert window.visit_view.words.text() == "" and window.visit_view.words.isHidden()


def test_each_finding_has_a_card_with_what_who_and_an_opening_sentence(qtbot, martin):
    window = review_of(qtbot, martin, "A-1042")
    flags = window.current_visit().analysis.flags
    cards = window.visit_view.cards.cards
    assert len(cards) == len(flags) >= 2
    first = cards[0].plain_text()
    assert first.startswith("Rupture seen by one side only: the patient")
    assert "What happened:" in first and "Who saw it: the patient, not the physician" in first
    assert f"To open the next visit: “{flags[0].suggestions[0].phrases['en'][0]}”" in first
    what = next(line for line in first.splitlines() if line.startswith("What happened"))
    assert len(what) < len(flags[0].explanation["en"])  # the card is short; details below
    Translations().set_language("fr")
    try:
        qtbot.waitUntil(lambda: "Qui l’a vu" in window.visit_view.cards.cards[0].plain_text())
        assert "le patient, pas le médecin" in window.visit_view.cards.cards[0].plain_text()
    finally:
        Translations().set_language("en")


def test_only_real_gaps_are_highlighted(qtbot, martin):
    window = review_of(qtbot, martin, "A-1042")
    view = window.visit_view
    pairs = item_pairs(window.current_visit(), "en")
    gaps = [p["gap"] for p in pairs if p["gap"] is not None]
    assert REAL_GAP in gaps or max(gaps) > REAL_GAP  # scenario A has real gaps
    assert 1 in gaps  # and small ones, which are not highlighted
    model = view.items
    for row, pair in enumerate(model.rows):
        colour = model.data(model.index(row, 3), Qt.ItemDataRole.BackgroundRole)
        real = pair["gap"] is not None and pair["gap"] >= REAL_GAP
        assert (colour is not None) == real, pair
    window.visit_choice.setCurrentIndex(0)  # the harmonious visit: no real gap, nothing lit
    assert not any(p["real"] for p in view.items.rows)


def test_the_item_table_shows_every_row_and_the_wheel_scrolls_the_page(qtbot, martin):
    window = review_of(qtbot, martin, "A-1042")
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    view: VisitReview = window.visit_view
    table = view.item_view
    QApplication.processEvents()
    assert table.verticalScrollBar().maximum() == 0  # no scrolling inside the page
    rows = sum(table.rowHeight(r) for r in range(table.model().rowCount()))
    assert table.height() >= rows + table.horizontalHeader().height()
    page = view.scroll.verticalScrollBar()
    page.setValue(0)
    point = QPointF(table.viewport().rect().center())
    wheel = QWheelEvent(
        point,
        QPointF(table.viewport().mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(table.viewport(), wheel)
    assert page.value() > 0  # the page moved under the pointer, not the table


def test_the_review_window_opens_inside_the_screen(qtbot, martin):
    window = review_of(qtbot, martin, "A-1042")
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry()), (area, window.frameGeometry())


def test_a_card_about_how_one_side_answered_names_whose_answers_not_who_saw_it(qtbot):
    """The patient ticked 'somewhat' all the way down: nobody perceived anything."""
    from analysis_visits import BRIEF, answers, visit
    from dyade.ui.workspace.review_cards import FindingCard

    analysis = visit(answers(BRIEF[0], 3, 3), answers(BRIEF[1], 4))
    [notice] = [f for f in analysis.flags if f.kind == "answers_to_check"]
    card = FindingCard(notice)
    qtbot.addWidget(card)
    headings = [heading for heading, _text in card.lines()]
    assert "Answers concerned" in headings and "Who saw it" not in headings
    assert dict(card.lines())["Answers concerned"] == "the patient's answers"
    Translations().set_language("fr")
    try:
        assert dict(card.lines())["Réponses concernées"] == "les réponses du patient"
    finally:
        Translations().set_language("en")
