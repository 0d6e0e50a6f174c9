"""A waiting patient can neither lock the staff out nor learn which logins exist.

Failures slow the device (a growing, bounded wait measured in elapsed time),
whatever login was tried; a real and an unknown login get the same answer and
take the same time; a wrong wall clock changes nothing.
"""

from __future__ import annotations

import statistics
import time

import pytest
from argon2 import PasswordHasher

from dyade.storage import LoginRefused, open_database, users
from dyade.storage.throttle import FREE_ATTEMPTS, MAX_WAIT_SECONDS
from dyade.storage.users import authenticate
from faults_support import scale, tally
from storage_fixtures import PASSPHRASE

__all__ = ["tally"]


def _answer(db, login: str, password: str, clock) -> str:
    with pytest.raises(LoginRefused) as refused:
        authenticate(db, login, password, clock=clock)
    return str(refused.value)


def test_after_failures_every_login_meets_the_same_wait(db, clinic, tally):
    clock = [500.0]
    tick = lambda: clock[0]  # noqa: E731
    for _ in range(FREE_ATTEMPTS + 1):
        _answer(db, "martin", "wrong guess", tick)
    real, unknown = _answer(db, "martin", "x", tick), _answer(db, "nobody", "x", tick)
    assert real == unknown and "try again in" in real
    clock[0] += MAX_WAIT_SECONDS
    assert authenticate(db, "martin", "password-1", clock=tick).login == "martin"
    tally.add(trials=1)


def test_unknown_logins_slow_the_device_too(db, clinic, tally):
    """Guessing logins is not free: the wait that follows applies to real ones."""
    clock = [0.0]
    tick = lambda: clock[0]  # noqa: E731
    for n in range(FREE_ATTEMPTS + 1):
        assert _answer(db, f"guess{n}", "x", tick) == "wrong login or password"
    assert "try again in" in _answer(db, "martin", "password-1", tick)
    tally.add(trials=1)


def test_failures_never_lock_the_account_on_the_clinics_other_laptops(db, clinic, tmp_path, tally):
    """The wait belongs to the device that saw the failures, not to the staff account."""
    from dyade.storage.transfer import import_transfer, write_transfer

    other = open_database(tmp_path / "other.db", PASSPHRASE, create=True)
    try:
        import_transfer(other, write_transfer(db, tmp_path / "t.dyade", "phrase"), "phrase")
        for _ in range(FREE_ATTEMPTS + 3):
            _answer(db, "martin", "wrong guess", time.monotonic)
        import_transfer(other, write_transfer(db, tmp_path / "t2.dyade", "phrase"), "phrase")
        assert authenticate(other, "martin", "password-1").login == "martin"
    finally:
        other.close()
    tally.add(trials=1)


def test_a_wrong_wall_clock_never_stretches_the_wait(db, clinic, monkeypatch, tally):
    """Failures recorded while the computer's date reads 2099, then the date is fixed:
    the wait is still only the elapsed time, bounded."""
    import dyade.storage.records as records

    clock = [0.0]
    tick = lambda: clock[0]  # noqa: E731
    monkeypatch.setattr(records, "now", lambda: "2099-01-01T00:00:00.000+00:00")
    for _ in range(FREE_ATTEMPTS + 20):
        clock[0] += MAX_WAIT_SECONDS + 1
        _answer(db, "martin", "wrong guess", tick)
    monkeypatch.undo()
    clock[0] += MAX_WAIT_SECONDS
    assert authenticate(db, "martin", "password-1", clock=tick).login == "martin"
    tally.add(trials=1)


def test_real_and_unknown_logins_take_the_same_time(db, clinic, monkeypatch, tally):
    """With the production password hasher, a wrong password on a real login and any
    password on an unknown login cost the same (medians within 35 %)."""
    monkeypatch.setattr(users, "HASHER", PasswordHasher())
    users.set_password(db, clinic.physician.uuid, "password-1")
    clock = [0.0]

    def timed(login: str) -> float:
        clock[0] += MAX_WAIT_SECONDS + 1  # never inside a wait: only the check is timed
        started = time.perf_counter()
        _answer(db, login, "wrong guess", lambda: clock[0])
        return time.perf_counter() - started

    real, unknown = [], []
    for _ in range(scale(5, 25)):
        real.append(timed("martin"))
        unknown.append(timed("nobody"))
    ratio = statistics.median(unknown) / statistics.median(real)
    tally.add(trials=len(real) + len(unknown))
    assert 0.65 < ratio < 1.35, (real, unknown)
