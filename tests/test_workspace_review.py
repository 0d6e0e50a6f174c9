"""On the demo clinic: the dashboard's order, scenario A's review, a repaired episode's chart."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dyade.demo import DEMO_PASSPHRASE, build_demo
from dyade.storage import connection, open_database, users
from dyade.storage.dyads import dyads_for
from dyade.storage.users import find_user
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace.dashboard import dashboard_rows
from dyade.ui.workspace.review_window import ReviewWindow, open_review
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connection, "DEFAULT_KDF_ITER", 2_000)
        patch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        path = build_demo(tmp_path_factory.mktemp("demo") / "demo.db")
        yield path


@pytest.fixture
def martin(demo_file, monkeypatch):
    monkeypatch.setattr(connection, "DEFAULT_KDF_ITER", 2_000)
    make_application()
    Translations().set_language("en")
    db = open_database(demo_file, DEMO_PASSPHRASE)
    session = Session(db=db, path=demo_file, user=find_user(db, "martin"))
    yield session
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ReviewWindow):
            widget.close()
    db.close()


def test_dashboard_puts_unperceived_ruptures_first_then_unresolved_then_calm(qtbot, martin):
    workspace = Workspace(martin)
    qtbot.addWidget(workspace)
    page = workspace.pages["dashboard"]
    rows = page.model.rows
    codes = [r.dyad.patient_code for r in rows]
    categories = [r.category for r in rows]
    assert categories == sorted(categories)  # most pressing first, all the way down
    assert set(codes[:3]) == {"A-1042", "B-2210", "E-6093"}  # unperceived ruptures
    assert codes.index("U-4481") < codes.index("R-3307")  # unresolved before repaired
    assert rows[-1].category == 5
    shared = next(r for r in rows if r.dyad.patient_code == "E-6093")
    assert shared.dyad.shared and "(shared)" in page._owner(shared)
    badge = page.model.data(page.model.index(0, 0))
    assert badge.startswith("⚠") and "seen by one side only" in badge  # symbol and words
    assert rows == dashboard_rows(martin.db, martin.user)


def test_scenario_a_review_shows_the_unperceived_withdrawal_with_evidence_and_repairs(
    qtbot, martin
):
    workspace = Workspace(martin)
    qtbot.addWidget(workspace)
    dyad = next(d for d in dyads_for(martin.db, martin.user) if d.patient_code == "A-1042")
    window = open_review(workspace, dyad)
    qtbot.addWidget(window)
    visit = window.current_visit()
    first = visit.analysis.flags[0]
    assert (first.kind, first.rupture_type, first.origin) == (
        "unperceived_rupture",
        "withdrawal",
        "patient",
    )
    html = window.visit_view.flags.text()
    assert "Rupture seen by one side only: the patient" in html
    assert first.explanation["en"][:40] in html
    evidence = next(e for e in first.evidence if e.item)
    question = visit.patient_form.item(evidence.item).text.get("en")
    assert question in html  # the patient's own question and answer are shown
    assert "Ways to repair" in html
    assert first.suggestions[0].phrases["en"][0][:30] in html
    gaps = [p["gap"] for p in window.visit_view.items.rows if p["gap"] is not None]
    assert gaps == sorted(gaps, reverse=True)
    assert {r.subscale for r in window.visit_view.chart.blocks[0][1]} == {"bond"}
    view = window.visit_view
    assert "Rupture seen by one side only: the patient" in view.cards.cards[0].text.text()
    order = [view.column.indexOf(w) for w in (view.cards, view.chart, view.flags)]
    assert order == sorted(order)  # the cards, then the chart, then the details below


def test_history_chart_marks_the_repaired_episode(qtbot, martin):
    workspace = Workspace(martin)
    qtbot.addWidget(workspace)
    dyad = next(d for d in dyads_for(martin.db, martin.user) if d.patient_code == "R-3307")
    window = open_review(workspace, dyad)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(1)
    chart = window.history.chart
    assert chart.subscale == "bond"
    assert [e[0] for e in chart.episodes_drawn] and all(
        status == "repaired" for status, _, _ in chart.episodes_drawn
    )
    assert "Repaired" in window.history.summary.text()
    window.show()
    image = chart.grab().toImage()
    assert not image.isNull() and image.width() > 100


def test_review_dates_follow_a_language_switch(qtbot, martin):
    from dyade.ui.i18n import Translations

    workspace = Workspace(martin)
    qtbot.addWidget(workspace)
    dyad = next(d for d in dyads_for(martin.db, martin.user) if d.patient_code == "R-3307")
    window = open_review(workspace, dyad)
    qtbot.addWidget(window)
    english = window.visit_choice.itemText(0)
    Translations().set_language("fr")
    try:
        qtbot.waitUntil(lambda: window.visit_choice.itemText(0) != english)
        assert window.visit_choice.itemText(0)[-4:].isdigit()  # "3 août 2026"
        assert window.visit_choice.itemText(0).split()[1] != english.split()[1]
    finally:
        Translations().set_language("en")


@pytest.mark.parametrize("focus", ["window", "visit_choice", "item_view"])
def test_escape_closes_the_review_window_and_only_it(qtbot, martin, focus):
    workspace = Workspace(martin)
    qtbot.addWidget(workspace)
    workspace.show()
    dyad = next(d for d in dyads_for(martin.db, martin.user) if d.patient_code == "R-3307")
    window = open_review(workspace, dyad)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    target = {"window": window, "visit_choice": window.visit_choice}.get(focus)
    target = target or window.visit_view.item_view  # the focus may be on any of them
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert workspace.isVisible()
