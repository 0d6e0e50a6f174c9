"""The clinic's encrypted database and the services that read and write it.

Open it with :func:`dyade.storage.connection.open_database`; every service is a
plain function taking that database first (see docs/STORAGE.md). Nothing here
imports Qt or holds a connection of its own.
"""

from typing import TYPE_CHECKING, Any

from dyade.storage.errors import (
    AccessDenied,
    DamagedDatabase,
    DatabaseChanged,
    DatabaseInUse,
    DatabaseMoved,
    LoginRefused,
    NotFound,
    StorageFault,
    TransferRefused,
    WrongPassphrase,
)

__all__ = [
    "AccessDenied",
    "DamagedDatabase",
    "DatabaseChanged",
    "DatabaseInUse",
    "DatabaseMoved",
    "LoginRefused",
    "NotFound",
    "StorageFault",
    "TransferRefused",
    "WrongPassphrase",
    "open_database",
    "passphrase_from_env_or_file",
]

if TYPE_CHECKING:
    from dyade.storage.connection import open_database, passphrase_from_env_or_file


def __getattr__(name: str) -> Any:
    """The connection's functions, loaded on first use: importing the package for its
    errors (every command of the command line does) does not load sqlite-utils."""
    if name in ("open_database", "passphrase_from_env_or_file"):
        from dyade.storage import connection

        return getattr(connection, name)
    raise AttributeError(f"module 'dyade.storage' has no attribute {name!r}")
