"""One writer per database: an operating-system lock on a file beside it.

The lock is held by the open file handle, so the system drops it when the
process ends for any reason (crash, SIGKILL, power cut): there is never a
stale lock to clean up by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from dyade.storage.errors import DatabaseInUse


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class DatabaseLock:
    """An exclusive, non-blocking lock on ``<database>.lock``."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> DatabaseLock:
        """Take the lock or raise :class:`DatabaseInUse` at once (never wait)."""
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open as long as the lock
        if not _try_lock(handle):
            handle.close()
            raise DatabaseInUse(
                f"{self.db_path} is already open in another Dyade window or "
                "command on this computer; close it there first",
                fr=f"{self.db_path} est déjà ouvert dans une autre fenêtre ou commande Dyade "
                "sur cet ordinateur\u00a0; fermez-le d’abord là-bas",
            )
        self._handle = handle
        return self

    def release(self) -> None:
        """Drop the lock (closing the handle releases it on every system)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
