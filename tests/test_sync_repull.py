"""Migration 6: a laptop whose older Dyade skipped changes reads the hub's log again, once.

The older pull sorted the hub's transaction numbers as text; these tests make a
laptop at schema version 5 pull with that query, so its state is what that
version left, then open it with this Dyade and sync.
"""

from __future__ import annotations

import psycopg
import pytest

from dyade.storage import connection, outbox, repull
from dyade.storage.conflicts import open_conflicts, resolve
from dyade.storage.migrations import SCHEMA
from dyade.storage.patients import patient_by_code, update_patient
from dyade.sync import engine, hub
from faults_support import digest
from pg_support import make_cluster, remove_cluster
from storage_fixtures import PASSPHRASE, make_clinic
from sync_support import Laptop, contents, cross_a_power_of_ten, new_visit, sync_in_child

# The pull before migration 6: ORDER BY named the output's xid, the number as text.
OLD_PULL = """
SELECT xid::text, seq, device, device_seq, payload FROM dyade_hub.changes
WHERE clinic = %s AND (xid, seq) > (%s::xid8, %s)
  AND xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY xid, seq LIMIT %s
"""


def _at_version_5(laptop: Laptop) -> Laptop:
    """The laptop's database as the Dyade before migration 6 made it."""
    laptop.db = connection.open_database(laptop.path, PASSPHRASE, create=True, migrate=False)
    SCHEMA.apply(laptop.db, target=5)
    return laptop


def _updated(laptop: Laptop) -> Laptop:
    """Close the laptop and open it with this Dyade: its migrations run."""
    laptop.close()
    laptop.open()
    assert SCHEMA.current(laptop.db) == 6
    return laptop


@pytest.fixture
def young_hub():
    """A hub on a cluster of its own, its transaction numbers still short: the session's
    cluster, once past a power of ten, is past it for good and each crossing there costs
    ten times more transactions than the one before."""
    cluster = make_cluster()
    cluster.start("listen_addresses=''", "fsync=off")
    try:
        dsn = cluster.create_database()
        hub.init_hub(dsn)
        yield dsn
    finally:
        remove_cluster(cluster)


@pytest.fixture
def old_and_new(young_hub, tmp_path):
    """Laptop a still runs the older Dyade (schema 5, the older pull); b runs this one."""
    a = _at_version_5(Laptop(tmp_path / "a.db", hub.enrol(young_hub, "laptop-a")))
    b = Laptop(tmp_path / "b.db", hub.enrol(young_hub, "laptop-b")).open()
    yield a, b
    a.close(), b.close()


def _codes(laptop: Laptop) -> set[str]:
    return {row[0] for row in laptop.db.execute("SELECT code FROM patients")}


def _name(laptop: Laptop, code: str) -> str | None:
    return patient_by_code(laptop.db, code).name


def _skip_with_the_older_pull(a: Laptop, b: Laptop, dsn: str, monkeypatch) -> None:
    """b's change 2 (a new patient P-002 and a new name for P-001, which a renamed
    too meanwhile) is skipped on a: b's change 3 came after the hub's transaction
    numbers gained a digit, so the older pull served it first."""
    with monkeypatch.context() as older:
        older.setattr(engine, "_PULL", OLD_PULL)
        a.sync(), b.sync()
        new_visit(b.db, "P-001", "Solange Verdier", "martin")
        b.sync(), a.sync()
        update_patient(a.db, patient_by_code(a.db, "P-001").uuid, name="Solange Verdier-Roy")
        update_patient(b.db, patient_by_code(b.db, "P-001").uuid, name="Solange Verdier-Lenoir")
        new_visit(b.db, "P-002", "Armand Lefort", "nguyen")
        b.sync()
        cross_a_power_of_ten(dsn)
        new_visit(b.db, "P-003", "Lise Carmaux", "okafor")
        b.sync(), a.sync()
    assert _codes(a) == {"P-001", "P-003"}  # P-002 lost there, as the older Dyade left it
    assert open_conflicts(a.db) == []  # and b's new name for P-001 with it


def test_an_updated_laptop_receives_what_the_older_pull_skipped_and_keeps_its_own(
    old_and_new, young_hub, monkeypatch
):
    a, b = old_and_new
    _skip_with_the_older_pull(a, b, young_hub, monkeypatch)
    new_visit(a.db, "P-004", "Noé Brassac", "ferrand")  # not sent yet when Dyade is updated
    report = _updated(a).sync()
    assert report.rechecked > 0 and report.pushed > 0
    assert _codes(a) == {"P-001", "P-002", "P-003", "P-004"}
    # b's name for P-001 clashes with a's own: kept aside, nothing overwritten, nothing lost
    assert _name(a, "P-001") == "Solange Verdier-Roy"
    [kept] = open_conflicts(a.db)
    assert (kept.table, kept.incoming["name"]) == ("patients", "Solange Verdier-Lenoir")
    assert outbox.get_state(a.db, "repull") is None
    assert a.db.execute("SELECT count(*) FROM sync_doubts").fetchone()[0] == 0
    b.sync()
    assert _codes(b) == {"P-001", "P-002", "P-003", "P-004"}
    a.sync()
    same = {t: rows for t, rows in contents(a.db).items() if t != "patients"}
    assert same == {t: rows for t, rows in contents(b.db).items() if t != "patients"}
    again = a.sync()  # once: the next syncs read only what is new
    assert (again.rechecked, again.pulled, len(open_conflicts(a.db))) == (0, 0, 1)


