"""USB transfer files carry only what changed since the last file for that target."""

from __future__ import annotations

import shutil

import pytest

from dyade.storage import transfer, transfer_log
from dyade.storage.connection import open_database
from dyade.storage.errors import TransferRefused
from dyade.storage.responses import load_answers, responses_of_visit, save_answer
from dyade.storage.transfer import TABLES, import_transfer, write_transfer_for
from dyade.storage.visits import create_visit
from faults_support import KDF, clinic_file, run
from faults_support import PASSPHRASE as FAULT_PHRASE
from storage_fixtures import FORMS, PASSPHRASE, make_clinic

__all__ = ["clinic_file"]

PHRASE = "a phrase both laptops know"
CLI_PHRASE = "transfer phrase"  # the dyade fixture's DYADE_TRANSFER_PASSPHRASE
DATA = [t for t in TABLES if t != "audit"]


def _write(db, path, target="usb", full=False):
    return write_transfer_for(db, path, PHRASE, target, full=full, log2_n=10)


def _content(path, phrase=PHRASE) -> tuple[dict, list[tuple[str, dict]]]:
    """A transfer file's header and its records (table, row)."""
    head, *records, _end = list(transfer._records(path, phrase))
    return head, [(r["t"], r["r"]) for r in records]


def _snapshot(db, tables=DATA) -> dict[str, list[tuple]]:
    return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def _patient_side(db, visit_uuid):
    return next(r for r in responses_of_visit(db, visit_uuid) if r.respondent == "patient")


@pytest.fixture
def laptops(tmp_path):
    """Laptop A sets the clinic up; laptop B starts from A's first (full) file."""
    a = open_database(tmp_path / "a.db", PASSPHRASE, create=True)
    b = open_database(tmp_path / "b.db", PASSPHRASE, create=True)
    clinic = make_clinic(a)
    first = _write(a, tmp_path / "setup.dyade")
    import_transfer(b, first.path, PHRASE)
    yield a, b, clinic, first
    a.close()
    b.close()


def test_first_file_is_full_then_one_answer_travels_alone(laptops, tmp_path):
    a, b, clinic, first = laptops
    assert first.since is None and _content(first.path)[0]["since"] is None
    response = _patient_side(a, clinic.visit.uuid).uuid
    save_answer(a, response, "p_bond_listened", 4)
    second = _write(a, tmp_path / "second.dyade")
    head, records = _content(second.path)
    assert head["since"] == first_upto(a, first) and second.since is not None
    clinical = [(t, r) for t, r in records if t != "audit"]
    assert [t for t, _r in clinical] in (["answers"], ["responses", "answers"])
    answer = next(r for t, r in clinical if t == "answers")
    assert (answer["response_uuid"], answer["item_id"]) == (response, "p_bond_listened")
    assert second.records < first.records / 5
    assert second.path.stat().st_size < first.path.stat().st_size
    report = import_transfer(b, second.path, PHRASE)
    assert report.added == {"answers": 1, "audit": report.added["audit"]}
    assert load_answers(b, response) == {"p_bond_listened": 4}


def first_upto(db, written) -> int:
    """The log position a file holds, as its header says."""
    return _content(written.path)[0]["upto"]


def test_two_laptops_converge_through_incremental_files(laptops, tmp_path):
    a, b, clinic, _first = laptops
    back = _write(b, tmp_path / "b0.dyade")  # B's first file for its target: full
    import_transfer(a, back.path, PHRASE)
    on_a = create_visit(a, clinic.dyad.uuid, FORMS, on="2026-03-09")
    save_answer(a, _patient_side(a, on_a.uuid).uuid, "p_bond_listened", 4)
    on_b = create_visit(b, clinic.dyad.uuid, FORMS, kind="brief", on="2026-03-10")
    save_answer(b, _patient_side(b, on_b.uuid).uuid, "p_goals", 2)
    for n in range(2):  # two rounds each way, every file after the first incremental
        from_a = _write(a, tmp_path / f"a{n}.dyade")
        from_b = _write(b, tmp_path / f"b{n + 1}.dyade")
        assert from_a.since is not None and from_b.since is not None
        assert import_transfer(b, from_a.path, PHRASE).conflicts == []
        assert import_transfer(a, from_b.path, PHRASE).conflicts == []
    assert _snapshot(a) == _snapshot(b)
    visits = {r[0] for r in a.execute("SELECT uuid FROM visits")}
    assert {on_a.uuid, on_b.uuid, clinic.visit.uuid} == visits


