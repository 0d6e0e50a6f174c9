"""Sync in the app: the status line, the background sync after a completed response,
and the settings page's hub box (hub and device shown, an administrator enrols)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from dyade.storage import outbox
from dyade.storage.responses import complete_response, responses_of_visit
from dyade.sync import hub
from dyade.sync.status import SyncStatus
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.main_window import MainWindow
from dyade.ui.workspace import sync_status
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace
from dyade.ui.workspace.sync_status import attach_sync, status_text
from storage_fixtures import make_clinic
from sync_support import contents, laptops


@pytest.fixture
def linked(qtbot, hub_dsn, tmp_path, monkeypatch):
    """Two laptops of one clinic; the first open in a main window, syncing in the background."""
    make_application()
    Translations().set_language("en")
    monkeypatch.setattr(sync_status, "WATCH_SECONDS", 0.2)
    office, other = laptops(hub_dsn, tmp_path, 2)
    people = make_clinic(office.db)
    office.sync(), other.sync()
    window = MainWindow("en")  # the app's own window and its status bar
    qtbot.addWidget(window)
    session = Session(db=office.db, path=office.path, user=people.admin)
    background = attach_sync(window, session)
    qtbot.waitUntil(lambda: background.running is None, timeout=20_000)
    yield window, session, people, other
    background.stop()
    qtbot.waitUntil(lambda: background.running is None, timeout=20_000)
    other.close()
    office.close()


def test_status_text_says_when_and_what_waits():
    make_application()
    Translations().set_language("en")
    now = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    synced = SyncStatus(True, "office", "hub/dyade", now - timedelta(minutes=2), None, 3)
    assert status_text(synced, False, now) == "Synced 2 min ago · 3 changes waiting"
    offline = SyncStatus(True, "office", "hub/dyade", None, now - timedelta(hours=1), 1)
    expected = (now - timedelta(hours=1)).astimezone().strftime("%H:%M")
    assert status_text(offline, False, now) == f"Offline since {expected} · 1 change waiting"
    assert status_text(synced, True, now).startswith("Syncing…")
    assert status_text(SyncStatus(False), False, now) == ""
    kept = SyncStatus(True, "office", "hub/dyade", now, None, 0, 2)
    assert status_text(kept, False, now) == "Synced just now · 2 conflicts kept aside"
    Translations().set_language("fr")
    assert status_text(synced, False, now) == "Synchronisé il y a 2 min · 3 changements en attente"
    Translations().set_language("en")


def test_a_completed_response_is_sent_in_the_background(qtbot, linked):
    window, session, people, other = linked
    label = window.findChild(sync_status.SyncStatusLabel)
    assert label.text().startswith("Synced just now")
    side = responses_of_visit(session.db, people.visit.uuid)[0]
    complete_response(session.db, side.uuid)
    qtbot.waitUntil(lambda: outbox.waiting(session.db) == 0, timeout=20_000)
    qtbot.waitUntil(lambda: session.sync.running is None, timeout=20_000)
    other.sync()
    assert contents(other.db)["responses"] == contents(session.db)["responses"]
    assert "waiting" not in label.text()


def test_an_unreachable_hub_shows_offline_and_keeps_the_changes(qtbot, linked, pg):
    window, session, people, _other = linked
    pg.stop()
    try:
        side = responses_of_visit(session.db, people.visit.uuid)[0]
        complete_response(session.db, side.uuid)
        label = window.findChild(sync_status.SyncStatusLabel)
        qtbot.waitUntil(lambda: label.text().startswith("Offline since"), timeout=30_000)
        assert "waiting" in label.text() and outbox.waiting(session.db) > 0
    finally:
        pg.start("listen_addresses=''", "fsync=off", "max_connections=60")
    session.sync.sync_now()
    qtbot.waitUntil(lambda: label.text().startswith("Synced just now"), timeout=30_000)


def test_the_settings_box_shows_the_hub_and_an_admin_enrols_a_device(qtbot, linked, hub_dsn):
    _window, session, _people, _other = linked
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    box = workspace.show_section("settings").sync_box
    assert "This device: laptop-0" in box.summary.text()
    assert "password" not in box.summary.text()
    assert box.enrol_button.isVisibleTo(box) and not box.link_button.isVisibleTo(box)
    qtbot.mouseClick(box.enrol_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    qtbot.keyClicks(dialog.first, hub_dsn)
    qtbot.keyClicks(dialog.second, "kiosk-2")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result.isVisibleTo(dialog), timeout=20_000)
    assert "user=dyade_" in dialog.result.text()
    assert "kiosk-2" in [d["device"] for d in hub.devices(hub_dsn)]
    with hub.connect(dialog.result.text()) as conn:
        assert conn.execute("SELECT name FROM dyade_hub.my_device()").fetchone() == ("kiosk-2",)
    dialog.close()  # the string copied, the administrator closes it
