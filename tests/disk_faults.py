"""Disks that fail on demand: full, read-only. Real ones when the system allows.

As root, a small tmpfs is mounted for the test (filled with a ballast file to
make it full, remounted read-only to make it read-only). Elsewhere a full disk
is injected under the open connection (every write raises SQLite's own
"database or disk is full") and read-only is the file mode. A file made
read-only while a database has it open (:class:`ReadOnlyWhileOpen`) uses the
file mode, or the immutable flag as root.
``DYADE_FAULTS_NO_MOUNT=1`` forces the injected full disk (to test it as root).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import sqlcipher3

SQLITE_FULL = 13
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "COMMIT", "VACUUM")


def _mount(folder: Path, options: str, *, may_inject: bool = True) -> bool:
    if may_inject and os.environ.get("DYADE_FAULTS_NO_MOUNT"):
        return False
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


class FullableDisk:
    """A folder whose disk can be filled and freed while a database is open on it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.real = _mount(folder, "size=4m,mode=0777")
        self.ballast = folder / "ballast"
        self._injected: list[_FullConnection] = []

    def attach(self, db) -> None:
        """Watch ``db`` (needed where the fault is injected; harmless on a real disk)."""
        if not self.real:
            proxy = _FullConnection(db.conn)
            db.conn = proxy
            self._injected.append(proxy)

    def fill(self) -> None:
        if not self.real:
            for proxy in self._injected:
                proxy.full = True
            return
        fd = os.open(self.ballast, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(fd, b"\0" * 65536)
        except OSError:
            pass
        try:
            while True:
                os.write(fd, b"\0" * 512)
        except OSError:
            pass
        finally:
            os.close(fd)

    def free(self) -> None:
        for proxy in self._injected:
            proxy.full = False
        self.ballast.unlink(missing_ok=True)

    def close(self) -> None:
        if self.real:
            _umount(self.folder)


class _FullConnection:
    """Stands for a SQLCipher connection on a full disk: reads work, writes fail."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self.full = False

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def _refuse(self, sql: str) -> None:
        if self.full and sql.lstrip().upper().startswith(WRITES):
            error = sqlcipher3.OperationalError("database or disk is full")
            error.sqlite_errorcode = SQLITE_FULL
            raise error

    def execute(self, sql, *args):
        self._refuse(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql, *args):
        self._refuse(sql)
        return self._conn.executemany(sql, *args)


class ReadOnlyFolder:
    """A folder holding a database that becomes read-only, then writable again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.real = _mount(folder, "size=8m,mode=0777", may_inject=False)  # root ignores modes

    def protect(self) -> None:
        if self.real:
            subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)
            return
        for path in self.folder.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IRGRP)
        self.folder.chmod(stat.S_IRUSR | stat.S_IXUSR)

    def release(self) -> None:
        if self.real:
            subprocess.run(["mount", "-o", "remount,rw", str(self.folder)], check=True)
            return
        self.folder.chmod(stat.S_IRWXU)
        for path in self.folder.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)

    def close(self) -> None:
        if self.real:
            _umount(self.folder)


class ReadOnlyWhileOpen:
    """Makes the file of an open database, or its folder, read-only, then writable again.

    An ordinary account gets the file modes (0444, 0555). Root ignores modes, and a
    read-only remount is refused while files are open for writing, so as root the
    immutable flag (``chattr +i``) is set instead: even root may not write through
    a handle opened before. The ``-shm`` file is never touched: SQLite maps it in
    memory, and a mapping that can no longer be written kills the process.
    """

    def __init__(self) -> None:
        self.protected: list[Path] = []

    def protect(self, target: Path) -> None:
        if os.geteuid() == 0:
            done = subprocess.run(["chattr", "+i", str(target)], capture_output=True, text=True)
            assert done.returncode == 0, f"cannot make {target} read-only as root: {done.stderr}"
        else:
            target.chmod(stat.S_IRUSR | stat.S_IXUSR if target.is_dir() else stat.S_IRUSR)
        self.protected.append(target)

    def release(self) -> None:
        for target in reversed(self.protected):
            if os.geteuid() == 0:
                subprocess.run(["chattr", "-i", str(target)], capture_output=True)
            else:
                target.chmod(stat.S_IRWXU if target.is_dir() else stat.S_IRUSR | stat.S_IWUSR)
        self.protected.clear()
