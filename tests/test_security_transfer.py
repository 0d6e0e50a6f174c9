"""Transfer files never undo an access decision, and never let another clinic in.

Accounts and shares merge last-writer-wins by version, a revocation wins a tie and
stays as a tombstone; a file from another clinic is refused whole. The random
trials (more with DYADE_FAULTS_LONG=1) replay access changes on two laptops in
any order of exchange and count a state that differs between them, or a
revocation undone, as lost.
"""

from __future__ import annotations

import random

import pytest

from dyade.storage import LoginRefused, TransferRefused, open_database
from dyade.storage.clinic import clinic_id
from dyade.storage.dyads import can_see_clinical, share_dyad, unshare_dyad
from dyade.storage.transfer import import_transfer, write_transfer
from dyade.storage.users import (
    authenticate,
    create_user,
    find_user,
    set_active,
    set_password,
    set_role,
)
from faults_support import scale, tally
from storage_fixtures import PASSPHRASE, make_clinic

__all__ = ["tally"]
PHRASE = "a phrase both laptops know"


class Laptops:
    """Laptop A sets the clinic up; laptop B starts from A's transfer file."""

    def __init__(self, folder) -> None:
        self.folder, self.files = folder, 0
        self.a = open_database(folder / "a.db", PASSPHRASE, create=True)
        self.b = open_database(folder / "b.db", PASSPHRASE, create=True)
        self.clinic = make_clinic(self.a)
        self.move(self.a, self.b)

    def write(self, source):
        self.files += 1
        return write_transfer(source, self.folder / f"{self.files}.dyade", PHRASE)

    def move(self, source, target):
        return import_transfer(target, self.write(source), PHRASE)

    def close(self) -> None:
        self.a.close()
        self.b.close()


@pytest.fixture
def laptops(tmp_path):
    pair = Laptops(tmp_path)
    yield pair
    pair.close()


def _access(db) -> list[tuple]:
    users = db.execute("SELECT uuid, role, active, password_hash FROM users ORDER BY uuid")
    shares = db.execute(
        "SELECT dyad_uuid, user_uuid, revoked_at IS NULL FROM dyad_access ORDER BY 1, 2"
    )
    return [*users.fetchall(), *shares.fetchall()]


def test_a_deactivation_travels_and_an_older_file_does_not_undo_it(laptops, tally):
    colleague = laptops.clinic.colleague
    older = laptops.write(laptops.b)  # B's state while the colleague was active
    set_active(laptops.a, colleague.uuid, False)
    import_transfer(laptops.a, older, PHRASE)
    assert not find_user(laptops.a, "nguyen").active
    laptops.move(laptops.a, laptops.b)
    with pytest.raises(LoginRefused):
        authenticate(laptops.b, "nguyen", "password-2")
    tally.add(trials=1)


def test_a_changed_password_travels_and_the_old_one_stays_refused(laptops, tally):
    older = laptops.write(laptops.b)
    set_password(laptops.a, laptops.clinic.colleague.uuid, "a-new-password")
    import_transfer(laptops.a, older, PHRASE)
    laptops.move(laptops.a, laptops.b)
    for db in (laptops.a, laptops.b):
        with pytest.raises(LoginRefused):
            authenticate(db, "nguyen", "password-2")
        assert authenticate(db, "nguyen", "a-new-password").login == "nguyen"
    tally.add(trials=1)


def test_a_revoked_share_stays_revoked_whatever_arrives_later(laptops, tally):
    dyad, colleague = laptops.clinic.dyad, laptops.clinic.colleague
    share_dyad(laptops.a, dyad.uuid, colleague.uuid)
    laptops.move(laptops.a, laptops.b)
    granted = laptops.write(laptops.b)  # B still holds the grant
    unshare_dyad(laptops.a, dyad.uuid, colleague.uuid)
    import_transfer(laptops.a, granted, PHRASE)
    assert not can_see_clinical(laptops.a, colleague, dyad.uuid)
    laptops.move(laptops.a, laptops.b)
    assert not can_see_clinical(laptops.b, colleague, dyad.uuid)
    tally.add(trials=1)


def test_a_deactivation_wins_over_a_change_made_apart_at_the_same_version(laptops, tally):
    """A deactivates an account while B, which has not seen it, changes its password:
    both changes are version 2; both laptops end with the account inactive, whatever
    order the files arrive in."""
    colleague = laptops.clinic.colleague
    set_active(laptops.a, colleague.uuid, False)
    set_password(laptops.b, colleague.uuid, "changed-on-b")
    from_a, from_b = laptops.write(laptops.a), laptops.write(laptops.b)
    import_transfer(laptops.a, from_b, PHRASE)
    import_transfer(laptops.b, from_a, PHRASE)
    assert _access(laptops.a) == _access(laptops.b)
    assert not find_user(laptops.b, "nguyen").active
    tally.add(trials=1)


def test_a_role_change_on_one_laptop_reaches_the_other(laptops, tally):
    set_role(laptops.b, laptops.clinic.receptionist.uuid, "physician")
    laptops.move(laptops.b, laptops.a)
    assert find_user(laptops.a, "accueil").role == "physician"
    tally.add(trials=1)


