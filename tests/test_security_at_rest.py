"""Data at rest: every file Dyade writes about patients is encrypted.

The database (with its -wal and -shm files while open, after writes), backups
(made by hand and daily), transfer files, the copy kept aside by a restore
and a rescue copy: plain SQLite cannot read the database files, and a search
of the raw bytes for a patient's name and a typed answer finds nothing. The
log file never holds them either.
"""

from __future__ import annotations

import sqlite3

from dyade.logs import log_file, setup_logging
from dyade.storage.backup import backup, maybe_daily_backup, restore
from dyade.storage.connection import open_database
from dyade.storage.faults import rescue_copy
from dyade.storage.responses import responses_of_visit, save_answer
from dyade.storage.transfer import write_transfer
from faults_support import tally
from storage_fixtures import PASSPHRASE, make_clinic

__all__ = ["tally"]
NAME = "Solange Verdier"  # the patient make_clinic registers
TYPED = "Mon voisin Barnabé-Quillet m'inquiète"


def _needles() -> list[bytes]:
    found = []
    for text in (NAME, TYPED, "Barnab"):
        found += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("latin-1", "ignore")]
    return found


def _leaks(path) -> list[bytes]:
    data = path.read_bytes()
    return [needle for needle in _needles() if needle in data]


def _plain_sqlite_reads(path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def test_every_file_written_is_encrypted(tmp_path, tally):
    setup_logging()
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    response = responses_of_visit(db, clinic.visit.uuid)[0]
    for n in range(30):  # enough writes that the log holds pages not yet checkpointed
        save_answer(db, response.uuid, f"comment_{n}", f"{TYPED} ({n})")
    wal, shm = tmp_path / "clinic.db-wal", tmp_path / "clinic.db-shm"
    assert wal.stat().st_size > 0  # pages written but not yet folded into the file
    assert _leaks(wal) == [] and _leaks(shm) == []
    files = {"database": path}
    files["backup"] = backup(db, tmp_path / "by-hand.db")
    files["daily backup"] = maybe_daily_backup(db, tmp_path / "backups")
    files["transfer"] = write_transfer(db, tmp_path / "laptop.dyade", PASSPHRASE, log2_n=10)
    files["rescue copy"] = rescue_copy(db.conn, path)
    db.close()
    files["kept aside by a restore"] = restore(files["backup"], path, PASSPHRASE)
    databases = ("database", "backup", "daily backup", "rescue copy", "kept aside by a restore")
    for kind, file in files.items():
        assert file is not None and file.exists(), kind
        assert _leaks(file) == [], f"{kind} ({file}) holds a patient's words in clear"
        if kind in databases:
            assert not _plain_sqlite_reads(file), f"plain SQLite reads the {kind}"
        tally.add(trials=1)
    assert _leaks(log_file()) == [], "the log file names a patient"


def test_the_open_database_leaks_nothing_after_each_write(tmp_path, tally):
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    try:
        clinic = make_clinic(db)
        response = responses_of_visit(db, clinic.visit.uuid)[0]
        for n in range(5):
            save_answer(db, response.uuid, f"comment_{n}", TYPED)
            for suffix in ("", "-wal", "-shm"):
                assert _leaks(tmp_path / f"clinic.db{suffix}") == [], (n, suffix)
            tally.add(trials=1)
    finally:
        db.close()