def test_importing_an_incremental_file_twice_changes_nothing(laptops, tmp_path):
    a, b, clinic, _first = laptops
    save_answer(a, _patient_side(a, clinic.visit.uuid).uuid, "p_goals", 3)
    later = _write(a, tmp_path / "later.dyade")
    assert import_transfer(b, later.path, PHRASE).changed
    before = _snapshot(b, [*DATA, "conflicts", "transfer_received"])
    again = import_transfer(b, later.path, PHRASE)
    assert (again.added, again.updated, again.conflicts) == ({}, {}, [])
    assert _snapshot(b, [*DATA, "conflicts", "transfer_received"]) == before


def test_an_incremental_file_without_its_base_is_refused_and_writes_nothing(laptops, tmp_path):
    a, _b, clinic, first = laptops
    c = open_database(tmp_path / "c.db", PASSPHRASE, create=True)
    import_transfer(c, first.path, PHRASE)  # C received A's first file, not the second
    response = _patient_side(a, clinic.visit.uuid).uuid
    save_answer(a, response, "p_goals", 3)
    _write(a, tmp_path / "second.dyade")  # carried to B, never to C
    save_answer(a, response, "p_bond_listened", 5)
    third = _write(a, tmp_path / "third.dyade")
    before = _snapshot(c, [*DATA, "conflicts", "transfer_received", "audit"])
    with pytest.raises(TransferRefused) as refused:
        import_transfer(c, third.path, PHRASE)
    message = refused.value
    assert "has not received that file" in str(message) and "--full" in str(message)
    assert "n’a pas reçu ce fichier" in message.fr and "--full" in message.fr
    assert _snapshot(c, [*DATA, "conflicts", "transfer_received", "audit"]) == before
    full = _write(a, tmp_path / "full.dyade", full=True)  # --full: the way out
    assert full.since is None
    import_transfer(c, full.path, PHRASE)
    assert load_answers(c, response) == {"p_goals": 3, "p_bond_listened": 5}
    c.close()


def test_a_write_killed_midway_leaves_the_watermark_where_it_was(laptops, tmp_path, monkeypatch):
    a, b, clinic, _first = laptops
    mark = transfer_log.mark(a, "usb")
    response = _patient_side(a, clinic.visit.uuid).uuid
    save_answer(a, response, "p_goals", 1)
    sealing = transfer.seal

    def dies_midway(chunks, handle, *args):
        def some_then_gone():
            yield next(iter(chunks))
            raise OSError(28, "No space left on device")

        sealing(some_then_gone(), handle, *args)

    monkeypatch.setattr(transfer, "seal", dies_midway)
    out = tmp_path / "killed.dyade"
    with pytest.raises(Exception, match="space"):
        _write(a, out)
    assert not out.exists()
    assert transfer_log.mark(a, "usb") == mark
    monkeypatch.setattr(transfer, "seal", sealing)
    retry = _write(a, tmp_path / "retry.dyade")
    assert retry.since == mark.upto
    import_transfer(b, retry.path, PHRASE)
    assert load_answers(b, response) == {"p_goals": 1}


def test_targets_are_apart_and_full_still_writes_everything(laptops, tmp_path):
    a, b, clinic, first = laptops
    save_answer(a, _patient_side(a, clinic.visit.uuid).uuid, "p_goals", 2)
    other = _write(a, tmp_path / "other.dyade", target="the research network")
    assert other.since is None  # the first file for that target
    full = _write(a, tmp_path / "full.dyade", full=True)
    assert full.since is None and full.records >= first.records
    assert _write(a, tmp_path / "nothing.dyade").records == 1  # only the last export's log line
    assert not import_transfer(b, full.path, PHRASE).conflicts


