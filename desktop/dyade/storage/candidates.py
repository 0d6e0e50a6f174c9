"""Which copies of a clinic may be restored: a file counts only once it is verified.

A failed copy can leave an empty file behind, and the newest file is not always
a good one: offered by date alone, a 0-byte rescue file was once restored as a
clinic with no patient and no account. A candidate must open with the clinic's
key, pass SQLite's check, carry a schema this Dyade knows, the clinic's identity
(once the schema has one) and at least one staff account.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlite_utils

from dyade.errors import DyadeError
from dyade.storage.connection import DbError, connect, integrity_problems
from dyade.storage.errors import DamagedDatabase, WrongPassphrase

log = logging.getLogger(__name__)


class NotACopy(DamagedDatabase):
    """A file offered as a backup or a rescue copy that cannot stand for the clinic."""


def _refuse(shown: Path, en: str, fr: str) -> NotACopy:
    return NotACopy(
        f"{shown} cannot be restored: {en}; choose another backup",
        fr=f"{shown} ne peut pas être restauré\u00a0: {fr}\u00a0; choisissez une autre sauvegarde",
    )


def _size(path: Path, shown: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(shown, f"it cannot be read ({exc.strerror})", "il est illisible") from exc
    if size == 0:
        raise _refuse(shown, "the file is empty (0 bytes)", "le fichier est vide (0 octet)")


def _contents(db: sqlite_utils.Database, shown: Path, clinic: str | None) -> None:
    """Schema version, clinic identity, staff accounts: what a real clinic has."""
    from dyade.storage.migrations import SCHEMA

    version = SCHEMA.current(db)
    if version < 1:
        raise _refuse(shown, "it holds no Dyade data", "il ne contient aucune donnée Dyade")
    if version > SCHEMA.latest:
        raise _refuse(
            shown,
            f"it was made by a newer Dyade (schema {version}); update Dyade first",
            f"il a été créé par un Dyade plus récent (schéma {version})\u00a0; mettez d’abord "
            "Dyade à jour",
        )
    if db["clinic"].exists():
        _same_clinic(db, shown, clinic)
    if not db.execute("SELECT count(*) FROM users").fetchone()[0]:
        raise _refuse(shown, "it holds no staff account", "il ne contient aucun compte")


def _same_clinic(db: sqlite_utils.Database, shown: Path, clinic: str | None) -> None:
    """The copy carries a clinic identity, and it is ``clinic``'s when that is known."""
    row = db.execute("SELECT clinic_id FROM clinic WHERE id = 1").fetchone()
    if row is None:
        raise _refuse(
            shown, "it has lost the clinic's identity", "il a perdu l’identité du cabinet"
        )
    if clinic is not None and row[0] != clinic:
        raise _refuse(
            shown,
            "it is a copy of another clinic (the same passphrase opens both); if this laptop "
            "really changes clinic, move its database away first",
            "c’est la copie d’un autre cabinet (la même phrase secrète ouvre les deux)\u00a0; si "
            "cet ordinateur change vraiment de cabinet, déplacez d’abord sa base",
        )


def clinic_of(path: Path, passphrase: str, kdf_iter: int | None = None) -> str | None:
    """The clinic identity of the database at ``path``; None when it cannot be read
    (damaged, emptied, another passphrase) or has none yet."""
    try:
        conn = connect(path, passphrase, kdf_iter)
    except DyadeError:
        return None
    try:
        row = conn.execute("SELECT clinic_id FROM clinic WHERE id = 1").fetchone()
    except DbError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def verify_copy(
    path: Path,
    passphrase: str,
    kdf_iter: int | None = None,
    *,
    shown: Path | None = None,
    clinic: str | None = None,
) -> None:
    """Raise :class:`NotACopy` (naming ``shown``, default ``path``) unless ``path`` is a
    whole copy of a clinic that this passphrase opens (of ``clinic`` when given)."""
    shown = path if shown is None else shown
    _size(path, shown)
    try:
        conn = connect(path, passphrase, kdf_iter)
    except WrongPassphrase as exc:
        raise WrongPassphrase(
            f"{shown} does not open with this passphrase, or it is not a Dyade database; "
            "choose another backup or check the passphrase",
            fr=f"{shown} ne s’ouvre pas avec cette phrase secrète, ou ce n’est pas une base "
            "Dyade\u00a0; choisissez une autre sauvegarde ou vérifiez la phrase secrète",
        ) from exc
    except DyadeError as exc:  # a torn or plain SQLite file, or a disk error: said for it
        raise _refuse(shown, "it is not a whole Dyade database", "ce n’est pas une base "
                      "Dyade entière") from exc  # fmt: skip
    try:
        problems = integrity_problems(conn, "full")
        if problems:
            listed = "; ".join(problems[:5])
            raise _refuse(
                shown,
                f"it fails its integrity check ({listed})",
                f"il échoue à sa vérification ({listed})",
            )
        try:
            _contents(sqlite_utils.Database(conn, execute_plugins=False), shown, clinic)
        except DbError as exc:
            raise _refuse(shown, f"it cannot be read ({exc})", f"il est illisible ({exc})") from exc
    finally:
        conn.close()


def backups_folder(db_path: Path) -> Path:
    """Where the daily backups of ``db_path`` go unless the clinic chose a folder."""
    return db_path.parent / "backups"


def copies_of(db_path: Path, folder: Path | None = None) -> list[Path]:
    """Every file that may stand for ``db_path``, newest first: its daily backups
    (in ``folder``, default the ``backups`` folder beside it) and its rescue copies."""
    from dyade.storage.backup import daily_backups

    folder = backups_folder(db_path) if folder is None else folder
    found = daily_backups(folder, db_path.stem) if folder.is_dir() else []
    found += db_path.parent.glob(f"{db_path.stem}.rescued-*{db_path.suffix or '.db'}")
    dated = []
    for path in found:
        try:
            dated.append((path.stat().st_mtime, path))
        except OSError:
            continue
    return [path for _when, path in sorted(dated, reverse=True)]


def newest_verified(
    db_path: Path, passphrase: str, kdf_iter: int | None = None, *, folder: Path | None = None
) -> Path | None:
    """The newest copy of ``db_path`` that passes :func:`verify_copy`, or None."""
    for path in copies_of(db_path, folder):
        try:
            verify_copy(path, passphrase, kdf_iter)
        except DyadeError as exc:
            log.warning("not offered for a restore: %s", exc)
            continue
        return path
    return None
