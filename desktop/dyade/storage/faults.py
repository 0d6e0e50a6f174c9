"""What the disk can do to a running clinic, and how each case reaches a person.

SQLite reports a full disk, a read-only folder or a failing device as a bare
``OperationalError``; :func:`explain` turns those into :class:`StorageFault`
(or :class:`DamagedDatabase`) with a message that says what happened and the
way out. Other faults SQLite does not see, because it keeps the file open and
its pages in memory; :func:`check_in_place` looks for them before each
transaction:

- the file deleted or replaced: in WAL mode SQLite goes on writing to the
  vanished file, and everything would be lost at close;
- the file or its folder made read-only: the open handle could still write,
  but the clinic could not open the file again, so nothing more is written;
- bytes of the file overwritten by another program (its size or modification
  time changed between two of Dyade's own transactions): the file on disk is
  checked, and if it is damaged nothing more is written to it. A write within
  the same clock tick (a few milliseconds) as Dyade's last write to the file
  keeps its time and goes unseen here; the check at the next opening finds it.

For the first and the last, what the open connection still holds (its cache
and write-ahead log) is copied to a checked rescue file first, and the
message says where it is.
"""

from __future__ import annotations

import errno
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from dyade.errors import DyadeError, os_reason
from dyade.safe_write import writing
from dyade.storage.errors import DamagedDatabase, DatabaseChanged, DatabaseMoved, StorageFault

log = logging.getLogger(__name__)

RESTORE_HINT = "restore the latest backup (dyade restore PATH)"
RESTORE_HINT_FR = "restaurez la dernière sauvegarde (dyade restore CHEMIN)"
FULL, READONLY, IOERR, CANTOPEN, CORRUPT, NOTADB = 13, 8, 10, 14, 11, 26
Identity = tuple[int, int]
Stamp = tuple[int, int]  # modification time (ns) and size of the main file


def error_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # extended codes keep the primary in the low byte


def explain(exc: BaseException, path: Path | str | None) -> DyadeError | None:
    """The person-facing error for a storage failure, or None if ``exc`` is not one."""
    where = f"the database {path}" if path else "the database"
    ici = f"la base {path}" if path else "la base"
    if isinstance(exc, OSError):
        return _explain_os(exc, where, ici)
    code = error_code(exc)
    if code == FULL:
        return StorageFault(
            f"the disk holding {where} is full; nothing already saved is lost. Free some space "
            "(or move the database to another disk with dyade --db PATH), then try again",
            fr=f"le disque qui contient {ici} est plein\u00a0; rien de ce qui est déjà "
            "enregistré n’est perdu. Libérez de la place (ou déplacez la base sur un autre "
            "disque avec dyade --db CHEMIN), puis réessayez",
        )
    if code == READONLY:
        return StorageFault(
            f"{where} cannot be written (read-only file or folder); nothing already saved is "
            "lost. Give Dyade write access, or copy the file to a writable folder and open it "
            "there (dyade --db PATH)",
            fr=f"{ici} ne peut pas être modifiée (fichier ou dossier en lecture seule)\u00a0; "
            "rien de ce qui est déjà enregistré n’est perdu. Donnez à Dyade le droit d’y "
            "écrire, ou copiez le fichier dans un dossier où ce compte peut écrire et ouvrez-le là "
            "(dyade --db CHEMIN)",
        )
    if code in (IOERR, CANTOPEN):
        return StorageFault(
            f"{where} could not be read or written (disk error, removed drive, or a file "
            "Dyade may not open); nothing already saved is lost. Check the disk, then try "
            f"again; if it keeps failing, {RESTORE_HINT}",
            fr=f"{ici} n’a pas pu être lue ou écrite (erreur de disque, support retiré, ou "
            "fichier que Dyade n’a pas le droit d’ouvrir)\u00a0; rien de ce qui est déjà "
            "enregistré n’est perdu. Vérifiez le disque, puis réessayez\u00a0; si l’échec se "
            f"répète, {RESTORE_HINT_FR}",
        )
    if code in (CORRUPT, NOTADB):
        return DamagedDatabase(
            f"{where} is damaged ({exc}); {RESTORE_HINT}",
            fr=f"{ici} est endommagée ({exc})\u00a0; {RESTORE_HINT_FR}",
        )
    return None


