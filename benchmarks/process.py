"""Run a child process and measure it whole: wall time and its own peak memory.

``os.wait4`` returns the resource usage of exactly the child waited for, so
the peak resident set size (``ru_maxrss``) is that process's own, not the
maximum over every child the harness has started.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall_s: float
    peak_mb: float
    returncode: int
    output: str
    cpu_s: float = 0.0  # user + system time of the child and the children it waited for

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class ChildFailed(Exception):
    """A measured child process failed or hung; the message says which and how."""


def python_cmd(*args: str) -> list[str]:
    """This interpreter, with the same flags a person would use."""
    return [sys.executable, *args]


def run_measured(
    cmd: Sequence[str], env: dict[str, str] | None = None, timeout_s: float = 120.0
) -> Run:
    """Start ``cmd``, wait for it, return wall time, peak RSS and its output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        status, usage = _wait(proc, timeout_s, cmd)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, usage.ru_maxrss / 1024, proc.returncode, text, cpu)


def _wait(proc: subprocess.Popen, timeout_s: float, cmd: Sequence[str]):
    """Block in ``wait4`` (exact end time); a timer kills a child that hangs."""
    timer = threading.Timer(timeout_s, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        proc.returncode = -9
        raise ChildFailed(f"{' '.join(cmd[2:])[:80]} did not finish within {timeout_s:.0f} s")
    return status, usage


def repeat(
    cmd: Sequence[str], runs: int, env: dict[str, str] | None = None, timeout_s: float = 120.0
) -> list[Run]:
    """One unmeasured warm-up (file cache), then ``runs`` measured runs."""
    results = []
    for index in range(runs + 1):
        run = run_measured(cmd, env, timeout_s)
        if not run.ok:
            tail = run.output.strip().splitlines()[-3:]
            raise ChildFailed(f"exit code {run.returncode}: {' / '.join(tail)[:200]}")
        if index:
            results.append(run)
    return results


def median_wall(runs: list[Run]) -> float:
    return statistics.median(r.wall_s for r in runs)


def median_peak(runs: list[Run]) -> float:
    return statistics.median(r.peak_mb for r in runs)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child: offscreen Qt unless a display is set, and
    this folder's parent on the path, so a probe (``-m benchmarks.x``) starts from anywhere."""
    env = dict(os.environ)
    here = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env
