"""When the daily backup is due: the calendar decides, not when the app started.

A Dyade left open for a week makes seven backups. The clock is passed in, so
tests move it instead of waiting for midnight.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

CHECK_EVERY_SECONDS = 300  # how often an open app asks whether a new day began


class DailySchedule:
    """The first check of each calendar day finds a backup due, until one is made."""

    def __init__(self, clock: Callable[[], datetime] = datetime.now) -> None:
        self.clock = clock
        self.made_for: date | None = None

    def due(self) -> date | None:
        """The day whose backup is still to make, or None when today's is made."""
        today = self.clock().date()
        return None if today == self.made_for else today

    def made(self, day: date) -> None:
        """The backup of ``day`` exists (made now, or earlier by another start)."""
        self.made_for = day
