"""A Debian package of the Linux bundle: ``python packaging/linux/make_deb.py [DIST] [OUT]``.

Installs the one-folder bundle in /opt/dyade, ``dyade`` and ``dyade-cli`` in /usr/bin,
a menu entry (with the kiosk as an action) and the icon. Needs ``dpkg-deb`` (Debian,
Ubuntu). DIST defaults to dist/dyade, OUT to dist/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Qt's xcb platform needs these on a desktop without them (README: the list .ci/run installs)
DEPENDS = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0",
    "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
    "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1", "libfontconfig1", "libdbus-1-3",
]  # fmt: skip


def version() -> str:
    sys.path.insert(0, str(ROOT / "desktop"))
    from dyade import __version__

    return __version__


def control(arch: str) -> str:
    return (
        "Package: dyade\n"
        f"Version: {version()}\n"
        f"Architecture: {arch}\n"
        "Maintainer: The Dyade contributors <dyade@dyade.org>\n"
        "Section: science\n"
        "Priority: optional\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        "Description: therapeutic alliance seen from both sides of a patient-physician dyad\n"
        " The patient and the physician answer mirror questionnaires; Dyade compares the\n"
        " two perceptions, flags the ruptures one side did not perceive and follows the\n"
        " alliance over visits. Works offline; the clinic's data stays encrypted.\n"
    )


def build(dist: Path, out: Path) -> Path:
    """Write ``dyade_VERSION_ARCH.deb`` in ``out``; return its path."""
    for name in ("dyade", "dyade-cli"):
        if not (dist / name).is_file():
            raise SystemExit(f"{dist / name}: missing; build the bundle first (build.spec)")
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "dyade"
        shutil.copytree(dist, tree / "opt" / "dyade", symlinks=True)
        (tree / "usr" / "bin").mkdir(parents=True)
        for name in ("dyade", "dyade-cli"):
            (tree / "usr" / "bin" / name).symlink_to(f"/opt/dyade/{name}")
        apps = tree / "usr" / "share" / "applications"
        icons = tree / "usr" / "share" / "icons" / "hicolor" / "512x512" / "apps"
        apps.mkdir(parents=True)
        icons.mkdir(parents=True)
        shutil.copy(Path(__file__).with_name("dyade.desktop"), apps / "dyade.desktop")
        shutil.copy(ROOT / "resources" / "icons" / "dyade.png", icons / "dyade.png")
        (tree / "DEBIAN").mkdir()
        (tree / "DEBIAN" / "control").write_text(control(arch), encoding="utf-8")
        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"dyade_{version()}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(tree), str(deb)],
            check=True,
            capture_output=True,
        )
    return deb


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:3]]
    dist = args[0] if args else ROOT / "dist" / "dyade"
    print(build(dist, args[1] if len(args) > 1 else ROOT / "dist"))
