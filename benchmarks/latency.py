"""Answer latency in the questionnaire widget, driven offscreen in a child process."""

from __future__ import annotations

import json

from benchmarks.context import Context
from benchmarks.process import python_cmd, run_measured
from benchmarks.table import Figure, not_measured

MEDIAN_MS, P95_MS = 16.0, 33.0


def measure(ctx: Context) -> list[Figure]:
    folder = ctx.workdir / "latency"
    folder.mkdir(exist_ok=True)
    cmd = python_cmd("-m", "benchmarks.latency_driver", str(folder), str(ctx.sizes.clicks))
    run = run_measured(cmd, ctx.env(), timeout_s=600)
    lines = [ln for ln in run.output.splitlines() if ln.startswith("RESULT ")]
    if not run.ok or not lines:
        tail = " / ".join(run.output.strip().splitlines()[-2:])[:160]
        return [not_measured("answer latency", f"driver failed (exit {run.returncode}): {tail}")]
    r = json.loads(lines[-1].removeprefix("RESULT "))
    note = (
        f"{r['clicks']:.0f} clicks in QuestionnaireView (full patient form), each answer saved "
        "at once; floor: a bare button changing a label, until painted"
    )
    return [
        Figure(
            "answer latency: median",
            r["median_ms"],
            "ms",
            r["floor_ms"],
            f"< {MEDIAN_MS:g} ms",
            r["median_ms"] < MEDIAN_MS,
            note,
        ),
        Figure(
            "answer latency: 95th percentile",
            r["p95_ms"],
            "ms",
            r["floor_ms"],
            f"< {P95_MS:g} ms",
            r["p95_ms"] < P95_MS,
        ),
    ]