def _explain_os(exc: OSError, where: str, ici: str) -> DyadeError:
    if exc.errno == errno.ENOSPC:
        reason, raison = "the disk is full", "le disque est plein"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = "the file or its folder is read-only for this account"
        raison = "le fichier ou son dossier est en lecture seule pour ce compte"
    else:
        reason, raison = exc.strerror or str(exc), os_reason(exc, "fr")
    return StorageFault(
        f"{where} cannot be used: {reason} ({exc.filename or where}). Free some space or "
        "give write access, or open a copy in another folder (dyade --db PATH)",
        fr=f"{ici} ne peut pas être utilisée\u00a0: {raison} ({exc.filename or ici}). "
        "Libérez de la place ou donnez le droit d’écrire, ou ouvrez une copie dans un autre "
        "dossier (dyade --db CHEMIN)",
    )


def raise_explained(exc: BaseException, path: Path | str | None) -> None:
    """Re-raise ``exc`` as its person-facing error when it is a storage failure."""
    better = explain(exc, path)
    if better is not None:
        log.warning("storage failure on %s: %s", path, exc)
        raise better from exc


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def file_identity(path: Path, stat: os.stat_result | None = None) -> Identity | None:
    """Device and inode of ``path`` (None if it is missing)."""
    stat = stat or _stat(path)
    return None if stat is None else (stat.st_dev, stat.st_ino)


def file_stamp(path: Path, stat: os.stat_result | None = None) -> Stamp | None:
    """Modification time and size of ``path``: they change when anyone writes to it
    (the time moves with the system's clock tick, a few milliseconds)."""
    stat = stat or _stat(path)
    return None if stat is None else (stat.st_mtime_ns, stat.st_size)


def _problems_of(conn: sqlcipher3.Connection, path: Path, pragma: str) -> list[str]:
    """Run ``pragma`` on the file at ``path`` as it is on disk.

    ATTACH opens the file afresh with the connection's key: its pages are read
    from disk, not from the connection's cache, which may still hold the pages
    as they were before someone overwrote them.
    """
    try:
        conn.execute("ATTACH DATABASE ? AS on_disk", [str(path)])
    except sqlcipher3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute(f"PRAGMA on_disk.{pragma}(5)").fetchall()
    except sqlcipher3.Error as exc:
        return [str(exc)]
    finally:
        conn.execute("DETACH DATABASE on_disk")
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


class _FailedCheck(DyadeError):
    """The rescue copy was written but fails its own check."""


