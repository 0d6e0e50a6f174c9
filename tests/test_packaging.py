"""What a release build uses besides PyInstaller: icons, the Windows version resource, the
locked dependencies, and the installer scripts for the platforms this machine cannot build."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from dyade import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LOCK = PACKAGING / "requirements-release.txt"
EXAMPLE_A = ROOT / "docs" / "examples" / "scenario-a-patient.json"


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


buildtools = _load(PACKAGING / "buildtools.py", "dyade_buildtools")


def test_icons_are_made_from_the_png_in_every_size(tmp_path):
    ico, icns = buildtools.make_icons(ROOT / "resources" / "icons" / "dyade.png", tmp_path)
    with Image.open(ico) as image:
        assert image.format == "ICO"
        assert set(image.info["sizes"]) >= {(16, 16), (32, 32), (48, 48), (256, 256)}
    with Image.open(icns) as image:
        assert image.format == "ICNS" and image.size[0] >= 512


def test_the_windows_version_resource_carries_the_version(tmp_path):
    path = buildtools.version_file("1.4.2", tmp_path / "v.txt")
    tree = ast.parse(path.read_text(encoding="utf-8"), mode="eval")
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    text = path.read_text(encoding="utf-8")
    assert "filevers=(1, 4, 2, 0)" in text and "StringStruct('ProductVersion', '1.4.2')" in text
    assert buildtools.version_tuple(__version__)[:2] == tuple(
        int(n) for n in __version__.split(".")[:2]
    )


def _requirement_names(specs: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0].lower().replace("_", "-") for s in specs}


def test_the_lock_pins_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _requirement_names(project["dependencies"] + project["optional-dependencies"]["build"])
    pins = buildtools.locked_versions(LOCK)
    assert wanted <= set(pins), wanted - set(pins)
    blocks = re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8"))
    pinned = [b for b in blocks if buildtools.PIN.match(b)]
    # one name may be pinned twice, for two ranges of Python (numpy: 2.4 up to 3.11, 2.5 after)
    assert {buildtools.PIN.match(b).group(1) for b in pinned} == set(pins)
    assert all("--hash=sha256:" in block for block in pinned)
    assert "fhir.resources" not in pins and "fhir-resources" not in pins  # tests only


def test_a_build_from_other_versions_is_named_and_a_release_refused(tmp_path, monkeypatch):
    lock = tmp_path / "lock.txt"
    lock.write_text(
        "pyyaml==0.0.1 \\\n    --hash=sha256:00\n"
        "no-such-dist==1.0 \\\n    --hash=sha256:00\n"
        "pywin32-ctypes==0.2.3 ; sys_platform == 'nope' \\\n    --hash=sha256:00\n",
        encoding="utf-8",
    )
    problems = buildtools.lock_mismatches(lock)
    assert problems[0] == "no-such-dist: locked 1.0, not installed"
    assert problems[1].startswith("pyyaml: locked 0.0.1, installed ")
    assert len(problems) == 2  # a pin for another platform is not asked for
    monkeypatch.setenv("DYADE_RELEASE", "1")
    with pytest.raises(SystemExit, match="release build refused"):
        buildtools.check_lock(lock)


def test_the_spec_makes_a_windowed_app_a_console_cli_and_a_mac_bundle():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'executable("dyade", console=False)' in spec
    assert 'executable("dyade-cli", console=True)' in spec
    assert "COLLECT(app_exe, cli_exe" in spec and "BUNDLE(" in spec and "icon=" in spec
    assert "version=str(version_file)" in spec and "check_lock(" in spec


def test_the_installers_install_both_executables():
    iss = (PACKAGING / "windows" / "dyade.iss").read_text(encoding="utf-8")
    assert 'Filename: "{app}\\dyade.exe"' in iss and "dyade-cli.exe" in iss
    assert "SignTool=" in iss and "french" in iss
    settings = {"defines": {"app": "dist/Dyade.app", "version": "9.9"}}
    exec((PACKAGING / "macos" / "dmgbuild_settings.py").read_text(encoding="utf-8"), settings)
    assert settings["files"] == ["dist/Dyade.app"] and settings["volume_name"] == "Dyade 9.9"
    assert settings["symlinks"] == {"Applications": "/Applications"}
    desktop = (PACKAGING / "linux" / "dyade.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/dyade/dyade\n" in desktop and "Exec=/opt/dyade/dyade --kiosk" in desktop


def test_the_windowed_executable_runs_without_a_console(tmp_path):
    """PyInstaller's windowed executable has no stdout or stderr: printing must not fail."""
    script = (
        "import runpy, sys\nsys.stdout = sys.stderr = None\n"
        f"sys.argv = ['dyade', 'compare', '--json', '--patient', {str(EXAMPLE_A)!r},"
        f" '--physician', {str(EXAMPLE_A).replace('patient', 'physician')!r}]\n"
        "runpy.run_module('dyade', run_name='__main__')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop"), "DYADE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == ""  # nothing reached the (absent) console
