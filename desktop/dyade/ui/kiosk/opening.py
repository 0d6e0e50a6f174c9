"""What the kiosk needs of an open clinic, and the moment it opens one.

``dyade --kiosk`` on an unattended laptop paints the bilingual welcome screen
first: it needs neither the database nor the forms. The clinic (SQLCipher,
sqlite-utils, the forms and their pydantic models) is opened just after that
first paint, or at once if a patient needs it sooner (a language chosen, a code
typed, the staff button).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QEvent, QMetaObject, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from dyade.clinic import ClinicLibrary
    from dyade.forms.library import FormLibrary

# After the first paint: the window is mapped and drawn before the opening blocks
# the event loop for a moment, and a start timed with --exit-when-shown has ended.
OPEN_DELAY_MS = 100


class KioskClinic(NamedTuple):  # not a dataclass: that module costs the welcome 3 ms
    """The open clinic as the kiosk uses it: its database, forms and settings."""

    db: Any  # dyade.storage.connection.ClinicDatabase
    library: ClinicLibrary | FormLibrary  # the clinic's forms (and thresholds)
    name: str = ""
    language: str = "fr"
    idle_seconds: float = 120
    auto_advance: bool = False  # a single-choice answer goes on to the next screen


# Opens the clinic and returns it, or None when it could not (the opener then says
# why, elsewhere: the kiosk has made way for the unlock page).
ClinicOpener = Callable[[], KioskClinic | None]


class AfterFirstPaint(QObject):
    """Calls ``then`` ``delay_ms`` after ``window`` (or a widget in it) is first painted.

    Made once the window's widgets are built: an application-wide Python filter met
    by a widget's private helper while it is being built (a scroll area's gesture
    manager) makes PySide build every Qt wrapper class to name it.
    """

    def __init__(
        self, window: QWidget, then: Callable[[], object], delay_ms: int = OPEN_DELAY_MS
    ) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)  # dies with the window: no call into a deleted kiosk
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(then)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            QApplication.instance().removeEventFilter(self)
            # queued: the wait starts once this whole paint has been delivered
            QMetaObject.invokeMethod(self.timer, "start", Qt.ConnectionType.QueuedConnection)
        return False
