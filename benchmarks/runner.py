"""Run the chosen figure groups in order and collect one table's rows."""

from __future__ import annotations

import importlib
import logging
import os
import platform
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from benchmarks.context import Context
from benchmarks.table import Figure, not_measured

log = logging.getLogger(__name__)

# name -> module with ``measure(ctx) -> list[Figure]``, in table order.
GROUPS: dict[str, str] = {
    "coldstart": "benchmarks.coldstart",
    "latency": "benchmarks.latency",
    "pdf": "benchmarks.pdf",
    "scale": "benchmarks.scale",
    "analysis": "benchmarks.analysis_speed",
    "sync": "benchmarks.sync_speed",
}


def run_groups(
    ctx: Context, names: list[str], progress: Callable[[str], None] = lambda _: None
) -> list[Figure]:
    """Measure each group; a group that breaks gives a "not measured" row, not a crash."""
    figures: list[Figure] = []
    for name in names:
        progress(name)
        try:
            figures.extend(importlib.import_module(GROUPS[name]).measure(ctx))
        except Exception as exc:  # one broken subsystem must not hide the others' figures
            log.exception("benchmark group %s failed", name)
            figures.append(not_measured(name, f"{type(exc).__name__}: {exc}"[:160]))
    return figures


def machine() -> str:
    """Cores, memory and processor, as the README's performance section quotes them."""
    cores = os.cpu_count() or 0
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("\n", 1)[0].split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            ln.split(":", 1)[1].strip()
            for ln in cpuinfo.read_text().splitlines()
            if ln.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    return f"{cores} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def header(ctx: Context) -> str:
    qt = ctx.env().get("QT_QPA_PLATFORM", "default")
    mode = "quick (small sizes)" if ctx.quick else "full"
    return (
        f"Dyade benchmark, {datetime.now():%Y-%m-%d %H:%M}, {mode}\n"
        f"machine: {machine()}\n"
        f"Python {platform.python_version()}, Qt platform {qt}, work folder {ctx.workdir}"
    )


def python_version() -> str:
    return sys.version.split()[0]
