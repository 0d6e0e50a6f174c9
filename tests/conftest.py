"""Shared fixtures. Qt runs offscreen; every test gets its own user folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

# The clinic database fixtures (db, db_path, clinic, fast_crypto, dyade) for any test;
# a throwaway PostgreSQL cluster for the sync tests (pg, hub_dsn).
pytest_plugins = ("storage_fixtures", "pg_support")


@pytest.fixture(autouse=True)
def dyade_home(tmp_path_factory, monkeypatch):
    """Point Dyade's user folders (database, logs, clinic forms) at a fresh folder."""
    home = tmp_path_factory.mktemp("dyade-home")
    monkeypatch.setenv("DYADE_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def qt_errors_fail_tests(monkeypatch):
    """Keep pytest-qt's capture of exceptions raised in Qt slots.

    The app replaces ``sys.excepthook`` with one that shows a modal message;
    in a test that dialog would wait forever for a click. Left to pytest-qt,
    the same exception fails the test that raised it.
    """
    import dyade.ui.app

    monkeypatch.setattr(dyade.ui.app, "install_excepthook", lambda: None)
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)  # no worker outlives its test
