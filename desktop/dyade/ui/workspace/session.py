"""What an unlocked clinic holds while the app runs: the database, the forms, who is signed in.

Passed to every page instead of a global, so tests build one from a temporary
database and pages never reach for module state.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # storage (SQLCipher, sqlite-utils) loads after the first paint
    from dyade.clinic import ClinicLibrary
    from dyade.storage.users import User
    from dyade.ui.workspace.sync_status import BackgroundSync


@dataclass
class Session:
    """The open clinic database and the signed-in person (None while locked)."""

    db: Any  # dyade.storage.connection.ClinicDatabase
    path: Path
    demo: bool = False
    user: User | None = None
    _library: ClinicLibrary | None = field(default=None, repr=False)
    # Held around database work done off the UI thread (batch exports, backups): the
    # one connection is shared, and its transactions must not interleave.
    db_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    sync: BackgroundSync | None = field(default=None, repr=False)  # with the clinic's hub

    @property
    def library(self) -> ClinicLibrary:
        """The clinic's forms (shipped + its folder) and thresholds, read on first use."""
        if self._library is None:
            from dyade.clinic import clinic_library

            self._library = clinic_library(self.db)
        return self._library

    def reload_library(self) -> None:
        """Read the forms and thresholds again (the settings page changed them)."""
        self._library = None

    @property
    def is_physician(self) -> bool:
        return self.user is not None and self.user.role == "physician"

    @property
    def sees_answers(self) -> bool:
        """Receptionists book visits and hand the kiosk, but never see answers."""
        return self.user is not None and self.user.role in ("physician", "admin")

    def close(self) -> None:
        self.user = None
        self.db.close()
