"""What the disk can do to a running clinic, and how each case reaches a person.

SQLite reports a full disk, a read-only folder or a failing device as a bare
``OperationalError``; :func:`explain` turns those into :class:`StorageFault`
(or :class:`DamagedDatabase`) with a message that says what happened and the
way out. A database file deleted or replaced while Dyade runs is worse: in WAL
mode SQLite goes on writing to the vanished file, and everything would be lost
at close. :func:`check_in_place` notices it before each transaction, copies
what the open connection still holds to a rescue file, and says where it is.
"""

from __future__ import annotations

import errno
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from dyade.errors import DyadeError
from dyade.storage.errors import DamagedDatabase, DatabaseMoved, StorageFault

log = logging.getLogger(__name__)

RESTORE_HINT = "restore the latest backup (dyade restore PATH)"
FULL, READONLY, IOERR, CANTOPEN, CORRUPT, NOTADB = 13, 8, 10, 14, 11, 26
Identity = tuple[int, int]


def error_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # extended codes keep the primary in the low byte


def explain(exc: BaseException, path: Path | str | None) -> DyadeError | None:
    """The person-facing error for a storage failure, or None if ``exc`` is not one."""
    where = f"the database {path}" if path else "the database"
    if isinstance(exc, OSError):
        return _explain_os(exc, where)
    code = error_code(exc)
    if code == FULL:
        return StorageFault(
            f"the disk holding {where} is full; nothing already saved is lost. Free some space "
            "(or move the database to another disk with dyade --db PATH), then try again"
        )
    if code == READONLY:
        return StorageFault(
            f"{where} cannot be written (read-only file or folder); nothing already saved is "
            "lost. Give Dyade write access, or copy the file to a writable folder and open it "
            "there (dyade --db PATH)"
        )
    if code in (IOERR, CANTOPEN):
        return StorageFault(
            f"{where} could not be read or written (disk error, removed drive, or a file "
            "Dyade may not open); nothing already saved is lost. Check the disk, then try "
            f"again; if it keeps failing, {RESTORE_HINT}"
        )
    if code in (CORRUPT, NOTADB):
        return DamagedDatabase(f"{where} is damaged ({exc}); {RESTORE_HINT}")
    return None


def _explain_os(exc: OSError, where: str) -> DyadeError:
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = "the file or its folder is read-only for this account"
    else:
        reason = exc.strerror or str(exc)
    return StorageFault(
        f"{where} cannot be used: {reason} ({exc.filename or where}). Free some space or "
        "give write access, or open a copy in another folder (dyade --db PATH)"
    )


def raise_explained(exc: BaseException, path: Path | str | None) -> None:
    """Re-raise ``exc`` as its person-facing error when it is a storage failure."""
    better = explain(exc, path)
    if better is not None:
        log.warning("storage failure on %s: %s", path, exc)
        raise better from exc


def file_identity(path: Path) -> Identity | None:
    """Device and inode of ``path`` (None if it is missing)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def rescue_copy(conn: sqlcipher3.Connection, path: Path) -> Path | None:
    """Copy what ``conn`` still holds beside ``path`` (same key); None if that fails too."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.rescued-{stamp}{path.suffix or '.db'}")
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("VACUUM INTO ?", [str(target)])
    except (sqlcipher3.Error, OSError) as exc:
        log.error("rescue copy of %s to %s failed: %s", path, target, exc)
        return None
    log.warning("database %s vanished while open; rescued to %s", path, target)
    return target


def check_in_place(db) -> None:
    """Refuse to write when the open file is no longer the one at ``db.path``.

    ``db`` is a :class:`~dyade.storage.connection.ClinicDatabase`; its
    ``identity`` was taken at open. The first time a change is seen, the data
    the connection still reaches is copied to a rescue file.
    """
    expected = getattr(db, "identity", None)
    if expected is None or file_identity(db.path) == expected:
        return
    if getattr(db, "rescued", None) is None:
        db.rescued = rescue_copy(db.conn, db.path) or False
    state = "was deleted" if not db.path.exists() else "was replaced by another file"
    if db.rescued:
        way_out = (
            f"everything saved until now was copied to {db.rescued}. Close Dyade, then put "
            f"that copy in place (dyade restore {db.rescued})"
        )
    else:
        way_out = f"close Dyade now and {RESTORE_HINT}"
    raise DatabaseMoved(f"the database {db.path} {state} while Dyade was running; {way_out}")
