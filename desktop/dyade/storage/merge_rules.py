"""How two copies of the same access record are merged: one place for every path.

Transfer files (:mod:`dyade.storage.transfer`) and the clinic hub's sync use
these rules, so a laptop that imports an older or a foreign state never undoes
an access decision. Accounts (role, active, password, name, language) and
dyad shares are *versioned* records: each change on a laptop raises the
record's ``version`` counter past every version that laptop has seen, and
stamps ``version_device`` with that laptop's uuid. Merging keeps the higher
version (last writer wins); for two changes made apart at the same version,
the restrictive one wins (an inactive account, a revoked share), then the
higher device uuid, so every laptop reaches the same state whatever the order
of the files. A revoked share stays as a tombstone (``revoked_at`` set), so an
older grant arriving later loses to it instead of coming back.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

import sqlite_utils

from dyade.storage.settings import laptop_uuid

# Table -> columns that identify the record and never change.
VERSIONED: dict[str, tuple[str, ...]] = {
    "users": ("uuid", "login", "created_at"),
    "dyad_access": ("dyad_uuid", "user_uuid"),
}
Decision = Literal["incoming", "local", "conflict"]


def restrictive(table: str, row: dict[str, Any]) -> int:
    """1 when this state gives less access (inactive account, revoked share), else 0."""
    if table == "users":
        return int(not row["active"])
    return int(row["revoked_at"] is not None)


def decide(table: str, incoming: dict[str, Any], local: dict[str, Any]) -> Decision:
    """Which copy of one versioned record to keep (``incoming`` equal to ``local`` is
    the caller's "unchanged")."""
    if any(incoming[c] != local[c] for c in VERSIONED[table]):
        return "conflict"  # not the same record: a person decides
    theirs = (incoming["version"], restrictive(table, incoming), incoming["version_device"])
    mine = (local["version"], restrictive(table, local), local["version_device"])
    if theirs == mine:
        return "conflict"  # same stamp, other content: only a forged or damaged file
    return "incoming" if theirs > mine else "local"


def changed_columns(table: str, columns: list[str]) -> list[str]:
    """The columns an incoming winner overwrites (all but the identity)."""
    return [c for c in columns if c not in VERSIONED[table]]


def next_version(db: sqlite_utils.Database) -> str:
    """SQL for an UPDATE's SET clause stamping a new version by this laptop.

    Used as ``f"UPDATE users SET ..., {next_version(db)} WHERE ..."``; the
    device uuid is quoted here (it is a UUID this database made).
    """
    return f"version = version + 1, version_device = '{uuid.UUID(laptop_uuid(db))}'"
