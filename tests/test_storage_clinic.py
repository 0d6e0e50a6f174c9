"""The clinic's identity (migration 3): created once, carried by backups, agreed on upgrade."""

from __future__ import annotations

import uuid

from dyade.storage.backup import backup
from dyade.storage.clinic import clinic_id
from dyade.storage.connection import open_database
from dyade.storage.migrations import SCHEMA
from dyade.storage.transfer import import_transfer, write_transfer
from dyade.storage.users import create_user
from storage_fixtures import PASSPHRASE, make_clinic


def _at_version_2(path):
    db = open_database(path, PASSPHRASE, create=True, migrate=False)
    SCHEMA.apply(db, target=2)
    return db


def test_identity_is_created_once_and_kept(db, db_path):
    made = clinic_id(db)
    assert uuid.UUID(made).version == 4
    db.close()
    again = open_database(db_path, PASSPHRASE)
    try:
        assert clinic_id(again) == made
    finally:
        again.close()


def test_two_new_clinics_differ(db, tmp_path):
    other = open_database(tmp_path / "other.db", PASSPHRASE, create=True)
    try:
        assert clinic_id(other) != clinic_id(db)
    finally:
        other.close()


def test_a_backup_carries_the_identity(db, tmp_path):
    copy = backup(db, tmp_path / "copy.db")
    restored = open_database(copy, PASSPHRASE)
    try:
        assert clinic_id(restored) == clinic_id(db)
    finally:
        restored.close()


def test_laptops_of_one_clinic_agree_after_the_upgrade(tmp_path):
    """Two version-2 laptops sharing their first account (the documented common base)
    get the same identity from migration 3; a database of another clinic does not."""
    first = _at_version_2(tmp_path / "a.db")
    founder = create_user(first, "martin", "physician", "password-1")
    row = first.execute("SELECT * FROM users").fetchone()
    first.close()
    second = _at_version_2(tmp_path / "b.db")
    second.execute(f"INSERT INTO users VALUES ({','.join('?' * len(row))})", list(row))
    create_user(second, "accueil", "receptionist", "password-3")  # its own, made later
    second.close()
    foreign = _at_version_2(tmp_path / "c.db")
    create_user(foreign, "martin", "physician", "password-1")
    foreign.close()
    ids = []
    for name in ("a.db", "b.db", "c.db"):
        db = open_database(tmp_path / name, PASSPHRASE)
        ids.append(clinic_id(db))
        db.close()
    assert ids[0] == ids[1] != ids[2]
    assert founder.uuid not in ids


def test_upgrade_lifts_stored_account_locks(tmp_path):
    """Locks stored as wall-clock dates (a wrong clock made them last years) are lifted."""
    old = _at_version_2(tmp_path / "v2.db")
    user = create_user(old, "martin", "physician", "password-1")
    old.execute(
        "UPDATE users SET failed_attempts = 9, locked_until = '2099-01-01T00:00:00.000+00:00'"
        " WHERE uuid = ?",
        [user.uuid],
    )
    old.close()
    db = open_database(tmp_path / "v2.db", PASSPHRASE)
    try:
        row = db.execute("SELECT failed_attempts, locked_until FROM users").fetchone()
        assert row == (0, None)
    finally:
        db.close()


TRANSFER_PHRASE = "a phrase both laptops know"


def test_a_new_laptop_joins_the_clinic_of_its_first_transfer(db, tmp_path):
    make_clinic(db)
    write_transfer(db, tmp_path / "setup.dyade", TRANSFER_PHRASE)
    laptop = open_database(tmp_path / "b.db", PASSPHRASE, create=True)
    try:
        import_transfer(laptop, tmp_path / "setup.dyade", TRANSFER_PHRASE)
        assert clinic_id(laptop) == clinic_id(db)
    finally:
        laptop.close()
