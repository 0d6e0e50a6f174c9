"""Encrypted backups, rotated daily, and a restore that can always step back.

A backup is a compact copy made by ``VACUUM INTO``: SQLCipher writes it with
the same key, so it is as encrypted as the database and opens with the same
passphrase. It is written to a temporary name, checked, then renamed, so a
backup file is either whole or absent; the temporary file a killed backup or
restore left is removed by the next one (:mod:`dyade.temps`).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import sqlite_utils

from dyade.errors import DyadeError
from dyade.safe_write import writing
from dyade.storage import audit
from dyade.storage.candidates import clinic_of, verify_copy
from dyade.storage.connection import (
    RESTORE_HINT,
    RESTORE_HINT_FR,
    ClinicDatabase,
    DbError,
    connect,
)
from dyade.storage.errors import DamagedDatabase
from dyade.storage.lock import DatabaseLock
from dyade.storage.settings import get_setting
from dyade.temps import done, remove_stale, temp_beside

log = logging.getLogger(__name__)

_DAILY = re.compile(r"-(\d{4}-\d{2}-\d{2})\.db$")


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _check_copy(db: sqlite_utils.Database, copy: Path) -> None:
    """Open the copy with this database's key (ATTACH) and run the full check."""
    db.execute("ATTACH DATABASE ? AS backup_check", [str(copy)])
    try:
        rows = db.execute("PRAGMA backup_check.integrity_check(5)").fetchall()
    finally:
        db.execute("DETACH DATABASE backup_check")
    if [row[0] for row in rows] != ["ok"]:
        raise DamagedDatabase(
            f"the backup written to {copy} fails its check: {rows}",
            fr=f"la sauvegarde écrite dans {copy} échoue à sa vérification\u00a0: {rows}",
        )


