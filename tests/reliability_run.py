"""Run the reliability, security and fuzz tests and print what they tried.

    python tests/reliability_run.py           # the short version (as in the normal suite)
    python tests/reliability_run.py --long    # >= 50 crash trials each, thousands of inputs

The tests run in a child pytest (``tests/test_reliability_*.py``,
``test_security_*.py``, ``test_fuzz_*.py``), each adding its counts to a tally
file; the table sums them by area (the test module's name): the core and the
on-screen kiosk killed mid-questionnaire (``reliability_crash``,
``reliability_kiosk``), faults at open and while open (``reliability_faults``,
``reliability_running``), leftovers of killed backups (``reliability_leftovers``),
files killed while written through the safe writer: exports, reports, backups,
transfer files, analyse output (``reliability_writes``), restore candidates
(``reliability_restore``),
and every parser of outside data, Dyade's own exports included (``fuzz_*``).
Exit status: 0 when every test passed, nothing was lost and no exception went
unhandled.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
GROUPS = ("test_reliability_*.py", "test_security_*.py", "test_fuzz_*.py")
COLUMNS = ("trials", "faults", "fuzzed", "lost", "unhandled")
HEADINGS = ("area", "tests", "trials", "faults injected", "inputs fuzzed", "lost", "unhandled")


def run_tests(long: bool, extra: list[str], tally: Path) -> int:
    files = sorted(str(p) for group in GROUPS for p in HERE.glob(group))
    env = {**os.environ, "DYADE_FAULTS_TALLY": str(tally)}
    if long:
        env["DYADE_FAULTS_LONG"] = "1"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files, *extra]
    return subprocess.run(command, env=env, cwd=HERE.parent).returncode


def summarise(tally: Path) -> dict[str, dict[str, int]]:
    areas: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(("tests", *COLUMNS), 0))
    lines = tally.read_text(encoding="utf-8").splitlines() if tally.exists() else []
    for line in lines:
        row = json.loads(line)
        area = areas[row["area"]]
        area["tests"] += 1
        for column in COLUMNS:
            area[column] += row[column]
    return dict(sorted(areas.items()))


def table(areas: dict[str, dict[str, int]]) -> str:
    total = {c: sum(a[c] for a in areas.values()) for c in ("tests", *COLUMNS)}
    rows = [[name, *(f"{a[c]:,}" for c in ("tests", *COLUMNS))] for name, a in areas.items()]
    rows.append(["total", *(f"{total[c]:,}" for c in ("tests", *COLUMNS))])
    lines = ["| " + " | ".join(HEADINGS) + " |", "|" + " --- |" * len(HEADINGS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="the long run (minutes)")
    args, extra = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tally = Path(folder) / "tally.jsonl"
        start = time.monotonic()
        status = run_tests(args.long, extra, tally)
        areas = summarise(tally)
    minutes = (time.monotonic() - start) / 60
    print(f"\n{'long' if args.long else 'short'} run, {minutes:.1f} min, pytest exit {status}\n")
    print(table(areas))
    bad = sum(a["lost"] + a["unhandled"] for a in areas.values())
    return 1 if status or bad else 0


if __name__ == "__main__":
    sys.exit(main())
