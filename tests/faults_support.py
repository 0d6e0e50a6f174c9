"""Shared by the reliability, security and fuzz tests: sizes, a tally, a digest.

The same tests run short in the normal suite and long under
``DYADE_FAULTS_LONG=1`` (``python tests/reliability_run.py --long``). Each test
adds what it tried to a :class:`Tally`; when ``DYADE_FAULTS_TALLY`` names a file
the counts are appended to it as JSON lines, for the runner's summary table.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from dyade.storage.connection import connect, integrity_problems, open_database

LONG = os.environ.get("DYADE_FAULTS_LONG") == "1"
CHILD = Path(__file__).with_name("crash_child.py")
KIOSK_CHILD = Path(__file__).with_name("kiosk_child.py")
PASSPHRASE = "correct horse battery staple"
KDF = 2_000  # SQLCipher key derivation at a test's cost; production keeps 256,000


def scale(short: int, long: int) -> int:
    """How many trials or examples: ``short`` in the normal suite, ``long`` in the long run."""
    return long if LONG else short


@dataclass
class Tally:
    area: str = ""
    trials: int = 0
    faults: int = 0
    fuzzed: int = 0
    lost: int = 0
    unhandled: int = 0

    def add(self, *, trials=0, faults=0, fuzzed=0, lost=0, unhandled=0) -> None:
        self.trials += trials
        self.faults += faults
        self.fuzzed += fuzzed
        self.lost += lost
        self.unhandled += unhandled


@pytest.fixture
def tally(request):
    """A per-test tally, written out for the runner (its area is the test's module)."""
    counts = Tally(area=request.node.module.__name__.removeprefix("test_"))
    yield counts
    target = os.environ.get("DYADE_FAULTS_TALLY")
    if target:
        row = asdict(counts) | {"test": request.node.name}
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(row) + "\n")


@pytest.fixture
def clinic_file(tmp_path):
    """An encrypted clinic with one open visit (full forms): the file and the clinic."""
    from storage_fixtures import make_clinic

    path = tmp_path / "base.db"
    db = open_database(path, PASSPHRASE, create=True, kdf_iter=KDF)
    clinic = make_clinic(db)
    db.close()
    return path, clinic


def digest(path_or_db, *, skip: tuple[str, ...] = ("audit",)) -> str:
    """A hash of every table's rows (sorted), read through SQLCipher: equal content, equal hash.

    Takes a database file (opened here with the test key) or an open database.
    """
    if isinstance(path_or_db, Path):
        conn = connect(path_or_db, PASSPHRASE, KDF)
        try:
            return _digest(conn, skip)
        finally:
            conn.close()
    return _digest(path_or_db.conn, skip)


# A laptop's own bookkeeping of what changed and what it sent: every audited act (an export,
# a backup) adds to it, so it is not the clinic's records a fault must leave untouched; nor is
# the laptop's identity (the ``laptop_uuid`` setting), which an import makes when first needed.
LAPTOP_BOOKKEEPING = ("transfer_log", "transfer_targets", "transfer_received", "sqlite_sequence")


def _digest(conn, skip: tuple[str, ...]) -> str:
    names = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    h = hashlib.sha256()
    for (table,) in conn.execute(names).fetchall():
        if table in skip or table in LAPTOP_BOOKKEEPING:
            continue
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        if table == "settings":  # the laptop's own identity, made when it first needs one
            rows = [row for row in rows if row[0] != "laptop_uuid"]
        h.update(table.encode() + repr(sorted(map(repr, rows))).encode())
    return h.hexdigest()


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """``dyade.cli.main`` in this process: exit code (argparse's exits included), out, err."""
    from dyade.cli import main

    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def unhandled(code: int, err: str) -> bool:
    """Did the CLI meet an exception it did not expect (a bug, not a refusal)?"""
    return code not in (0, 1, 2) or "unexpected error" in err or "Traceback" in err


def audit_count(path: Path) -> int:
    conn = connect(path, PASSPHRASE, KDF)
    try:
        return conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    finally:
        conn.close()


def check_integrity(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` through the key: empty when the file is sound."""
    conn = connect(path, PASSPHRASE, KDF)
    try:
        return integrity_problems(conn, "full")
    finally:
        conn.close()


def child(*args: str, env: dict[str, str] | None = None, script: Path = CHILD) -> subprocess.Popen:
    """Start ``crash_child.py`` (or ``script``) with ``args``; its stdout is a line per
    confirmed step."""
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def kill(proc: subprocess.Popen) -> tuple[list[str], str]:
    """SIGKILL ``proc`` (if still running); the lines it had printed, and its stderr."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    return out.splitlines(), err


def run(
    *args: str, env: dict[str, str] | None = None, script: Path = CHILD
) -> tuple[int, list[str], str]:
    """Run ``crash_child.py`` (or ``script``) to its end: exit code, stdout lines, stderr."""
    proc = child(*args, env=env, script=script)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out.splitlines(), err


def restore_from_unlock_page(qtbot, monkeypatch, db_path: Path):
    """Unlock a damaged clinic's page, accept the restore it offers: (the question
    asked, the session opened)."""
    from PySide6.QtWidgets import QMessageBox

    from dyade.ui.workspace.unlock import UnlockPage

    page = UnlockPage(db_path)
    qtbot.addWidget(page)
    page.passphrase.setText(PASSPHRASE)
    assert page.try_unlock() is None and page.restore_button.isVisibleTo(page)
    asked, opened = [], []

    def yes(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    page.unlocked.connect(opened.append)
    page.restore_button.click()
    return asked[0], opened[0]
