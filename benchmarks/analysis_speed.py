"""Analysis throughput: ``dyade analyse`` on a CSV of responses, as a whole process.

The CSV (one row per response, the columns ``dyade analyse`` documents) is
written once per work folder from the shipped forms with seeded answers: ten
visits per dyad, full and brief forms mixed. Floor: Python's ``csv`` module
only reading the same file in a fresh process, the least any analysis must do.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

from benchmarks.context import Context
from benchmarks.process import ChildFailed, python_cmd, repeat, run_measured
from benchmarks.table import Figure, not_measured

VISITS_PER_DYAD = 10
SHARE_OF_FLOOR = 0.10  # analyse at least a tenth as fast as Python's csv merely reads
FLOOR_SCRIPT = (
    "import csv, sys\nwith open(sys.argv[1], newline='') as f: sum(1 for _ in csv.reader(f))"
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def write_csv(path: Path, responses: int, seed: int = 7) -> None:
    """``responses`` rows (two per visit), full visits and brief ones mixed."""
    from benchmarks.synth import answers_for
    from dyade.forms import default_library

    library, rng = default_library(), random.Random(seed)
    forms = {
        (kind, side): library.require(f"dyade-{kind}-{side}")
        for kind in ("full", "brief")
        for side in ("patient", "physician")
    }
    items = list(dict.fromkeys(i.id for f in forms.values() for i in f.items))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["dyad", "visit", "date", "respondent", "form", *items])
        for n in range(responses // 2):
            dyad, visit = divmod(n, VISITS_PER_DYAD)
            kind = "full" if rng.random() < 0.55 else "brief"
            for side in ("patient", "physician"):
                form = forms[kind, side]
                given = answers_for(form, rng)
                out.writerow(
                    [
                        f"D{dyad:05d}",
                        visit + 1,
                        f"2025-{visit + 1:02d}-01",
                        side,
                        form.id,
                        *(_cell(given.get(i)) for i in items),
                    ]
                )


def measure(ctx: Context) -> list[Figure]:
    count = ctx.sizes.analysis_responses
    name = f"analysis: dyade analyse, {count:,} responses"
    source = ctx.workdir / f"responses-{count}.csv"
    if not source.exists():
        write_csv(source.with_suffix(".partial"), count)
        source.with_suffix(".partial").rename(source)
    try:
        floor = repeat(python_cmd("-c", FLOOR_SCRIPT, str(source)), 1, ctx.env())[0]
        out = ctx.workdir / "analysed.csv"
        cmd = python_cmd("-m", "dyade", "analyse", str(source), "--out", str(out), "--force")
        run = run_measured(cmd, ctx.env(), timeout_s=3600)
    except ChildFailed as exc:
        return [not_measured(name, str(exc))]
    if run.returncode not in (0, 1) or not out.exists():
        tail = " / ".join(run.output.strip().splitlines()[-2:])[:160]
        return [not_measured(name, f"exit {run.returncode}: {tail}")]
    from dyade.analysis.batch_parallel import default_jobs

    note = (
        f"{run.wall_s:.1f} s whole process on {default_jobs()} worker process(es), peak"
        f" {run.peak_mb:.0f} MB (main process), {run.cpu_s:.1f} CPU s in all its processes"
        f" ({count / max(run.cpu_s, 1e-9):,.0f} responses per CPU second, what a machine"
        f" busy with other work still shows); floor: csv module reading the file"
        f" ({floor.wall_s:.2f} s)"
    )
    speed, floor_speed = count / run.wall_s, count / floor.wall_s
    return [
        Figure(
            name,
            speed,
            "responses/s",
            floor_speed,
            f">= {SHARE_OF_FLOOR:.2f}x floor",
            speed >= SHARE_OF_FLOOR * floor_speed,
            note,
        )
    ]
