"""Visit summary PDF: one visit in process, and a batch, against a bare reportlab page.

Measured in a child process (``pdf_probe``) so reportlab never loads into the
harness and each figure starts from the same clean interpreter.
"""

from __future__ import annotations

import json

from benchmarks.context import Context
from benchmarks.process import ChildFailed, python_cmd, run_measured
from benchmarks.table import Figure, not_measured

ONE_TARGET_MS = 150.0
BATCH_TARGET_S = 60.0
BATCH_TARGET_SIZE = 500


def probe(ctx: Context) -> dict[str, float]:
    out = ctx.workdir / "pdf"
    cmd = python_cmd(
        "-m", "benchmarks.pdf_probe", str(out), str(max(ctx.runs, 3)), str(ctx.sizes.pdf_batch)
    )
    run = run_measured(cmd, ctx.env(), timeout_s=900)
    lines = [ln for ln in run.output.splitlines() if ln.startswith("RESULT ")]
    if not run.ok or not lines:
        tail = " / ".join(run.output.strip().splitlines()[-2:])
        raise ChildFailed(f"pdf probe failed (exit {run.returncode}): {tail[:160]}")
    return json.loads(lines[-1].removeprefix("RESULT "))


def measure(ctx: Context) -> list[Figure]:
    try:
        result = probe(ctx)
    except ChildFailed as exc:
        return [not_measured("visit summary PDF", str(exc), f"< {ONE_TARGET_MS:g} ms")]
    batch = int(result["batch"])
    batch_target = BATCH_TARGET_S * batch / BATCH_TARGET_SIZE
    first = (
        f"first build in a fresh process {result['first_ms']:.0f} ms "
        f"(floor {result['floor_first_ms']:.0f} ms): imports and fonts"
    )
    return [
        Figure(
            "visit summary PDF, one visit",
            result["median_ms"],
            "ms",
            result["floor_ms"],
            f"< {ONE_TARGET_MS:g} ms",
            result["median_ms"] < ONE_TARGET_MS,
            first,
        ),
        Figure(
            f"visit summary PDF, batch of {batch}",
            result["batch_s"],
            "s",
            result["floor_ms"] * batch / 1000,
            f"< {batch_target:g} s ({BATCH_TARGET_S:g} s per {BATCH_TARGET_SIZE})",
            result["batch_s"] < batch_target,
        ),
    ]
