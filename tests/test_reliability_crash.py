"""Killed at any moment, Dyade loses nothing it confirmed and resumes where it stopped.

A real process fills the real questionnaire (``dyade.fill`` over the encrypted
database), imports a transfer file, writes a backup or restores one, and is
killed with SIGKILL at a random moment, or just before each of its file
operations in turn. After each kill: ``PRAGMA integrity_check`` passes, every
answer the process had confirmed is there, the questionnaire resumes on the
right screen, and an import, backup or restore left the database either as it
was or fully updated.
"""

from __future__ import annotations

import json
import random
import shutil
import time

import pytest

from dyade.fill import AlreadyCompleted, FillSession
from dyade.forms import default_library
from dyade.storage.backup import backup
from dyade.storage.connection import open_database
from dyade.storage.responses import load_answers, responses_of_visit, save_answers
from dyade.storage.transfer import write_transfer
from dyade.storage.visits import create_visit
from faults_support import (
    KDF,
    PASSPHRASE,
    audit_count,
    check_integrity,
    child,
    clinic_file,
    digest,
    kill,
    run,
    scale,
    tally,
)
from storage_fixtures import FORMS

__all__ = ["clinic_file", "tally"]


def _confirmed(lines: list[str]) -> list[tuple[str, object]]:
    return [tuple(json.loads(line[7:])) for line in lines if line.startswith("answer ")]


def _expected_resume(session: FillSession, saved: dict) -> int:
    """Items are answered in form order, so the first unsaved one names the screen."""
    for screen in session.screens:
        if any(item.id not in saved for item in screen.items):
            return screen.index
    return len(session.screens)


def _check_fill_trial(path, clinic, lines: list[str]) -> tuple[int, bool]:
    """Everything confirmed is saved; how many confirmed answers were lost, and whether
    the questionnaire was complete."""
    assert check_integrity(path) == []
    confirmed = _confirmed(lines)
    db = open_database(path, PASSPHRASE, kdf_iter=KDF)
    try:
        response = next(
            r for r in responses_of_visit(db, clinic.visit.uuid) if r.respondent == "patient"
        )
        saved = load_answers(db, response.uuid)
        lost = sum(1 for item_id, value in confirmed if saved.get(item_id, ...) != value)
        assert len(saved) <= len(confirmed) + 1  # at most the answer in flight
        if "submitted" in lines or response.status == "complete":  # killed after the commit
            assert response.status == "complete"
            with pytest.raises(AlreadyCompleted):
                FillSession.open_visit_code(db, default_library(), clinic.visit.code)
            return lost, True
        session = FillSession.open_visit_code(db, default_library(), clinic.visit.code)
        assert session.resume_screen() == _expected_resume(session, saved)
        return lost, False
    finally:
        db.close()


def test_questionnaire_killed_at_random_moments_loses_no_confirmed_answer(
    clinic_file, tmp_path, tally
):
    base, clinic = clinic_file
    rng = random.Random(20261121)
    for trial in range(scale(2, 60)):
        path = tmp_path / f"trial-{trial}.db"
        shutil.copy(base, path)
        proc = child("fill", str(path), PASSPHRASE, clinic.visit.code, str(trial))
        wanted, read = rng.randint(0, 30), []
        while len(_confirmed(read)) < wanted:
            line = proc.stdout.readline()
            if not line:
                break
            read.append(line.strip())
        time.sleep(rng.random() * 0.005)
        rest, err = kill(proc)
        lines = read + rest
        assert "Traceback" not in err, err
        lost, complete = _check_fill_trial(path, clinic, lines)
        if not complete:  # restarted: resumes where it stopped and finishes
            code, again, err = run("fill", str(path), PASSPHRASE, clinic.visit.code, str(trial))
            assert code == 0, (err, lines, again)
            assert again[0].startswith("resume ") and again[-1] == "submitted"
        tally.add(trials=1, faults=1, lost=lost)
        assert lost == 0


def _bigger_laptop(tmp_path) -> tuple:
    """A second laptop with many answered visits, and its transfer file."""
    other = tmp_path / "other.db"
    shutil.copy(tmp_path / "base.db", other)
    db = open_database(other, PASSPHRASE, kdf_iter=KDF)
    dyad = db.execute("SELECT uuid FROM dyads").fetchone()[0]
    for _ in range(40):
        visit = create_visit(db, dyad, FORMS)
        for response in responses_of_visit(db, visit.uuid):
            save_answers(db, response.uuid, {f"item_{n:02}": n % 5 + 1 for n in range(25)})
    transfer = write_transfer(db, tmp_path / "other.dyade", PASSPHRASE)
    db.close()
    return transfer


