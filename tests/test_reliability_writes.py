"""Killed while writing a file, Dyade leaves it whole or absent, never half written, and the
clinic's database as it was.

A child process (``crash_child.py write KIND``) opens the clinic and writes an export
(CSV, JSON, FHIR), a PDF report, a backup, a transfer file or ``dyade analyse`` output
through the safe writer (``dyade.safe_write``); it is killed with SIGKILL just before
each of its file operations in turn (fsync, link, rename, unlink) and at random moments.
After each kill the target is absent or whole, the database passes its check with the
same records, and the next write of that name leaves no temporary file behind.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from pathlib import Path

import pytest

from dyade.analysis.batch_output import dyads_path
from dyade.csv_dialect import read_rows
from dyade.storage.transfer import _records
from faults_support import (
    LONG,
    PASSPHRASE,
    check_integrity,
    child,
    clinic_file,
    digest,
    kill,
    run,
    scale,
    tally,
)

__all__ = ["clinic_file", "tally"]

KINDS = {
    "csv": "out.csv",
    "json": "out.json",
    "fhir": "out.fhir.json",
    "report": "out.pdf",
    "backup": "out.db",
    "transfer": "out.dyade",
    "analyse": "out.csv",
}


def _records_of(path: Path) -> str:
    """The clinic's records (the audit, and the laptop id a first transfer file sets, aside)."""
    return digest(path, skip=("audit", "settings"))


def _whole(kind: str, out: Path, reference: Path, clinic: str) -> None:
    """``out`` is a complete file of its kind (what a clean run writes)."""
    if kind in ("csv", "analyse"):
        assert read_rows(out) == read_rows(reference)
    elif kind in ("json", "fhir"):
        assert (
            json.loads(out.read_text("utf-8")).keys()
            == json.loads(reference.read_text("utf-8")).keys()
        )
    elif kind == "report":
        data = out.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    elif kind == "backup":
        assert check_integrity(out) == [] and _records_of(out) == clinic
    else:  # the child keys it as fast_crypto does here (tests/crash_child.py)
        assert sum(1 for _ in _records(out, PASSPHRASE)) > 0  # refuses a cut file


def _outputs(kind: str, out: Path) -> list[Path]:
    """What one write makes: ``dyade analyse`` writes a second CSV, per dyad."""
    return [out, dyads_path(out)] if kind == "analyse" else [out]


def _trial(kind, base, folder: Path, reference, before, env=None, delay=None) -> list[str]:
    """One write killed (at a step, or after ``delay`` seconds); everything checked."""
    folder.mkdir()
    path, out = folder / "clinic.db", folder / KINDS[kind]
    shutil.copy(base, path)
    if delay is None:
        _code, lines, _err = run("write", kind, str(path), PASSPHRASE, str(out), env=env)
    else:
        proc = child("write", kind, str(path), PASSPHRASE, str(out))
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        lines, _err = kill(proc)
    for written, expected in zip(_outputs(kind, out), _outputs(kind, reference), strict=True):
        if written.exists():  # each file whole or absent (the pair may be half renamed)
            _whole(kind, written, expected, before)
        written.unlink(missing_ok=True)
    assert check_integrity(path) == [] and _records_of(path) == before  # the clinic intact
    code, again, err = run("write", kind, str(path), PASSPHRASE, str(out))
    assert code == 0 and "done" in again, err
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [], leftovers  # the next write cleared what the killed one left
    return lines


def _reference(kind: str, base: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """A clean run, with every file operation it makes listed (``op N name``)."""
    folder = tmp_path / f"{kind}-reference"
    folder.mkdir()
    path, out = folder / "clinic.db", folder / KINDS[kind]
    shutil.copy(base, path)
    code, lines, err = run(
        "write", kind, str(path), PASSPHRASE, str(out), env={"DYADE_CRASH_AT": "100000"}
    )
    assert code == 0 and "done" in lines, err
    return out, [line.split()[2] for line in lines if line.startswith("op ")]


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_write_killed_at_each_step_or_at_random_leaves_a_whole_file_or_none(
    kind, clinic_file, tmp_path, tally
):
    base, _clinic = clinic_file
    before = _records_of(base)
    reference, ops = _reference(kind, base, tmp_path)
    assert "fsync" in ops and ({"link", "replace"} & set(ops))
    # the normal suite stops just before the flush, just before the rename and just
    # after it (the file in place, its temporary name not yet removed); the long run
    # before every file operation in turn
    renames = [i for i, op in enumerate(ops, 1) if op in ("link", "replace")]
    short = {ops.index("fsync") + 1, renames[0], min(renames[0] + 1, len(ops))}
    steps = range(1, len(ops) + 1) if LONG else sorted(short)
    for step in steps:
        env = {"DYADE_CRASH_AT": str(step)}
        lines = _trial(kind, base, tmp_path / f"step-{step}", reference, before, env=env)
        assert "done" not in lines or step == len(ops)
        tally.add(trials=1, faults=1)
    rng = random.Random(sum(map(ord, kind)))
    for trial in range(scale(1, 20)):
        delay = rng.random() * 0.3
        _trial(kind, base, tmp_path / f"random-{trial}", reference, before, delay=delay)
        tally.add(trials=1, faults=1)
