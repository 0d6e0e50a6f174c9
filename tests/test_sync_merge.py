"""Merging through the hub: by UUID, answers never overwritten, conflicts on every laptop."""

from __future__ import annotations

import pytest

from dyade.storage.patients import create_patient, find_patient
from dyade.storage.responses import load_answers
from dyade.sync.status import sync_status
from sync_support import answer, contents, laptops, new_visit, open_conflicts


@pytest.fixture
def three(hub_dsn, tmp_path):
    devices = laptops(hub_dsn, tmp_path, 3)
    devices[0].sync()
    for laptop in devices[1:]:
        laptop.sync()  # each joins the first one's clinic
    yield devices
    for laptop in devices:
        laptop.close()


def _round(devices, times: int = 2) -> None:
    for _ in range(times):
        for laptop in devices:
            laptop.sync()


def test_three_laptops_converge_after_offline_writes(three):
    a, b, c = three
    responses = [
        new_visit(laptop.db, f"P-00{n}", f"Patient {n}", f"doc{n}")[0]
        for n, laptop in enumerate(three)
    ]
    for n, (laptop, response) in enumerate(zip(three, responses, strict=True)):
        answer(laptop.db, response, "p_bond_listened", n + 1)
    c.sync()
    a.sync()  # a meets c only
    _round(three)
    assert contents(a.db) == contents(b.db) == contents(c.db)
    for n, response in enumerate(responses):
        assert load_answers(b.db, response) == {"p_bond_listened": n + 1}
    assert all(open_conflicts(laptop.db) == [] for laptop in three)


def test_the_same_patient_code_on_two_laptops_is_a_conflict_on_both(three):
    a, b, _c = three
    mine = create_patient(a.db, "P-042", name="Solange Verdier")
    theirs = create_patient(b.db, "P-042", name="Armand Lefort")
    _round(three)
    for laptop, kept in ((a, mine), (b, theirs)):
        assert find_patient(laptop.db, "P-042").uuid == kept.uuid  # nothing overwritten
        assert ("patients", "cannot be added: UNIQUE constraint failed: patients.code") in (
            open_conflicts(laptop.db)
        )
    assert any(t == "patients" for t, _r in open_conflicts(_c.db))
    assert sync_status(a.db).conflicts == len(open_conflicts(a.db)) > 0  # the status line


def test_the_same_response_edited_on_two_laptops_keeps_both_answers(three):
    a, b, c = three
    response, _visit = new_visit(a.db, "P-001", "Solange Verdier", "martin")
    _round(three)
    answer(a.db, response, "p_bond_listened", 2)
    answer(b.db, response, "p_bond_listened", 5)
    _round(three)
    assert load_answers(a.db, response) == {"p_bond_listened": 2}
    assert load_answers(b.db, response) == {"p_bond_listened": 5}
    for laptop in (a, b):
        assert ("answers", "same id, different content") in open_conflicts(laptop.db)
    kept = [
        row[0]
        for row in c.db.execute("SELECT incoming FROM conflicts WHERE table_name = 'answers'")
    ]
    assert len(kept) == 1 and load_answers(c.db, response)["p_bond_listened"] in (2, 5)


def test_a_revocation_wins_on_every_laptop(three):
    from dyade.storage.dyads import create_dyad, share_dyad, shared_with, unshare_dyad
    from dyade.storage.users import create_user, get_user, set_active, set_password

    a, b, c = three
    doctor = create_user(a.db, "martin", "physician", "password-1")
    colleague = create_user(a.db, "nguyen", "physician", "password-2")
    patient = create_patient(a.db, "P-001", name="Solange Verdier")
    dyad = create_dyad(a.db, patient.uuid, doctor.uuid)
    share_dyad(a.db, dyad.uuid, colleague.uuid)
    _round(three)
    assert shared_with(c.db, dyad.uuid) == [colleague.uuid]
    # offline: b revokes the share and deactivates the colleague; a changes her password
    unshare_dyad(b.db, dyad.uuid, colleague.uuid)
    set_active(b.db, colleague.uuid, False)
    set_password(a.db, colleague.uuid, "a new password")
    a.sync(), c.sync(), b.sync()  # the revocation arrives last
    _round(three)
    for laptop in three:
        assert shared_with(laptop.db, dyad.uuid) == []
        assert get_user(laptop.db, colleague.uuid).active is False
    assert contents(a.db) == contents(b.db) == contents(c.db)
