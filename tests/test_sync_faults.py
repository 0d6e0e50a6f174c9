"""Sync under failures: killed mid-push and mid-pull, the hub down and back, a revoked device."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import psycopg
import pytest

from dyade.storage import outbox
from dyade.sync import hub
from dyade.sync.hub import HubRefused, HubUnreachable
from dyade.sync.status import hub_address
from pg_support import make_cluster, remove_cluster
from sync_support import Laptop, answer, contents, laptops, new_visit, sync_in_child


@pytest.fixture
def two(hub_dsn, tmp_path):
    devices = laptops(hub_dsn, tmp_path, 2)
    devices[0].sync()
    devices[1].sync()
    yield devices
    for laptop in devices:
        laptop.close()


def _hub_rows(hub_dsn) -> list[tuple]:
    with psycopg.connect(hub_dsn) as conn:
        return conn.execute("SELECT device, device_seq FROM dyade_hub.changes").fetchall()


def _write(laptop, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        response, _ = new_visit(
            laptop.open().db, f"P-{laptop.path.stem}-{i}", f"N{i}", f"{laptop.path.stem}-d{i}"
        )
        answer(laptop.db, response, "p_bond_listened", i % 5)


@pytest.mark.parametrize("point", ["sealed", "pushed", "pulling"])
def test_killed_at_each_step_then_synced_again_loses_and_doubles_nothing(two, hub_dsn, point):
    a, b = two
    _write(a, 4)
    _write(b, 4)
    victim = b if point == "pulling" else a
    if point == "pulling":
        a.sync()
    child = sync_in_child(victim, point)
    assert child.wait(timeout=120) == -9, child.stderr.read().decode()
    before = _hub_rows(hub_dsn)
    a.sync(), b.sync(), a.sync()
    after = _hub_rows(hub_dsn)
    assert len(after) == len(set(after))
    assert set(before) <= set(after)
    assert contents(a.db) == contents(b.db)
    assert outbox.waiting(a.db) == outbox.waiting(b.db) == 0
    for laptop in two:
        patients = laptop.db.execute("SELECT count(*) FROM patients").fetchone()[0]
        assert patients == 8


def test_killed_at_random_moments_of_syncs_nothing_lost_or_doubled(two, hub_dsn):
    a, b = two
    chance = random.Random(18)
    rounds = 25 if os.environ.get("DYADE_FAULTS_LONG") == "1" else 4
    for round_ in range(rounds):
        _write(a, 2, start=10 * round_)
        _write(b, 2, start=10 * round_)
        laptop = (a, b)[round_ % 2]
        child = sync_in_child(laptop, "none")
        time.sleep(chance.uniform(0.3, 1.5))  # during start-up, sealing, pushing or pulling
        child.kill()
        child.wait(timeout=60)
    a.sync(), b.sync(), a.sync()
    assert contents(a.db) == contents(b.db)
    rows = _hub_rows(hub_dsn)
    assert len(rows) == len(set(rows))
    assert a.db.execute("SELECT count(*) FROM patients").fetchone()[0] == 4 * rounds


def test_hub_down_then_back(tmp_path):
    cluster = make_cluster()
    cluster.start("listen_addresses=''", "fsync=off")
    try:
        dsn = cluster.create_database()
        hub.init_hub(dsn)
        a, b = laptops(dsn, tmp_path, 2)
        a.sync(), b.sync()
        _write(a, 2)
        cluster.stop()
        with pytest.raises(HubUnreachable, match="nothing is lost"):
            a.sync()
        assert outbox.waiting(a.db) > 0
        assert outbox.get_state(a.db, "offline_since") is not None
        _write(a, 1, start=5)
        cluster.start("listen_addresses=''", "fsync=off")
        a.sync(), b.sync()
        assert outbox.get_state(a.db, "offline_since") is None
        assert outbox.waiting(a.db) == 0
        assert contents(a.db)["patients"] == contents(b.db)["patients"]
        assert len(contents(b.db)["patients"]) == 3
        for laptop in (a, b):
            laptop.close()
    finally:
        remove_cluster(cluster)


def test_a_revoked_device_is_refused_and_keeps_its_changes(two, hub_dsn):
    a, b = two
    _write(b, 1)
    hub.revoke(hub_dsn, "laptop-1")
    with pytest.raises(HubRefused, match="revoked"):
        b.sync()
    assert outbox.waiting(b.db) > 0  # still here, for a transfer file or a new enrolment
    a.sync()
    assert a.db.execute("SELECT count(*) FROM patients").fetchone() == (0,)


def test_a_laptop_restored_from_a_backup_loses_nothing_it_had_sent(two, hub_dsn):
    """Restored to an older copy, the laptop is behind the hub on its own changes: what it
    writes next is not taken for what the hub already has, and what it had sent comes back."""
    import shutil

    a, b = two
    _write(a, 1)
    a.sync()
    a.close()
    shutil.copyfile(a.path, a.path.with_suffix(".backup"))
    _write(a, 1, start=1)  # sent, then lost with the restore
    a.sync()
    a.close()
    shutil.copyfile(a.path.with_suffix(".backup"), a.path)
    for side in ("-wal", "-shm"):
        Path(f"{a.path}{side}").unlink(missing_ok=True)
    _write(a, 1, start=2)  # numbered like the lost change
    a.sync(), b.sync(), a.sync()
    codes = {row[0] for row in a.db.execute("SELECT code FROM patients")}
    assert codes == {"P-laptop-0-0", "P-laptop-0-1", "P-laptop-0-2"}
    assert contents(a.db) == contents(b.db)
    rows = _hub_rows(hub_dsn)
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize("bound", [True, False], ids=["enrolled-for-the-clinic", "joining"])
def test_a_hub_asking_for_costly_key_settings_is_refused_before_any_key_is_derived(
    hub_dsn, tmp_path, monkeypatch, bound
):
    """The hub hands a pairing laptop the clinic key's salt and scrypt cost before the
    passphrase is checked: an altered hub must not make it spend gigabytes of memory."""
    from dyade.storage import sealed

    a = laptops(hub_dsn, tmp_path, 1)[0]
    late = None if bound else hub.enrol(hub_dsn, "laptop-late")  # enrolled with no clinic yet
    a.sync()
    b = Laptop(tmp_path / "late.db", late or hub.enrol(hub_dsn, "laptop-late")).open()
    with psycopg.connect(hub_dsn) as conn:
        conn.execute("UPDATE dyade_hub.clinics SET log2_n = 40")
    derived = []
    real_keys = sealed._keys

    def keys(passphrase, salt, log2_n, r, p):
        derived.append(log2_n)
        assert log2_n == sealed.SCRYPT_LOG2_N, "a key derived with the hub's costly setting"
        return real_keys(passphrase, salt, log2_n, r, p)

    monkeypatch.setattr(sealed, "_keys", keys)
    with pytest.raises(HubRefused) as caught:
        b.sync()
    with pytest.raises(ValueError, match="N=2\\^40"):  # nor by any other caller
        sealed.clinic_key("any passphrase", b"s" * 16, 40)
    assert derived == []
    where = hub_address(b.conninfo)
    for lang in ("en", "fr"):
        assert where in caught.value.text(lang) and "N=2^40" in caught.value.text(lang)
    assert outbox.get_state(b.db, "hub") is None and outbox.get_state(b.db, "key") is None
    if not bound:  # nor claimed on the hub
        with hub.connect(b.conninfo) as conn:
            assert conn.execute("SELECT clinic FROM dyade_hub.my_device()").fetchone() == (None,)
    for laptop in (a, b):
        laptop.close()
