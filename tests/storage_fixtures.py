"""Fixtures shared by the tests that use a clinic database: real SQLCipher databases,
with cheap key derivation and password hashing so the suite stays fast.

``tests/conftest.py`` loads this module as a plugin, so a test only names the
fixture it needs (``db``, ``db_path``, ``clinic``, ``fast_crypto``, ``dyade``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher

from dyade.storage import connection, sealed, users
from dyade.storage.dyads import Dyad, create_dyad
from dyade.storage.patients import Patient, create_patient
from dyade.storage.users import User, create_user
from dyade.storage.visits import FormRef, Visit, create_visit

PASSPHRASE = "correct horse battery staple"
FAST_KDF_ITER = 2_000
FORMS = [
    FormRef("patient", "dyade-full-patient", 1),
    FormRef("physician", "dyade-full-physician", 1),
]


@pytest.fixture
def fast_crypto(monkeypatch):
    """Production keeps SQLCipher's and argon2's strong defaults; tests need speed."""
    monkeypatch.setattr(connection, "DEFAULT_KDF_ITER", FAST_KDF_ITER)
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", sealed.MIN_LOG2_N)
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "clinic.db"


@pytest.fixture
def db(fast_crypto, db_path):
    database = connection.open_database(db_path, PASSPHRASE, create=True)
    yield database
    wait_for_qt_workers()
    database.close()


def wait_for_qt_workers() -> None:
    """Let background work a UI test started finish before its database closes.

    A worker still using a closed SQLCipher connection crashes the process.
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QThreadPool.globalInstance().waitForDone(60_000)


@dataclass
class Clinic:
    physician: User
    colleague: User
    receptionist: User
    admin: User
    patient: Patient
    dyad: Dyad
    visit: Visit


def make_clinic(db) -> Clinic:
    """Two physicians, a receptionist, an admin, and one open visit of one dyad."""
    physician = create_user(db, "martin", "physician", "password-1", display_name="Dr Martin")
    colleague = create_user(db, "nguyen", "physician", "password-2", display_name="Dr Nguyen")
    receptionist = create_user(db, "accueil", "receptionist", "password-3")
    admin = create_user(db, "admin", "admin", "password-4")
    patient = create_patient(db, "P-001", name="Solange Verdier", birth_year=1961)
    dyad = create_dyad(db, patient.uuid, physician.uuid)
    visit = create_visit(db, dyad.uuid, FORMS, on="2026-03-02")
    return Clinic(physician, colleague, receptionist, admin, patient, dyad, visit)


@pytest.fixture
def clinic(db) -> Clinic:
    return make_clinic(db)


@pytest.fixture
def dyade(tmp_path, monkeypatch, capsys):
    """Run ``dyade --db <tmp> ...``; return (exit code, stdout, stderr)."""
    from dyade.cli import main

    monkeypatch.setenv("DYADE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DYADE_USER_PASSWORD", "a long password")
    monkeypatch.setenv("DYADE_TRANSFER_PASSPHRASE", "transfer phrase")

    def run(*args: str, db: str = "clinic.db"):
        code = main(["--db", str(tmp_path / db), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
