"""Laptops of one clinic meeting through the hub: convergence, idempotence, late commits."""

from __future__ import annotations

import subprocess

import psycopg
import pytest

from dyade.storage import outbox
from dyade.storage.clinic import clinic_id
from dyade.storage.responses import load_answers, save_answers
from dyade.storage.results import get_visit_result
from pg_support import pg_bin
from reports_support import load_pair
from sync_support import (
    answer,
    contents,
    cross_a_power_of_ten,
    laptops,
    new_visit,
    open_conflicts,
)


@pytest.fixture
def two(hub_dsn, tmp_path):
    devices = laptops(hub_dsn, tmp_path, 2)
    yield devices
    for laptop in devices:
        laptop.close()


def test_two_laptops_converge_after_offline_writes(two):
    a, b = two
    first, _ = new_visit(a.db, "P-001", "Solange Verdier", "martin")
    assert a.sync().pushed_records > 0
    joined = b.sync()
    assert joined.pulled > 0 and clinic_id(b.db) == clinic_id(a.db)
    a.sync()  # b's joining is in its audit: a receives it
    assert contents(b.db) == contents(a.db)
    # offline on both, then each syncs
    answer(a.db, first, "p_bond_listened", 5)
    second, _ = new_visit(b.db, "P-002", "Armand Lefort", "nguyen")
    answer(b.db, second, "p_bond_judged", 2)
    a.sync(), b.sync(), a.sync()
    assert contents(a.db) == contents(b.db)
    assert load_answers(a.db, second) == {"p_bond_judged": 2}
    assert load_answers(b.db, first) == {"p_bond_listened": 5}
    assert open_conflicts(a.db) == open_conflicts(b.db) == []


def test_pulled_changes_do_not_go_back_out_and_a_replayed_push_changes_nothing(two, hub_dsn):
    a, b = two
    new_visit(a.db, "P-001", "Solange Verdier", "martin")
    a.sync()
    b.sync()
    assert outbox.waiting(b.db) == 0
    again = b.sync()
    assert (again.pushed, again.pulled) == (0, 0)
    with psycopg.connect(hub_dsn) as conn:
        rows = conn.execute("SELECT device, device_seq, payload FROM dyade_hub.changes").fetchall()
    before = len(rows)
    # replay every change a sent, as a crash after the hub's commit would
    with psycopg.connect(a.conninfo) as conn:
        for device, seq, payload in rows:
            if device == "laptop-0":
                conn.execute(
                    "INSERT INTO dyade_hub.changes (clinic, device, device_seq, payload) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (clinic, device, device_seq) DO NOTHING",
                    [clinic_id(a.db), device, seq, payload],
                )
    with psycopg.connect(hub_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM dyade_hub.changes").fetchone()[0] == before
    assert b.sync().pulled == 0
    a.sync()
    assert contents(a.db) == contents(b.db)


def test_a_late_committing_push_is_not_skipped(two, hub_dsn):
    """A push whose transaction began first but commits last still reaches the others."""
    a, b = two
    new_visit(a.db, "P-001", "Solange Verdier", "martin")
    a.sync()
    b.sync()
    late, _ = new_visit(a.db, "P-002", "Armand Lefort", "nguyen")
    answer(a.db, late)
    # a's push waits, uncommitted, while b pushes and syncs
    held = psycopg.connect(a.conninfo)
    from dyade.sync import engine

    link = engine._link(a.db, None)
    outbox.seal_outbox(
        a.db,
        lambda seq, data: engine.sealed.seal_record(link.key, data, link.place(link.device, seq)),
    )
    link.conn.close()
    for seq, payload in outbox.pending(a.db):
        held.execute(
            "INSERT INTO dyade_hub.changes (clinic, device, device_seq, payload) "
            "VALUES (%s, 'laptop-0', %s, %s)",
            [clinic_id(a.db), seq, payload],
        )
    new_visit(b.db, "P-003", "Lucie Arnaud", "roux")
    b.sync()  # b's rows have a later xid and commit first
    c_view = b.sync()
    assert c_view.pulled == 0  # a's rows are not served while their transaction runs
    held.commit()
    held.close()
    assert b.sync().pulled == 1
    a.sync()
    assert contents(a.db) == contents(b.db)
    assert load_answers(b.db, late) == {"p_bond_listened": 4}


def test_a_visit_completed_across_two_laptops_is_closed_and_analysed_on_both(two):
    """The kiosk has the patient's side, the office the physician's: each completes its
    own; after syncing, both laptops close the visit and store its analysis."""
    kiosk, office = two
    patient_side, visit = new_visit(kiosk.db, "P-001", "Solange Verdier", "martin")
    kiosk.sync(), office.sync()
    (physician_side,) = office.db.execute(
        "SELECT uuid FROM responses WHERE visit_uuid = ? AND respondent = 'physician'", [visit]
    ).fetchone()
    _form, patient_answers, _form, physician_answers = load_pair("harmonious")
    save_answers(kiosk.db, patient_side, patient_answers, complete=True)
    save_answers(office.db, physician_side, physician_answers, complete=True)
    kiosk.sync(), office.sync(), kiosk.sync()
    for laptop in two:
        status = laptop.db.execute("SELECT status FROM visits WHERE uuid = ?", [visit]).fetchone()
        assert status == ("complete",)
        assert get_visit_result(laptop.db, visit) is not None
    assert open_conflicts(kiosk.db) == open_conflicts(office.db) == []


def test_the_hub_holds_no_name_code_or_answer_in_clear(two, pg, hub_dsn):
    a, b = two
    response, _ = new_visit(a.db, "PX-7731", "Solange Verdier", "martin")
    answer(a.db, response, "p_bond_listened", 4)
    a.db.execute("UPDATE patients SET name = 'Hermeline Quastavoc'")  # a rarer word
    a.db.conn.commit()
    a.sync()
    b.sync()
    dbname = psycopg.conninfo.conninfo_to_dict(hub_dsn)["dbname"]
    dump = subprocess.run(
        [pg_bin("pg_dump"), "-h", pg.host, "-p", str(pg.port), "-U", "postgres", dbname],
        capture_output=True,
        check=True,
    ).stdout
    assert b"dyade_hub.changes" in dump and len(dump) > 2000
    for needle in (b"Hermeline", b"Quastavoc", b"PX-7731", b"p_bond_listened", b"martin"):
        assert needle not in dump
    assert b"Quastavoc" in str(contents(b.db)).encode()


def test_changes_on_both_sides_of_a_power_of_ten_of_hub_transactions_all_arrive(two, hub_dsn):
    """A pull serves changes by transaction number: as text, "1000" sorts before "999",
    and a device's later change served before its earlier one made the earlier one
    look applied already, so it was lost."""
    a, b = two
    a.sync(), b.sync()
    new_visit(b.db, "P-001", "Solange Verdier", "martin")
    b.sync()
    first = cross_a_power_of_ten(hub_dsn)
    new_visit(b.db, "P-002", "Armand Lefort", "nguyen")
    b.sync()
    with psycopg.connect(hub_dsn) as conn:
        last = int(conn.execute("SELECT max(xid)::text FROM dyade_hub.changes").fetchone()[0])
    assert len(str(last)) > len(str(first))
    a.sync()
    assert {row[0] for row in a.db.execute("SELECT code FROM patients")} == {"P-001", "P-002"}
    assert contents(a.db) == contents(b.db)
