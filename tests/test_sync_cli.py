"""``dyade sync`` and ``dyade hub`` together, as a clinic's IT would script them."""

from __future__ import annotations

import json

from dyade.storage import connection
from dyade.sync import hub
from storage_fixtures import PASSPHRASE
from sync_support import contents


def _enrol(dyade, hub_dsn, device):
    code, out, _err = dyade("hub", "enrol", "--dsn", hub_dsn, "--device", device, "--json")
    assert code == 0
    return json.loads(out)["hub"]


def test_a_new_laptop_joins_through_the_hub_and_both_converge(dyade, hub_dsn, tmp_path):
    first, second = _enrol(dyade, hub_dsn, "desk"), _enrol(dyade, hub_dsn, "kiosk")
    assert dyade("user", "add", "--login", "martin", "--role", "physician", db="a.db")[0] == 0
    assert (
        dyade("patient", "add", "--code", "P-001", "--name", "Solange Verdier", db="a.db")[0] == 0
    )
    code, out, err = dyade("sync", "--hub", first, db="a.db")
    assert code == 0, err
    assert "synced as device desk: sent 1 changes" in out
    code, out, err = dyade("sync", "--hub", second, db="b.db")  # no database yet: joins
    assert code == 0, err
    assert "received 1 changes" in out and "patients 1" in out
    assert dyade("sync", db="a.db")[0] == 0  # the stored connection from now on
    a = connection.open_database(tmp_path / "a.db", PASSPHRASE)
    b = connection.open_database(tmp_path / "b.db", PASSPHRASE)
    try:
        assert contents(a) == contents(b)
    finally:
        a.close(), b.close()


def test_an_unreachable_hub_exits_non_zero_and_keeps_the_changes(dyade, hub_dsn, tmp_path):
    conninfo = _enrol(dyade, hub_dsn, "desk")
    assert dyade("sync", "--hub", conninfo, db="a.db")[0] == 0
    assert dyade("patient", "add", "--code", "P-001", db="a.db")[0] == 0
    gone = " ".join(p if not p.startswith("port=") else "port=1" for p in conninfo.split())
    code, _out, err = dyade("sync", "--hub", gone, db="a.db")
    assert code == 3 and "cannot be reached" in err and "nothing is lost" in err
    code, out, _err = dyade("sync", "--hub", conninfo, db="a.db")
    assert code == 0 and "sent 1 changes" in out


def test_joining_without_a_hub_or_with_a_refused_one_creates_nothing(dyade, hub_dsn, tmp_path):
    code, _out, err = dyade("sync", db="new.db")
    assert code == 2 and "--hub" in err
    conninfo = _enrol(dyade, hub_dsn, "desk")
    dyade("hub", "revoke", "--dsn", hub_dsn, "--device", "desk")
    code, _out, err = dyade("sync", "--hub", conninfo, db="new.db")
    assert code == 2 and "revoked" in err
    assert not (tmp_path / "new.db").exists()


def test_a_new_laptop_with_another_passphrase_is_refused_and_creates_nothing(
    dyade, hub_dsn, tmp_path, monkeypatch
):
    first, second = _enrol(dyade, hub_dsn, "desk"), _enrol(dyade, hub_dsn, "kiosk")
    assert dyade("sync", "--hub", first, db="a.db")[0] == 0
    monkeypatch.setenv("DYADE_PASSPHRASE", "not the clinic's passphrase")
    code, _out, err = dyade("sync", "--hub", second, db="b.db")
    assert code == 2 and "passphrase does not open this clinic" in err
    assert not (tmp_path / "b.db").exists()
    with hub.connect(second) as conn:  # still free to join with the right passphrase
        assert conn.execute("SELECT clinic FROM dyade_hub.my_device()").fetchone() == (None,)
