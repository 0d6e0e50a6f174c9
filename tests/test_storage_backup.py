"""Encrypted backups, daily rotation, and a restore that can step back."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

from dyade.storage.backup import backup, daily_backups, maybe_daily_backup, restore
from dyade.storage.connection import open_database
from dyade.storage.errors import DamagedDatabase, DatabaseInUse, WrongPassphrase
from dyade.storage.patients import create_patient, find_patient
from storage_fixtures import PASSPHRASE, Clinic


def _codes(path) -> list[str]:
    db = open_database(path, PASSPHRASE)
    try:
        return [row[0] for row in db.execute("SELECT code FROM patients ORDER BY code")]
    finally:
        db.close()


def test_backup_is_an_encrypted_copy(db, clinic: Clinic, tmp_path):
    out = backup(db, tmp_path / "backups" / "copy.db")
    assert clinic.patient.name.encode() not in out.read_bytes()
    assert not list(out.parent.glob("*.tmp"))
    assert any(e.action == "backup" for e in _audit(db))
    db.close()
    assert _codes(out) == ["P-001"]


def _audit(db):
    from dyade.storage.audit import entries

    return entries(db)


def test_daily_backup_once_a_day_keeping_the_latest(db, clinic: Clinic, tmp_path):
    folder = tmp_path / "daily"
    folder.mkdir()
    for days in range(1, 6):  # five older daily backups
        old = date.today() - timedelta(days=days)
        (folder / f"{db.path.stem}-{old.isoformat()}.db").write_bytes(b"old")
    made = maybe_daily_backup(db, folder, keep=3)
    assert made is not None and made.name.endswith(f"{date.today().isoformat()}.db")
    assert maybe_daily_backup(db, folder, keep=3) is None  # already done today
    kept = daily_backups(folder, db.path.stem)
    assert len(kept) == 3 and kept[-1] == made
    assert kept[0].name.endswith(f"{(date.today() - timedelta(days=2)).isoformat()}.db")


def test_restore_replaces_and_keeps_the_current_database_aside(db, db_path, clinic, tmp_path):
    saved = backup(db, tmp_path / "saved.db")
    create_patient(db, "P-LATER")
    db.close()
    with pytest.raises(DatabaseInUse):
        held = open_database(db_path, PASSPHRASE)
        try:
            restore(saved, db_path, PASSPHRASE)
        finally:
            held.close()
    aside = restore(saved, db_path, PASSPHRASE)
    assert _codes(db_path) == ["P-001"]
    assert _codes(aside) == ["P-001", "P-LATER"]
    reopened = open_database(db_path, PASSPHRASE)
    try:
        assert find_patient(reopened, "P-001") is not None
        assert any(e.action == "restored" for e in _audit(reopened))
    finally:
        reopened.close()


def test_damaged_backup_is_refused_and_the_database_untouched(db, db_path, clinic, tmp_path):
    saved = backup(db, tmp_path / "saved.db")
    db.close()
    data = bytearray(saved.read_bytes())
    data[4096 + 200] ^= 0x55  # inside page 2
    saved.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase, match=r"saved\.db"):
        restore(saved, db_path, PASSPHRASE)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if "before-restore" in p.name) == []
    assert not [p for p in db_path.parent.iterdir() if p.suffix == ".tmp"]


def test_backup_under_another_passphrase_is_refused(db, db_path, clinic, tmp_path):
    db.close()
    other = open_database(tmp_path / "other.db", "another phrase", create=True)
    other.close()
    with pytest.raises(WrongPassphrase):
        restore(tmp_path / "other.db", db_path, PASSPHRASE)
    assert _codes(db_path) == ["P-001"]
    assert os.path.exists(db_path)