def rescue_copy(conn: sqlcipher3.Connection, path: Path) -> Path | None:
    """Copy what ``conn`` still holds beside ``path`` (same key) and check the copy;
    None if that fails too."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.rescued-{stamp}{path.suffix or '.db'}")
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        with writing(target, kind="backup") as temp:  # a failed copy leaves no file at all
            conn.execute("VACUUM INTO ?", [str(temp)])
            problems = _problems_of(conn, temp, "integrity_check")
            if problems:
                raise _FailedCheck(problems)
    except (sqlcipher3.Error, OSError, DyadeError) as exc:
        log.error("rescue copy of %s to %s failed: %s", path, target, exc)
        return None
    log.warning("database %s changed while open; rescued to %s", path, target)
    return target


def _rescue_once(db) -> tuple[str, str]:
    """Copy the data once (the first time a change is seen); the way out to tell,
    in English and in French."""
    if getattr(db, "rescued", None) is None:
        db.rescued = rescue_copy(db.conn, db.path) or False
    if db.rescued:
        return (
            f"everything saved until now was copied to {db.rescued}. Close Dyade, then put "
            f"that copy in place (dyade restore {db.rescued})",
            f"tout ce qui a été enregistré jusqu’ici a été copié dans {db.rescued}. Fermez "
            f"Dyade, puis mettez cette copie à sa place (dyade restore {db.rescued})",
        )
    return f"close Dyade now and {RESTORE_HINT}", f"fermez Dyade maintenant et {RESTORE_HINT_FR}"


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def writable(path: Path) -> bool:
    """May this account write the file and its folder (as the system says)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _refuse_read_only(db) -> None:
    """The file or its folder may no longer be written by this account.

    Only a change since the opening counts: where the system's answer and the
    real permissions differ (some network shares), it says the same from the start.
    """
    if not getattr(db, "writable_at_open", False) or writable(db.path):
        return
    raise StorageFault(
        f"the database {db.path} became read-only while Dyade was running (the file or its "
        "folder may no longer be written by this account); nothing already saved is lost and "
        "nothing more was written. Give this account write access to the file and its folder "
        "again, then try again; or close Dyade, copy the file to a writable folder and open it "
        "there (dyade --db PATH)",
        fr=f"la base {db.path} est passée en lecture seule pendant que Dyade était ouvert (ce "
        "compte ne peut peut-être plus écrire dans le fichier ou son dossier)\u00a0; rien de ce "
        "qui est déjà enregistré n’est perdu et plus rien n’a été écrit. Rendez à ce compte le "
        "droit d’écrire dans le fichier et son dossier, puis réessayez\u00a0; ou fermez Dyade, "
        "copiez le fichier dans un dossier où ce compte peut écrire et ouvrez-le là "
        "(dyade --db CHEMIN)",
    )


def _refuse_changed(db, stamp: Stamp | None) -> None:
    """Someone else wrote to the file: go on only if it is still sound on disk."""
    problems = _problems_of(db.conn, db.path, "quick_check")
    if not problems:
        log.warning("database %s was changed by another program; it is still sound", db.path)
        db.stamp = stamp
        return
    log.error("database %s was damaged while open: %s", db.path, problems[:5])
    way_out, issue = _rescue_once(db)
    db.changed = DatabaseChanged(
        f"the database {db.path} was overwritten by another program while Dyade was running "
        f"and is now damaged; nothing more is written to it. {_capital(way_out)}",
        fr=f"la base {db.path} a été écrasée par un autre programme pendant que Dyade était "
        f"ouvert et elle est maintenant endommagée\u00a0; plus rien n’y est écrit. "
        f"{_capital(issue)}",
    )
    raise db.changed


def _refuse_moved(db, stat: os.stat_result | None) -> None:
    """The file was deleted or replaced: rescue what the connection holds, say where."""
    if stat is None:
        state, etat = "was deleted", "a été supprimée"
    else:
        state, etat = "was replaced by another file", "a été remplacée par un autre fichier"
    way_out, issue = _rescue_once(db)
    raise DatabaseMoved(
        f"the database {db.path} {state} while Dyade was running; {way_out}",
        fr=f"la base {db.path} {etat} pendant que Dyade était ouvert\u00a0; {issue}",
    )


def check_in_place(db) -> None:
    """Refuse to write when the open file is no longer the one Dyade wrote.

    ``db`` is a :class:`~dyade.storage.connection.ClinicDatabase`; its
    ``identity`` and ``stamp`` were taken at open, the stamp again after each
    of its transactions. Deleted, replaced or damaged: the data the connection
    still reaches is copied to a rescue file, and every later change is refused
    until Dyade is closed. Read-only: refused while it lasts.
    """
    expected = getattr(db, "identity", None)
    if expected is None:
        return
    if getattr(db, "changed", None) is not None:
        raise DatabaseChanged(str(db.changed), fr=db.changed.fr)
    stat = _stat(db.path)
    if file_identity(db.path, stat) != expected:
        _refuse_moved(db, stat)
    _refuse_read_only(db)
    stamp = file_stamp(db.path, stat)
    if stamp != getattr(db, "stamp", stamp):
        if getattr(db, "companions", 0):  # this process's background sync wrote it
            db.stamp = stamp
        else:
            _refuse_changed(db, stamp)
