"""Incremental transfer files: what changed since the last file written for a target.

Triggers (migration 5) move every changed travelling record to the end of
``transfer_log``, whoever changed it (this laptop, an imported file, a pull
from the hub), so a laptop also relays what it received. A file written for a
*target* (a name: by default the folder it is written to, say a USB key)
carries the records logged after that target's watermark; the watermark moves
only once the file is whole on disk, so a failed write never skips a change.
A file says which part of its laptop's log it holds (``since``, ``upto``); the
importing database remembers how far each laptop's log has arrived
(``transfer_received``) and refuses a file whose earlier part it lacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from dyade.storage.errors import TransferRefused


@dataclass(frozen=True)
class Mark:
    """The last file written for a target: the log position it holds, and when."""

    upto: int
    written_at: str


def default_target(out: str | Path) -> str:
    """A file's target when none is named: the folder it is written to."""
    return str(Path(out).resolve().parent)


def latest(db: sqlite_utils.Database) -> int:
    """The log position of the most recent change (0: nothing logged yet)."""
    return db.execute("SELECT coalesce(max(seq), 0) FROM transfer_log").fetchone()[0]


def mark(db: sqlite_utils.Database, target: str) -> Mark | None:
    row = db.execute(
        "SELECT upto, written_at FROM transfer_targets WHERE target = ?", [target]
    ).fetchone()
    return Mark(row[0], row[1]) if row else None


def move_mark(db: sqlite_utils.Database, target: str, upto: int, at: str) -> None:
    """Note that a whole file for ``target`` holds the log up to ``upto`` (in a transaction)."""
    db.execute(
        "INSERT INTO transfer_targets (target, upto, written_at) VALUES (?, ?, ?) "
        "ON CONFLICT(target) DO UPDATE SET upto = excluded.upto, written_at = excluded.written_at",
        [target, upto, at],
    )


def logged_rows(
    db: sqlite_utils.Database,
    table: str,
    keys: tuple[str, ...],
    columns: list[str],
    after: int,
    upto: int,
) -> Iterator[tuple[Any, ...]]:
    """The current content of ``table``'s records logged in (after, upto]: the log
    drives, each record is one key lookup."""
    on = " AND ".join(f"t.{k} = json_extract(l.record_key, '$[{i}]')" for i, k in enumerate(keys))
    yield from db.execute(
        f"SELECT {', '.join(f't.{c}' for c in columns)} FROM transfer_log l "
        f"CROSS JOIN {table} t ON {on} WHERE +l.table_name = ? AND l.seq > ? AND l.seq <= ? "
        "ORDER BY l.seq",
        [table, after, upto],
    )


def received(db: sqlite_utils.Database, source: str) -> int:
    row = db.execute("SELECT upto FROM transfer_received WHERE source = ?", [source]).fetchone()
    return row[0] if row else 0


def note_received(db: sqlite_utils.Database, source: str, upto: int) -> None:
    """Laptop ``source``'s log up to ``upto`` is merged here (inside the import's transaction)."""
    db.execute(
        "INSERT INTO transfer_received (source, upto) VALUES (?, ?) "
        "ON CONFLICT(source) DO UPDATE SET upto = max(upto, excluded.upto)",
        [source, upto],
    )


def check_base(db: sqlite_utils.Database, path: Path, head: dict[str, Any], mine: str) -> None:
    """Refuse an incremental file when this database lacks the changes before it."""
    since, source = head.get("since"), head.get("source")
    if since is None or source == mine:
        return  # a full file, or this laptop's own changes
    if not isinstance(since, int) or not isinstance(source, str):
        raise TransferRefused(
            f"{path} has no valid transfer header",
            fr=f"{path} n’a pas d’en-tête de transfert valable",
        )
    have = received(db, source)
    if have >= since:
        return
    base = f"the transfer file laptop {source} wrote on {head.get('base_at')}"
    base_fr = f"le fichier de transfert écrit par l’ordinateur {source} le {head.get('base_at')}"
    target = head.get("target")
    raise TransferRefused(
        f"{path} holds only the changes made since {base} for {target!r}, and this database "
        f"has not received that file (it holds that laptop's changes up to {have}, the file "
        f"starts after {since}); nothing was imported. Import the earlier transfer files "
        "first, or write a full one on that laptop with `dyade transfer --full`",
        fr=f"{path} ne contient que les changements faits depuis {base_fr} pour {target!r}, "
        f"et cette base n’a pas reçu ce fichier (elle a les changements de cet ordinateur "
        f"jusqu’à {have}, le fichier commence après {since})\u00a0; rien n’a été importé. "
        "Importez d’abord les fichiers de transfert précédents, ou écrivez-en un complet sur "
        "cet ordinateur avec `dyade transfer --full`",
    )
