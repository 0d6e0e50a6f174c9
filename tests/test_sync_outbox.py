"""The laptop's outbox: written in the same transaction as each change, only once paired."""

from __future__ import annotations

import pytest

from dyade.storage import outbox
from dyade.storage.migrations import _SYNCED
from dyade.storage.patients import create_patient
from dyade.storage.transfer import TABLES
from sync_support import answer, new_visit


def test_the_outbox_follows_the_tables_that_travel():
    assert dict(_SYNCED) == TABLES


def test_nothing_is_queued_before_pairing_then_everything_once(db):
    new_visit(db, "P-001", "Solange Verdier", "martin")
    assert outbox.waiting(db) == 0
    with db.atomic():
        outbox.start_recording(db)
    total = sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    assert outbox.waiting(db) == total
    with db.atomic():
        outbox.start_recording(db)  # again: nothing doubled
    assert outbox.waiting(db) == total


def test_a_change_and_its_outbox_row_commit_or_roll_back_together(db):
    with db.atomic():
        outbox.start_recording(db)
    response, _ = new_visit(db, "P-001", "Solange Verdier", "martin")
    before = outbox.waiting(db)
    with pytest.raises(RuntimeError), db.atomic():
        create_patient(db, "P-002", name="Armand Lefort")
        assert outbox.waiting(db) == before + 2  # the patient and its audit entry
        raise RuntimeError("power cut")
    assert outbox.waiting(db) == before
    answer(db, response, "p_bond_listened", 3)
    answer(db, response, "p_bond_listened", 4)  # the same record again: queued once
    queued = db.execute("SELECT count(*) FROM outbox WHERE table_name = 'answers'").fetchone()
    assert queued == (1,)


def test_sealing_moves_the_outbox_in_numbered_changes_parents_first(db):
    with db.atomic():
        outbox.start_recording(db)
    new_visit(db, "P-001", "Solange Verdier", "martin")
    waiting = outbox.waiting(db)
    made = outbox.seal_outbox(db, lambda seq, data: data, batch=3)
    assert made == -(-waiting // 3) and outbox.waiting(db) == waiting
    changes = [outbox.decode(p) for _seq, p in outbox.pending(db)]
    order = [record["t"] for change in changes for record in change]
    assert order.index("patients") < order.index("dyads") < order.index("visits")
    assert order.index("visits") < order.index("responses")
    assert [seq for seq, _p in outbox.pending(db)] == list(range(1, made + 1))
    outbox.forget_pushed(db, "this laptop", 1, made)
    assert outbox.waiting(db) == 0 and outbox.seen(db, "this laptop") == made


def test_a_background_sync_connection_is_not_taken_for_another_program(db, monkeypatch):
    """The sync's second connection writes while the app's keeps saving: no check of the
    whole file is set off, as a write by another program would."""
    from dyade.storage import faults

    def another_program(*_args):
        raise AssertionError("taken for another program's write")

    monkeypatch.setattr(faults, "_refuse_changed", another_program)
    with db.companion() as other:
        with other.atomic():
            outbox.set_state(other, "last_sync_at", "2026-03-02T09:12:00.000+00:00")
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as a large pull sets off itself
        create_patient(db, "P-001")
        with other.atomic():
            outbox.set_state(other, "offline_since", None)
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    create_patient(db, "P-002")
    assert outbox.get_state(db, "last_sync_at").startswith("2026-03-02")


def test_a_change_stays_small_when_records_are_large(db, monkeypatch):
    """Analysis summaries weigh ~9 KB each: a change holds fewer of them, none is lost."""
    monkeypatch.setattr(outbox, "CHANGE_BYTES", 400)
    with db.atomic():
        outbox.start_recording(db)
    for n in range(6):
        create_patient(db, f"P-{n}", name="x" * 180)
    waiting = outbox.waiting(db)
    outbox.seal_outbox(db, lambda seq, data: data)
    changes = [outbox.decode(p) for _seq, p in outbox.pending(db)]
    assert all(len(change) <= 3 for change in changes) and len(changes) >= 4
    assert sum(len(change) for change in changes) == waiting
