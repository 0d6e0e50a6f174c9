"""What the physician reads on the workspace lists: whole headers, their own date and number
formats, and a first-day dashboard that says where to start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics

from dyade.storage import open_database
from dyade.storage.dyads import dyads_for
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace.formats import date_text, number_text
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace
from storage_fixtures import PASSPHRASE, make_clinic


@pytest.fixture
def french():
    make_application()
    Translations().set_language("fr")
    yield
    Translations().set_language("en")


@pytest.fixture
def clinic(tmp_path):
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    yield db, path, make_clinic(db)
    db.close()


def test_dates_and_numbers_follow_the_language_by_the_reports_rule(french):
    """The screen writes a date and a score exactly as the PDF does, in each language."""
    from dyade.formats import format_date, format_number

    nbsp, minus = "\u00a0", "\u2212"
    assert date_text("2026-11-21") == f"21{nbsp}novembre 2026" == format_date("2026-11-21", "fr")
    assert date_text("2026-11-01") == f"1er{nbsp}novembre 2026"
    assert number_text(-1.3) == f"{minus}1,30" == format_number(-1.3, "fr")
    assert number_text(3.25) == "3,25" and number_text(0.5, signed=True) == "+0,50"
    assert date_text(None) == "—" and date_text("not a date") == "not a date"
    Translations().set_language("en")
    assert date_text("2026-11-21") == f"21{nbsp}November 2026" == format_date("2026-11-21", "en")
    assert number_text(-1.3) == f"{minus}1.30"


def test_french_headers_are_never_cut(qtbot, french, clinic):
    db, path, made = clinic
    workspace = Workspace(Session(db=db, path=path, user=made.physician))
    qtbot.addWidget(workspace)
    workspace.resize(1100, 700)
    workspace.show()
    for section in ("dashboard", "patients", "pending"):
        page = workspace.show_section(section)
        qtbot.wait(10)
        views = [page.view] if hasattr(page, "view") else [page.patient_view, page.dyad_view]
        for view in views:
            header = view.horizontalHeader()
            metrics = QFontMetrics(header.font())
            for column in range(header.count()):
                if view.isColumnHidden(column):
                    continue
                text = view.model().headerData(column, header.orientation())
                assert header.sectionSize(column) >= metrics.horizontalAdvance(text), (
                    section,
                    text,
                )


def test_dashboard_buttons_wait_for_a_chosen_dyad(qtbot, french, clinic):
    db, path, made = clinic
    workspace = Workspace(Session(db=db, path=path, user=made.physician))
    qtbot.addWidget(workspace)
    page = workspace.show_section("dashboard")
    assert page.empty.isHidden() and not page.view.isHidden()
    assert not page.open_button.isEnabled()  # nothing chosen yet
    page.view.selectRow(0)
    assert page.open_button.isEnabled() and page.export_button.isEnabled()


def test_empty_dashboard_guides_a_new_physician(qtbot, french, clinic):
    db, path, made = clinic
    assert dyads_for(db, made.colleague) == []  # a physician with no dyad yet
    workspace = Workspace(Session(db=db, path=path, user=made.colleague))
    qtbot.addWidget(workspace)
    page = workspace.show_section("dashboard")
    assert not page.empty.isHidden() and page.view.isHidden()
    assert not page.open_button.isEnabled() and not page.export_button.isEnabled()
    page.start_button.click()
    assert workspace.stack.currentWidget() is workspace.pages["patients"]


def test_every_subscale_of_the_shipped_forms_has_a_name_in_both_languages():
    """The review's chart names subscales; an id must never show instead ("agreement")."""
    from dyade.analysis import texts
    from dyade.forms.library import default_library

    library = default_library()
    shown = ("general", "specific")
    ids = {s.id for form in library for s in form.subscales if s.component in shown}
    names = texts.lookup("subscales")
    assert sorted(ids - set(names)) == []
    for sid in ids:
        assert names[sid]["fr"] and names[sid]["en"] and names[sid]["fr"] != names[sid]["en"]


