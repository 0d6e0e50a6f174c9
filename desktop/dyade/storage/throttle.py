"""The wait after wrong sign-ins: this computer's, whatever login was tried.

A patient left alone with the kiosk's staff sign-in must neither lock the
staff out everywhere nor learn which logins exist. So failures are counted for
the device (this database on this computer), not for an account, and every
login, real or not, meets the same wait and the same answer. The wait grows
with each failure past a few free ones and is bounded; it is measured in
elapsed time (``time.monotonic``), never against the wall clock, so a clock
set wrong can neither lock anyone out for years nor lift the wait. The count
is kept in the database (``settings``, never in transfer files), so closing
and reopening Dyade starts the full wait again instead of lifting it.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

import sqlite_utils

from dyade.storage.records import from_json, to_json

FREE_ATTEMPTS = 3  # failures allowed before the first wait
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 600  # bounded: staff locked out by a patient wait ten minutes at most
_KEY = "sign_in_failures"
Clock = Callable[[], float]


def lock_seconds(failures: int) -> int:
    """How long this device waits after this many failed sign-ins in a row."""
    if failures <= FREE_ATTEMPTS:
        return 0
    return min(FIRST_WAIT_SECONDS * 2 ** min(failures - FREE_ATTEMPTS - 1, 30), MAX_WAIT_SECONDS)


class SignInThrottle:
    """Failures in a row on this device and when the last one happened (elapsed time)."""

    def __init__(self, failures: int, clock: Clock = time.monotonic) -> None:
        self.failures, self.clock = failures, clock
        self.since = clock()  # a reopened database waits in full again

    def remaining(self) -> int:
        """Whole seconds still to wait before the next try (0: try now)."""
        left = lock_seconds(self.failures) - (self.clock() - self.since)
        return max(0, int(left + 0.999))

    def failed(self) -> None:
        self.failures += 1
        self.since = self.clock()

    def succeeded(self) -> None:
        self.failures = 0


# one throttle per open database, forgotten with it (nothing is set on the database object)
_THROTTLES: weakref.WeakKeyDictionary[sqlite_utils.Database, SignInThrottle] = (
    weakref.WeakKeyDictionary()
)


def throttle_of(db: sqlite_utils.Database, clock: Clock | None = None) -> SignInThrottle:
    """The throttle of this open database (made on first use from the stored count)."""
    held = _THROTTLES.get(db)
    if held is None:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [_KEY]).fetchone()
        held = SignInThrottle(int(from_json(row[0])) if row else 0, clock or time.monotonic)
        _THROTTLES[db] = held
    elif clock is not None:
        held.clock = clock
    return held


def store(db: sqlite_utils.Database, throttle: SignInThrottle) -> None:
    """Keep the count (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [_KEY, to_json(throttle.failures)],
    )
