"""The hub itself: idempotent set-up, per-device roles, what row-level security allows."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from dyade.errors import DyadeError
from dyade.sync import hub


def _clinic_row(conn, clinic):
    conn.execute(
        "SELECT dyade_hub.claim_clinic(%s, %s, %s::smallint, %s, false)",
        [clinic, b"s" * 16, 10, b"c" * 32],
    )
    conn.commit()


def test_init_is_idempotent_and_versioned(pg):
    dsn = pg.create_database()
    assert hub.init_hub(dsn) == [1, 2, 3]
    assert hub.init_hub(dsn) == []
    with psycopg.connect(dsn) as conn:
        versions = conn.execute("SELECT version FROM dyade_hub.migrations").fetchall()
        assert versions == [(1,), (2,), (3,)]


def test_a_device_appends_only_its_own_changes_and_reads_only_its_clinic(hub_dsn):
    a = hub.enrol(hub_dsn, "laptop-a")
    b = hub.enrol(hub_dsn, "laptop-b")
    clinic_a, clinic_b = str(uuid.uuid4()), str(uuid.uuid4())
    with hub.connect(a) as conn:
        _clinic_row(conn, clinic_a)
        conn.execute(
            "INSERT INTO dyade_hub.changes (clinic, device, device_seq, payload) "
            "VALUES (%s, 'laptop-a', 1, 'x')",
            [clinic_a],
        )
        conn.commit()
        for device, clinic in (("laptop-b", clinic_a), ("laptop-a", clinic_b)):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO dyade_hub.changes (clinic, device, device_seq, payload) "
                    "VALUES (%s, %s, 2, 'x')",
                    [clinic, device],
                )
            conn.rollback()
        for statement in (
            "UPDATE dyade_hub.changes SET payload = 'y'",
            "DELETE FROM dyade_hub.changes",
            "INSERT INTO dyade_hub.changes (clinic, device, device_seq, payload, xid) "
            f"VALUES ('{clinic_a}', 'laptop-a', 3, 'x', '1')",
            "SELECT * FROM dyade_hub.devices",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    with hub.connect(b) as conn:
        _clinic_row(conn, clinic_b)
        assert conn.execute("SELECT count(*) FROM dyade_hub.changes").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM dyade_hub.clinics").fetchone() == (1,)
    with hub.connect(a) as conn:
        assert conn.execute("SELECT count(*) FROM dyade_hub.changes").fetchone() == (1,)


def test_enrol_binds_to_the_only_clinic_and_revoke_refuses_the_device(hub_dsn):
    first = hub.enrol(hub_dsn, "first")
    clinic = str(uuid.uuid4())
    with hub.connect(first) as conn:
        _clinic_row(conn, clinic)
    second = hub.enrol(hub_dsn, "second")
    listed = {d["device"]: d for d in hub.devices(hub_dsn)}
    assert listed["second"]["clinic"] == clinic
    with hub.connect(second) as conn:
        assert conn.execute("SELECT name FROM dyade_hub.my_device()").fetchone() == ("second",)
        hub.revoke(hub_dsn, "second")
        with pytest.raises(psycopg.OperationalError):  # its open session was ended
            conn.execute("SELECT 1")
    with pytest.raises(hub.HubRefused, match="revoked"):
        hub.connect(second)
    assert hub.devices(hub_dsn)[1]["revoked"] is not None
    with pytest.raises(DyadeError, match="already enrolled"):
        hub.enrol(hub_dsn, "second")


def test_bad_names_and_plain_tcp_are_refused(hub_dsn):
    with pytest.raises(DyadeError, match="device name"):
        hub.enrol(hub_dsn, "no spaces; please")
    with pytest.raises(hub.HubRefused, match="sslmode=verify-full"):
        hub.connect("host=127.0.0.1 port=5432 dbname=x user=y sslmode=require")


def test_an_unreachable_hub_is_told_apart_from_a_refusal(tmp_path):
    with pytest.raises(hub.HubUnreachable) as caught:
        hub.connect(f"host={tmp_path} port=1 dbname=x user=y")
    assert caught.value.exit_code != 0


def test_hub_commands_init_enrol_as_json_and_revoke(hub_dsn, capsys):
    from dyade.cli import main

    assert main(["hub", "init", "--dsn", hub_dsn]) == 0
    assert "already current" in capsys.readouterr().out
    assert main(["hub", "enrol", "--dsn", hub_dsn, "--device", "kiosk-1", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["device"] == "kiosk-1"
    with hub.connect(printed["hub"]) as conn:
        assert conn.execute("SELECT name FROM dyade_hub.my_device()").fetchone() == ("kiosk-1",)
    assert main(["hub", "revoke", "--dsn", hub_dsn, "--device", "kiosk-1"]) == 0
    assert main(["hub", "devices", "--dsn", hub_dsn]) == 0
    assert "kiosk-1\tno clinic yet\trevoked" in capsys.readouterr().out
    assert main(["hub", "revoke", "--dsn", hub_dsn, "--device", "nobody"]) == 2
    assert "no device named 'nobody'" in capsys.readouterr().err


def test_joining_an_existing_clinic_proves_its_passphrase(hub_dsn):
    """A device enrolled without a clinic cannot bind itself to another clinic's log
    without the key check made from that clinic's passphrase."""
    first, stranger = hub.enrol(hub_dsn, "first"), hub.enrol(hub_dsn, "stranger")
    clinic = str(uuid.uuid4())
    with hub.connect(first) as conn:
        _clinic_row(conn, clinic)  # key check b"c" * 32
    with hub.connect(stranger) as conn:
        salt = conn.execute(
            "SELECT salt FROM dyade_hub.clinic_to_join(%s, false)", [clinic]
        ).fetchone()
        assert salt == (b"s" * 16,)
        with pytest.raises(psycopg.errors.InvalidPassword):
            conn.execute(
                "SELECT dyade_hub.claim_clinic(%s, %s, 10::smallint, %s, false)",
                [clinic, b"s" * 16, b"x" * 32],
            )
        assert conn.execute("SELECT clinic FROM dyade_hub.my_device()").fetchone() == (None,)
        _clinic_row(conn, clinic)
        assert conn.execute("SELECT clinic::text FROM dyade_hub.my_device()").fetchone() == (
            clinic,
        )
