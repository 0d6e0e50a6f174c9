"""Logging to a rotating file in the user log folder.

Tracebacks belong in the log, never in a window: the UI and the CLI show a
short message that points here. Opening the app does not wait for the file:
records are held in memory (:func:`buffer_logging`) until the first window
is painted, then written when :func:`setup_logging` opens the file (at exit at
the latest), so a start pays neither ``logging.handlers`` nor the folder lookup.
"""

from __future__ import annotations

import atexit
import logging
import os
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HELD_AT_MOST = 10_000  # records kept before the file opens (a start makes a handful)


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


def _private_log_file(path: Path) -> logging.Handler:
    """A rotating log whose files only their owner reads (0600): a log line may name a
    file that holds health data, and the log folder may be shared."""
    import logging.handlers

    class PrivateLogFile(logging.handlers.RotatingFileHandler):
        def _open(self):  # the first file and each one after a rotation
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.chmod(self.baseFilename, 0o600)  # a file an older Dyade made readable to all
            return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    return PrivateLogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")


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
    handler = _private_log_file(path)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for held in [h for h in root.handlers if isinstance(h, _Held)]:
        root.removeHandler(held)
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
    return path
