"""Managing staff accounts in the core: roles, who may manage, the rules that keep a clinic
from locking itself out, the activity shown beside each account, and the audit."""

from __future__ import annotations

import pytest

from dyade.storage import audit
from dyade.storage.errors import AccessDenied, InvalidRecord, LoginRefused
from dyade.storage.users import (
    activity,
    authenticate,
    change_refused,
    create_user,
    find_user,
    set_active,
    set_password,
    set_role,
)
from storage_fixtures import Clinic


def _changes(db, user) -> list[tuple[str | None, dict | None]]:
    return [
        (e.user_uuid, e.details)
        for e in audit.entries(db)
        if e.action == "changed" and e.target == f"user:{user.uuid}"
    ]


def test_a_role_change_is_stored_and_audited_with_who_did_it(db, clinic: Clinic):
    user = set_role(db, clinic.receptionist.uuid, "physician", by=clinic.admin.uuid)
    assert user.role == "physician" and find_user(db, "accueil").role == "physician"
    assert _changes(db, clinic.receptionist) == [(clinic.admin.uuid, {"role": "physician"})]
    set_role(db, clinic.receptionist.uuid, "physician", by=clinic.admin.uuid)  # no change
    assert len(_changes(db, clinic.receptionist)) == 1
    with pytest.raises(InvalidRecord, match="role 'nurse'"):
        set_role(db, clinic.receptionist.uuid, "nurse", by=clinic.admin.uuid)


def test_only_an_active_physician_or_administrator_manages_accounts(db, clinic: Clinic):
    with pytest.raises(AccessDenied, match="may not manage staff accounts"):
        create_user(db, "nouveau", "admin", "password-9", by=clinic.receptionist.uuid)
    with pytest.raises(AccessDenied):
        set_role(db, clinic.receptionist.uuid, "admin", by=clinic.receptionist.uuid)
    with pytest.raises(AccessDenied):
        set_password(db, clinic.physician.uuid, "password-9", by=clinic.receptionist.uuid)
    set_active(db, clinic.colleague.uuid, False, by=clinic.physician.uuid)
    with pytest.raises(AccessDenied):  # a deactivated physician manages nothing
        set_active(db, clinic.receptionist.uuid, False, by=clinic.colleague.uuid)
    assert find_user(db, "nouveau") is None and find_user(db, "accueil").active
    # Anyone may change their own password; the CLI (by=None) is a trusted caller.
    set_password(db, clinic.receptionist.uuid, "password-9", by=clinic.receptionist.uuid)
    assert create_user(db, "nouveau", "receptionist", "password-9").login == "nouveau"


def test_nobody_changes_their_own_role_or_deactivates_themselves(db, clinic: Clinic):
    me = clinic.admin.uuid
    assert change_refused(db, me, active=False, by=me) == "self"
    assert change_refused(db, me, role="physician", by=me) == "self"
    assert change_refused(db, me, role="admin", by=me) is None  # the same role is no change
    with pytest.raises(InvalidRecord, match="your own") as refused:
        set_active(db, me, False, by=me)
    assert "votre propre compte" in refused.value.text("fr")
    with pytest.raises(InvalidRecord, match="your own"):
        set_role(db, me, "receptionist", by=me)
    assert find_user(db, "admin").active and find_user(db, "admin").role == "admin"
    assert _changes(db, clinic.admin) == []


def test_the_last_active_physician_or_administrator_stays(db, clinic: Clinic):
    set_active(db, clinic.colleague.uuid, False)
    set_role(db, clinic.admin.uuid, "receptionist")
    last = clinic.physician.uuid
    assert change_refused(db, last, active=False) == "last_manager"
    assert change_refused(db, last, role="receptionist") == "last_manager"
    assert change_refused(db, last, role="admin") is None  # still manages accounts
    with pytest.raises(InvalidRecord, match="'martin' is the last active physician or admin"):
        set_active(db, last, False)
    with pytest.raises(InvalidRecord, match="last active"):
        set_role(db, last, "receptionist")
    assert authenticate(db, "martin", "password-1").role == "physician"
    set_active(db, clinic.colleague.uuid, True)  # another one back: now allowed
    assert not set_active(db, last, False).active


def test_a_deactivated_account_and_an_old_password_are_refused(db, clinic: Clinic):
    set_active(db, clinic.colleague.uuid, False, by=clinic.physician.uuid)
    with pytest.raises(LoginRefused):
        authenticate(db, "nguyen", "password-2")
    assert _changes(db, clinic.colleague) == [(clinic.physician.uuid, {"active": False})]
    set_active(db, clinic.colleague.uuid, True, by=clinic.physician.uuid)
    set_password(db, clinic.colleague.uuid, "a new password", by=clinic.physician.uuid)
    with pytest.raises(LoginRefused):
        authenticate(db, "nguyen", "password-2")
    assert authenticate(db, "nguyen", "a new password").login == "nguyen"
    raw = db.execute("SELECT group_concat(coalesce(details, ''), ' ') FROM audit").fetchone()[0]
    assert "a new password" not in raw and "password-2" not in raw


def test_activity_gives_the_last_sign_in(db, clinic: Clinic):
    before = activity(db)
    assert set(before) == {
        u.uuid for u in (clinic.physician, clinic.colleague, clinic.receptionist, clinic.admin)
    }
    assert before[clinic.physician.uuid].last_sign_in is None
    authenticate(db, "martin", "password-1")
    first = activity(db)[clinic.physician.uuid].last_sign_in
    authenticate(db, "martin", "password-1")
    second = activity(db)[clinic.physician.uuid].last_sign_in
    assert first is not None and second >= first
    assert activity(db)[clinic.colleague.uuid].last_sign_in is None
