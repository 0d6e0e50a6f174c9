"""A cold start does not wait for the log file: records are held until the first window is
painted, then written in order; a command opens the file at once; nothing is lost at exit."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from dyade import logs
from dyade.ui.app import after_first_paint

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def clean_root():
    """The root logger without the handlers this test adds (the suite has its own)."""
    root = logging.getLogger()
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    yield root
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)


def test_held_records_reach_the_file_in_order_when_it_opens(clean_root):
    logs.buffer_logging()
    logging.getLogger("dyade.test").warning("first %s", 1)
    logging.getLogger("dyade.test").info("second")
    assert not logs.log_file().exists()  # nothing opened yet
    logs.setup_logging()
    logging.getLogger("dyade.test").info("third")
    for handler in clean_root.handlers:
        handler.flush()
    lines = logs.log_file().read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["first 1", "second", "third"]
    assert oct(logs.log_file().stat().st_mode & 0o777) == "0o600"


def _write_lines(handler: logging.Handler, count: int) -> None:
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.Logger("rotation")  # not the root: the suite's handlers stay out
    logger.addHandler(handler)
    for number in range(count):
        logger.warning("line %02d %s", number, "x" * 20)
    handler.close()


def test_the_log_rotates_as_the_standard_rotating_handler_does(tmp_path):
    import logging.handlers

    ours, standard = tmp_path / "ours", tmp_path / "standard"
    ours.mkdir(), standard.mkdir()
    _write_lines(logs.PrivateLogFile(ours / "dyade.log", max_bytes=300, backups=2), 40)
    _write_lines(
        logging.handlers.RotatingFileHandler(standard / "dyade.log", maxBytes=300, backupCount=2),
        40,
    )
    names = ["dyade.log", "dyade.log.1", "dyade.log.2"]
    assert sorted(p.name for p in ours.iterdir()) == names
    for name in names:
        kept = (ours / name).read_text(encoding="utf-8")
        assert kept == (standard / name).read_text(encoding="utf-8")
        assert len(kept) < 300 and oct((ours / name).stat().st_mode & 0o777) == "0o600"
    first = [(ours / name).read_text(encoding="utf-8").split()[1] for name in reversed(names)]
    assert first == ["10", "20", "30"]  # .2 the oldest kept (0 to 9 dropped), then .1


def test_the_callback_waits_for_the_first_paint(qtbot, qapp):
    done: list[str] = []
    label = QLabel("Dyade")
    qtbot.addWidget(label)
    after_first_paint(qapp, lambda: done.append("painted"))
    qapp.processEvents()
    assert done == []  # nothing painted yet
    label.show()
    qtbot.waitUntil(lambda: done == ["painted"], timeout=5000)


def _run(args: list[str], home: Path, extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "DYADE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra}
    env["PYTHONPATH"] = str(ROOT / "desktop")
    return subprocess.run(
        [sys.executable, "-m", "dyade", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_a_start_that_logs_nothing_never_opens_the_file_and_a_command_does(tmp_path):
    started = _run(["--exit-when-shown", "--lang", "en"], tmp_path / "a", {})
    assert started.returncode == 0, started.stderr
    assert not (tmp_path / "a" / "log" / "dyade.log").exists()
    checked = _run(["forms", "list"], tmp_path / "b", {})
    assert checked.returncode == 0, checked.stderr
    assert (tmp_path / "b" / "log" / "dyade.log").exists()


def test_records_held_when_the_process_ends_are_written_at_exit(tmp_path):
    script = (
        "import atexit, logging, sys\n"
        "heavy = {'logging.handlers', 'socket'}\n"
        "atexit.register(lambda: print(sorted(heavy & set(sys.modules))))\n"
        "from dyade import logs\nlogs.buffer_logging()\n"
        "logging.getLogger('dyade.x').warning('before any window')\n"
    )
    env = {**os.environ, "DYADE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "desktop")}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, check=True, timeout=60, capture_output=True
    )
    assert "before any window" in (tmp_path / "log" / "dyade.log").read_text(encoding="utf-8")
    assert done.stdout.strip() == b"[]"  # written without logging.handlers and its imports


def test_the_first_window_is_painted_without_the_log_handlers(tmp_path):
    """What a start imports before its first paint (``-X importtime``): not the rotating
    file handler and what it pulls in (sockets, pickling, queues)."""
    started = _run(
        ["--exit-when-shown", "--lang", "en"], tmp_path, {"PYTHONPROFILEIMPORTTIME": "1"}
    )
    assert started.returncode == 0, started.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[1].strip() for line in started.stderr.splitlines() if "|" in line
    }
    assert "PySide6.QtWidgets" in imported  # the window was made
    assert not imported & {"logging.handlers", "socket", "queue", "pickle"}
