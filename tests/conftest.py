"""Shared fixtures. Qt runs offscreen; every test gets its own user folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def dyade_home(tmp_path_factory, monkeypatch):
    """Point Dyade's user folders (database, logs, clinic forms) at a fresh folder."""
    home = tmp_path_factory.mktemp("dyade-home")
    monkeypatch.setenv("DYADE_HOME", str(home))
    return home