def write_backup(
    source: sqlite_utils.Database, out_path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Write a checked copy of ``source`` to ``out_path`` (whole or absent, through
    :mod:`dyade.safe_write`); an existing file is replaced only with ``force``.

    ``source`` may be the app's connection or :meth:`ClinicDatabase.reader`'s
    (a background backup): this reads only, so it never blocks a save.
    """
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with writing(out, force=force, kind="backup") as temp:
        try:
            source.execute("VACUUM INTO ?", [str(temp)])
        except DbError as exc:
            shown = getattr(source, "path", "the database")
            raise DamagedDatabase(
                f"{shown} could not be copied ({exc}); it may be damaged: {RESTORE_HINT}",
                fr=f"{shown} n’a pas pu être copié ({exc})\u00a0; il est peut-être "
                f"endommagé\u00a0: {RESTORE_HINT_FR}",
            ) from exc
        _check_copy(source, temp)
    log.info("backup written to %s", out)
    return out


def record_backup(db: sqlite_utils.Database, out: Path, *, by: str | None = None) -> None:
    """Note the backup in the audit (on the connection that writes: the app's)."""
    with db.atomic():
        audit.record(db, "backup", str(out), user_uuid=by)


def backup(
    db: ClinicDatabase,
    out_path: str | os.PathLike[str],
    *,
    by: str | None = None,
    force: bool = False,
) -> Path:
    """Write an encrypted, checked copy of ``db`` to ``out_path`` (whole or absent);
    an existing file is replaced only with ``force``."""
    out = write_backup(db, out_path, force=force)
    record_backup(db, out, by=by)
    return out


def daily_backups(folder: Path, stem: str) -> list[Path]:
    """This database's daily backups in ``folder``, oldest first."""
    found = [p for p in folder.glob(f"{stem}-*.db") if _DAILY.search(p.name)]
    return sorted(found, key=lambda p: _day_of(p.name))


def _day_of(name: str) -> str:
    found = _DAILY.search(name)
    return found.group(1) if found else ""


def daily_copy(
    source: sqlite_utils.Database,
    stem: str,
    folder: str | os.PathLike[str],
    keep: int | None = None,
    *,
    day: date | None = None,
) -> Path | None:
    """The backup of ``day`` (default today) unless it exists, then keep the ``keep``
    most recent daily files; return the new file, or None. Reads ``source`` only."""
    folder = Path(folder)
    keep = int(get_setting(source, "daily_backups_kept") if keep is None else keep)
    target = folder / f"{stem}-{(day or date.today()).isoformat()}.db"
    daily = re.compile(re.escape(stem) + _DAILY.pattern)
    remove_stale(folder, lambda name: daily.fullmatch(name) is not None)  # killed ones'
    for hollow in daily_backups(folder, stem):  # failed copies of an older Dyade: not backups
        if hollow.stat().st_size == 0:
            hollow.unlink()
    made = None
    if not target.exists():
        made = write_backup(source, target)
    for old in daily_backups(folder, stem)[: max(0, len(daily_backups(folder, stem)) - keep)]:
        old.unlink()
        log.info("old backup %s removed (keeping %d)", old, keep)
    return made


def maybe_daily_backup(
    db: ClinicDatabase,
    folder: str | os.PathLike[str],
    keep: int | None = None,
    *,
    day: date | None = None,
) -> Path | None:
    """Back up once a day (the first call of the day does it) and keep the
    ``keep`` most recent daily files; return the new file, or None."""
    made = daily_copy(db, db.path.stem, folder, keep, day=day)
    if made is not None:
        record_backup(db, made)
    return made


def _settle_wal(target: Path, passphrase: str, kdf_iter: int | None) -> None:
    """Fold the target's write-ahead log into its main file, so the file alone is whole."""
    try:
        conn = connect(target, passphrase, kdf_iter)
    except DyadeError:
        return  # a damaged file: its -wal is moved aside with it below
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except DbError as exc:
        log.warning("could not fold the log of %s before the restore: %s", target, exc)
    finally:
        conn.close()


def _keep_aside(target: Path) -> Path | None:
    """Keep the current database as ``<name>.before-restore-<time>`` while it stays in place.

    A hard link (or a copy) keeps it, so until the atomic replace that follows
    the target is always a whole database: a crash never leaves none.
    """
    if not target.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = target.with_name(f"{target.name}.before-restore-{stamp}")
    try:
        os.link(target, aside)
    except OSError:
        shutil.copyfile(target, aside)
        _fsync(aside)
    for suffix in ("-wal", "-shm"):  # a log SQLite could not fold belongs to the old file
        part = Path(str(target) + suffix)
        if part.exists():
            os.replace(part, Path(str(aside) + suffix))
    return aside


def _put_back(aside: Path | None, target: Path) -> None:
    if aside is None:
        target.unlink(missing_ok=True)
        return
    for suffix in ("-wal", "-shm", ""):
        part = Path(str(aside) + suffix)
        if part.exists():
            os.replace(part, Path(str(target) + suffix))


def restore(
    path: str | os.PathLike[str],
    target: str | os.PathLike[str],
    passphrase: str,
    *,
    kdf_iter: int | None = None,
) -> Path | None:
    """Replace ``target`` by the backup at ``path``.

    The backup is copied and fully checked first; the current database is kept
    aside (``<name>.before-restore-<time>``) and put back if anything fails. The
    switch is one atomic rename: killed at any moment, the target is the old
    database or the restored one (``tests/test_reliability_crash.py``).
    Returns where the previous database was kept (None if there was none).
    """
    source, target = Path(path), Path(target)
    if not source.is_file():
        raise DyadeError(
            f"no backup file at {source}; check the path",
            fr=f"aucune sauvegarde à l’emplacement {source}\u00a0; vérifiez le chemin",
        )
    current = clinic_of(target, passphrase, kdf_iter) if target.exists() else None
    verify_copy(source, passphrase, kdf_iter, clinic=current)  # empty, hollow, foreign: refused
    with DatabaseLock(target):
        remove_stale(target.parent, lambda name: name == target.name)  # a killed restore's
        temp = temp_beside(target)
        try:
            temp.write_bytes(source.read_bytes())
            _fsync(temp)
            verify_copy(temp, passphrase, kdf_iter, shown=source)  # the copy, named as chosen
            if target.exists():
                _settle_wal(target, passphrase, kdf_iter)
            aside = _keep_aside(target)
            try:
                os.replace(temp, target)  # atomic: the old database or the new, never neither
                verify_copy(target, passphrase, kdf_iter)
            except BaseException:
                _put_back(aside, target)
                raise
        finally:
            temp.unlink(missing_ok=True)
            done(temp)
        _record_restore(target, passphrase, kdf_iter, source)
    return aside


def _record_restore(target: Path, passphrase: str, kdf_iter: int | None, source: Path) -> None:
    conn = connect(target, passphrase, kdf_iter)
    db = ClinicDatabase(conn, execute_plugins=False)
    try:
        if db["audit"].exists():
            with db.atomic():
                audit.record(db, "restored", str(target), details={"from": str(source)})
    finally:
        conn.close()