def test_an_account_made_on_another_laptop_of_the_clinic_arrives(laptops, tally):
    create_user(laptops.b, "durand", "physician", "password-7")
    laptops.move(laptops.b, laptops.a)
    assert authenticate(laptops.a, "durand", "password-7").role == "physician"
    tally.add(trials=1)


def test_a_database_of_another_clinic_cannot_plant_an_administrator(laptops, tmp_path, tally):
    """Eve made her own database with the clinic's passphrase and transfer phrase."""
    eve = open_database(tmp_path / "eve.db", PASSPHRASE, create=True)
    try:
        create_user(eve, "eve", "admin", "password-9")
        write_transfer(eve, tmp_path / "eve.dyade", PHRASE)
    finally:
        eve.close()
    before = _access(laptops.a)
    with pytest.raises(TransferRefused, match="another clinic") as refused:
        import_transfer(laptops.a, tmp_path / "eve.dyade", PHRASE)
    assert "un autre cabinet" in refused.value.text("fr")
    assert clinic_id(laptops.a) == clinic_id(laptops.b)
    assert _access(laptops.a) == before and find_user(laptops.a, "eve") is None
    tally.add(trials=1)


def _random_change(rng: random.Random, db, clinic) -> None:
    """One access change a person could make on this laptop."""
    dyad, people = clinic.dyad, (clinic.colleague, clinic.receptionist)
    kind = rng.choice(("share", "unshare", "active", "inactive", "password"))
    if kind == "share":
        share_dyad(db, dyad.uuid, clinic.colleague.uuid)
    elif kind == "unshare":
        unshare_dyad(db, dyad.uuid, clinic.colleague.uuid)
    elif kind == "password":
        set_password(db, rng.choice(people).uuid, f"password-{rng.randrange(10**6)}")
    else:
        set_active(db, rng.choice(people).uuid, kind == "active")


def _revoked_everywhere(pair: Laptops) -> bool:
    colleague, dyad = pair.clinic.colleague, pair.clinic.dyad
    return not any(
        can_see_clinical(db, colleague, dyad.uuid) or find_user(db, "accueil").active
        for db in (pair.a, pair.b)
    )


def test_random_exchanges_converge_and_an_older_file_never_undoes_a_revocation(tmp_path, tally):
    """Random changes on both laptops with files crossing mid-way; after a full exchange
    both hold the same access. Then one laptop revokes a share and an account while the
    other's older file arrives on both: the revocations stay."""
    rng = random.Random(1414)
    for trial in range(scale(4, 60)):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        pair = Laptops(folder)
        try:
            for _step in range(rng.randrange(2, 8)):
                side = rng.choice((pair.a, pair.b))
                _random_change(rng, side, pair.clinic)
                if rng.random() < 0.4:  # sometimes a file goes across mid-way
                    pair.move(side, pair.b if side is pair.a else pair.a)
            pair.move(pair.a, pair.b)
            pair.move(pair.b, pair.a)
            diverged = _access(pair.a) != _access(pair.b)
            side, other = rng.choice(((pair.a, pair.b), (pair.b, pair.a)))
            stale = pair.write(other)
            unshare_dyad(side, pair.clinic.dyad.uuid, pair.clinic.colleague.uuid)
            set_active(side, pair.clinic.receptionist.uuid, False)
            import_transfer(side, stale, PHRASE)
            pair.move(side, other)
            import_transfer(other, stale, PHRASE)
            lost = int(diverged) + int(not _revoked_everywhere(pair))
            tally.add(trials=1, lost=lost)
            assert not lost, trial
        finally:
            pair.close()


@pytest.mark.parametrize(
    ("log2_n", "r", "p"),
    [(22, 32, 16), (20, 8, 1), (16, 8, 1), (15, 16, 1), (15, 8, 2), (9, 8, 1)],
)
def test_a_header_asking_other_key_settings_is_refused_before_any_key_work(
    tmp_path, monkeypatch, tally, log2_n, r, p
):
    """Up to ~17 GiB of scrypt memory could be asked before the passphrase was checked:
    only the settings Dyade writes are accepted; no key is derived for any other."""
    from dyade.storage import sealed

    path = tmp_path / "crafted.dyade"
    with open(path, "wb") as handle:
        sealed.seal([b"x"], handle, PHRASE)
    data = bytearray(path.read_bytes())
    at = len(sealed.MAGIC) + 1 + 16
    data[at : at + 3] = bytes([log2_n, r, p])
    path.write_bytes(bytes(data))

    def no_key_work(*args):
        raise AssertionError(f"a key was derived with {args[2:]}")

    monkeypatch.setattr(sealed, "_keys", no_key_work)
    with pytest.raises(TransferRefused, match="key settings") as refused:
        list(sealed.unseal(path, PHRASE))
    assert "réglages de clé" in refused.value.text("fr")
    tally.add(fuzzed=1)
