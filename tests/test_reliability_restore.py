"""Restore candidates: an empty, foreign or hollow file never counts as a database, a
backup or a rescue copy (dyade.storage.candidates), and the unlock page offers the
newest copy that is verified, not the newest file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3

import storage_fixtures
from dyade.storage import DamagedDatabase, WrongPassphrase, open_database
from dyade.storage.backup import maybe_daily_backup, restore
from dyade.storage.candidates import NotACopy, newest_verified, verify_copy
from dyade.storage.faults import rescue_copy
from dyade.storage.patients import create_patient, find_patient
from dyade.ui.app import make_application
from dyade.ui.workspace.unlock import UnlockPage, backups_folder
from faults_support import restore_from_unlock_page, tally
from storage_fixtures import PASSPHRASE, make_clinic

db_path = storage_fixtures.db_path
__all__ = ["tally"]


def _clinic_with_backup(db_path: Path) -> Path:
    db = open_database(db_path, PASSPHRASE, create=True)
    make_clinic(db)
    made = maybe_daily_backup(db, backups_folder(db_path))
    create_patient(db, "P-AFTER-BACKUP")
    db.close()
    return made


def _damage(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096 * 3 + 100)
        handle.write(os.urandom(64))


class _VacuumFails:
    """A connection whose copy fails the way SQLite's does on a full disk: the
    target file is created, then the copy stops."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self.in_transaction = False

    def execute(self, sql, params=()):
        if sql.startswith("VACUUM INTO"):
            Path(params[0]).open("ab").close()
            raise sqlcipher3.OperationalError("database or disk is full")
        return self._conn.execute(sql, params)


def test_a_failed_rescue_copy_leaves_no_file_behind(db_path, tally):
    db = open_database(db_path, PASSPHRASE, create=True)
    make_clinic(db)
    assert rescue_copy(_VacuumFails(db.conn), db_path) is None
    assert not [p for p in db_path.parent.iterdir() if "rescued" in p.name or ".tmp" in p.name]
    made = rescue_copy(db.conn, db_path)  # a copy that works is kept, and it verifies
    db.close()
    verify_copy(made, PASSPHRASE)
    tally.add(trials=2, faults=1)


def test_the_unlock_page_skips_an_empty_rescue_and_offers_the_verified_backup(
    qtbot, db_path, monkeypatch, tally
):
    make_application()
    backup = _clinic_with_backup(db_path)
    empty = db_path.with_name("clinic.rescued-20991231T000000.db")  # newest, and hollow
    empty.write_bytes(b"")
    _damage(db_path)
    asked, session = restore_from_unlock_page(qtbot, monkeypatch, db_path)
    assert backup.name in asked and "rescued" not in asked
    try:
        users = session.db.execute("SELECT count(*) FROM users").fetchone()[0]
        assert users == 4 and find_patient(session.db, "P-001") is not None
    finally:
        session.db.close()
    tally.add(trials=1, faults=2)


def test_no_verified_copy_means_no_restore_button(qtbot, db_path, tally):
    make_application()
    backup = _clinic_with_backup(db_path)
    backup.write_bytes(b"")  # the only backup is empty
    _damage(db_path)
    page = UnlockPage(db_path)
    qtbot.addWidget(page)
    page.passphrase.setText(PASSPHRASE)
    assert page.try_unlock() is None
    assert not page.restore_button.isVisibleTo(page)
    assert page.message.text() == page._message_for("no_backup")
    tally.add(trials=1, faults=2)


def test_restore_refuses_an_empty_file_clearly(dyade, tmp_path, tally):
    assert dyade("user", "add", "--login", "admin", "--role", "admin")[0] == 0
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    code, out, err = dyade("restore", str(empty))
    assert code == 2 and "restored" not in out
    assert str(empty) in err and "empty (0 bytes)" in err
    code, out, _ = dyade("user", "add", "--login", "other", "--role", "admin")
    assert code == 0  # the clinic is still the one it was
    tally.add(trials=1, faults=1)


