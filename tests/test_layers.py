"""The layers hold: import-linter's contracts in pyproject.toml (imports inside functions
count too) are all kept, the Qt-free core among them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_import_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout and run.stdout.count(" KEPT") >= 2


CORE_TESTS = [
    "tests/test_forms_scoring.py",
    "tests/test_forms_words.py::test_each_kind_of_answer_in_the_forms_words",
    "tests/test_analysis_cases.py",
    "tests/test_fill.py",
    "tests/test_completion.py",
    "tests/test_storage_settings.py",
]


def test_the_cores_tests_run_with_qt_unimportable():
    """Forms, analysis, filling, completing and storage are tested with no Qt at all:
    PySide6 cannot be imported and pytest-qt is not loaded."""
    env = {**os.environ, "DYADE_TESTS_WITHOUT_QT": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
         "-W", "ignore::pytest.PytestConfigWarning", *CORE_TESTS],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "error" not in run.stdout.lower()


def test_every_module_of_the_package_has_its_layer():
    """A new top-level module is placed in the layers, not left outside the contract."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    named = {n.strip() for layer in contract["layers"] for n in re.split(r"[|:]", layer)}
    package = ROOT / "desktop" / "dyade"
    modules = {p.stem for p in package.glob("*.py")} | {
        p.name for p in package.iterdir() if (p / "__init__.py").exists()
    }
    assert modules - {"__init__"} <= named, sorted(modules - {"__init__"} - named)


def test_the_ui_runs_no_sql_of_its_own():
    """Screens call storage services; a query written in a widget would bypass the
    services' checks (access, audit) and the single connection's lock."""
    query = re.compile(r"\.(execute|executescript|query)\(|\b(SELECT|INSERT|UPDATE|DELETE)\s")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "desktop" / "dyade" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if query.search(line)
    ]
    assert found == []
