"""The tests' throwaway PostgreSQL does not outlive a killed run (``benchmarks/pg_cluster.py``)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks import pg_cluster
from pg_support import Cluster, make_cluster, remove_cluster

ROOT = Path(__file__).parents[1]
OWNER = """
import sys, time
from benchmarks import pg_cluster
pg_cluster.TIE_TO_PARENT = sys.argv[1] == "tied"
cluster = pg_cluster.make_cluster()
cluster.start("listen_addresses=''", "fsync=off")
print(cluster.folder, flush=True)
time.sleep(600)
"""


def _owner(mode: str) -> tuple[subprocess.Popen, Cluster]:
    """A process that makes and starts a cluster, then waits to be killed."""
    child = subprocess.Popen(
        [sys.executable, "-c", OWNER, mode],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline().strip()
    assert line, child.stderr.read()
    cluster = Cluster(Path(line))
    assert cluster.running()
    return child, cluster


def _wait_until(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _kill(child: subprocess.Popen) -> None:
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    child.stderr.close()


def test_a_killed_runs_server_shuts_down_with_it_and_the_next_start_removes_its_folder():
    assert pg_cluster.TIE_TO_PARENT  # Linux, where the sync tests run
    child, cluster = _owner("tied")
    _kill(child)
    assert _wait_until(lambda: not cluster.running())  # at once, not at the next run
    fresh = make_cluster()
    try:
        assert not cluster.folder.exists()
    finally:
        remove_cluster(fresh)


def test_the_next_start_stops_a_killed_runs_server_and_leaves_a_live_runs_alone():
    """A server the kernel could not tie to its run (pg_ctl's daemon) is still up after
    the kill: making the next cluster stops it; another run still going keeps its own."""
    killed, left = _owner("detached")
    alive, kept = _owner("detached")
    try:
        _kill(killed)
        assert left.running()  # what a killed run used to leave behind
        fresh = make_cluster()
        remove_cluster(fresh)
        assert not left.running() and not left.folder.exists()
        assert kept.running()
    finally:
        _kill(alive)
        remove_cluster(kept)
        remove_cluster(left)
