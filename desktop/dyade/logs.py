"""Logging to a rotating file in the user log folder.

Tracebacks belong in the log, never in a window: the UI and the CLI show a
short message that points here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from dyade.paths import user_log_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner reads (0600): a log line may name a
    file that holds health data, and the log folder may be shared."""

    def _open(self):  # the first file and each one after a rotation
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file an older Dyade made readable to all
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def log_file() -> Path:
    return user_log_dir() / "dyade.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach one rotating file handler to the root logger (idempotent)."""
    root = logging.getLogger()
    path = log_file()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    handler = PrivateLogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
