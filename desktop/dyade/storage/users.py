"""Staff accounts: physicians, receptionists and admins, with slow password hashes.

Physicians and admins manage accounts (the first physician of a new clinic is
its only account, so it must be able to add colleagues and reception); a clinic
always keeps one active account of those roles, and nobody changes their own
role or deactivates themselves, so no change here can lock a clinic out.

Failed sign-ins slow this device's next tries, whatever login was tried
(:mod:`dyade.storage.throttle`): guessing a password on a shared laptop takes
years, a person who mistyped waits seconds, and nobody locks an account out.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dyade.storage import audit, logins
from dyade.storage.errors import AccessDenied, InvalidRecord, LoginRefused, NotFound
from dyade.storage.merge_rules import next_version
from dyade.storage.records import check_language, clean_text, new_uuid, now
from dyade.storage.throttle import FREE_ATTEMPTS, Clock, lock_seconds, store, throttle_of  # noqa: F401 (callers' names)

ROLES = ("physician", "receptionist", "admin")
MANAGER_ROLES = ("physician", "admin")  # may manage accounts and let staff out of the kiosk
LANGUAGES = ("fr", "en")
MIN_PASSWORD_LENGTH = 8

# argon2id with the library's defaults; tests swap in a cheaper hasher.
HASHER = PasswordHasher()
_DUMMY_HASH = None

_COLUMNS = "uuid, login, display_name, role, language, active, created_at"


@dataclass(frozen=True)
class User:
    uuid: str
    login: str
    display_name: str
    role: str
    language: str
    active: bool
    created_at: str


@dataclass(frozen=True)
class Activity:
    """What the staff list shows beside an account: its last sign-in."""

    last_sign_in: str | None


def _user(row: tuple) -> User:
    return User(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6])


def _check_new(login: str, role: str, language: str, password: str) -> str:
    """The login as it will be stored, once everything about the account is checked."""
    login = logins.checked(login)
    _check_role(role)
    check_language(language)
    _check_password(password)
    return login


def _check_role(role: str) -> None:
    if role not in ROLES:
        listed = ", ".join(ROLES)
        raise InvalidRecord(
            f"role {role!r}: choose one of {listed}",
            fr=f"rôle {role!r}\u00a0: choisissez parmi {listed}",
        )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidRecord(
            f"the password needs at least {MIN_PASSWORD_LENGTH} characters",
            fr=f"le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères",
        )


def create_user(
    db: sqlite_utils.Database,
    login: str,
    role: str,
    password: str,
    *,
    display_name: str | None = None,
    language: str = "fr",
    by: str | None = None,
) -> User:
    """Add a staff account; ``by`` is the uuid of the admin doing it (None: CLI)."""
    _require_manager(db, by)
    login = _check_new(login, role, language, password)
    if find_user(db, login) is not None:
        raise InvalidRecord(
            f"login {login!r} is already taken", fr=f"l’identifiant {login!r} est déjà pris"
        )
    user_uuid = new_uuid()
    with db.atomic():
        db.execute(
            "INSERT INTO users (uuid, login, display_name, role, language, password_hash, "
            "created_at) VALUES (?,?,?,?,?,?,?)",
            [
                user_uuid,
                login,
                clean_text(display_name or "") or login,
                role,
                language,
                HASHER.hash(password),
                now(),
            ],
        )
        audit.record(db, "created", f"user:{user_uuid}", user_uuid=by, details={"role": role})
    return get_user(db, user_uuid)


def get_user(db: sqlite_utils.Database, user_uuid: str) -> User:
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE uuid = ?", [user_uuid]).fetchone()
    if row is None:
        raise NotFound(
            f"no staff account with id {user_uuid}",
            fr=f"aucun compte du personnel n’a l’identifiant interne {user_uuid}",
        )
    return _user(row)


def find_user(db: sqlite_utils.Database, login: str) -> User | None:
    """The account with this login (NFKC form, letter case ignored), or None."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM users WHERE login = ?", [logins.normalise(login)]
    ).fetchone()
    return None if row is None else _user(row)


