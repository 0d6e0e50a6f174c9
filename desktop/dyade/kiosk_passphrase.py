"""The passphrase of an unattended ``--kiosk`` start, kept in the OS keyring.

A kiosk laptop that starts Dyade at login needs the database passphrase with
nobody there to type it. A passphrase file is readable by every program of
that account and travels with copies of the folder; ``DYADE_PASSPHRASE`` sits
in ``/proc/PID/environ`` and is inherited by child processes. Where the system
has a keyring (Windows Credential Manager, macOS Keychain, Secret Service on
Linux) the passphrase is kept there instead, encrypted with the account's
login, per database file: ``dyade kiosk-passphrase store|forget``. The
``--kiosk`` start reads it when no file or variable gives one (see
docs/THREAT-MODEL.md, "Passphrase storage").
"""

from __future__ import annotations

import logging
from pathlib import Path

from dyade.errors import DyadeError

log = logging.getLogger(__name__)
SERVICE = "Dyade kiosk passphrase"


def _account(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def _keyring():
    """The keyring module, or a message saying this computer has no keyring to use."""
    import keyring
    import keyring.errors
    from keyring.backends import fail, null

    if isinstance(keyring.get_keyring(), (fail.Keyring, null.Keyring)):
        raise DyadeError(
            "this computer has no system keyring Dyade can use (Windows Credential Manager, "
            "macOS Keychain or Secret Service); start the kiosk with --passphrase-file "
            "instead, readable by the kiosk account only (chmod 600)",
            fr="cet ordinateur n’a pas de trousseau système que Dyade puisse utiliser "
            "(Gestionnaire d’identifiants Windows, Trousseau macOS ou Secret Service)\u00a0; "
            "démarrez le kiosque avec --passphrase-file, lisible par le seul compte du "
            "kiosque (chmod 600)",
        )
    return keyring


def _failed(exc: Exception, action: str, action_fr: str) -> DyadeError:
    return DyadeError(
        f"the system keyring refused to {action} the kiosk passphrase ({exc})",
        fr=f"le trousseau système a refusé de {action_fr} la phrase secrète du kiosque ({exc})",
    )


def store(db_path: Path, passphrase: str) -> None:
    """Keep ``passphrase`` for the kiosk of the database at ``db_path``."""
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, _account(db_path), passphrase)
    except keyring.errors.KeyringError as exc:
        raise _failed(exc, "keep", "garder") from exc


def forget(db_path: Path) -> bool:
    """Remove the kept passphrase; False when there was none."""
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, _account(db_path))
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise _failed(exc, "remove", "supprimer") from exc
    return True


def lookup(db_path: Path) -> str | None:
    """The kept passphrase, or None (no keyring, nothing kept, or the keyring locked)."""
    try:
        keyring = _keyring()
        return keyring.get_password(SERVICE, _account(db_path))
    except DyadeError:
        return None
    except Exception as exc:  # a locked or broken keyring: the unlock page asks a person
        log.warning("the kiosk passphrase could not be read from the keyring: %s", exc)
        return None
