"""Logging to a rotating file in the user log folder.

Tracebacks belong in the log, never in a window: the UI and the CLI show a
short message that points here. Opening the app does not wait for the file:
records are held in memory (:func:`buffer_logging`) until the first window
is painted, then written when :func:`setup_logging` opens the file (at exit at
the latest), so a start pays no folder lookup. The file rotates by itself
(:class:`PrivateLogFile`): ``logging.handlers`` pulls in sockets, pickling and
queues, 10 ms of CPU for a process that only wrote a line or two.
"""

from __future__ import annotations

import atexit
import logging
import os
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HELD_AT_MOST = 10_000  # records kept before the file opens (a start makes a handful)
MAX_BYTES, BACKUPS = 1_000_000, 5  # dyade.log, then dyade.log.1 (newest) to .5 (oldest)


class _Held(logging.Handler):
    """Records kept in memory until the log file is open."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < _HELD_AT_MOST:
            self.records.append(record)


def log_file() -> Path:
    from dyade.paths import user_log_dir

    return user_log_dir() / "dyade.log"


class PrivateLogFile(logging.FileHandler):
    """A log only its owner reads (0600): a line may name a file that holds health
    data, and the log folder may be shared. Past ``max_bytes`` it moves to ``.1``
    (older ones shift up to ``.{backups}``) and a new file starts, as
    ``logging.handlers.RotatingFileHandler`` does."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        self.max_bytes, self.backups = max_bytes, backups
        super().__init__(path, encoding="utf-8")

    def _open(self):  # the first file and each one after a rotation
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file an older Dyade made readable to all
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._rotate()
        except Exception:  # as logging does: a log that cannot rotate never stops the app
            self.handleError(record)
            return
        super().emit(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if not os.path.isfile(self.baseFilename):  # /dev/null and the like never rotate
            return False
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + len(self.format(record)) + 1 >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None
        name = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{name}.{index}"):
                os.replace(f"{name}.{index}", f"{name}.{index + 1}")
        os.replace(name, f"{name}.1")
        self.stream = self._open()


def buffer_logging(level: int = logging.INFO) -> None:
    """Hold records in memory until :func:`setup_logging` opens the file (or the
    process ends): what a cold start does before its first window is painted."""
    root = logging.getLogger()
    if any(isinstance(h, _Held) or hasattr(h, "baseFilename") for h in root.handlers):
        return
    held = _Held()
    root.addHandler(held)
    root.setLevel(level)
    atexit.register(_write_held, held, level)


def _write_held(held: _Held, level: int) -> None:
    """At exit: the records still held (a process that ended before its first paint, or
    its first second), if there are any, go to the file."""
    if held.records and held in logging.getLogger().handlers:
        setup_logging(level)


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach one rotating file handler to the root logger (idempotent) and write the
    records held since :func:`buffer_logging`."""
    root = logging.getLogger()
    path = log_file()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    handler = PrivateLogFile(path)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for held in [h for h in root.handlers if isinstance(h, _Held)]:
        root.removeHandler(held)
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
    return path