def test_the_command_line_writes_incremental_files_and_imports_them(dyade, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert dyade("patient", "add", "--code", "P-1", "--name", "Ana")[0] == 0
    code, out, _err = dyade("transfer", "--out", str(usb / "1.dyade"))
    assert code == 0 and f"for {str(usb)!r}" in out and "every record" in out
    assert dyade("patient", "add", "--code", "P-2", "--name", "Bruno")[0] == 0
    code, out, _err = dyade("transfer", "--out", str(usb / "2.dyade"))
    assert code == 0 and "changed since the last one" in out
    head, records = _content(usb / "2.dyade", CLI_PHRASE)
    patients = [r["code"] for t, r in records if t == "patients"]
    assert patients == ["P-2"] and head["target"] == str(usb)
    code, out, _err = dyade("transfer", "--out", str(usb / "3.dyade"), "--full")
    assert code == 0 and "every record" in out
    assert sorted(
        r["code"] for t, r in _content(usb / "3.dyade", CLI_PHRASE)[1] if t == "patients"
    ) == [
        "P-1",
        "P-2",
    ]


def test_a_write_killed_at_each_file_step_never_moves_the_watermark(clinic_file, tmp_path):
    """SIGKILL before each file operation of the safe writer (flush, rename, cleanup):
    the target's watermark stays unset, so the next file for it is full again."""
    base, _clinic = clinic_file
    ops = _killed_write(base, tmp_path / "clean", 100_000)
    assert "fsync" in ops and {"link", "replace"} & set(ops)
    for step in range(1, len(ops) + 1):
        _killed_write(base, tmp_path / f"step-{step}", step)


def _killed_write(base, folder, crash_at: int) -> list[str]:
    """Write a file for the target "usb" in a child killed before its ``crash_at``-th
    file operation; check the watermark moved only in a run that finished."""
    folder.mkdir()
    path, out = folder / "clinic.db", folder / "out.dyade"
    shutil.copy(base, path)
    code, lines, err = run("write", "transfer-usb", str(path), FAULT_PHRASE, str(out),
                           env={"DYADE_CRASH_AT": str(crash_at)})  # fmt: skip
    db = open_database(path, FAULT_PHRASE, kdf_iter=KDF)
    try:
        moved = transfer_log.mark(db, "usb")
    finally:
        db.close()
    assert ("done" in lines) == (moved is not None) == (code == 0), err
    if moved is not None:
        assert moved.upto > 0 and out.is_file()
    return [line.split()[2] for line in lines if line.startswith("op ")]


def test_the_command_line_imports_in_order_and_refuses_a_gap(dyade, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert dyade("patient", "add", "--code", "P-1", "--name", "Ana")[0] == 0
    assert dyade("transfer", "--out", str(usb / "1.dyade"))[0] == 0
    assert dyade("patient", "add", "--code", "P-2", "--name", "Bruno")[0] == 0
    assert dyade("transfer", "--out", str(usb / "2.dyade"))[0] == 0
    assert dyade("patient", "add", "--code", "P-3", "--name", "Chloé")[0] == 0
    assert dyade("transfer", "--out", str(usb / "3.dyade"))[0] == 0
    assert dyade("user", "add", "--login", "admin", "--role", "admin", db="other.db")[0] == 0
    code, _out, err = dyade("import", str(usb / "2.dyade"), db="other.db")
    assert code != 0 and "has not received that file" in err and "--full" in err
    for n in (1, 2, 3, 3):  # the last one twice: nothing more
        code, out, err = dyade("import", str(usb / f"{n}.dyade"), db="other.db")
        assert code == 0, err
    assert "added nothing" in out
    other = open_database(tmp_path / "other.db", PASSPHRASE)
    codes = sorted(r[0] for r in other.execute("SELECT code FROM patients"))
    other.close()
    assert codes == ["P-1", "P-2", "P-3"]
