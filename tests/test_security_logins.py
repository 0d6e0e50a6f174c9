"""No login can imitate another: NFKC forms, no invisible or reordering characters."""

from __future__ import annotations

import pytest

from dyade.storage import open_database
from dyade.storage.errors import InvalidRecord
from dyade.storage.transfer import import_transfer, write_transfer
from dyade.storage.users import authenticate, create_user, find_user, list_users
from faults_support import tally
from storage_fixtures import PASSPHRASE

__all__ = ["tally"]

HIDDEN = {
    "zero-width space": "ad\u200bmin",
    "zero-width joiner": "admin\u200d",
    "right-to-left override": "\u202enimda",
    "left-to-right mark": "\u200eadmin",
    "word joiner": "ad\u2060min",
    "soft hyphen": "ad\u00admin",
    "no-break space": "ad\u00a0min",
    "control character": "ad\x07min",
}


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_a_login_with_invisible_characters_is_refused(db, clinic, name, tally):
    with pytest.raises(InvalidRecord, match="visible characters") as refused:
        create_user(db, HIDDEN[name], "admin", "password-9")
    assert "U+" in str(refused.value) and "caractères visibles" in refused.value.text("fr")
    assert [u.login for u in list_users(db) if u.role == "admin"] == ["admin"]
    tally.add(fuzzed=1)


def test_a_compatibility_form_is_the_same_login(db, clinic, tally):
    """Full-width letters or a ligature are the login they look like (NFKC)."""
    with pytest.raises(InvalidRecord, match="already taken"):
        create_user(db, "ａｄｍｉｎ", "admin", "password-9")
    assert authenticate(db, "ａｄｍｉｎ", "password-4").uuid == clinic.admin.uuid
    made = create_user(db, "ﬁona", "physician", "password-9")  # the "fi" ligature
    assert made.login == "fiona" and find_user(db, "fiona").uuid == made.uuid
    tally.add(fuzzed=2)


def test_an_imitating_login_arriving_by_transfer_is_kept_aside(db, clinic, tmp_path, tally):
    """A laptop of the clinic whose file holds a look-alike login (written by hand into
    its database): the account is not added, the conflict is reported."""
    other = open_database(tmp_path / "other.db", PASSPHRASE, create=True)
    try:
        import_transfer(other, write_transfer(db, tmp_path / "a.dyade", "phrase"), "phrase")
        row = other.execute("SELECT * FROM users WHERE login = 'admin'").fetchone()
        columns = [c.name for c in other["users"].columns]
        forged = dict(zip(columns, row, strict=True)) | {"uuid": "u-forged", "login": "ad\u200bmin"}
        other["users"].insert(forged)
        report = import_transfer(
            db, write_transfer(other, tmp_path / "b.dyade", "phrase"), "phrase"
        )
    finally:
        other.close()
    assert ("users", '["u-forged"]') in [(t, k) for t, k, _ in report.conflicts]
    assert db.execute("SELECT count(*) FROM users WHERE uuid = 'u-forged'").fetchone()[0] == 0
    tally.add(fuzzed=1)