def list_users(db: sqlite_utils.Database, role: str | None = None) -> list[User]:
    sql = f"SELECT {_COLUMNS} FROM users WHERE (? IS NULL OR role = ?) ORDER BY login"
    return [_user(row) for row in db.execute(sql, [role, role]).fetchall()]


def set_password(
    db: sqlite_utils.Database, user_uuid: str, password: str, *, by: str | None = None
) -> None:
    """Replace the password (it travels to the clinic's other laptops by its version)."""
    _check_password(password)
    get_user(db, user_uuid)
    if by != user_uuid:
        _require_manager(db, by)
    with db.atomic():
        db.execute(
            f"UPDATE users SET password_hash = ?, {next_version(db)} WHERE uuid = ?",
            [HASHER.hash(password), user_uuid],
        )
        audit.record(db, "changed", f"user:{user_uuid}", user_uuid=by, details={"password": True})


def set_active(
    db: sqlite_utils.Database, user_uuid: str, active: bool, *, by: str | None = None
) -> User:
    """Disable an account without deleting it (its dyads and audit entries stay)."""
    _require_manager(db, by)
    _refuse(db, user_uuid, change_refused(db, user_uuid, active=active, by=by))
    with db.atomic():
        db.execute(
            f"UPDATE users SET active = ?, {next_version(db)} WHERE uuid = ?",
            [int(active), user_uuid],
        )
        audit.record(db, "changed", f"user:{user_uuid}", user_uuid=by, details={"active": active})
    return get_user(db, user_uuid)


def set_role(
    db: sqlite_utils.Database, user_uuid: str, role: str, *, by: str | None = None
) -> User:
    """Give an account another role; what it sees follows at its next sign-in."""
    _check_role(role)
    _require_manager(db, by)
    _refuse(db, user_uuid, change_refused(db, user_uuid, role=role, by=by))
    if get_user(db, user_uuid).role != role:
        with db.atomic():
            db.execute(
                f"UPDATE users SET role = ?, {next_version(db)} WHERE uuid = ?", [role, user_uuid]
            )
            audit.record(db, "changed", f"user:{user_uuid}", user_uuid=by, details={"role": role})
    return get_user(db, user_uuid)


def set_language(db: sqlite_utils.Database, user_uuid: str, language: str) -> User:
    """Remember the language a person last chose for themselves (they see it at sign-in)."""
    check_language(language)
    if get_user(db, user_uuid).language != language:
        with db.atomic():
            db.execute(
                f"UPDATE users SET language = ?, {next_version(db)} WHERE uuid = ?",
                [language, user_uuid],
            )
    return get_user(db, user_uuid)


def change_refused(
    db: sqlite_utils.Database,
    user_uuid: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    by: str | None = None,
) -> str | None:
    """Why this change is refused: ``"self"``, ``"last_manager"``, or None when allowed.

    A code rather than a message, so the UI words it in the person's language.
    """
    user = get_user(db, user_uuid)
    role = user.role if role is None else role
    active = user.active if active is None else active
    if (role, active) == (user.role, user.active):
        return None
    if by == user_uuid:
        return "self"
    manager_now = user.active and user.role in MANAGER_ROLES
    if (
        manager_now
        and not (active and role in MANAGER_ROLES)
        and _other_managers(db, user_uuid) == 0
    ):
        return "last_manager"
    return None


_REFUSALS = {  # reason: (English, French)
    "self": (
        "you cannot change your own role or deactivate your own account; "
        "another physician or administrator can",
        "vous ne pouvez ni changer votre propre rôle ni désactiver votre propre compte\u00a0; "
        "un autre médecin ou l’administration le peut",
    ),
    "last_manager": (
        "{login!r} is the last active physician or administrator account; "
        "add or reactivate another one first",
        "{login!r} est le dernier compte actif de médecin ou d’administration\u00a0; "
        "ajoutez-en ou réactivez-en un autre d’abord",
    ),
}


