"""The expected failures of the storage layer, each with a message for a person."""

from __future__ import annotations

from dyade.errors import DyadeError


class WrongPassphrase(DyadeError):
    """The passphrase does not open this database."""


class DamagedDatabase(DyadeError):
    """The file is not a Dyade database, or it fails its integrity check."""


class StorageFault(DyadeError):
    """The disk refused a read or a write: full, read-only, or failing."""


class DatabaseMoved(DyadeError):
    """The database file was deleted or replaced while Dyade had it open."""


class DatabaseChanged(DatabaseMoved):
    """Another program overwrote the database file while Dyade had it open, damaging it."""


class DatabaseInUse(DyadeError):
    """Another Dyade window or command already has this database open."""


class AccessDenied(DyadeError):
    """The signed-in user's role or dyads do not cover what was asked."""


class NotFound(DyadeError):
    """A patient, user, dyad, visit or response named by the caller does not exist."""


class InvalidRecord(DyadeError):
    """A value given to a service breaks a rule (unknown role, duplicate code, ...)."""


class LoginRefused(DyadeError):
    """Wrong login or password, or the account is locked for a while."""


class TransferRefused(DyadeError):
    """A transfer file is truncated, tampered with, or keyed with another passphrase."""
