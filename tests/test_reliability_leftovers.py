"""What a killed backup or restore leaves behind is cleared by the next one, or at opening.

Both write to ``.<name>.<8 hex digits>.tmp`` and rename at the end; killed
before the rename, the temporary copy stays (a whole, encrypted copy of the
clinic, taking room). The next backup to that name, the next daily backup of
that database, a restore and the next opening remove the leftovers of their
own name, and nothing else.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta

from dyade.storage.backup import backup, maybe_daily_backup
from dyade.storage.connection import open_database
from dyade.temps import TEMP_NAME, done, remove_stale, temp_beside
from faults_support import KDF, PASSPHRASE, check_integrity, clinic_file, digest, run, tally

__all__ = ["clinic_file", "tally"]


def _temps(folder) -> list:
    return sorted(p for p in folder.iterdir() if TEMP_NAME.match(p.name))


def _killed_leaving_a_temp(mode: str, args: list[str], folder) -> int:
    """Run ``crash_child.py`` killed before each of its file operations in turn until one
    run leaves a temporary file in ``folder``; how many kills it took."""
    for crash_at in range(1, 12):
        _code, lines, err = run(mode, *args, env={"DYADE_CRASH_AT": str(crash_at)})
        assert "Traceback" not in err, err
        if _temps(folder):
            return crash_at
        assert "done" not in lines, f"the {mode} ended without leaving a temporary file"
    raise AssertionError(f"no kill of the {mode} left a temporary file")


def _bystanders(folder) -> list:
    """Files of the same look that are not leftovers of this database: they must stay."""
    names = [".other.db.0a1b2c3d.tmp", ".notes.txt.tmp", "base.db.before-restore-20260101T000000"]
    for name in names:
        (folder / name).write_bytes(b"keep me")
    return [folder / name for name in names]


def test_a_killed_backup_is_cleared_by_the_next_backup(clinic_file, tmp_path, tally):
    base, _clinic = clinic_file
    out = tmp_path / "manual-backup.db"
    kills = _killed_leaving_a_temp("backup", [str(base), PASSPHRASE, str(out)], tmp_path)
    left = _temps(tmp_path)
    assert [TEMP_NAME.match(p.name).group("target") for p in left] == [out.name]
    keep = _bystanders(tmp_path)
    db = open_database(base, PASSPHRASE, kdf_iter=KDF)
    try:
        backup(db, out)
    finally:
        db.close()
    assert _temps(tmp_path) == [tmp_path / ".other.db.0a1b2c3d.tmp"]
    assert all(p.exists() for p in keep)
    assert check_integrity(out) == [] and digest(out) == digest(base)
    tally.add(trials=kills, faults=kills)


def test_a_killed_daily_backup_is_cleared_by_the_next_day(clinic_file, tmp_path, tally):
    base, _clinic = clinic_file
    folder = tmp_path / "backups"
    folder.mkdir()
    yesterday = folder / f"base-{(date.today() - timedelta(days=1)).isoformat()}.db"
    kills = _killed_leaving_a_temp("backup", [str(base), PASSPHRASE, str(yesterday)], folder)
    foreign = folder / f".base-copy-{date.today().isoformat()}.db.0a1b2c3d.tmp"
    foreign.write_bytes(b"another database's backup")
    db = open_database(base, PASSPHRASE, kdf_iter=KDF)
    try:
        made = maybe_daily_backup(db, folder)
    finally:
        db.close()
    assert made is not None and check_integrity(made) == []
    assert _temps(folder) == [foreign]
    tally.add(trials=kills, faults=kills)


def test_a_killed_restore_is_cleared_at_the_next_opening(clinic_file, tmp_path, tally):
    base, _clinic = clinic_file
    db = open_database(base, PASSPHRASE, kdf_iter=KDF)
    saved = backup(db, tmp_path / "saved" / "saved.db")
    db.close()
    target = tmp_path / "live" / "base.db"
    target.parent.mkdir()
    shutil.copy(base, target)
    before = digest(target)
    args = [str(saved), str(target), PASSPHRASE]
    kills = _killed_leaving_a_temp("restore", args, target.parent)
    keep = _bystanders(target.parent)
    db = open_database(target, PASSPHRASE, kdf_iter=KDF)
    try:
        assert digest(db) in (before, digest(saved))  # the old database or the restored one
    finally:
        db.close()
    assert _temps(target.parent) == [target.parent / ".other.db.0a1b2c3d.tmp"]
    assert all(p.exists() for p in keep)
    tally.add(trials=kills, faults=kills)


def test_a_temporary_file_still_being_written_is_left_alone(tmp_path):
    """Two backups at once in one process (the daily one and a manual one): neither
    removes the other's file while it is written."""
    out = tmp_path / "backup.db"
    temp = temp_beside(out)
    temp.write_bytes(b"being written")
    assert remove_stale(tmp_path, lambda target: target == out.name) == []
    done(temp)
    assert remove_stale(tmp_path, lambda target: target == out.name) == [temp]
    assert not temp.exists()
