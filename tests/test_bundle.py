"""build.spec makes a bundle whose executable passes its own self-check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_pyinstaller_bundle_runs_self_check(tmp_path):
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    assert "Dyade bundle:" in build.stdout + build.stderr
    exe = dist / "dyade" / ("dyade.exe" if os.name == "nt" else "dyade")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DYADE_HOME": str(tmp_path / "home")}
    check = subprocess.run(
        [str(exe), "self-check"], capture_output=True, text=True, env=env, timeout=300
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all checks passed" in check.stdout
    assert (dist / "dyade" / "_internal" / "resources" / "i18n" / "dyade_fr.qm").exists()
