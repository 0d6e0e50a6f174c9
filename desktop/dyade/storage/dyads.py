"""Dyads (one patient with one physician) and who may see their clinical data.

Access rules, in one place:
- a physician sees the dyads they belong to, plus those shared with them;
- an admin sees every dyad (the clinic's data controller runs exports);
- a receptionist sees the list of dyads (to book visits) but never answers,
  scores or flags: services returning those raise :class:`AccessDenied`;
- ``user=None`` is a trusted caller: the command line, run with the clinic
  passphrase, or the kiosk resuming its own questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from dyade.storage import audit
from dyade.storage.errors import AccessDenied, InvalidRecord, NotFound
from dyade.storage.merge_rules import next_version
from dyade.storage.records import new_uuid, now
from dyade.storage.settings import laptop_uuid
from dyade.storage.users import User, get_user

_COLUMNS = "uuid, patient_uuid, physician_uuid, created_at"


@dataclass(frozen=True)
class Dyad:
    uuid: str
    patient_uuid: str
    physician_uuid: str
    created_at: str


@dataclass(frozen=True)
class DyadListing:
    """A dyad as a list shows it: who the two people are."""

    uuid: str
    patient_uuid: str
    patient_code: str
    patient_name: str | None
    physician_uuid: str
    physician_name: str
    shared: bool  # visible through dyad_access rather than as the dyad's physician


def create_dyad(
    db: sqlite_utils.Database, patient_uuid: str, physician_uuid: str, *, by: str | None = None
) -> Dyad:
    """Pair a patient with a physician (once: the pair is unique)."""
    from dyade.storage.patients import get_patient

    get_patient(db, patient_uuid)
    if get_user(db, physician_uuid).role != "physician":
        raise InvalidRecord(
            "a dyad pairs a patient with a physician account",
            fr="une dyade associe un patient à un compte de médecin",
        )
    if find_dyad(db, patient_uuid, physician_uuid) is not None:
        raise InvalidRecord(
            "this patient and physician already form a dyad",
            fr="ce patient et ce médecin forment déjà une dyade",
        )
    dyad_uuid = new_uuid()
    with db.atomic():
        db.execute(
            f"INSERT INTO dyads ({_COLUMNS}) VALUES (?,?,?,?)",
            [dyad_uuid, patient_uuid, physician_uuid, now()],
        )
        audit.record(db, "created", f"dyad:{dyad_uuid}", user_uuid=by)
    return get_dyad(db, dyad_uuid)


def get_dyad(db: sqlite_utils.Database, dyad_uuid: str) -> Dyad:
    row = db.execute(f"SELECT {_COLUMNS} FROM dyads WHERE uuid = ?", [dyad_uuid]).fetchone()
    if row is None:
        raise NotFound(
            f"no dyad with id {dyad_uuid}", fr=f"aucune dyade n’a l’identifiant {dyad_uuid}"
        )
    return Dyad(*row)


def find_dyad(db: sqlite_utils.Database, patient_uuid: str, physician_uuid: str) -> Dyad | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM dyads WHERE patient_uuid = ? AND physician_uuid = ?",
        [patient_uuid, physician_uuid],
    ).fetchone()
    return None if row is None else Dyad(*row)


def share_dyad(
    db: sqlite_utils.Database, dyad_uuid: str, user_uuid: str, *, by: str | None = None
) -> None:
    """Let another physician see this dyad (a replacement, a supervisor)."""
    get_dyad(db, dyad_uuid)
    if get_user(db, user_uuid).role != "physician":
        raise InvalidRecord(
            "a dyad is shared with physicians only",
            fr="une dyade ne se partage qu’avec des médecins",
        )
    with db.atomic():
        db.execute(  # a revoked share is granted again by a newer version of its record
            "INSERT INTO dyad_access (dyad_uuid, user_uuid, granted_at, version_device) "
            "VALUES (?,?,?,?) ON CONFLICT (dyad_uuid, user_uuid) DO UPDATE SET "
            f"revoked_at = NULL, granted_at = excluded.granted_at, {next_version(db)} "
            "WHERE revoked_at IS NOT NULL",
            [dyad_uuid, user_uuid, now(), laptop_uuid(db)],
        )
        audit.record(
            db, "changed", f"dyad:{dyad_uuid}", user_uuid=by, details={"shared": user_uuid}
        )


def unshare_dyad(
    db: sqlite_utils.Database, dyad_uuid: str, user_uuid: str, *, by: str | None = None
) -> None:
    with db.atomic():
        db.execute(  # a tombstone: it wins over an older grant arriving from another laptop
            f"UPDATE dyad_access SET revoked_at = ?, {next_version(db)} "
            "WHERE dyad_uuid = ? AND user_uuid = ? AND revoked_at IS NULL",
            [now(), dyad_uuid, user_uuid],
        )
        audit.record(
            db, "changed", f"dyad:{dyad_uuid}", user_uuid=by, details={"unshared": user_uuid}
        )


def shared_with(db: sqlite_utils.Database, dyad_uuid: str) -> list[str]:
    """The physicians (uuids) this dyad has been shared with, besides its own physician."""
    rows = db.execute(
        "SELECT user_uuid FROM dyad_access WHERE dyad_uuid = ? AND revoked_at IS NULL "
        "ORDER BY granted_at",
        [dyad_uuid],
    ).fetchall()
    return [row[0] for row in rows]


_LISTING = """
SELECT d.uuid, p.uuid, p.code, p.name, u.uuid, u.display_name, {shared}
FROM dyads d JOIN patients p ON p.uuid = d.patient_uuid JOIN users u ON u.uuid = d.physician_uuid
"""


def dyads_for(db: sqlite_utils.Database, user: User | None) -> list[DyadListing]:
    """The dyads this user may list (see the module's access rules)."""
    if user is None or user.role in ("admin", "receptionist"):
        rows = db.execute(_LISTING.format(shared="0") + " ORDER BY p.code").fetchall()
    else:
        rows = db.execute(
            _LISTING.format(shared="0")
            + " WHERE d.physician_uuid = :me UNION ALL "
            + _LISTING.format(shared="1")
            + " JOIN dyad_access a ON a.dyad_uuid = d.uuid WHERE a.user_uuid = :me"
            + " AND a.revoked_at IS NULL"
            + " AND d.physician_uuid != :me ORDER BY 3",
            {"me": user.uuid},
        ).fetchall()
    return [DyadListing(*_listing(row)) for row in rows]


def _listing(row: tuple) -> tuple[str, str, str, str | None, str, str, bool]:
    return row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6])


