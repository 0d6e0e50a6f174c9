"""Faults that strike while the database is open: the file or its folder made
read-only, bytes of the file overwritten by another program.

SQLite keeps the file open and its pages in memory, so neither shows by
itself: a handle opened before a chmod still writes, and a page read before
the damage is still served from the cache. Dyade checks before each
transaction (``dyade.storage.faults.check_in_place``). The next answer is
refused with a message naming the file and the way out, nothing saved before
is lost, and nothing is written into the file while it is read-only or damaged.
"""

from __future__ import annotations

import os
import random
import time

import pytest

import storage_fixtures
from disk_faults import ReadOnlyWhileOpen
from dyade.fill import AnswerNotSaved, FillSession
from dyade.forms import default_library
from dyade.storage import DatabaseChanged, StorageFault, open_database
from dyade.storage.backup import restore
from dyade.storage.responses import load_answers, save_answer
from faults_support import check_integrity, scale, tally
from storage_fixtures import PASSPHRASE, make_clinic

db_path = storage_fixtures.db_path
__all__ = ["tally"]
PAGE = 4096  # SQLCipher 4's page size


def _value(session: FillSession, item):
    if item.kind == "scale":
        return min(session.form.scale_of(item).points())
    if item.kind == "text":
        return "rien de spécial"
    return [item.codes()[0]] if item.kind == "multi" else item.codes()[0]


def _answer(session: FillSession, given: dict, count: int) -> None:
    """Answer the next ``count`` items of the form, noting each in ``given``."""
    start = len(given)
    for item in session.form.items[start : start + count]:
        value = _value(session, item)
        session.answer(item.id, value)
        given[item.id] = value


def _files(path) -> dict[str, bytes]:
    """The database's own files as they are on disk (the lock file aside)."""
    found = {}
    for suffix in ("", "-wal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            found[suffix] = part.read_bytes()
    return found


def _open_clinic(path, answers: int) -> tuple:
    """A clinic written and closed (its pages are in the file), opened again; the
    patient's questionnaire of its visit with its first ``answers`` items answered,
    and those answers."""
    db = open_database(path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    db.close()
    db = open_database(path, PASSPHRASE)
    session = FillSession.open_visit_code(db, default_library(), clinic.visit.code)
    given: dict = {}
    _answer(session, given, answers)
    return db, session, given


def _overwrite(path, offset: int, data: bytes) -> None:
    """Another program writes into the file, behind Dyade's back.

    File times move on with the system's clock tick (a few milliseconds): a write
    within the tick of Dyade's last one would keep the file's time, so the write
    is made again once the tick has passed (as any later write would be seen).
    """
    before = os.stat(path).st_mtime_ns
    while True:
        with open(path, "r+b") as handle:
            handle.seek(offset)
            handle.write(data)
        if os.stat(path).st_mtime_ns != before:
            return
        time.sleep(0.005)


def _reopened_answers(path, session: FillSession) -> dict:
    assert check_integrity(path) == []
    db = open_database(path, PASSPHRASE, check="full")
    try:
        return load_answers(db, session.response_uuid)
    finally:
        db.close()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_made_read_only_while_open_refuses_the_next_answer(db_path, what, tally):
    db, session, given = _open_clinic(db_path, 5)
    before = _files(db_path)
    read_only = ReadOnlyWhileOpen()
    try:
        read_only.protect(db_path if what == "file" else db_path.parent)
        with pytest.raises(AnswerNotSaved) as refused:
            _answer(session, dict(given), 1)
        message = str(refused.value)
        assert str(db_path) in message and "read-only" in message
        assert "write access" in message and "dyade --db PATH" in message
        assert "accueil" in refused.value.kind_message("fr")
        with pytest.raises(StorageFault):  # every change, not only answers
            db["settings"].insert({"key": "x", "value": "1"})
        assert _files(db_path) == before  # nothing written
        assert load_answers(db, session.response_uuid) == given
    finally:
        read_only.release()
    _answer(session, given, 1)  # writable again: the clinic goes on
    db.close()
    assert _reopened_answers(db_path, session) == given
    tally.add(trials=1, faults=1)


def test_bytes_overwritten_while_open_are_caught_and_rescued(db_path, tally):
    db, session, given = _open_clinic(db_path, 4)
    _overwrite(db_path, PAGE + 100, os.urandom(64))  # into the second page
    damaged = _files(db_path)
    with pytest.raises(AnswerNotSaved) as refused:
        _answer(session, dict(given), 1)
    message, rescued = str(refused.value), db.rescued
    assert str(db_path) in message and "overwritten by another program" in message
    assert rescued and f"dyade restore {rescued}" in message
    with pytest.raises(DatabaseChanged):  # and every later change, until Dyade is closed
        save_answer(db, session.response_uuid, "p_comment", "encore")
    assert _files(db_path) == damaged  # nothing more written into the damaged file
    db.close()
    assert check_integrity(rescued) == []
    restore(rescued, db_path, PASSPHRASE)
    assert _reopened_answers(db_path, session) == given
    tally.add(trials=1, faults=1)


def test_a_harmless_change_to_the_file_does_not_stop_the_clinic(db_path, tally):
    db, session, given = _open_clinic(db_path, 3)
    page = db_path.read_bytes()[PAGE : 2 * PAGE]
    _overwrite(db_path, PAGE, page)  # the same bytes written again: newer, not damaged
    _answer(session, given, 3)
    assert db.rescued is None
    db.close()
    assert _reopened_answers(db_path, session) == given
    tally.add(trials=1, faults=1)


def test_bytes_overwritten_anywhere_never_lose_a_saved_answer(tmp_path, tally):
    """Random places and sizes: refused and rescued, or harmless (a page the
    write-ahead log holds a newer copy of, or one no longer in use)."""
    rng = random.Random(20261122)
    for trial in range(scale(6, 50)):
        path = tmp_path / f"clinic-{trial}.db"
        db, session, given = _open_clinic(path, rng.randint(1, 6))
        size = path.stat().st_size
        _overwrite(path, rng.randrange(size - 16), os.urandom(rng.choice([1, 16, 64, 700])))
        try:
            _answer(session, given, 1)
        except AnswerNotSaved as refused:
            assert "overwritten by another program" in str(refused)
            assert str(path) in str(refused) and db.rescued
            db.close()
            restore(db.rescued, path, PASSPHRASE)
        else:
            db.close()
        saved = _reopened_answers(path, session)
        lost = sum(1 for item, value in given.items() if saved.get(item, ...) != value)
        tally.add(trials=1, faults=1, lost=lost)
        assert lost == 0
