"""Scale: the everyday operations on a generated clinic of 8 million answers.

The clinic is generated once per work folder (``generate`` in a child process)
and reused by later runs. The probe (``scale_probe``) runs in a child process
whose peak memory is measured; it runs once on the empty clinic too, which is
the floor for opening and for memory. Start-up with the large clinic is
compared with start-up with the empty one, same probe, same run.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from benchmarks.coldstart import app_cmd
from benchmarks.context import Context
from benchmarks.process import ChildFailed, Run, python_cmd, run_measured
from benchmarks.table import Figure, not_measured

ATTENTION_MS, HISTORY_MS, SAVE_MS, PEAK_MB, START_RATIO = 100.0, 50.0, 5.0, 300.0, 1.10


def clinic(ctx: Context) -> tuple[Path, str]:
    """The generated clinic for these sizes (made now unless the work folder has it)."""
    s = ctx.sizes
    path = ctx.workdir / f"clinic-{s.patients}p-{s.visits}v.db"
    if path.exists():
        return path, "reused from an earlier run"
    partial = path.with_suffix(".partial.db")
    for leftover in (partial, Path(f"{partial}.lock")):
        leftover.unlink(missing_ok=True)
    cmd = python_cmd(
        "-m",
        "benchmarks.generate",
        "--out",
        str(partial),
        "--patients",
        str(s.patients),
        "--visits",
        str(s.visits),
    )
    run = run_measured(cmd, ctx.env(), timeout_s=3600)
    if not run.ok:
        raise ChildFailed(f"generating the clinic failed: {run.output.strip()[-200:]}")
    partial.rename(path)
    Path(f"{partial}.lock").unlink(missing_ok=True)
    counts = run.output.strip().splitlines()[-1].split(": ", 1)[-1]
    return path, f"generated in {run.wall_s:.0f} s ({counts})"


def probe(ctx: Context, db: Path) -> tuple[dict[str, float], Run]:
    cmd = python_cmd("-m", "benchmarks.scale_probe", str(db), str(max(ctx.runs, 5)))
    run = run_measured(cmd, ctx.env(), timeout_s=1800)
    lines = [ln for ln in run.output.splitlines() if ln.startswith("RESULT ")]
    if not run.ok or not lines:
        raise ChildFailed(f"scale probe failed on {db.name}: {run.output.strip()[-200:]}")
    return json.loads(lines[-1].removeprefix("RESULT ")), run


def measure(ctx: Context) -> list[Figure]:
    empty = ctx.empty_clinic()
    if empty is None:
        return [not_measured("scale", "dyade.storage is not available")]
    try:
        db, made = clinic(ctx)
        small, small_run = probe(ctx, empty)
        big, big_run = probe(ctx, db)
    except ChildFailed as exc:
        return [not_measured("scale", str(exc))]
    size = f"{db.stat().st_size / 1e6:,.0f} MB file, {made}"
    figures = query_figures(big, small, size)
    figures.append(
        Figure(
            "scale: peak memory of open + queries",
            big_run.peak_mb,
            "MB",
            small_run.peak_mb,
            f"< {PEAK_MB:g} MB",
            big_run.peak_mb < PEAK_MB,
        )
    )
    figures.append(startup_figure(ctx, db, empty))
    return figures


def query_figures(big: dict[str, float], small: dict[str, float], size: str) -> list[Figure]:
    lookup = big.get("lookup_floor_ms")
    rows = [
        Figure(
            "scale: open the encrypted clinic",
            big["open_ms"],
            "ms",
            small["open_ms"],
            "report (floor: the empty clinic)",
            None,
            f"{size}; open = key + integrity check (quick_check) + migrations",
        ),
        Figure(
            "scale: needs-attention list, one physician",
            big["attention_ms"],
            "ms",
            lookup,
            f"< {ATTENTION_MS:g} ms",
            big["attention_ms"] < ATTENTION_MS,
        ),
    ]
    if "history_ms" in big:
        rows.append(
            Figure(
                f"scale: one dyad's history ({big['history_visits']:.0f} visits)",
                big["history_ms"],
                "ms",
                lookup,
                f"< {HISTORY_MS:g} ms",
                big["history_ms"] < HISTORY_MS,
            )
        )
    if "save_ms" in big:
        rows.append(
            Figure(
                "scale: save one answer",
                big["save_ms"],
                "ms",
                big["commit_floor_ms"],
                f"< {SAVE_MS:g} ms",
                big["save_ms"] < SAVE_MS,
                "floor: a bare one-row commit on the same file (WAL, fsync)",
            )
        )
    return rows


def startup_figure(ctx: Context, db: Path, empty: Path) -> Figure:
    """Start-ups on the empty and the large clinic, alternated so both see the same load."""
    name = "scale: app start-up, large vs empty clinic"
    commands = {"empty": app_cmd((), empty), "large": app_cmd((), db)}
    walls: dict[str, list[float]] = {"empty": [], "large": []}
    try:
        for index in range(ctx.runs + 1):  # the first round warms the file cache
            for key, cmd in commands.items():
                run = run_measured(cmd, ctx.env(), timeout_s=60)
                if not run.ok:
                    raise ChildFailed(f"the app exited with {run.returncode} on the {key} clinic")
                if index:
                    walls[key].append(run.wall_s * 1000)
    except ChildFailed as exc:
        return not_measured(name, str(exc))
    base, large = statistics.median(walls["empty"]), statistics.median(walls["large"])
    return Figure(
        name, large, "ms", base, f"<= {START_RATIO:.2f}x floor", large <= START_RATIO * base
    )
