"""The kiosk on a real X server: full screen without a window manager, and no way out
through a window manager's keys (openbox's Ctrl+Alt+Right, Super+D, Super+F2).

Each test starts its own Xvfb (1366x768, like the laptops the issue was seen on),
optionally openbox, then the locked kiosk (``kiosk_x11_child.py``), and acts on it
from outside with xdotool, as a person at the keyboard would. Needs Xvfb and
xdotool (``apt-get install xvfb xdotool openbox``).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
TOOLS = ("Xvfb", "xdotool", "openbox")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="needs Xvfb, xdotool and openbox"
)


def wait_for(check, timeout: float = 40.0, every: float = 0.1):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {check}")


def read_line(proc: subprocess.Popen, timeout: float = 10.0) -> str:
    """The next line the child prints, or a failure (never a hung test)."""
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the kiosk said nothing"
    return proc.stdout.readline().strip()


class Display:
    """One Xvfb, maybe a window manager, and the kiosk on it."""

    def __init__(self, tmp: Path, manager: bool) -> None:
        self.procs: list[subprocess.Popen] = []
        try:
            self._start_all(tmp, manager)
        except BaseException:
            self.close()  # no X server left behind by a failed start
            raise

    def _start_all(self, tmp: Path, manager: bool) -> None:
        read, write = os.pipe()
        self._start(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24"], write)
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            number += os.read(read, 16)
        os.close(read)
        self.env = {**os.environ, "DISPLAY": f":{number.decode().strip()}"}
        self.env.update(QT_QPA_PLATFORM="xcb", DYADE_HOME=str(tmp))
        if manager:
            self._start(["openbox"])
            wait_for(lambda: self.xdotool("get_num_desktops").strip() not in ("", "0"))
            time.sleep(0.5)  # its key bindings, set up just after
        self.env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent / "desktop"), str(HERE)])
        self.kiosk = self._start([sys.executable, str(HERE / "kiosk_x11_child.py")], out=True)
        assert read_line(self.kiosk, 40) == "shown"

    def _start(self, argv: list[str], keep: int | None = None, out: bool = False):
        proc = subprocess.Popen(
            argv,
            env=getattr(self, "env", None),
            pass_fds=(keep,) if keep is not None else (),
            stdout=subprocess.PIPE if out else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.procs.append(proc)
        return proc

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        return done.stdout

    def kiosk_geometry(self) -> tuple[int, int, int, int]:
        window = wait_for(lambda: self.xdotool("search", "--name", "^Questionnaire").split())[0]
        lines = self.xdotool("getwindowgeometry", "--shell", window).splitlines()
        values = dict(line.split("=") for line in lines if "=" in line)
        return tuple(int(values[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))

    def close(self) -> None:
        for proc in reversed(self.procs):
            proc.kill()
            proc.wait()


@pytest.fixture(params=[False, True], ids=["bare X", "openbox"])
def display(request, tmp_path):
    shown = Display(tmp_path, manager=request.param)
    yield shown
    shown.close()


def test_the_kiosk_covers_the_whole_screen(display):
    wait_for(lambda: display.kiosk_geometry() == (0, 0, 1366, 768), timeout=5)


def test_window_manager_keys_reach_the_kiosk_not_the_desktop(display):
    if display.xdotool("get_num_desktops").strip() in ("", "0"):  # bare X: nothing to switch
        display.xdotool("key", "super+d", "ctrl+alt+Right", "2")
    else:
        assert display.xdotool("get_desktop").strip() == "0"
        for keys in ("ctrl+alt+Right", "shift+alt+Right", "super+F2", "super+d"):
            display.xdotool("key", keys)
        time.sleep(0.3)
        assert display.xdotool("get_desktop").strip() == "0"  # still on the kiosk's desktop
        display.xdotool("key", "2")
    assert read_line(display.kiosk) == "lang en"  # the keyboard is the kiosk's
    assert display.kiosk_geometry() == (0, 0, 1366, 768)


def test_the_kiosk_follows_to_another_desktop(tmp_path):
    shown = Display(tmp_path, manager=True)
    try:
        shown.xdotool("set_desktop", "1")  # a script, or a window manager's mouse gesture
        window = shown.xdotool("search", "--name", "^Questionnaire").split()[0]
        wait_for(lambda: shown.xdotool("get_desktop_for_window", window).strip() == "1")
        assert shown.xdotool("get_desktop").strip() == "1"
        shown.xdotool("key", "1")
        assert read_line(shown.kiosk) == "lang fr"
    finally:
        shown.close()
