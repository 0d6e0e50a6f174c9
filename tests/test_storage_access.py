"""Who sees what, sign-in with lockout, and the audit of it all."""

from __future__ import annotations

import pytest

from dyade.storage import audit
from dyade.storage.dyads import can_see_clinical, dyads_for, share_dyad, unshare_dyad
from dyade.storage.errors import AccessDenied, InvalidRecord, LoginRefused
from dyade.storage.patients import create_patient, find_patient
from dyade.storage.responses import load_answers, responses_of_visit, save_answer
from dyade.storage.results import get_visit_result, save_visit_result
from dyade.storage.throttle import MAX_WAIT_SECONDS
from dyade.storage.users import (
    FREE_ATTEMPTS,
    authenticate,
    create_user,
    lock_seconds,
    set_active,
    set_password,
)
from dyade.storage.visits import dyad_history
from storage_fixtures import Clinic


def _patient_response(db, clinic: Clinic) -> str:
    response = next(
        r for r in responses_of_visit(db, clinic.visit.uuid) if r.respondent == "patient"
    )
    save_answer(db, response.uuid, "p_bond_listened", 3)
    return response.uuid


def test_physician_sees_own_dyads_and_those_shared_with_them(db, clinic: Clinic):
    assert [d.patient_code for d in dyads_for(db, clinic.physician)] == ["P-001"]
    assert dyads_for(db, clinic.colleague) == []
    assert not can_see_clinical(db, clinic.colleague, clinic.dyad.uuid)
    share_dyad(db, clinic.dyad.uuid, clinic.colleague.uuid, by=clinic.physician.uuid)
    shared = dyads_for(db, clinic.colleague)
    assert [(d.patient_code, d.shared) for d in shared] == [("P-001", True)]
    assert can_see_clinical(db, clinic.colleague, clinic.dyad.uuid)
    unshare_dyad(db, clinic.dyad.uuid, clinic.colleague.uuid)
    assert dyads_for(db, clinic.colleague) == []


def test_receptionist_lists_dyads_but_never_sees_answers(db, clinic: Clinic):
    response = _patient_response(db, clinic)
    save_visit_result(db, clinic.visit.uuid, 1, {"flags": ["x"]})
    assert [d.patient_code for d in dyads_for(db, clinic.receptionist)] == ["P-001"]
    with pytest.raises(AccessDenied, match="receptionist"):
        load_answers(db, response, user=clinic.receptionist)
    with pytest.raises(AccessDenied):
        dyad_history(db, clinic.dyad.uuid, user=clinic.receptionist)
    with pytest.raises(AccessDenied):
        get_visit_result(db, clinic.visit.uuid, user=clinic.receptionist)
    with pytest.raises(AccessDenied, match="share"):
        load_answers(db, response, user=clinic.colleague)


def test_opening_answers_is_audited(db, clinic: Clinic):
    response = _patient_response(db, clinic)
    assert load_answers(db, response, user=clinic.physician) == {"p_bond_listened": 3}
    assert load_answers(db, response, user=clinic.admin) == {"p_bond_listened": 3}
    opened = [e for e in audit.entries(db) if e.action == "opened"]
    assert {(e.user_uuid, e.target) for e in opened} == {
        (clinic.physician.uuid, f"response:{response}"),
        (clinic.admin.uuid, f"response:{response}"),
    }
    created = {e.target for e in audit.entries(db) if e.action == "created"}
    assert f"patient:{clinic.patient.uuid}" in created
    assert f"visit:{clinic.visit.uuid}" in created


def test_sign_in_and_a_growing_wait_after_failures(db, clinic: Clinic):
    clock = [1000.0]  # elapsed time, as time.monotonic gives it

    def sign_in(password: str):
        return authenticate(db, "martin", password, clock=lambda: clock[0])

    assert sign_in("password-1").uuid == clinic.physician.uuid
    assert authenticate(db, "MARTIN", "password-1").uuid == clinic.physician.uuid
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(LoginRefused, match="wrong login or password"):
            sign_in(f"guess-{attempt}")
    with pytest.raises(LoginRefused, match="wrong login or password"):
        sign_in("guess-again")  # this failure starts the wait
    delay = lock_seconds(FREE_ATTEMPTS + 1)
    clock[0] += delay - 1
    with pytest.raises(LoginRefused, match="try again in 1 s"):
        sign_in("password-1")
    clock[0] += 2
    with pytest.raises(LoginRefused, match="wrong login or password"):
        sign_in("still wrong")
    assert lock_seconds(FREE_ATTEMPTS + 2) == 2 * delay
    clock[0] += delay + 1
    with pytest.raises(LoginRefused, match="try again"):
        sign_in("password-1")
    clock[0] += delay
    assert sign_in("password-1").login == "martin"
    assert sign_in("password-1").login == "martin"  # the count starts again


def test_the_wait_grows_then_stays_bounded():
    delays = [lock_seconds(n) for n in range(1, 200)]
    assert delays[:FREE_ATTEMPTS] == [0] * FREE_ATTEMPTS
    assert delays == sorted(delays)
    assert delays[-1] == MAX_WAIT_SECONDS == 600


def test_unknown_or_disabled_accounts_cannot_sign_in(db, clinic: Clinic):
    with pytest.raises(LoginRefused, match="wrong login or password"):
        authenticate(db, "nobody", "password-1")
    set_active(db, clinic.colleague.uuid, False)
    with pytest.raises(LoginRefused):
        authenticate(db, "nguyen", "password-2")
    set_active(db, clinic.colleague.uuid, True)
    set_password(db, clinic.colleague.uuid, "a new password")
    assert authenticate(db, "nguyen", "a new password").login == "nguyen"


def test_records_refuse_bad_values(db, clinic: Clinic):
    with pytest.raises(InvalidRecord, match="already taken"):
        create_user(db, "Martin", "physician", "password-9")
    with pytest.raises(InvalidRecord, match="role"):
        create_user(db, "x", "nurse", "password-9")
    with pytest.raises(InvalidRecord, match="at least"):
        create_user(db, "y", "admin", "short")
    with pytest.raises(InvalidRecord, match="already used"):
        create_patient(db, "P-001")
    with pytest.raises(InvalidRecord, match="birth year"):
        create_patient(db, "P-009", birth_year=19)
    assert find_patient(db, " P-001 ").uuid == clinic.patient.uuid
    hashes = db.execute("SELECT password_hash FROM users").fetchall()
    assert all(h[0].startswith("$argon2id$") and "password" not in h[0] for h in hashes)
