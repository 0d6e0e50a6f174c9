"""The clinic's identity: created once, carried by its laptops and backups.

Transfer files name the clinic they come from; a laptop accepts only its own
clinic's files, so a database made elsewhere with the same passphrase cannot
plant accounts. A new laptop joins its clinic by importing a transfer file
while it holds no patient yet (see :func:`may_join`).
"""

from __future__ import annotations

import uuid

import sqlite_utils

from dyade.storage import audit

# Databases made before clinic identities existed derive theirs from the
# clinic's first account, which every laptop of the clinic received through
# its first transfer: they keep recognising each other after the upgrade.
_UPGRADE_NAMESPACE = uuid.UUID("0d3f6a9e-5b1c-4d2e-9f7a-3c8b1e6d4a20")


def clinic_id(db: sqlite_utils.Database) -> str:
    """This clinic's identity (a UUID), the same on all its laptops and backups."""
    return db.execute("SELECT clinic_id FROM clinic WHERE id = 1").fetchone()[0]


def identity_for_upgrade(db: sqlite_utils.Database) -> str:
    """The identity migration 3 gives a database: derived from its first account
    when it has one (so the laptops of one clinic agree), else a new UUID."""
    first = db.execute("SELECT uuid FROM users ORDER BY created_at, uuid LIMIT 1").fetchone()
    if first is None:
        return str(uuid.uuid4())
    return str(uuid.uuid5(_UPGRADE_NAMESPACE, first[0]))


def may_join(db: sqlite_utils.Database) -> bool:
    """A laptop still being set up (no patient, dyad or visit) may adopt the
    identity of the clinic whose transfer file it imports first."""
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM patients) OR EXISTS (SELECT 1 FROM dyads) "
        "OR EXISTS (SELECT 1 FROM visits)"
    ).fetchone()
    return not row[0]


def join(db: sqlite_utils.Database, other: str, *, by: str | None = None) -> None:
    """Adopt the identity ``other`` (inside the caller's transaction)."""
    before = clinic_id(db)
    db.execute("UPDATE clinic SET clinic_id = ? WHERE id = 1", [other])
    details = {"joined": other, "was": before}
    audit.record(db, "changed", f"clinic:{other}", user_uuid=by, details=details)
