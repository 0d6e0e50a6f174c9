"""Open the clinic's encrypted database: SQLCipher underneath, sqlite-utils on top.

Order matters: the lock is taken before the file is touched, the key is set
before any other statement, and the integrity check runs before anyone reads.
The passphrase is never written anywhere and never logged; while the database
is open it stays in memory (as SQLCipher's key does) so the background backup
can open its own reader (:meth:`ClinicDatabase.reader`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import sqlcipher3
import sqlite_utils

from dyade import safe_write
from dyade.errors import DyadeError
from dyade.storage import faults
from dyade.storage.errors import DamagedDatabase, WrongPassphrase
from dyade.storage.faults import RESTORE_HINT, RESTORE_HINT_FR
from dyade.storage.lock import DatabaseLock
from dyade.temps import remove_stale

log = logging.getLogger(__name__)

# SQLCipher 4's own default. Tests lower it (monkeypatch) to stay fast; the
# value is read at each open, so a database must be reopened with the value it
# was created with.
DEFAULT_KDF_ITER = 256_000
BUSY_TIMEOUT_MS = 5_000
SQLITE_HEADER = b"SQLite format 3\x00"

# Above this size the check at open is skipped ("auto"): quick_check reads every
# page (about 2 s for 300 MB on a modest laptop); the daily backup still runs the
# full integrity_check on its copy, so damage is found within a day.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
CACHE_KIB = 65_536  # decrypted pages kept in memory: lists and histories stay warm

Check = Literal["auto", "quick", "full", "none"]
DbError = sqlcipher3.DatabaseError


class ClinicDatabase(sqlite_utils.Database):
    """A sqlite-utils database that also owns the file lock; closing releases both.

    Disk failures (full, read-only, failing device, damaged page) leave its
    ``execute`` and ``atomic`` as :mod:`dyade.storage.faults` errors for a
    person, and no transaction starts once the file was deleted, replaced,
    made read-only or overwritten (:func:`dyade.storage.faults.check_in_place`).
    """

    path: Path
    lock: DatabaseLock | None = None
    identity: faults.Identity | None = None  # the file opened, to notice it vanish
    stamp: faults.Stamp | None = None  # the file as Dyade's last transaction left it
    writable_at_open = False  # may the file and its folder be written, by the system's word
    rescued: Path | Literal[False] | None = None
    changed: DyadeError | None = None  # set once the file was damaged under Dyade

    def execute(self, sql: str, parameters=None):
        try:
            return super().execute(sql, parameters)
        except DbError as exc:
            faults.raise_explained(exc, getattr(self, "path", None))
            raise

    @contextlib.contextmanager
    def atomic(self) -> Iterator[ClinicDatabase]:
        outermost = not self.conn.in_transaction
        if outermost:
            faults.check_in_place(self)
        try:
            with super().atomic():
                yield self
        except DbError as exc:
            faults.raise_explained(exc, getattr(self, "path", None))
            raise
        finally:
            if outermost and self.identity is not None:  # a commit may have checkpointed
                self.stamp = faults.file_stamp(self.path)

    _connect_again: Callable[[], sqlcipher3.Connection] | None = None

    def reader(self) -> sqlite_utils.Database:
        """A second connection to the same file, for work off the UI thread.

        The backup copies the database through it while the app's own
        connection keeps saving answers: in WAL mode a reader never blocks the
        writer, and no connection is shared between threads. It holds no lock
        and writes nothing; the caller closes it (``reader.conn.close()``).
        """
        if self._connect_again is None:
            raise RuntimeError("this database was not opened by open_database")
        return sqlite_utils.Database(self._connect_again(), execute_plugins=False)

    companions = 0  # second connections of this process writing now (background sync)

    @contextlib.contextmanager
    def companion(self) -> Iterator[sqlite_utils.Database]:
        """A second connection that may write, for background sync off the UI thread.

        While it is open, the file's time and size moving is this process's own
        doing, not another program's (see :func:`dyade.storage.faults.check_in_place`);
        SQLite's own locking (WAL, the busy timeout) orders the two connections' writes.
        """
        other = self.reader()
        self.companions += 1
        try:
            yield other
        finally:
            other.conn.close()
            self.companions -= 1
            if self.identity is not None:
                self.stamp = faults.file_stamp(self.path)

    def guarded_paths(self) -> tuple[list[Path], list[Path]]:
        """What no export may overwrite: this database's files; and its backup folders,
        which hold backups alone (see :mod:`dyade.safe_write`)."""
        folders = [self.path.parent / "backups"]
        try:
            row = self.conn.execute(
                "SELECT value FROM settings WHERE key = 'backup_folder'"
            ).fetchone()
        except DbError:  # no settings table yet, or the file failed meanwhile
            row = None
        chosen = json.loads(row[0]) if row and row[0] else None
        if isinstance(chosen, str) and chosen:
            folders.append(Path(chosen))
        return safe_write.database_files(self.path), folders

    def close(self) -> None:
        safe_write.unguard(self)
        try:
            super().close()
        finally:
            if self.lock is not None:
                self.lock.release()


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _precheck_file(path: Path) -> None:
    """Recognise an emptied, a plain SQLite or a torn file before trying the key."""
    if not path.exists():
        return  # a new database, made by this connection
    _refuse_empty(path)  # keyed, SQLCipher would write a new empty clinic into it
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        raise DamagedDatabase(
            f"{path} is a plain, unencrypted SQLite file, not a Dyade database; "
            "choose the clinic's database file",
            fr=f"{path} est un fichier SQLite ordinaire, non chiffré, et non une base Dyade\u00a0;"
            " choisissez le fichier de la base du cabinet",
        )
    if size % 512:
        raise DamagedDatabase(
            f"{path} is not a Dyade database or is damaged (its size, {size} bytes, is not "
            f"a whole number of pages); {RESTORE_HINT}",
            fr=f"{path} n’est pas une base Dyade ou est endommagé (sa taille, {size} octets, "
            f"n’est pas un nombre entier de pages)\u00a0; {RESTORE_HINT_FR}",
        )


def _key(conn: sqlcipher3.Connection, passphrase: str, kdf_iter: int) -> None:
    conn.execute("PRAGMA cipher_log_level = NONE")  # errors reach the person as DyadeError
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute(f"PRAGMA kdf_iter = {int(kdf_iter)}")


def _first_read(conn: sqlcipher3.Connection, path: Path) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DbError as exc:
        if faults.explain(exc, path) is not None and faults.error_code(exc) != faults.NOTADB:
            faults.raise_explained(exc, path)  # a disk failure, not the passphrase
        raise WrongPassphrase(
            f"the passphrase does not open {path}; check it (capitals, spaces) and try "
            f"again. If it is surely right, the file is damaged: {RESTORE_HINT}",
            fr=f"la phrase secrète n’ouvre pas {path}\u00a0; vérifiez-la (majuscules, espaces) "
            "et réessayez. Si elle est bien juste, le fichier est endommagé\u00a0: "
            f"{RESTORE_HINT_FR}",
        ) from exc


def _configure(conn: sqlcipher3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # each answer survives a power cut
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def integrity_problems(conn: sqlcipher3.Connection, check: Check = "quick") -> list[str]:
    """What SQLite's check finds wrong (empty when the file is sound)."""
    if check == "none":
        return []
    pragma = "quick_check" if check == "quick" else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}(20)").fetchall()
    except DbError as exc:
        return [str(exc)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def connect(path: Path, passphrase: str, kdf_iter: int | None = None) -> sqlcipher3.Connection:
    """A keyed, configured SQLCipher connection (no lock, no check, no migration)."""
    _precheck_file(path)
    try:
        conn = sqlcipher3.connect(
            str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except DbError as exc:
        faults.raise_explained(exc, path)
        raise
    conn.isolation_level = None  # no hidden transactions: services use db.atomic()
    try:
        _key(conn, passphrase, DEFAULT_KDF_ITER if kdf_iter is None else kdf_iter)
        _first_read(conn, path)
        _configure(conn)
    except DbError as exc:
        conn.close()
        faults.raise_explained(exc, path)
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _refuse_empty(path: Path) -> None:
    """An empty file where the database should be lost its contents: it is damaged,
    never a new clinic to create over the backups' clinic."""
    try:
        empty = path.stat().st_size == 0
    except FileNotFoundError:
        return
    except OSError as exc:
        faults.raise_explained(exc, path)
        raise
    if empty:
        raise DamagedDatabase(
            f"{path} is empty (0 bytes): the clinic's database lost its contents; {RESTORE_HINT}",
            fr=f"{path} est vide (0 octet)\u00a0: la base du cabinet a perdu son contenu\u00a0; "
            f"{RESTORE_HINT_FR}",
        )


def _check_or_raise(conn: sqlcipher3.Connection, path: Path, check: Check) -> None:
    if check == "auto":
        check = "quick" if path.stat().st_size <= QUICK_CHECK_MAX_BYTES else "none"
    problems = integrity_problems(conn, check)
    if problems:
        listed = "; ".join(problems[:5])
        raise DamagedDatabase(
            f"{path} is damaged ({listed}); {RESTORE_HINT}",
            fr=f"{path} est endommagé ({listed})\u00a0; {RESTORE_HINT_FR}",
        )


def open_database(
    path: str | os.PathLike[str],
    passphrase: str,
    *,
    create: bool = False,
    check: Check = "auto",
    migrate: bool = True,
    lock: bool = True,
    kdf_iter: int | None = None,
) -> ClinicDatabase:
    """Open (or with ``create`` make) the clinic database, locked for this process.

    ``check="quick"`` runs ``PRAGMA quick_check`` (every page is read and its
    HMAC verified, without the index cross-checks of ``integrity_check``, which
    is several times slower on a large clinic); backups and restores use "full".
    The default, "auto", runs it on files up to ``QUICK_CHECK_MAX_BYTES``.
    """
    path = Path(path)
    if not passphrase:
        raise WrongPassphrase(
            f"no passphrase given for {path}", fr=f"aucune phrase secrète donnée pour {path}"
        )
    if not path.exists() and not create:
        raise DyadeError(
            f"no database at {path}; check the path or create one first",
            fr=f"aucune base à l’emplacement {path}\u00a0; vérifiez le chemin ou créez d’abord "
            "la base",
        )
    _refuse_empty(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        held = DatabaseLock(path).acquire() if lock else None
    except OSError as exc:  # a read-only or full folder: say so, never a traceback
        faults.raise_explained(exc, path)
        raise
    if held is not None:  # no restore runs into it now: its leftovers can go
        remove_stale(path.parent, lambda target: target == path.name)
    try:
        conn = connect(path, passphrase, kdf_iter)
        try:
            _check_or_raise(conn, path, check)
        except BaseException:
            conn.close()
            raise
        db = ClinicDatabase(conn, execute_plugins=False)
    except BaseException:
        if held is not None:
            held.release()
        raise
    db.path, db.lock, db.identity = path, held, faults.file_identity(path)
    # SQLCipher keeps the key material for this connection's lifetime anyway;
    # the same passphrase keys the background reader (ClinicDatabase.reader).
    db._connect_again = lambda: connect(path, passphrase, kdf_iter)
    db.stamp, db.writable_at_open = faults.file_stamp(path), faults.writable(path)
    safe_write.guard(db, db.guarded_paths)
    if migrate:
        _migrate(db)
    log.info("opened database %s", path)
    return db


def _migrate(db: ClinicDatabase) -> None:
    from dyade.storage.migrations import SCHEMA

    try:
        SCHEMA.apply(db)
    except BaseException:
        db.close()
        raise


def passphrase_from_env_or_file(path: str | os.PathLike[str] | None) -> str | None:
    """The passphrase for non-interactive use: ``--passphrase-file`` first, then the
    ``DYADE_PASSPHRASE`` environment variable; ``None`` when neither is given."""
    if path is not None:
        from dyade.storage.passphrase_file import read_passphrase_file

        return read_passphrase_file(path)
    return os.environ.get("DYADE_PASSPHRASE") or None
