"""Files written under a temporary name beside their target, and those a killed process left.

A backup or a restore is written to ``.<name>.<8 hex digits>.tmp`` beside its
final name, checked, then renamed, so the final file is whole or absent. A
process killed before the rename leaves the temporary file behind: encrypted
like the database, but a full copy of it, taking room for nothing. The next
backup to the same name (or any daily backup of the same database), and the
next opening of the database, remove those of their own name.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{8}\.tmp$")
SIDECARS = ("-journal", "-wal", "-shm")  # what SQLite may have left beside one

_writing: set[Path] = set()  # temporary files this process is writing right now
_guard = threading.Lock()


def temp_beside(path: Path) -> Path:
    """A fresh temporary name beside ``path``, marked as being written until :func:`done`."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with _guard:
        _writing.add(temp.resolve())
    return temp


def done(temp: Path) -> None:
    """``temp`` was renamed or removed: no longer in the works."""
    with _guard:
        _writing.discard(temp.resolve())


def _remove(temp: Path) -> bool:
    """Remove ``temp`` and what SQLite may have left beside it; False if it stays."""
    for part in (*(temp.with_name(temp.name + s) for s in SIDECARS), temp):
        try:
            part.unlink(missing_ok=True)
        except OSError as exc:  # a read-only folder: left for a later try
            log.warning("could not remove the leftover %s: %s", part, exc)
            return False
    log.info("removed %s, left by an interrupted backup or restore", temp)
    return True


def remove_stale(folder: Path, wanted: Callable[[str], bool]) -> list[Path]:
    """Remove the temporary files in ``folder`` whose target name ``wanted`` accepts,
    except those this process is writing; return the ones removed."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        found = TEMP_NAME.match(entry.name)
        if found is None or not wanted(found.group("target")):
            continue
        with _guard:
            busy = entry.resolve() in _writing
        if not busy and _remove(entry):
            removed.append(entry)
    return removed
