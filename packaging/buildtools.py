"""What ``build.spec`` prepares before PyInstaller runs: icons, the Windows version
resource, and a check that the build environment is the locked one.

Used at build time only (Pillow is a build dependency, never the app's).
"""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path

ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
ICNS_SIZES = [(16, 16), (32, 32), (64, 64), (128, 128), (256, 256), (512, 512)]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def make_icons(png: Path, out: Path) -> tuple[Path, Path]:
    """A Windows ``.ico`` and a macOS ``.icns`` made from one square PNG."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    image = Image.open(png).convert("RGBA")
    ico, icns = out / "dyade.ico", out / "dyade.icns"
    image.save(ico, sizes=ICO_SIZES)
    image.save(icns, sizes=ICNS_SIZES)
    return ico, icns


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.3.1"`` -> ``(0, 3, 1, 0)``: the four numbers Windows wants."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def version_file(version: str, out: Path) -> Path:
    """The Windows version resource (Properties > Details) of both executables."""
    four = version_tuple(version)
    strings = {
        "CompanyName": "The Dyade contributors",
        "FileDescription": "Dyade: the therapeutic alliance seen from both sides",
        "FileVersion": version,
        "InternalName": "dyade",
        "LegalCopyright": "GPL-3.0-or-later, the Dyade contributors",
        "OriginalFilename": "dyade.exe",
        "ProductName": "Dyade",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    out.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040c04b0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x040c, 1200, 0x0409, 1200])]),
  ],
)
""",
        encoding="utf-8",
    )
    return out


def locked_versions(lock: Path) -> dict[str, str]:
    """``name -> version`` of every pin in a ``--generate-hashes`` requirements file."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = PIN.match(line.strip())
        if found:
            pins[_normal(found.group(1))] = found.group(2)
    return pins


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_mismatches(lock: Path) -> list[str]:
    """Installed distributions whose version is not the locked one (or that are missing).
    Pins for another platform (their marker false here) are skipped."""
    problems = []
    markers = _markers(lock)
    for name, wanted in sorted(locked_versions(lock).items()):
        if not markers.get(name, True):
            continue
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name}: locked {wanted}, not installed")
            continue
        if have != wanted:
            problems.append(f"{name}: locked {wanted}, installed {have}")
    return problems


def _markers(lock: Path) -> dict[str, bool]:
    """Whether each pin's environment marker holds on this machine."""
    from packaging.markers import Marker

    out = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = PIN.match(line.strip())
        if found and ";" in line:
            marker = line.split(";", 1)[1].split("\\")[0].strip()
            out[_normal(found.group(1))] = Marker(marker).evaluate()
    return out


def check_lock(lock: Path) -> None:
    """Refuse a release build (``DYADE_RELEASE=1``) from anything but the locked set;
    a developer build only says what differs."""
    problems = lock_mismatches(lock)
    if not problems:
        print(f"Dyade build: every dependency is the one {lock.name} locks")
        return
    text = f"not the versions {lock.name} locks:\n  " + "\n  ".join(problems)
    if os.environ.get("DYADE_RELEASE") == "1":
        raise SystemExit(f"Dyade release build refused, {text}")
    print(f"Dyade build (not a release): {text}")
