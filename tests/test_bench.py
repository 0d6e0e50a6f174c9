"""The benchmark harness runs end to end on tiny sizes and prints one table.

Only the table's shape is checked: timings depend on the machine and are never
asserted here (``python -m benchmarks`` is the place for them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.runner import GROUPS
from benchmarks.table import HEADERS, Figure, not_measured, render


def table_rows(text: str) -> list[list[str]]:
    lines = [ln for ln in text.splitlines() if ln.startswith("| ")]
    return [[cell.strip() for cell in ln.strip("|").split("|")] for ln in lines]


def test_quick_run_prints_one_table_with_every_group(tmp_path: Path) -> None:
    out = tmp_path / "table.md"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--workdir",
            str(tmp_path / "w"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).parents[1],  # python -m benchmarks runs from a checkout's top folder
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = table_rows(out.read_text(encoding="utf-8"))
    assert tuple(rows[0]) == HEADERS
    assert set(rows[1][0]) == {"-"}
    body = rows[2:]
    assert all(len(row) == len(HEADERS) for row in body)
    names = " ".join(row[0] for row in body)
    for label in ("cold start", "answer latency", "visit summary PDF", "scale", "analysis"):
        assert label in names, f"no row for {label} in:\n{names}"
    for row in body:
        assert row[5] in ("met", "NOT MET", "report", "-"), row
        assert row[1].startswith("not measured (") or row[1][0].isdigit(), row
    assert len(body) >= len(GROUPS)


def test_a_figure_without_a_number_says_why() -> None:
    text = render([not_measured("cold start, kiosk", "no kiosk window"), Figure("x", 3.0, "ms")])
    rows = table_rows(text)
    assert rows[2][1] == "not measured (no kiosk window)"
    assert rows[3][1] == "3.00 ms" and rows[3][3] == "-"


def test_ratio_and_verdict_come_from_value_and_floor() -> None:
    rows = table_rows(render([Figure("start", 300.0, "ms", 150.0, "<= 2x floor", True)]))
    assert rows[2][3] == "2.00x" and rows[2][5] == "met"
