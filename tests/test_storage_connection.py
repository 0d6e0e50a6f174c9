"""The database file: encrypted, keyed, checked at open, one writer at a time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from dyade.errors import DyadeError
from dyade.storage.connection import open_database, passphrase_from_env_or_file
from dyade.storage.errors import DamagedDatabase, DatabaseInUse, WrongPassphrase
from dyade.storage.migrations import SCHEMA
from storage_fixtures import PASSPHRASE, Clinic


def _all_bytes(path) -> bytes:
    parts = [path, path.with_name(path.name + "-wal")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def test_file_is_encrypted_while_open_and_after_close(db, db_path, clinic: Clinic):
    name = clinic.patient.name.encode()
    assert name not in _all_bytes(db_path)
    db.close()
    assert name not in _all_bytes(db_path)
    assert b"SQLite format 3" not in db_path.read_bytes()[:16]
    plain = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM patients").fetchall()
    plain.close()


def test_reopens_with_the_passphrase(db, db_path, clinic: Clinic):
    db.close()
    again = open_database(db_path, PASSPHRASE)
    try:
        names = [row["name"] for row in again["patients"].rows]
        assert names == [clinic.patient.name]
        assert again.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert SCHEMA.current(again) == SCHEMA.latest
    finally:
        again.close()


def test_wrong_passphrase_is_refused_clearly(db, db_path, capfd):
    db.close()
    with pytest.raises(WrongPassphrase, match="passphrase does not open") as caught:
        open_database(db_path, PASSPHRASE + "!")
    assert str(db_path) in str(caught.value)
    assert "hmac" not in capfd.readouterr().err.lower()  # SQLCipher's own log is silenced
    open_database(db_path, PASSPHRASE).close()  # the lock was released on refusal


def test_plain_sqlite_file_is_not_a_dyade_database(tmp_path):
    path = tmp_path / "plain.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    with pytest.raises(DamagedDatabase, match="plain, unencrypted"):
        open_database(path, PASSPHRASE)


def test_torn_file_is_reported_as_damaged(db, db_path):
    db.close()
    with open(db_path, "ab") as handle:
        handle.write(b"half a page")
    with pytest.raises(DamagedDatabase, match="restore the latest backup"):
        open_database(db_path, PASSPHRASE)


def test_damaged_page_is_reported_at_open(db, db_path, clinic: Clinic):
    db.close()
    data = bytearray(db_path.read_bytes())
    assert len(data) >= 3 * 4096
    for offset in range(2 * 4096 + 100, 2 * 4096 + 140):  # inside page 3
        data[offset] ^= 0xFF
    db_path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabase) as caught:
        open_database(db_path, PASSPHRASE)
    message = str(caught.value)
    assert str(db_path) in message and "backup" in message


def test_missing_database_needs_create(tmp_path):
    with pytest.raises(DyadeError, match="no database at"):
        open_database(tmp_path / "nothing.db", PASSPHRASE)
    assert not (tmp_path / "nothing.db").exists()


def test_second_opening_in_this_process_is_refused(db, db_path):
    with pytest.raises(DatabaseInUse, match="already open"):
        open_database(db_path, PASSPHRASE)


def test_second_instance_gets_a_clear_message(db, db_path):
    script = textwrap.dedent(
        f"""
        from dyade.storage.connection import open_database
        from dyade.storage.errors import DatabaseInUse
        try:
            open_database({str(db_path)!r}, {PASSPHRASE!r}, kdf_iter=2000)
        except DatabaseInUse as exc:
            print("refused:", exc)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("refused:"), out.stderr
    assert str(db_path) in out.stdout
    db.close()
    out = subprocess.run(
        [sys.executable, "-c", script.replace("print", "raise SystemExit") + "\nprint('ok')"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip() == "ok", out.stderr


def test_passphrase_from_file_then_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("DYADE_PASSPHRASE", raising=False)
    assert passphrase_from_env_or_file(None) is None
    monkeypatch.setenv("DYADE_PASSPHRASE", "from env")
    assert passphrase_from_env_or_file(None) == "from env"
    file = tmp_path / "phrase.txt"
    file.write_text("from file with spaces \n", encoding="utf-8")
    assert passphrase_from_env_or_file(file) == "from file with spaces "
    with pytest.raises(DyadeError, match="cannot read"):
        passphrase_from_env_or_file(tmp_path / "missing.txt")


def test_newer_schema_is_refused(db, db_path):
    with db.atomic():
        db["_migrations"].insert({"version": 999, "name": "future", "applied_at": "2099"})
    db.close()
    with pytest.raises(DyadeError, match="newer Dyade"):
        open_database(db_path, PASSPHRASE)
    open_database(db_path, PASSPHRASE, migrate=False).close()  # lock released after refusal
