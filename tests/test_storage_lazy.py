"""Importing ``dyade.storage`` for its errors (every command does, to explain a failure)
does not load sqlite-utils and what it pulls in: commands that never open the database,
such as ``dyade analyse``, start that much sooner. The connection's functions still come
from the package on first use."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DESKTOP = Path(__file__).parents[1] / "desktop"

SCRIPT = textwrap.dedent(
    """
    import sys
    from dyade.storage import WrongPassphrase, StorageFault
    import dyade.cli
    dyade.cli.build_parser().parse_args(["analyse", "x.csv", "--out", "y.csv"])
    before = "sqlite_utils" in sys.modules
    from dyade.storage import open_database
    from dyade.storage.connection import open_database as direct
    print(before, "sqlite_utils" in sys.modules, open_database is direct)
    """
)


def test_the_package_errors_and_the_command_line_do_not_load_sqlite_utils():
    env = {**os.environ, "PYTHONPATH": str(DESKTOP)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True", "True"]


def test_an_unknown_name_is_still_an_attribute_error():
    import dyade.storage

    with pytest.raises(AttributeError, match="no_such_function"):
        dyade.storage.no_such_function  # noqa: B018