def can_see_clinical(db: sqlite_utils.Database, user: User | None, dyad_uuid: str) -> bool:
    """May this user see the answers, scores and flags of this dyad?"""
    if user is None or user.role == "admin":
        return True
    if user.role != "physician" or not user.active:
        return False
    row = db.execute(
        "SELECT 1 FROM dyads WHERE uuid = :d AND physician_uuid = :u UNION ALL "
        "SELECT 1 FROM dyad_access WHERE dyad_uuid = :d AND user_uuid = :u "
        "AND revoked_at IS NULL LIMIT 1",
        {"d": dyad_uuid, "u": user.uuid},
    ).fetchone()
    return row is not None


def require_clinical(db: sqlite_utils.Database, user: User | None, dyad_uuid: str) -> None:
    """Raise :class:`AccessDenied` unless ``user`` may see this dyad's clinical data."""
    if can_see_clinical(db, user, dyad_uuid):
        return
    assert user is not None
    if user.role == "receptionist":
        raise AccessDenied(
            f"{user.login} is a receptionist account: answers, scores and flags "
            "are shown to physicians only",
            fr=f"{user.login} est un compte d’accueil\u00a0: les réponses, les scores et les "
            "signaux ne sont montrés qu’aux médecins",
        )
    raise AccessDenied(
        f"{user.login} may not see the answers of this dyad; its physician can share it",
        fr=f"{user.login} n’a pas accès aux réponses de cette dyade\u00a0; son médecin peut la "
        "partager",
    )
