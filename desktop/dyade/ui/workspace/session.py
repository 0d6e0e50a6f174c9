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
    from dyade.storage.users import User


@dataclass
class Session:
    """The open clinic database and the signed-in person (None while locked)."""

    db: Any  # dyade.storage.connection.ClinicDatabase
    path: Path
    demo: bool = False
    user: User | None = None
    _library: Any = field(default=None, repr=False)
    # Held around database work done off the UI thread (batch exports, backups): the
    # one connection is shared, and its transactions must not interleave.
    db_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @property
    def library(self) -> Any:
        """The form library, loaded on first use (shipped forms + the clinic's folder)."""
        if self._library is None:
            from dyade.forms.library import load_library
            from dyade.paths import forms_dir, user_forms_dir
            from dyade.ui.workspace import prefs

            own = prefs.read(self.db, "clinic_forms_folder") or user_forms_dir()
            self._library = load_library([forms_dir(), Path(own)])
        return self._library

    def reload_library(self) -> None:
        """Read the forms again (the clinic's forms folder changed)."""
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
