"""When Qt cannot start (no display, an unknown display system, a missing library), Dyade
says so in a sentence on stderr and in the log and exits non-zero, instead of aborting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dyade.ui.qt_start import EXIT_NO_DISPLAY, explain

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"


def start_app(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.update(PYTHONPATH=str(DESKTOP), DYADE_HOME=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-m", "dyade", "--demo", "--exit-when-shown", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_unknown_display_system_is_named_in_the_persons_language(tmp_path):
    done = start_app(tmp_path, QT_QPA_PLATFORM="nonexistent")
    assert done.returncode == EXIT_NO_DISPLAY  # not Qt's abort (-6)
    assert "Dyade cannot open its window" not in done.stderr  # French, the default
    assert "le système d’affichage 'nonexistent'" in done.stderr
    assert "offscreen" in done.stderr  # what is available instead
    logs = list(tmp_path.rglob("dyade.log"))
    assert logs, "the log file was not written"
    text = logs[0].read_text(encoding="utf-8")
    assert "'nonexistent'" in text and "Qt said:" in text  # the sentence and Qt's own words


def test_no_display_says_to_start_from_a_desktop_session(tmp_path):
    done = start_app(tmp_path, "--lang", "en", QT_QPA_PLATFORM="xcb")  # DISPLAY is unset
    assert done.returncode == EXIT_NO_DISPLAY
    assert "Dyade cannot open its window" in done.stderr
    assert "no display was found" in done.stderr  # not the missing library Qt also suggests


def test_english_when_asked_and_every_cause_has_its_sentence():
    missing = explain(
        [
            "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform "
            "plugin.",
            'Could not load the Qt platform plugin "xcb" in "" even though it was found.',
            "This application failed to start because no Qt platform plugin could be initialized.",
        ]
    )
    assert "libxcb-cursor0" in str(missing) and "sudo apt install libxcb-cursor0" in str(missing)
    assert "bibliothèque du système" in missing.text("fr")
    no_display = explain(["could not connect to display ", "no Qt platform plugin"])
    assert "no display was found" in str(no_display)
