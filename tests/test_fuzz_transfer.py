"""Transfer files from outside: damaged, tampered or made up, they are refused whole.

Three kinds of input: a real transfer file with bytes flipped, cut or added
(the seal must refuse it); content sealed with the right passphrase but not
what Dyade writes (a buggy or hostile laptop: the merge must refuse it, not
crash); and real clinics with odd names and answers, exported and imported
again (everything must come back the same).
"""

from __future__ import annotations

import json
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyade.storage.clinic import clinic_id
from dyade.storage.connection import open_database
from dyade.storage.errors import TransferRefused
from dyade.storage.patients import create_patient
from dyade.storage.responses import responses_of_visit, save_answer
from dyade.storage.sealed import seal
from dyade.storage.transfer import TABLES, import_transfer, write_transfer
from faults_support import KDF, PASSPHRASE, digest, scale, tally
from storage_fixtures import make_clinic

__all__ = ["tally"]
FUZZ = settings(
    max_examples=scale(20, 1500),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TRAVELLING = tuple(t for t in TABLES)


@pytest.fixture
def laptops(tmp_path):
    """This laptop's database (open) and a real transfer file from another laptop."""
    base = tmp_path / "here.db"
    db = open_database(base, PASSPHRASE, create=True, kdf_iter=KDF)
    make_clinic(db)
    other = open_database(tmp_path / "there.db", PASSPHRASE, create=True, kdf_iter=KDF)
    clinic = make_clinic(other)
    response = responses_of_visit(other, clinic.visit.uuid)[0]
    save_answer(other, response.uuid, "p_bond_listened", 4)
    transfer = write_transfer(other, tmp_path / "there.dyade", PASSPHRASE, log2_n=10)
    other.close()
    yield db, transfer.read_bytes()
    db.close()


@FUZZ
@given(data=st.data())
def test_damaged_or_tampered_transfer_files_are_refused(laptops, tmp_path, tally, data):
    db, good = laptops
    bad = bytearray(good)
    action = data.draw(st.sampled_from(["flip", "cut", "add", "splice"]))
    at = data.draw(st.integers(0, len(bad) - 1))
    if action == "flip":
        bad[at] ^= data.draw(st.integers(1, 255))
    elif action == "cut":
        del bad[at:]
    elif action == "add":
        bad[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    else:
        bad[at : at + 8] = data.draw(st.binary(min_size=0, max_size=8))
    path = tmp_path / "bad.dyade"
    path.write_bytes(bytes(bad))
    before = digest(db)
    tally.add(fuzzed=1, faults=1)
    if bytes(bad) == good:
        return
    with pytest.raises(TransferRefused) as refused:
        import_transfer(db, path, PASSPHRASE)
    assert "bad.dyade" in str(refused.value)
    lost = int(digest(db) != before)
    tally.add(lost=lost)
    assert not lost


scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.floats()
rows = st.dictionaries(st.text(max_size=10), scalars | st.lists(scalars, max_size=3), max_size=6)
records = st.one_of(
    st.fixed_dictionaries({"t": st.sampled_from(TRAVELLING) | st.text(max_size=8), "r": rows}),
    st.fixed_dictionaries({"end": scalars}),
    st.lists(scalars, max_size=3),
    scalars,
)
heads = st.one_of(
    st.fixed_dictionaries(
        {"format": st.sampled_from([1, 2, "1", None]), "schema": scalars, "source": scalars}
    ),
    scalars,
    st.lists(scalars, max_size=2),
)


def _sealed_lines(path, lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines).encode()
    with open(path, "wb") as handle:
        seal([zlib.compress(text)], handle, PASSPHRASE, 10)


@FUZZ
@given(head=heads, body=st.lists(records, max_size=6), close=st.booleans())
def test_sealed_but_malformed_content_is_refused(laptops, tmp_path, tally, head, body, close):
    db, _good = laptops
    lines = [json.dumps(head)] + [json.dumps(r) for r in body]
    if close:
        lines.append(json.dumps({"end": len(body)}))
    path = tmp_path / "odd.dyade"
    _sealed_lines(path, lines)
    before = digest(db)
    tally.add(fuzzed=1)
    try:
        import_transfer(db, path, PASSPHRASE)
    except TransferRefused as exc:
        assert "odd.dyade" in str(exc)
        lost = int(digest(db) != before)
        tally.add(lost=lost)
        assert not lost


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
answers = st.one_of(st.integers(-5, 10), st.text(max_size=40), st.lists(st.text(max_size=5)))


@settings(FUZZ, max_examples=scale(6, 200))
@given(people=st.lists(names, min_size=1, max_size=4, unique=True), values=st.lists(answers))
def test_a_transfer_round_trip_brings_everything_back(tmp_path_factory, tally, people, values):
    folder = tmp_path_factory.mktemp("round")
    here = open_database(folder / "a.db", PASSPHRASE, create=True, kdf_iter=KDF)
    clinic = make_clinic(here)
    for n, name in enumerate(people):
        create_patient(here, f"C-{n}", name=name)
    response = responses_of_visit(here, clinic.visit.uuid)[0]
    for n, value in enumerate(values):
        save_answer(here, response.uuid, f"item_{n}", value)
    write_transfer(here, folder / "a.dyade", PASSPHRASE, log2_n=10)
    there = open_database(folder / "b.db", PASSPHRASE, create=True, kdf_iter=KDF)
    try:
        import_transfer(there, folder / "a.dyade", PASSPHRASE)
        # (digest leaves each laptop's own change log, what it sent and received, aside)
        skip = ("settings", "_migrations", "audit", "conflicts", "clinic")
        lost = int(digest(here, skip=skip) != digest(there, skip=skip))
        lost += int(clinic_id(here) != clinic_id(there))  # the new laptop joined the clinic
        tally.add(fuzzed=1, lost=lost)
        assert not lost
    finally:
        here.close()
        there.close()
