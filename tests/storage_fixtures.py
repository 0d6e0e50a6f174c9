"""Fixtures shared by the tests that use a clinic database: real SQLCipher databases,
with cheap key derivation and password hashing so the suite stays fast.

``tests/conftest.py`` loads this module as a plugin, so a test only names the
fixture it needs (``db``, ``db_path``, ``clinic``, ``dyade``); every test has the
cheap key derivation (``fast_crypto``, autouse).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import pytest
from argon2 import PasswordHasher

from dyade.forms.library import FormLibrary, default_library
from dyade.storage import connection, sealed, users
from dyade.storage.dyads import Dyad, create_dyad
from dyade.storage.patients import Patient, create_patient
from dyade.storage.responses import Response, get_response, responses_of_visit, save_answers
from dyade.storage.users import User, create_user
from dyade.storage.visits import FormRef, Visit, create_visit

PASSPHRASE = "correct horse battery staple"
FAST_KDF_ITER = 2_000
FORMS = [
    FormRef("patient", "dyade-full-patient", 2),
    FormRef("physician", "dyade-full-physician", 2),
]


@pytest.fixture(autouse=True)
def fast_crypto(monkeypatch):
    """Production keeps SQLCipher's and argon2's strong defaults; tests need speed.

    Every test gets it (autouse); a test of the real cost sets its own values."""
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


PASSWORD = "password-1"  # the physician's
PHYSICIAN_COMMENT = "Physician private note: zebra-lantern-7731"
OTHER_PATIENT_NAME = "Zoé Quintessence-Other"


@dataclass
class Clinic:
    """The one test clinic (see :func:`make_clinic`)."""

    db: Any
    library: FormLibrary
    physician: User
    colleague: User
    receptionist: User
    admin: User
    patient: Patient
    dyad: Dyad
    visit: Visit  # the patient's open visit, on 2026-03-02 (today in a waiting room)
    patient_response: Response
    physician_response: Response
    other_visit: Visit | None = None  # the colleague's patient's, when ``waiting_room``

    @property
    def physician_login(self) -> str:
        return self.physician.login

    @property
    def physician_name(self) -> str:
        return self.physician.display_name


def forms_of(kind: str) -> list[FormRef]:
    """The shipped forms of a visit of this kind ("full" or "brief"), latest version."""
    library = default_library()
    return [
        FormRef(who, form_id, library.require(form_id).version)
        for who, form_id in ((w, f"dyade-{kind}-{w}") for w in ("patient", "physician"))
    ]


def make_clinic(db, *, kind: str = "full", waiting_room: bool = False) -> Clinic:
    """Two physicians, a receptionist, an admin, and one open visit (``kind``) of one
    dyad. ``waiting_room``: the clinic as its kiosk meets it, the physician's side of
    that visit complete (with a private note no patient may ever see) and a colleague's
    patient waiting too, with a visit of their own."""
    physician = create_user(db, "martin", "physician", PASSWORD, display_name="Dr Martin")
    colleague = create_user(db, "nguyen", "physician", "password-2", display_name="Dr Nguyen")
    receptionist = create_user(db, "accueil", "receptionist", "password-3")
    admin = create_user(db, "admin", "admin", "password-4")
    patient = create_patient(db, "P-001", name="Solange Verdier", birth_year=1961)
    dyad = create_dyad(db, patient.uuid, physician.uuid)
    on = None if waiting_room else "2026-03-02"  # the kiosk meets today's visits
    visit = create_visit(db, dyad.uuid, forms_of(kind), kind=kind, on=on)
    library = default_library()
    sides = {r.respondent: r for r in responses_of_visit(db, visit.uuid)}
    made = Clinic(db, library, physician, colleague, receptionist, admin, patient, dyad, visit,
                  sides["patient"], sides["physician"])  # fmt: skip
    if waiting_room:
        form = library.require(f"dyade-{kind}-physician")
        save_answers(db, made.physician_response.uuid, _every_answer(form), complete=True)
        made.physician_response = get_response(db, made.physician_response.uuid)
        other = create_patient(db, "P-900", name=OTHER_PATIENT_NAME, language="en")
        other_dyad = create_dyad(db, other.uuid, colleague.uuid)
        made.other_visit = create_visit(db, other_dyad.uuid, forms_of(kind), kind=kind)
    return made


def _every_answer(form) -> dict[str, Any]:
    """An answer to every item: the last scale point, the last option, a telltale note."""
    answers: dict[str, Any] = {}
    for item in form.items:
        if item.kind == "scale":
            answers[item.id] = form.scale_of(item).max
        elif item.kind == "choice":
            answers[item.id] = item.codes()[-1]
        elif item.kind == "multi":
            answers[item.id] = [item.codes()[0]]
        else:
            answers[item.id] = PHYSICIAN_COMMENT
    return answers


def open_clinic(tmp_path, kind: str = "brief") -> Clinic:
    """The clinic in its own database file (``tmp_path/clinic.db``), as the kiosk meets
    it: the physician has answered; close it with ``clinic.db.close()``."""
    db = connection.open_database(tmp_path / "clinic.db", PASSPHRASE, create=True)
    return make_clinic(db, kind=kind, waiting_room=True)


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
