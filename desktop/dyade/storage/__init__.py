"""The clinic's encrypted database and the services that read and write it.

Open it with :func:`dyade.storage.connection.open_database`; every service is a
plain function taking that database first (see docs/STORAGE.md). Nothing here
imports Qt or holds a connection of its own.
"""

from dyade.storage.connection import open_database, passphrase_from_env_or_file
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
