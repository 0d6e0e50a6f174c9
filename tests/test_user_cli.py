"""Staff accounts from the command line: list, deactivate, activate, passwd, role."""

from __future__ import annotations

import pytest

from dyade.storage import LoginRefused, open_database
from dyade.storage.audit import entries
from dyade.storage.users import authenticate
from storage_fixtures import PASSPHRASE


@pytest.fixture
def staffed(dyade):
    for login, role in (("martin", "physician"), ("accueil", "receptionist")):
        assert dyade("user", "add", "--login", login, "--role", role)[0] == 0
    return dyade


def _signs_in(tmp_path, login: str, password: str) -> bool:
    db = open_database(tmp_path / "clinic.db", PASSPHRASE)
    try:
        authenticate(db, login, password)
        return True
    except LoginRefused:
        return False
    finally:
        db.close()


def _changes(tmp_path) -> list[dict]:
    db = open_database(tmp_path / "clinic.db", PASSPHRASE)
    try:
        return [e.details for e in entries(db) if e.action == "changed" and e.user_uuid is None]
    finally:
        db.close()


def test_list_shows_every_account_with_its_role_and_state(staffed):
    assert staffed("user", "deactivate", "--login", "accueil")[0] == 0
    code, out, _ = staffed("user", "list")
    assert code == 0
    rows = {line.split()[0]: line.split()[1:3] for line in out.splitlines()[1:]}
    assert rows == {"accueil": ["receptionist", "inactive"], "martin": ["physician", "active"]}


def test_deactivate_and_activate_decide_who_signs_in(staffed, tmp_path):
    assert staffed("user", "deactivate", "--login", "accueil")[0] == 0
    assert not _signs_in(tmp_path, "accueil", "a long password")
    assert staffed("user", "activate", "--login", "ACCUEIL")[0] == 0
    assert _signs_in(tmp_path, "accueil", "a long password")
    assert {"active": False} in _changes(tmp_path) and {"active": True} in _changes(tmp_path)


def test_passwd_replaces_the_password(staffed, tmp_path, monkeypatch):
    monkeypatch.setenv("DYADE_USER_PASSWORD", "another long one")
    code, out, _ = staffed("user", "passwd", "--login", "martin")
    assert code == 0 and "martin" in out
    assert _signs_in(tmp_path, "martin", "another long one")
    assert not _signs_in(tmp_path, "martin", "a long password")
    assert {"password": True} in _changes(tmp_path)


def test_role_changes_the_role_and_keeps_a_manager(staffed, tmp_path):
    code, out, _ = staffed("user", "role", "--login", "accueil", "--role", "admin")
    assert code == 0 and "admin" in out
    assert {"role": "admin"} in _changes(tmp_path)
    assert staffed("user", "deactivate", "--login", "accueil")[0] == 0
    code, _, err = staffed("user", "deactivate", "--login", "martin")
    assert code == 2 and "last active physician or administrator" in err


def test_an_unknown_login_is_named(staffed):
    code, _, err = staffed("user", "deactivate", "--login", "nobody")
    assert code == 2 and "'nobody'" in err and "dyade user list" in err
