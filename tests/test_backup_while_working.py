"""Daily backups run beside the work: saves go on during the copy, and an app left
open makes one backup per calendar day."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer

from dyade.backup_schedule import DailySchedule
from dyade.storage.audit import entries
from dyade.storage.backup import daily_backups
from dyade.storage.connection import connect, integrity_problems
from dyade.storage.responses import responses_of_visit, save_answer
from dyade.ui.app import make_application
from dyade.ui.main_window import MainWindow, start_daily_backup
from dyade.ui.workspace.session import Session
from storage_fixtures import FAST_KDF_ITER, PASSPHRASE

CLINIC_BYTES = 64 * 1024 * 1024


def _grow(db, size: int) -> None:
    """Fill the audit with incompressible notes until the file is ``size`` bytes."""
    chunk = 1024 * 1024
    with db.atomic():
        for n in range(size // chunk):
            db.execute(
                "INSERT INTO audit (uuid, at, action, details) VALUES (?, ?, 'opened', ?)",
                [f"pad-{n}", "2026-01-01T00:00:00", f'"{os.urandom(chunk // 2).hex()}"'],
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _verified(path) -> bool:
    conn = connect(path, PASSPHRASE, FAST_KDF_ITER)
    try:
        return integrity_problems(conn, "full") == []
    finally:
        conn.close()


@pytest.fixture
def session(qtbot, db, db_path, clinic):
    make_application()
    return Session(db=db, path=db_path, user=clinic.physician)


def test_saves_go_on_during_the_backup_of_a_64_mb_clinic(qtbot, session, clinic):
    """Answers saved every 20 ms on the UI thread while the backup copies: every save
    lands, the backup completes and verifies, and the next backup works too."""
    _grow(session.db, CLINIC_BYTES)
    assert session.path.stat().st_size >= CLINIC_BYTES
    response = responses_of_visit(session.db, clinic.visit.uuid)[0]
    saved, failed, waits = [], [], []

    def save() -> None:
        item = f"item_{len(saved) + len(failed)}"
        started = time.monotonic()
        try:
            save_answer(session.db, response.uuid, item, 3)
            saved.append(item)
        except Exception as exc:
            failed.append(exc)
        waits.append(time.monotonic() - started)

    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(save)
    day = date(2026, 3, 2)
    began = time.monotonic()
    op = start_daily_backup(session, day)
    ticker.start()
    qtbot.waitUntil(op.finished.is_set, timeout=180_000)
    copying = time.monotonic() - began
    during = len(saved) + len(failed)
    qtbot.waitUntil(lambda: op.result is not None, timeout=10_000)
    ticker.stop()
    assert failed == []
    assert during >= 3, "the saves did not overlap the backup"
    # Never frozen for the copy: a save sharing the backup's connection waited for all of it.
    assert max(waits) < copying / 4, (max(waits), copying)
    stored = session.db.execute(
        "SELECT item_id FROM answers WHERE response_uuid = ? AND item_id LIKE 'item_%'",
        [response.uuid],
    ).fetchall()
    assert sorted(row[0] for row in stored) == sorted(saved)
    assert op.result.name.endswith("2026-03-02.db") and _verified(op.result)
    assert any(e.action == "backup" and e.target == str(op.result) for e in entries(session.db))
    following = start_daily_backup(session, day + timedelta(days=1))
    qtbot.waitUntil(lambda: following.result is not None, timeout=180_000)
    assert _verified(following.result)


def test_an_app_left_open_backs_up_every_calendar_day(qtbot, session):
    """The clock moves to the next day: the timer's next check makes that day's backup."""
    clock = [datetime(2026, 3, 2, 9, 0)]
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.session = session
    window.backup_schedule = DailySchedule(lambda: clock[0])
    window.start_daily_backup(session)  # the workspace was shown
    qtbot.waitUntil(lambda: window.backup.result is not None, timeout=60_000)
    assert window.backup_timer.isActive()
    folder = window.backup.result.parent

    def days() -> list[str]:
        return [p.name[-13:-3] for p in daily_backups(folder, session.path.stem)]

    clock[0] += timedelta(hours=8)  # the same day: nothing more
    window.backup_timer.timeout.emit()
    assert window.backup.result.name.endswith("2026-03-02.db")
    for day in ("2026-03-03", "2026-03-04"):
        clock[0] += timedelta(days=1)
        window.backup_timer.timeout.emit()
        qtbot.waitUntil(lambda day=day: _made(window, day), timeout=60_000)
    assert days() == ["2026-03-02", "2026-03-03", "2026-03-04"]
    window.session = None  # the fixture closes the database


def _made(window, day: str) -> bool:
    """The backup of ``day`` is written and noted (the next tick may start another)."""
    made = window.backup.result
    return made is not None and made.name.endswith(f"{day}.db")


def test_the_schedule_follows_the_calendar():
    clock = [datetime(2026, 12, 31, 23, 59)]
    schedule = DailySchedule(lambda: clock[0])
    assert schedule.due() == date(2026, 12, 31)
    schedule.made(date(2026, 12, 31))
    assert schedule.due() is None
    clock[0] += timedelta(minutes=2)
    assert schedule.due() == date(2027, 1, 1)


def test_a_kiosk_laptop_backs_up_without_anyone_signing_in(qtbot, session, monkeypatch):
    """The clinic unlocked straight into the kiosk: the day's backup starts at once."""
    from dyade.ui.app import back_up_daily

    session.user = None
    window = MainWindow("en")
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "open_session", lambda s: _opened(window, s))
    back_up_daily(window)
    window.open_session(session)
    qtbot.waitUntil(lambda: window.backup is not None and window.backup.result is not None)
    assert window.backup.result.exists()
    window.session = None  # the fixture closes the database


def _opened(window, session) -> None:
    """What MainWindow.open_session does that matters here, without the sign-in page."""
    window.session = session
    window.session_opened.emit(session)
