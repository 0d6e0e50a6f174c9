"""Faults while the clinic works: each one gets a clear message, loses nothing saved,
and offers the way out.

Full disk (mid-questionnaire and at the kiosk), read-only database, the file
deleted or replaced while open, a damaged file with a backup beside it, and a
second Dyade on the same file.
"""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

import storage_fixtures
from disk_faults import FullableDisk, ReadOnlyFolder
from dyade.cli import main
from dyade.fill import AnswerNotSaved, FillSession
from dyade.forms import default_library
from dyade.storage import (
    DamagedDatabase,
    DatabaseInUse,
    DatabaseMoved,
    StorageFault,
    open_database,
)
from dyade.storage.backup import maybe_daily_backup, restore
from dyade.storage.connection import integrity_problems
from dyade.storage.responses import load_answers
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.kiosk import KioskWindow
from dyade.ui.workspace.unlock import UnlockPage, backups_folder
from faults_support import child, kill, restore_from_unlock_page, tally
from storage_fixtures import PASSPHRASE, make_clinic

db_path = storage_fixtures.db_path
__all__ = ["tally"]


def _patient_session(db, clinic) -> FillSession:
    return FillSession.open_visit_code(db, default_library(), clinic.visit.code)


def _answer_some(session: FillSession, count: int) -> dict:
    """Answer the first ``count`` items with their first scale point or option."""
    given = {}
    for item in session.form.items[:count]:
        if item.kind == "scale":
            value = min(session.form.scale_of(item).points())
        elif item.kind == "text":
            value = "rien de spécial"
        else:
            value = [item.codes()[0]] if item.kind == "multi" else item.codes()[0]
        session.answer(item.id, value)
        given[item.id] = value
    return given


@pytest.fixture
def disk(tmp_path):
    fullable = FullableDisk(tmp_path / "disk")
    yield fullable
    fullable.free()
    fullable.close()


def test_full_disk_mid_questionnaire_loses_nothing_and_says_so(disk, tally):
    db = open_database(disk.folder / "clinic.db", PASSPHRASE, create=True)
    clinic = make_clinic(db)
    disk.attach(db)
    session = _patient_session(db, clinic)
    given = _answer_some(session, 5)
    disk.fill()
    next_item = session.form.items[5]
    with pytest.raises(AnswerNotSaved) as refused:
        session.answer(next_item.id, min(session.form.scale_of(next_item).points()))
    assert "full" in str(refused.value)
    assert "accueil" in refused.value.kind_message("fr")
    assert "front desk" in refused.value.kind_message("en")
    assert load_answers(db, session.response_uuid) == given  # the saved answers are intact
    disk.free()
    session.answer(next_item.id, min(session.form.scale_of(next_item).points()))
    assert len(load_answers(db, session.response_uuid)) == 6
    assert integrity_problems(db.conn, "full") == []
    db.close()
    tally.add(trials=1, faults=1)


def test_kiosk_on_a_full_disk_shows_a_kind_message_and_keeps_the_screen(qtbot, disk, tally):
    make_application()
    db = open_database(disk.folder / "clinic.db", PASSPHRASE, create=True)
    clinic = make_clinic(db)
    disk.attach(db)
    translations = Translations()
    kiosk = KioskWindow(db, default_library(), translations=translations, language="en")
    kiosk.show()
    try:
        assert kiosk.open_visit_code(clinic.visit.code)
        kiosk.welcome.buttons["en"].click()
        view = kiosk.questionnaire
        disk.fill()
        view.items[0].options.buttons[0].click()
        assert "could not be saved" in view.hint.text()
        assert not view.next_button.isEnabled() and view.index == 0
        assert load_answers(db, view.session.response_uuid) == {}
        disk.free()
        view.items[0].options.buttons[0].click()
        assert view.next_button.isEnabled()
        assert len(load_answers(db, view.session.response_uuid)) == 1
    finally:
        kiosk.unlocked = True
        kiosk.close()
        kiosk.deleteLater()
        QApplication.processEvents()
        translations.set_language("en")
        db.close()
    tally.add(trials=1, faults=1)


def test_read_only_database_is_named_with_the_way_out(qtbot, tmp_path, tally, capsys):
    folder = ReadOnlyFolder(tmp_path / "ro")
    path = folder.folder / "clinic.db"
    try:
        db = open_database(path, PASSPHRASE, create=True)
        make_clinic(db)
        db.close()
        before = path.read_bytes()
        folder.protect()
        with pytest.raises(StorageFault) as refused:
            open_database(path, PASSPHRASE)
        assert "read-only" in str(refused.value) and "--db" in str(refused.value)
        os.environ["DYADE_PASSPHRASE"] = PASSPHRASE
        assert main(["--db", str(path), "visit", "list"]) == 2
        err = capsys.readouterr().err
        assert "read-only" in err and "Traceback" not in err
        make_application()
        page = UnlockPage(path)
        qtbot.addWidget(page)
        page.passphrase.setText(PASSPHRASE)
        assert page.try_unlock() is None
        assert "read-only" in page.message.text()
        folder.release()
        assert path.read_bytes() == before
        db = open_database(path, PASSPHRASE)
        db.close()
    finally:
        os.environ.pop("DYADE_PASSPHRASE", None)
        folder.release()
        folder.close()
    tally.add(trials=1, faults=1)


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_database_deleted_or_replaced_while_open_is_rescued(db_path, tmp_path, how, tally):
    db = open_database(db_path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    session = _patient_session(db, clinic)
    given = _answer_some(session, 6)
    if how == "deleted":
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"clinic.db{suffix}").unlink(missing_ok=True)
    else:
        other = open_database(tmp_path / "other.db", PASSPHRASE, create=True)
        other.close()
        os.replace(tmp_path / "other.db", db_path)
    with pytest.raises(AnswerNotSaved) as refused:
        _answer_some(session, 7)
    message = str(refused.value)
    assert how in message and "dyade restore" in message
    rescued = db.rescued
    assert rescued and rescued.exists()
    with pytest.raises(DatabaseMoved):  # and every later change, until Dyade is closed
        db["settings"].insert({"key": "x", "value": "1"})
    db.close()
    restore(rescued, db_path, PASSPHRASE)
    db = open_database(db_path, PASSPHRASE)
    try:
        assert load_answers(db, session.response_uuid) == given
    finally:
        db.close()
    tally.add(trials=1, faults=1)


