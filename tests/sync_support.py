"""Simulated laptops of one clinic for the sync tests: each its own database file."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from dyade.storage import connection
from dyade.storage.dyads import create_dyad
from dyade.storage.patients import create_patient
from dyade.storage.responses import responses_of_visit, save_answer
from dyade.storage.transfer import TABLES, _columns
from dyade.storage.users import create_user
from dyade.storage.visits import create_visit
from dyade.sync import engine, hub
from storage_fixtures import FORMS, PASSPHRASE


@dataclass
class Laptop:
    """One laptop: its database file, its device's connection string, its open database."""

    path: Path
    conninfo: str
    db: Any = None

    def open(self) -> Laptop:
        if self.db is None:
            self.db = connection.open_database(self.path, PASSPHRASE, create=True)
        return self

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def sync(self) -> engine.SyncReport:
        return engine.sync(self.open().db, self.conninfo, passphrase=PASSPHRASE)


def sync_in_child(laptop: Laptop, point: str) -> subprocess.Popen:
    """``tests/sync_child.py`` syncing the laptop in a process killed at ``point``."""
    laptop.close()  # the child takes the database's lock
    here = Path(__file__).parent
    return subprocess.Popen(
        [sys.executable, str(here / "sync_child.py"), str(laptop.path), point],
        env={"PYTHONPATH": f"{here}:{here.parent / 'desktop'}", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def laptops(hub_dsn: str, folder: Path, count: int) -> list[Laptop]:
    """``count`` enrolled devices with fresh, empty databases."""
    return [
        Laptop(folder / f"laptop-{n}.db", hub.enrol(hub_dsn, f"laptop-{n}")).open()
        for n in range(count)
    ]


def contents(db: Any) -> dict[str, set[tuple]]:
    """Every travelling record, as comparable sets per table."""
    out = {}
    for table in TABLES:
        columns = _columns(db, table)
        out[table] = set(db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall())
    return out


def open_conflicts(db: Any) -> list[tuple[str, str]]:
    return db.execute(
        "SELECT table_name, reason FROM conflicts WHERE resolved_at IS NULL ORDER BY table_name"
    ).fetchall()


def new_visit(db: Any, code: str, name: str, login: str) -> tuple[str, str]:
    """A physician, a patient, their dyad and a visit; returns (patient response, visit)."""
    physician = create_user(db, login, "physician", "password-1")
    patient = create_patient(db, code, name=name)
    dyad = create_dyad(db, patient.uuid, physician.uuid)
    visit = create_visit(db, dyad.uuid, FORMS, on="2026-03-02")
    side = next(r for r in responses_of_visit(db, visit.uuid) if r.respondent == "patient")
    return side.uuid, visit.uuid


def answer(db: Any, response: str, item: str = "p_bond_listened", value: int = 4) -> None:
    save_answer(db, response, item, value)


def cross_a_power_of_ten(hub_dsn: str) -> int:
    """Spend the hub's transaction numbers up to the next power of ten past its last
    change (or its current number, before any change), so the next changes' numbers
    have one more digit; returns the number it started from."""
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        now = int(conn.execute("SELECT pg_current_xact_id()::text").fetchone()[0])
        last = conn.execute("SELECT max(xid)::text FROM dyade_hub.changes").fetchone()[0]
        first = now if last is None else int(last)
        spend = 10 ** len(str(first)) - now  # the next transactions get one more digit
        conn.execute(
            f"DO $$ BEGIN FOR i IN 1..{max(spend, 1)} LOOP "
            "PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$"
        )
    return first