def test_a_reading_interrupted_by_the_network_resumes_where_it_stopped(
    old_and_new, young_hub, monkeypatch
):
    a, b = old_and_new
    _skip_with_the_older_pull(a, b, young_hub, monkeypatch)
    _updated(a)
    monkeypatch.setattr(engine, "PULL_PAGE", 1)
    real, pages = repull.apply_page, []

    def drop_on_the_third_page(*args, **kwargs):
        pages.append(1)
        if len(pages) == 3:
            raise psycopg.OperationalError("server closed the connection unexpectedly")
        return real(*args, **kwargs)

    monkeypatch.setattr(repull, "apply_page", drop_on_the_third_page)
    with pytest.raises(hub.HubUnreachable):
        a.sync()
    assert outbox.get_state(a.db, "repull") is not None  # two pages kept, the rest to come
    assert outbox.get_state(a.db, "cursor") != ["0", 0]
    a.sync()
    assert outbox.get_state(a.db, "repull") is None
    assert _codes(a) == {"P-001", "P-002", "P-003"}
    [kept] = open_conflicts(a.db)
    assert kept.incoming["name"] == "Solange Verdier-Lenoir"


def test_dyade_sync_says_what_it_read_again(old_and_new, young_hub, monkeypatch, dyade):
    a, b = old_and_new
    _skip_with_the_older_pull(a, b, young_hub, monkeypatch)
    a.close()
    code, out, err = dyade("sync", db=a.path.name)  # the updated Dyade opens it: migration 6
    assert code == 0, err
    assert "read again once after an update of Dyade" in out
    assert "patients 1" in out  # P-002, skipped by the older pull
    assert "conflicts kept aside (1)" in out and "patients" in out
    code, out, _err = dyade("sync", db=a.path.name)
    assert code == 0 and "read again" not in out


def test_killed_while_reading_again_then_synced_loses_and_doubles_nothing(
    old_and_new, young_hub, monkeypatch
):
    a, b = old_and_new
    _skip_with_the_older_pull(a, b, young_hub, monkeypatch)
    _updated(a)
    child = sync_in_child(a, "repulling")  # pages of two changes; killed in the second
    assert child.wait(timeout=120) == -9, child.stderr.read().decode()
    a.open()
    assert outbox.get_state(a.db, "repull") is not None
    a.sync()
    assert outbox.get_state(a.db, "repull") is None
    assert _codes(a) == {"P-001", "P-002", "P-003"}
    [kept] = open_conflicts(a.db)
    assert kept.incoming["name"] == "Solange Verdier-Lenoir"
    b.sync(), a.sync()
    same = {t: rows for t, rows in contents(a.db).items() if t != "patients"}
    assert same == {t: rows for t, rows in contents(b.db).items() if t != "patients"}


def test_reading_again_brings_back_no_conflict_already_decided(old_and_new, young_hub):
    """Versions merged before come again: a conflict kept aside and decided either way
    stays decided, and an older version of a record taken since is not a new conflict."""
    a, b = old_and_new
    a.sync(), b.sync()
    new_visit(b.db, "P-001", "Solange Verdier", "martin")
    new_visit(b.db, "P-002", "Armand Lefort", "nguyen")
    b.sync(), a.sync()
    cross_a_power_of_ten(young_hub)  # the log spans a new digit: it is read again
    update_patient(a.db, patient_by_code(a.db, "P-001").uuid, name="Solange Verdier-Roy")
    update_patient(a.db, patient_by_code(a.db, "P-002").uuid, name="Armand Lefort-Ibo")
    for code in ("P-001", "P-002"):
        update_patient(b.db, patient_by_code(b.db, code).uuid, name=f"{code} from b")
    b.sync(), a.sync()
    first, second = sorted(open_conflicts(a.db), key=lambda c: c.incoming["name"])
    resolve(a.db, first.uuid, take_incoming=False)  # P-001: a keeps its name
    resolve(a.db, second.uuid, take_incoming=True)  # P-002: a takes b's
    a.sync()
    before = digest(a.db, skip=("audit", "_migrations", "sync_state"))
    report = _updated(a).sync()
    assert report.rechecked > 0
    assert open_conflicts(a.db) == []
    assert digest(a.db, skip=("audit", "_migrations", "sync_state", "sync_doubts")) == before
    assert (_name(a, "P-001"), _name(a, "P-002")) == ("Solange Verdier-Roy", "P-002 from b")


def test_a_log_whose_numbers_never_gained_a_digit_is_not_read_again(old_and_new, young_hub):
    """Numbers of as many digits sort alike as text: the older pull skipped nothing."""
    a, b = old_and_new
    cross_a_power_of_ten(young_hub)  # every change of this test gets the same number of digits
    a.sync(), b.sync()
    new_visit(b.db, "P-001", "Solange Verdier", "martin")
    b.sync(), a.sync()
    cursor = outbox.get_state(a.db, "cursor")
    new_visit(b.db, "P-002", "Armand Lefort", "nguyen")
    b.sync()
    report = _updated(a).sync()
    assert (report.rechecked, report.pulled) == (0, 1)  # only b's new change
    assert _codes(a) == {"P-001", "P-002"} and outbox.get_state(a.db, "repull") is None
    assert outbox.get_state(a.db, "cursor") > cursor


def test_a_laptop_never_linked_to_a_hub_is_left_as_it_was(tmp_path):
    path = tmp_path / "alone.db"
    old = connection.open_database(path, PASSPHRASE, create=True, migrate=False)
    SCHEMA.apply(old, target=5)
    make_clinic(old)
    before = digest(old, skip=("_migrations",))
    old.close()
    db = connection.open_database(path, PASSPHRASE)
    try:
        assert SCHEMA.current(db) == 6
        assert digest(db, skip=("_migrations", "sync_doubts")) == before
        assert db.execute("SELECT count(*) FROM sync_state").fetchone()[0] == 0
        assert not outbox.recording(db) and outbox.waiting(db) == 0
    finally:
        db.close()
