"""build.spec makes a bundle whose executable passes its own self-check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dyade import __version__

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.timeout(2400)  # two executables from one analysis; a busy machine is slow
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
        timeout=2300,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    assert "Dyade bundle:" in build.stdout + build.stderr
    suffix = ".exe" if os.name == "nt" else ""
    exe, cli = (dist / "dyade" / f"{name}{suffix}" for name in ("dyade", "dyade-cli"))
    assert exe.is_file() and cli.is_file()  # the windowed app and the console commands
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DYADE_HOME": str(tmp_path / "home")}
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and __version__ in version.stdout
    check = subprocess.run(
        [str(cli), "self-check"], capture_output=True, text=True, env=env, timeout=300
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all checks passed" in check.stdout
    assert (dist / "dyade" / "_internal" / "resources" / "i18n" / "dyade_fr.qm").exists()
    demo = subprocess.run(
        [str(exe), "demo", "--db", str(tmp_path / "demo.db")],
        capture_output=True,
        text=True,
        env={**env, "DYADE_PASSPHRASE": "bundle-demo-passphrase"},
        timeout=300,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert (tmp_path / "demo.db").exists()
    if shutil.which("dpkg-deb"):  # the Debian package of the same bundle
        make_deb = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "linux" / "make_deb.py"),
             str(dist / "dyade"), str(tmp_path / "deb")],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert make_deb.returncode == 0, make_deb.stderr[-2000:]
        (deb,) = (tmp_path / "deb").glob(f"dyade_{__version__}_*.deb")
        listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True)
        for path in ("./opt/dyade/dyade", "./opt/dyade/dyade-cli", "./usr/bin/dyade-cli",
                     "./usr/share/applications/dyade.desktop"):  # fmt: skip
            assert path in listing.stdout


def test_wheel_carries_forms_resources_and_demo_answers(tmp_path):
    """An installed wheel finds the same data as a checkout (dyade.paths)."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    import zipfile

    (wheel,) = tmp_path.glob("dyade-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "dyade/_bundled/forms/dyade-full-patient.yaml",
        "dyade/_bundled/resources/i18n/dyade_fr.ts",
        "dyade/_bundled/resources/fonts/DejaVuSans.ttf",
        "dyade/_bundled/docs/examples/scenario-a-patient.json",
    ):
        assert expected in names