def _refuse(db: sqlite_utils.Database, user_uuid: str, reason: str | None) -> None:
    if reason is not None:
        login = get_user(db, user_uuid).login
        english, french = _REFUSALS[reason]
        raise InvalidRecord(english.format(login=login), fr=french.format(login=login))


def _other_managers(db: sqlite_utils.Database, user_uuid: str) -> int:
    marks = ",".join("?" for _ in MANAGER_ROLES)
    sql = f"SELECT COUNT(*) FROM users WHERE active = 1 AND uuid != ? AND role IN ({marks})"
    return db.execute(sql, [user_uuid, *MANAGER_ROLES]).fetchone()[0]


def _require_manager(db: sqlite_utils.Database, by: str | None) -> None:
    """Only an active physician or admin changes accounts (None: the CLI, a trusted caller)."""
    if by is None:
        return
    user = get_user(db, by)
    if not user.active or user.role not in MANAGER_ROLES:
        raise AccessDenied(
            f"{user.login!r} may not manage staff accounts",
            fr=f"le compte {user.login!r} ne peut pas gérer les comptes du personnel",
        )


def activity(db: sqlite_utils.Database) -> dict[str, Activity]:
    """Each account's last sign-in (from the audit)."""
    last = dict(
        db.execute(
            "SELECT substr(target, 6), MAX(at) FROM audit "
            "WHERE action = 'login' AND target LIKE 'user:%' GROUP BY target"
        ).fetchall()
    )
    return {uuid: Activity(last.get(uuid)) for (uuid,) in db.execute("SELECT uuid FROM users")}


def _dummy_hash() -> str:
    """A hash made with the current hasher's settings, checked for unknown logins."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None or _DUMMY_HASH[0] is not HASHER:
        _DUMMY_HASH = (HASHER, HASHER.hash("not a password"))
    return _DUMMY_HASH[1]


def _verify(stored_hash: str | None, password: str) -> bool:
    if stored_hash is None:  # unknown login: spend the same time, then fail
        stored_hash = _dummy_hash()
    try:
        return HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(
    db: sqlite_utils.Database, login: str, password: str, *, clock: Clock | None = None
) -> User:
    """Check a sign-in; return the user or raise :class:`LoginRefused`.

    Every login, known or not, costs one password hash check, one write and the
    same answer, and every failure slows this device's next tries
    (:mod:`dyade.storage.throttle`); ``clock`` replaces ``time.monotonic``.
    """
    _dummy_hash()  # made before timing matters: the first unknown login costs the same
    throttle = throttle_of(db, clock)
    wait = throttle.remaining()
    if wait:
        raise LoginRefused(
            f"too many failed sign-ins on this computer: try again in {wait} s",
            fr="trop d’essais de connexion infructueux sur cet ordinateur\u00a0: réessayez dans "
            f"{wait}\u00a0s",
        )
    row = db.execute(
        "SELECT uuid, password_hash, active FROM users WHERE login = ?", [logins.normalise(login)]
    ).fetchone()
    if not _verify(row[1] if row else None, password) or row is None or not row[2]:
        throttle.failed()
        with db.atomic():
            store(db, throttle)
            target = None if row is None else f"user:{row[0]}"
            audit.record(db, "login_failed", target, details={"attempts": throttle.failures})
        raise LoginRefused("wrong login or password", fr="identifiant ou mot de passe incorrect")
    throttle.succeeded()
    with db.atomic():
        store(db, throttle)
        if HASHER.check_needs_rehash(row[1]):
            db.execute(
                "UPDATE users SET password_hash = ? WHERE uuid = ?", [HASHER.hash(password), row[0]]
            )
        audit.record(db, "login", f"user:{row[0]}", user_uuid=row[0])
    return get_user(db, row[0])
