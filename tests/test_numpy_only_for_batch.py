"""numpy is a dependency of the columnar batch analysis only: the app's start and every
other module of Dyade run without importing it (sqlite-utils would import it when it is
installed; ``dyade._no_numpy`` keeps it out), so it costs them no start-up time."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DESKTOP = Path(__file__).parents[1] / "desktop"

EVERY_MODULE = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    import dyade
    for info in pkgutil.walk_packages(dyade.__path__, prefix="dyade."):
        if ".columnar_" not in info.name:
            importlib.import_module(info.name)
            assert "numpy" not in sys.modules, f"numpy imported with {info.name}"
    import dyade.analysis.columnar_run  # the batch path itself does not import it either
    assert "numpy" not in sys.modules
    print("ok")
    """
)

APP_START = textwrap.dedent(
    """
    import sys
    sys.argv = ["dyade", "--exit-when-shown"]
    from dyade.cli import main
    code = main()
    print("numpy" in sys.modules, "PySide6.QtWidgets" in sys.modules, code)
    """
)


def _run(code: str, tmp_path: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), QT_QPA_PLATFORM="offscreen")
    env["DYADE_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_numpy_is_installed_for_the_batch_path():
    import numpy  # noqa: F401  # what makes the next tests mean something


def test_no_module_but_the_columnar_batch_imports_numpy(tmp_path):
    assert _run(EVERY_MODULE, tmp_path) == "ok"


@pytest.mark.timeout(120)
def test_the_app_starts_and_shows_its_window_without_numpy(tmp_path):
    assert _run(APP_START, tmp_path) == "False True 0"


def test_sqlite_utils_still_finds_numpy_when_dyade_is_not_loaded(tmp_path):
    """Only sqlite-utils' import inside Dyade is kept from numpy, nothing else."""
    code = "import sqlite_utils.db as d, dyade, numpy; print(d.np is not None)"
    assert _run(code, tmp_path) == "True"
