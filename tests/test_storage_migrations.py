"""Schema migrations: from every earlier version to the latest, safely re-run."""

from __future__ import annotations

import pytest
import sqlite_utils

from dyade.errors import DyadeError
from dyade.storage.connection import open_database
from dyade.storage.migrations import SCHEMA, Migrations
from dyade.storage.results import needs_attention, save_visit_result
from dyade.storage.visits import create_visit
from storage_fixtures import FORMS, PASSPHRASE, make_clinic


def _schema(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "ORDER BY type, name"
    ).fetchall()


@pytest.fixture
def fresh_schema(tmp_path):
    db = open_database(tmp_path / "fresh.db", PASSPHRASE, create=True)
    try:
        yield _schema(db)
    finally:
        db.close()


@pytest.mark.parametrize("start", range(SCHEMA.latest))
def test_migrates_up_from_every_earlier_version(tmp_path, start, fresh_schema):
    """Build the database as version ``start`` made it, close it, and open it again
    with this Dyade: it reaches the latest version with the same schema as new."""
    path = tmp_path / f"v{start}.db"
    old = open_database(path, PASSPHRASE, create=True, migrate=False)
    SCHEMA.apply(old, target=start)
    assert SCHEMA.current(old) == start
    old.close()
    db = open_database(path, PASSPHRASE)
    try:
        assert SCHEMA.current(db) == SCHEMA.latest
        assert _schema(db) == fresh_schema
        recorded = [row["version"] for row in db["_migrations"].rows]
        assert recorded == list(range(1, SCHEMA.latest + 1))
    finally:
        db.close()


def _at_version_1(path):
    db = open_database(path, PASSPHRASE, create=True, migrate=False)
    SCHEMA.apply(db, target=1)
    return db


def test_v2_ranks_the_results_a_v1_database_holds(tmp_path):
    """Results written before migration 2 appear on the attention list after it."""
    old = _at_version_1(tmp_path / "v1.db")
    clinic = make_clinic(old)
    later = create_visit(old, clinic.dyad.uuid, FORMS, on="2026-06-01")
    save_visit_result(old, clinic.visit.uuid, 0, {})
    save_visit_result(old, later.uuid, 4, {"flags": ["confrontation_unseen"]})
    old.close()
    db = open_database(tmp_path / "v1.db", PASSPHRASE)
    try:
        listed = needs_attention(db, clinic.physician.uuid)
        assert [(i.visit_uuid, i.attention, i.summary) for i in listed] == [
            (later.uuid, 4, {"flags": ["confrontation_unseen"]})
        ]
        assert db.execute("SELECT count(*) FROM visit_ranks").fetchone()[0] == 2
    finally:
        db.close()


def test_early_v1_files_reach_the_same_schema(tmp_path, fresh_schema):
    """Files made by an early build of version 1 (other indexes) migrate to the same schema."""
    old = _at_version_1(tmp_path / "early.db")
    old.execute("DROP INDEX visits_dyad_date")
    old.execute("CREATE INDEX visits_dyad_date ON visits(dyad_uuid, date, created_at)")
    old.execute(
        "CREATE INDEX visit_results_attention ON visit_results(attention) WHERE attention > 0"
    )
    old.close()
    db = open_database(tmp_path / "early.db", PASSPHRASE)
    try:
        assert _schema(db) == fresh_schema
    finally:
        db.close()


def test_reapplying_changes_nothing(tmp_path):
    db = open_database(tmp_path / "c.db", PASSPHRASE, create=True)
    try:
        before = _schema(db)
        assert SCHEMA.apply(db) == []
        assert _schema(db) == before
    finally:
        db.close()


def _toy() -> Migrations:
    toy = Migrations()

    @toy.migration(1, "a table")
    def _one(db):
        db.execute("CREATE TABLE a (x INTEGER)")

    @toy.migration(2, "a column, then a failure")
    def _two(db):
        db.execute("ALTER TABLE a ADD COLUMN y TEXT")
        raise RuntimeError("half-way")

    return toy


def test_failed_migration_rolls_back_to_the_previous_version():
    db = sqlite_utils.Database(memory=True)
    db.conn.isolation_level = None
    toy = _toy()
    with pytest.raises(RuntimeError, match="half-way"):
        toy.apply(db)
    assert toy.current(db) == 1
    assert [c.name for c in db["a"].columns] == ["x"]


def test_versions_are_unique_and_positive():
    toy = Migrations()
    toy.migration(1, "one")(lambda db: None)
    with pytest.raises(ValueError):
        toy.migration(1, "again")(lambda db: None)
    with pytest.raises(ValueError):
        toy.migration(0, "zero")(lambda db: None)


def test_database_from_a_newer_dyade_is_refused():
    db = sqlite_utils.Database(memory=True)
    db.conn.isolation_level = None
    toy = _toy()
    toy.apply(db, target=1)
    db["_migrations"].insert({"version": 7, "name": "future", "applied_at": "2099-01-01"})
    with pytest.raises(DyadeError, match="newer Dyade"):
        toy.apply(db)
