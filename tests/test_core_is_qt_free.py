"""The core must never import Qt: only dyade.ui may.

Every core module is imported in a fresh interpreter where importing PySide6
raises; a core module that imports Qt (directly or through another module)
fails this test.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap

import dyade


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(dyade.__path__, prefix="dyade."):
        if info.name == "dyade.ui" or info.name.startswith("dyade.ui."):
            continue
        names.append(info.name)
    return sorted(names)


BLOCKER = textwrap.dedent(
    """
    import importlib, sys
    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
                raise ImportError(f"the core imported {name}")
            return None
    sys.meta_path.insert(0, BlockQt())
    failures = []
    for name in sys.argv[1:]:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            failures.append(f"{name}: {exc}")
    print("\\n".join(failures))
    sys.exit(1 if failures else 0)
    """
)


def test_there_are_core_modules_to_check():
    assert "dyade.cli" in core_modules()
    assert "dyade.paths" in core_modules()


def test_no_core_module_imports_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *core_modules()], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_blocker_catches_a_qt_import(tmp_path):
    """Prove the check can fail: a module importing PySide6 is reported."""
    (tmp_path / "sneaky_core.py").write_text("import PySide6.QtCore\n")
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, "sneaky_core"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 1
    assert "the core imported PySide6" in result.stdout
