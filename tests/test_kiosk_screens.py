"""A laptop with a second screen: the kiosk covers its own, a plain window covers the other.

Qt's offscreen platform can pretend to have several screens (a configuration file),
but only when the application starts: so the kiosk runs in a child process here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import json
from PySide6.QtWidgets import QApplication
from dyade.ui.kiosk import KioskWindow

app = QApplication([])
kiosk = KioskWindow(None, None)
kiosk.show_locked()
for _ in range(10):
    app.processEvents()

def rect(widget):
    g = widget.geometry()
    return [g.x(), g.y(), g.width(), g.height()]

held = {
    "kiosk": rect(kiosk),
    "shields": [rect(s) for s in kiosk.holder.shields.values() if s.isVisible()],
    "words": [s.accessibleName() for s in kiosk.holder.shields.values()],
}
kiosk.unlocked = True
kiosk.close()  # staff left: the other screen is free again
app.processEvents()
held["after"] = [rect(s) for s in kiosk.holder.shields.values() if s.isVisible()]
print(json.dumps(held))
"""


def test_every_screen_of_the_laptop_is_covered(tmp_path):
    config = tmp_path / "screens.json"
    screens = [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "second", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(Path(__file__).parent.parent / "desktop"),
        "DYADE_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    held = json.loads(done.stdout.strip().splitlines()[-1])
    assert held["kiosk"] == [0, 0, 1366, 768]
    assert held["shields"] == [[1366, 0, 1920, 1080]]
    assert "other screen" in held["words"][0]
    assert held["after"] == []