@pytest.mark.parametrize("wrong", ["random", "other_passphrase", "no_users"])
def test_restoring_a_wrong_file_names_that_file_never_a_temporary_one(
    db_path, tmp_path, wrong, tally
):
    _clinic_with_backup(db_path)
    source = tmp_path / f"{wrong}.db"
    if wrong == "random":
        source.write_bytes(os.urandom(8192))
    else:
        other = open_database(source, "another passphrase" if wrong == "other_passphrase"
                              else PASSPHRASE, create=True)  # fmt: skip
        other.close()
    with pytest.raises((NotACopy, WrongPassphrase)) as refused:
        restore(source, db_path, PASSPHRASE)
    for text in (str(refused.value), refused.value.text("fr")):
        assert str(source) in text and ".tmp" not in text
    db = open_database(db_path, PASSPHRASE)  # untouched
    try:
        assert find_patient(db, "P-AFTER-BACKUP") is not None
    finally:
        db.close()
    tally.add(trials=1, faults=1)


def test_an_empty_database_file_is_damaged_never_a_new_clinic(dyade, db_path, tally):
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabase, match="empty"):
        open_database(db_path, PASSPHRASE)
    with pytest.raises(DamagedDatabase, match="empty"):
        open_database(db_path, PASSPHRASE, create=True)
    code, _, err = dyade("user", "add", "--login", "admin", "--role", "admin")
    assert code == 2 and "empty (0 bytes)" in err
    assert db_path.stat().st_size == 0
    tally.add(trials=3, faults=1)


def test_the_newest_verified_copy_wins_over_an_older_one(db_path, tally):
    backup = _clinic_with_backup(db_path)
    rescued = db_path.with_name("clinic.rescued-20991231T000000.db")
    db = open_database(db_path, PASSPHRASE)
    db.execute("VACUUM INTO ?", [str(rescued)])
    db.close()
    os.utime(backup, (1, 1))
    assert newest_verified(db_path, PASSPHRASE, folder=backups_folder(db_path)) == rescued
    rescued.write_bytes(rescued.read_bytes()[:4096])  # cut short: no longer a copy
    assert newest_verified(db_path, PASSPHRASE, folder=backups_folder(db_path)) == backup
    tally.add(trials=2, faults=1)


def test_an_emptied_database_offers_its_backup_on_the_unlock_page(
    qtbot, db_path, monkeypatch, tally
):
    make_application()
    backup = _clinic_with_backup(db_path)
    db_path.write_bytes(b"")  # the clinic's file emptied (a failed sync tool, a bad copy)
    asked, session = restore_from_unlock_page(qtbot, monkeypatch, db_path)
    assert backup.name in asked
    try:
        assert find_patient(session.db, "P-001") is not None
    finally:
        session.db.close()
    assert [p.stat().st_size for p in db_path.parent.glob("clinic.db.before-restore-*")] == [0]
    tally.add(trials=1, faults=1)


def test_an_empty_daily_backup_is_no_backup_of_the_day(db_path, tally):
    from datetime import date, timedelta

    db = open_database(db_path, PASSPHRASE, create=True)
    make_clinic(db)
    folder = backups_folder(db_path)
    folder.mkdir()
    for days in range(3):  # what a failed copy left, today and before
        (folder / f"clinic-{(date.today() - timedelta(days=days)).isoformat()}.db").touch()
    made = maybe_daily_backup(db, folder, keep=2)
    db.close()
    assert made is not None
    verify_copy(made, PASSPHRASE)
    assert [p.name for p in folder.iterdir()] == [made.name]
    tally.add(trials=1, faults=3)


def test_a_backup_of_another_clinic_is_not_restored_over_this_one(db_path, tmp_path, tally):
    from dyade.storage.backup import backup

    _clinic_with_backup(db_path)
    other = open_database(tmp_path / "other" / "clinic.db", PASSPHRASE, create=True)
    make_clinic(other)  # same passphrase, same staff logins: another clinic all the same
    foreign = backup(other, tmp_path / "other-backup.db")
    other.close()
    with pytest.raises(NotACopy) as refused:
        restore(foreign, db_path, PASSPHRASE)
    assert "another clinic" in str(refused.value) and str(foreign) in str(refused.value)
    assert "autre cabinet" in refused.value.text("fr")
    db = open_database(db_path, PASSPHRASE)
    try:
        assert find_patient(db, "P-AFTER-BACKUP") is not None
    finally:
        db.close()
    tally.add(trials=1, faults=1)