def test_unlock_page_texts_never_run_under_the_field(qtbot, french, clinic):
    """After a wrong passphrase the demo note kept one line too few and ran under the field."""
    from dyade.ui.workspace.unlock import UnlockPage

    _db, path, _made = clinic
    page = UnlockPage(path, demo_passphrase="demo-dyade-tilleuls")
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    page.passphrase.setText("not the passphrase")
    page.try_unlock()
    qtbot.wait(20)
    note, field = page.demo_note, page.passphrase
    assert page.message.text()
    assert note.height() >= note.heightForWidth(note.width())
    assert note.geometry().bottom() < field.geometry().top()
    assert page.message.height() >= page.message.heightForWidth(page.message.width())


def test_page_titles_line_up_with_their_text(qtbot, french, clinic):
    """A title's padding made Qt indent its text by 9 px past the lines under it."""
    db, path, made = clinic
    workspace = Workspace(Session(db=db, path=path, user=made.physician))
    qtbot.addWidget(workspace)
    workspace.show()
    page = workspace.show_section("dashboard")
    qtbot.wait(10)
    assert page.title.indent() == 0


def test_style_sheet_icons_are_found_wherever_dyade_runs():
    """Lists and number fields draw Dyade's arrows (Qt's vanish once their box is styled)."""
    import re

    from dyade.ui.app import style_sheet

    sheet = style_sheet()
    assert "@icons@" not in sheet
    urls = re.findall(r"url\(([^)]+)\)", sheet)
    assert urls and all(Path(url).is_file() for url in urls)


def test_settings_refusals_speak_french(qtbot, french, clinic, tmp_path):
    from dyade.errors import DyadeError
    from dyade.ui.workspace import settings_values

    with pytest.raises(DyadeError) as refused:
        settings_values.check_folder(str(tmp_path / "nulle-part"), "Dossier des sauvegardes")
    assert "n’existe pas" in refused.value.text("fr") and "nulle-part" in refused.value.text("fr")
    db, path, made = clinic
    workspace = Workspace(Session(db=db, path=path, user=made.physician))
    qtbot.addWidget(workspace)
    page = workspace.show_section("settings")
    own = tmp_path / "forms"
    own.mkdir()
    (own / "abime.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    page.forms_folder.setText(str(own))
    assert page.save()
    shown = page.form_errors.text()
    assert "abime.yaml" in shown and "ligne" in shown and "YAML valable" in shown


def test_the_dashboard_shows_whole_names_on_a_1366_screen_in_french(qtbot, french, tmp_path):
    """At 1366x768 in French the long finding ("Rupture vue d'un seul côté : le patient")
    took the row's width and the names were cut to "Solè…": a finding now wraps onto a
    second line, and the name, the physician's way to know who it is, stays whole."""
    from dyade.demo import DEMO_PASSPHRASE, build_demo
    from dyade.storage.users import find_user
    from dyade.ui.workspace.dashboard import NAME_COLUMN

    path = build_demo(tmp_path / "demo.db")
    db = open_database(path, DEMO_PASSPHRASE)
    try:
        workspace = Workspace(Session(db=db, path=path, user=find_user(db, "martin")))
        qtbot.addWidget(workspace)
        workspace.resize(1280, 690)  # the main window's size on a 1366x768 laptop
        workspace.show()
        page = workspace.show_section("dashboard")
        qtbot.wait(50)
        view = page.view
        rows = view.model().rowCount()
        assert rows >= 5
        for row in range(rows):
            name = view.model().index(row, NAME_COLUMN).data()
            needed = QFontMetrics(view.font()).horizontalAdvance(name)
            assert view.columnWidth(NAME_COLUMN) > needed, name
        assert not view.horizontalScrollBar().isVisible()
        attention = view.model().index(0, 0).data()
        lines = view.rowHeight(0) // QFontMetrics(view.font()).lineSpacing()
        width = QFontMetrics(view.font()).horizontalAdvance(attention)
        assert lines * view.columnWidth(0) >= width  # wrapped, not cut
    finally:
        db.close()
