"""What an unlocked clinic holds while the app runs: the database, the forms, who is signed in.

Passed to every page instead of a global, so tests build one from a temporary
database and pages never reach for module state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyade.storage.users import User


@dataclass
class Session:
    """The open clinic database and the signed-in person (None while locked)."""

    db: Any  # dyade.storage.connection.ClinicDatabase
    path: Path
    demo: bool = False
    user: User | None = None
    _library: Any = field(default=None, repr=False)

    @property
    def library(self) -> Any:
        """The form library, loaded on first use (shipped forms + the clinic's folder)."""
        if self._library is None:
            from dyade.forms.library import default_library

            self._library = default_library()
        return self._library

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
