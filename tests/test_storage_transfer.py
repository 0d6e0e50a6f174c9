"""Two laptops merged both ways by transfer files, without a network."""

from __future__ import annotations

import pytest

from dyade.storage.connection import open_database
from dyade.storage.errors import TransferRefused
from dyade.storage.patients import get_patient, update_patient
from dyade.storage.responses import (
    complete_response,
    load_answers,
    responses_of_visit,
    save_answer,
)
from dyade.storage.results import save_visit_result
from dyade.storage.transfer import TABLES, import_transfer, write_transfer
from dyade.storage.visits import create_visit
from storage_fixtures import FORMS, PASSPHRASE, Clinic, make_clinic

TRANSFER_PHRASE = "a phrase both laptops know"
ALL_TABLES = [*TABLES, "conflicts", "settings"]


def _snapshot(db, tables=ALL_TABLES) -> dict[str, list[tuple]]:
    return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def _move(source, target, path) -> object:
    write_transfer(source, path, TRANSFER_PHRASE)
    return import_transfer(target, path, TRANSFER_PHRASE)


@pytest.fixture
def laptops(tmp_path):
    """Laptop A sets the clinic up; laptop B starts from A's transfer file."""
    a = open_database(tmp_path / "a.db", PASSPHRASE, create=True)
    b = open_database(tmp_path / "b.db", PASSPHRASE, create=True)
    clinic = make_clinic(a)
    _move(a, b, tmp_path / "setup.dyade")
    yield a, b, clinic
    a.close()
    b.close()


def _patient_side(db, visit_uuid):
    return next(r for r in responses_of_visit(db, visit_uuid) if r.respondent == "patient")


def _record_on_both(a, b, clinic: Clinic):
    """Each laptop records its own work, and B finishes a response A had opened."""
    on_a = create_visit(a, clinic.dyad.uuid, FORMS, on="2026-03-09")
    save_answer(a, _patient_side(a, on_a.uuid).uuid, "p_bond_listened", 4)
    save_visit_result(a, clinic.visit.uuid, 2, {"flags": ["withdrawal_unseen"]})
    on_b = create_visit(b, clinic.dyad.uuid, FORMS, kind="brief", on="2026-03-10")
    save_answer(b, _patient_side(b, on_b.uuid).uuid, "p_goals", 2)
    first = _patient_side(b, clinic.visit.uuid)
    save_answer(b, first.uuid, "p_bond_listened", 5)
    complete_response(b, first.uuid)
    return on_a, on_b, first


def test_merged_both_ways_every_record_once(laptops, tmp_path):
    a, b, clinic = laptops
    on_a, on_b, first = _record_on_both(a, b, clinic)
    to_a = _move(b, a, tmp_path / "b-to-a.dyade")
    assert to_a.added["visits"] == 1 and to_a.updated["responses"] == 1
    assert to_a.conflicts == []
    to_b = _move(a, b, tmp_path / "a-to-b.dyade")
    assert to_b.added["visits"] == 1 and to_b.conflicts == []
    data_tables = [t for t in TABLES if t != "audit"]
    assert _snapshot(a, data_tables) == _snapshot(b, data_tables)
    visits = [r[0] for r in a.execute("SELECT uuid FROM visits")]
    assert sorted(visits) == sorted({clinic.visit.uuid, on_a.uuid, on_b.uuid})
    assert load_answers(a, first.uuid) == {"p_bond_listened": 5}
    a_audit = {r[0]: r[1:] for r in a.execute("SELECT uuid, action, target FROM audit")}
    b_audit = {r[0] for r in b.execute("SELECT uuid FROM audit")}
    missing_in_b = [a_audit[u] for u in set(a_audit) - b_audit]
    # B holds A's log, except the line A wrote after sealing its last file
    assert missing_in_b == [("exported", str(tmp_path / "a-to-b.dyade"))]


def test_importing_twice_changes_nothing(laptops, tmp_path):
    a, b, clinic = laptops
    _record_on_both(a, b, clinic)
    path = tmp_path / "b.dyade"
    write_transfer(b, path, TRANSFER_PHRASE)
    import_transfer(a, path, TRANSFER_PHRASE)
    before = _snapshot(a, [t for t in ALL_TABLES if t != "audit"])
    again = import_transfer(a, path, TRANSFER_PHRASE)
    assert (again.added, again.updated, again.conflicts) == ({}, {}, [])
    assert _snapshot(a, [t for t in ALL_TABLES if t != "audit"]) == before


def test_conflict_is_reported_and_kept_aside_never_overwritten(laptops, tmp_path):
    a, b, clinic = laptops
    update_patient(b, clinic.patient.uuid, name="Solange Verdier-Roux")
    path = tmp_path / "b.dyade"
    write_transfer(b, path, TRANSFER_PHRASE)
    report = import_transfer(a, path, TRANSFER_PHRASE)
    assert [(t, reason) for t, _key, reason in report.conflicts] == [
        ("patients", "same id, different content")
    ]
    assert get_patient(a, clinic.patient.uuid).name == "Solange Verdier"
    kept = a.execute("SELECT table_name, incoming FROM conflicts").fetchall()
    assert len(kept) == 1 and "Verdier-Roux" in kept[0][1]
    import_transfer(a, path, TRANSFER_PHRASE)  # reported again, stored once
    assert a.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 1


def _refused_untouched(db, path, match, phrase=TRANSFER_PHRASE):
    before = _snapshot(db)
    with pytest.raises(TransferRefused, match=match):
        import_transfer(db, path, phrase)
    assert _snapshot(db) == before


def test_tampered_truncated_or_wrongly_keyed_files_are_refused(laptops, tmp_path):
    a, b, clinic = laptops
    _record_on_both(a, b, clinic)
    path = tmp_path / "b.dyade"
    write_transfer(b, path, TRANSFER_PHRASE)
    data = path.read_bytes()
    assert clinic.patient.name.encode() not in data

    tampered = tmp_path / "tampered.dyade"
    tampered.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    _refused_untouched(a, tampered, "changed or damaged")
    truncated = tmp_path / "truncated.dyade"
    truncated.write_bytes(data[: len(data) - 10])
    _refused_untouched(a, truncated, "truncated")
    extended = tmp_path / "extended.dyade"
    extended.write_bytes(data + b"more")
    _refused_untouched(a, extended, "extra bytes")
    _refused_untouched(a, path, "passphrase does not open", phrase="not the phrase")
    stranger = tmp_path / "stranger.dyade"
    stranger.write_bytes(b"hello, this is not a transfer file at all" * 3)
    _refused_untouched(a, stranger, "not a Dyade transfer file")
    assert import_transfer(a, path, TRANSFER_PHRASE).added  # the intact file still imports