def test_damaged_file_offers_the_latest_backup_and_restores_it(qtbot, db_path, tally, monkeypatch):
    make_application()
    db = open_database(db_path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    given = _answer_some(_patient_session(db, clinic), 4)
    made = maybe_daily_backup(db, backups_folder(db_path))
    assert made is not None and date.today().isoformat() in made.name
    db.close()
    with open(db_path, "r+b") as handle:  # overwrite bytes in the middle of a page
        handle.seek(4096 * 3 + 100)
        handle.write(os.urandom(64))
    with pytest.raises(DamagedDatabase):
        open_database(db_path, PASSPHRASE)
    page = UnlockPage(db_path)
    qtbot.addWidget(page)
    page.passphrase.setText(PASSPHRASE)
    assert page.try_unlock() is None
    assert str(db_path) in page.message.text() and page.restore_button.isVisibleTo(page)
    opened = []
    page.unlocked.connect(opened.append)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.restore_button.click()
    assert len(opened) == 1
    session = opened[0]
    try:
        assert load_answers(session.db, _response_uuid(session.db, clinic)) == given
        assert list(db_path.parent.glob("clinic.db.before-restore-*"))  # the damaged one kept
    finally:
        session.db.close()
    tally.add(trials=1, faults=1)


def _response_uuid(db, clinic) -> str:
    return db.execute(
        "SELECT uuid FROM responses WHERE visit_uuid = ? AND respondent = 'patient'",
        [clinic.visit.uuid],
    ).fetchone()[0]


def test_second_instance_is_told_to_close_the_other(qtbot, db_path, tally, capsys, monkeypatch):
    db = open_database(db_path, PASSPHRASE, create=True)
    make_clinic(db)
    db.close()
    holder = child("hold", str(db_path), PASSPHRASE, str(storage_fixtures.FAST_KDF_ITER))
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseInUse) as refused:
            open_database(db_path, PASSPHRASE)
        assert "close it there first" in str(refused.value)
        monkeypatch.setenv("DYADE_PASSPHRASE", PASSPHRASE)
        assert main(["--db", str(db_path), "visit", "list"]) == 2
        assert "already open" in capsys.readouterr().err
        make_application()
        page = UnlockPage(db_path)
        qtbot.addWidget(page)
        page.passphrase.setText(PASSPHRASE)
        assert page.try_unlock() is None
        assert page.message.text() == page._message_for("in_use")
    finally:
        kill(holder)
    db = open_database(db_path, PASSPHRASE)  # the lock died with the other process
    db.close()
    shutil.rmtree(db_path.parent / "backups", ignore_errors=True)
    tally.add(trials=1, faults=1)


def test_a_damaged_page_met_while_saving_is_an_answer_not_saved(db_path, monkeypatch):
    """A damaged page read during a save reaches the patient as the kind message, not storage's."""
    from dyade import fill
    from dyade.storage.errors import DamagedDatabase

    db = open_database(db_path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    session = _patient_session(db, clinic)

    def damaged(*_args, **_kwargs):
        raise DamagedDatabase(
            "clinic.db: database disk image is malformed", fr="clinic.db : abîmée"
        )

    monkeypatch.setattr(fill.stored, "save_answer", damaged)
    with pytest.raises(AnswerNotSaved) as refused:
        _answer_some(session, 1)
    assert "malformed" in str(refused.value)
    assert refused.value.kind_message("fr") != str(refused.value)  # the kiosk's own words
    db.close()


def test_a_rescued_copy_newer_than_the_backup_is_the_one_offered(qtbot, db_path, monkeypatch):
    """Restoring the daily backup would lose what was saved since; the rescue holds it."""
    from dyade.storage.patients import create_patient, find_patient

    make_application()
    db = open_database(db_path, PASSPHRASE, create=True)
    make_clinic(db)
    maybe_daily_backup(db, backups_folder(db_path))
    create_patient(db, "P-AFTER-BACKUP")
    db.execute("VACUUM INTO ?", [str(db_path.with_name("clinic.rescued-20991231T000000.db"))])
    db.close()
    with open(db_path, "r+b") as handle:
        handle.seek(4096 * 3 + 100)
        handle.write(os.urandom(64))
    asked, session = restore_from_unlock_page(qtbot, monkeypatch, db_path)
    assert "rescued" in asked
    try:
        assert find_patient(session.db, "P-AFTER-BACKUP") is not None
    finally:
        session.db.close()