def _all_or_nothing(path, before: str, after: str, audits: tuple[int, int]) -> str:
    """The content (and the audit's length) is the one before or the one after, never between."""
    assert check_integrity(path) == []
    now = digest(path)
    assert now in (before, after), "the database is neither as it was nor fully updated"
    assert audit_count(path) in (audits if before == after else (audits[now == after],))
    return "updated" if now == after else "unchanged"


def test_import_killed_midway_is_all_or_nothing(clinic_file, tmp_path, tally):
    base, _clinic = clinic_file
    transfer = _bigger_laptop(tmp_path)
    full = tmp_path / "full.db"
    shutil.copy(base, full)
    start = time.monotonic()
    code, _, err = run("import", str(full), PASSPHRASE, str(transfer))
    span = time.monotonic() - start
    assert code == 0, err
    before, after = digest(base), digest(full)
    audits = (audit_count(base), audit_count(full))
    assert before != after
    rng, outcomes = random.Random(7), []
    for trial in range(scale(2, 60)):
        path = tmp_path / f"import-{trial}.db"
        shutil.copy(base, path)
        proc = child("import", str(path), PASSPHRASE, str(transfer))
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.random() * span * 0.6)
        kill(proc)
        outcomes.append(_all_or_nothing(path, before, after, audits))
        tally.add(trials=1, faults=1)
    assert set(outcomes) <= {"updated", "unchanged"}


def _backup_is_whole_or_absent(out, expected: str) -> None:
    if out.exists():
        assert check_integrity(out) == []
        assert digest(out) == expected


def test_backup_killed_at_each_step_or_at_random(clinic_file, tmp_path, tally):
    base, _clinic = clinic_file
    before, audits = digest(base), (audit_count(base), audit_count(base) + 1)
    steps = 0
    for crash_at in range(1, 12):  # every file operation of a backup, then one past the end
        path, out = tmp_path / f"b{crash_at}.db", tmp_path / f"b{crash_at}-backup.db"
        shutil.copy(base, path)
        code, lines, _ = run(
            "backup", str(path), PASSPHRASE, str(out), env={"DYADE_CRASH_AT": str(crash_at)}
        )
        _backup_is_whole_or_absent(out, before)
        _all_or_nothing(path, before, before, audits)
        tally.add(trials=1, faults=int(code != 0))
        steps += 1
        if "done" in lines:
            break
    assert "done" in lines and steps >= 2  # went past every step at least once
    rng = random.Random(11)
    for trial in range(scale(1, 40)):
        path, out = tmp_path / f"r{trial}.db", tmp_path / f"r{trial}-backup.db"
        shutil.copy(base, path)
        proc = child("backup", str(path), PASSPHRASE, str(out))
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.random() * 0.05)
        kill(proc)
        _backup_is_whole_or_absent(out, before)
        _all_or_nothing(path, before, before, audits)
        tally.add(trials=1, faults=1)


def test_restore_killed_at_each_step_or_at_random(clinic_file, tmp_path, tally):
    base, _clinic = clinic_file
    db = open_database(base, PASSPHRASE, kdf_iter=KDF)
    saved = backup(db, tmp_path / "saved.db")
    create_visit(db, db.execute("SELECT uuid FROM dyads").fetchone()[0], FORMS)  # newer state
    db.close()
    current, restored = digest(base), digest(saved)
    assert current != restored
    for crash_at in range(1, 20):
        path = tmp_path / f"s{crash_at}.db"
        shutil.copy(base, path)
        code, lines, _ = run(
            "restore", str(saved), str(path), PASSPHRASE, env={"DYADE_CRASH_AT": str(crash_at)}
        )
        assert path.exists(), f"killed before step {crash_at}: no database left in place"
        _restored_or_current(path, current, restored)
        tally.add(trials=1, faults=int(code != 0))
        if "done" in lines:
            break
    assert "done" in lines
    rng = random.Random(13)
    for trial in range(scale(1, 40)):
        path = tmp_path / f"t{trial}.db"
        shutil.copy(base, path)
        proc = child("restore", str(saved), str(path), PASSPHRASE)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.random() * 0.08)
        kill(proc)
        assert path.exists()
        _restored_or_current(path, current, restored)
        tally.add(trials=1, faults=1)


def _restored_or_current(path, current: str, restored: str) -> None:
    assert check_integrity(path) == []
    assert digest(path) in (current, restored)
