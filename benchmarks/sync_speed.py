"""Sync through a PostgreSQL hub: what it costs, on a throwaway cluster of the run's own.

- 1,000 changes one way: one laptop saves 1,000 answers offline, then syncs (push);
  a second one syncs (pull). Report only.
- A new laptop joining the generated clinic (the scale group's, copied): the
  first laptop's first push, then ``dyade --db NEW sync --hub CONN`` on a
  missing database, as a whole process: wall time and its own peak memory.
- The same laptop reading the whole log again once, as migration 6 makes a laptop
  updated from a Dyade whose pull could skip changes (docs/SYNC.md): its marks
  noted, its cursor back at the start, ``dyade --db NEW sync`` again.
- The outbox's cost on saving one answer: the median save with recording on,
  against the same save with recording off (today's save) as the floor.
"""

from __future__ import annotations

import random
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.context import Context
from benchmarks.process import ChildFailed, python_cmd, run_measured
from benchmarks.table import Figure, not_measured

JOIN_PEAK_MB, SAVE_RATIO = 300.0, 1.5
ONE_WAY = 1_000


def measure(ctx: Context) -> list[Figure]:
    try:
        from benchmarks.pg_cluster import make_cluster, remove_cluster

        cluster = make_cluster()
    except (RuntimeError, OSError) as exc:
        return [not_measured("sync", f"no PostgreSQL to start: {exc}")]
    try:
        cluster.start("listen_addresses=''")
        return [_one_way(ctx, cluster), *_join(ctx, cluster), _outbox_cost(ctx)]
    finally:
        remove_cluster(cluster)


def _hub(cluster: Any) -> str:
    from dyade.sync.hub import init_hub

    dsn = cluster.create_database("bench")
    init_hub(dsn)
    return dsn


def _visit_sides(db: Any, library: Any, n: int) -> list[tuple[Any, Any]]:
    """``n`` visits of a new dyad: (form, response uuid) of each side."""
    from dyade.storage.dyads import create_dyad
    from dyade.storage.patients import create_patient
    from dyade.storage.responses import responses_of_visit
    from dyade.storage.users import create_user
    from dyade.storage.visits import FormRef, create_visit

    doctor = create_user(db, f"doc{random.random():.9f}", "physician", "bench password 1")
    patient = create_patient(db, f"B-{random.random():.9f}")
    dyad = create_dyad(db, patient.uuid, doctor.uuid)
    forms = [FormRef(side, f"dyade-full-{side}", 1) for side in ("patient", "physician")]
    sides = []
    for _ in range(n):
        visit = create_visit(db, dyad.uuid, forms)
        for response in responses_of_visit(db, visit.uuid):
            sides.append((library.require(response.form_id), response.uuid))
    return sides


def _answers(db: Any, count: int) -> list[tuple[str, str, Any]]:
    """``count`` (response, item, value) to save, valid for the shipped full forms."""
    from benchmarks.synth import answers_for
    from dyade.forms import default_library

    rng, out = random.Random(3), []
    for form, response in _visit_sides(db, default_library(), count // 40 + 1):
        out += [(response, item, value) for item, value in answers_for(form, rng).items()]
    return out[:count]


def _one_way(ctx: Context, cluster: Any) -> Figure:
    from dyade.storage import open_database
    from dyade.storage.responses import save_answer
    from dyade.sync.engine import sync
    from dyade.sync.hub import enrol

    dsn, name = _hub(cluster), f"sync: {ONE_WAY:,} answers one way (push, then pull)"
    laptops = []
    for device in ("one", "two"):
        path = ctx.workdir / f"sync-{device}.db"
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        laptops.append((open_database(path, ctx.passphrase, create=True), enrol(dsn, device)))
    try:
        for db, conninfo in laptops:
            sync(db, conninfo, passphrase=ctx.passphrase)
        (one, _c1), (two, _c2) = laptops
        for response, item, value in _answers(one, ONE_WAY):
            save_answer(one, response, item, value)
        start = time.perf_counter()
        pushed = sync(one)
        middle = time.perf_counter()
        sync(two)
        end = time.perf_counter()
    finally:
        for db, _conninfo in laptops:
            db.close()
    note = f"push {1000 * (middle - start):.0f} ms ({pushed.pushed_records} records)"
    return Figure(name, 1000 * (end - start), "ms", target="report", note=note)


def _join(ctx: Context, cluster: Any) -> list[Figure]:
    from benchmarks.scale import clinic
    from dyade.sync.hub import enrol

    try:
        source, _made = clinic(ctx)
    except ChildFailed as exc:
        return [not_measured("sync: a new laptop joins", str(exc))]
    size = f"{ctx.sizes.patients:,} patients, {ctx.sizes.visits:,} visits"
    origin, newcomer = ctx.workdir / "sync-origin.db", ctx.workdir / "sync-newcomer.db"
    for leftover in (origin, newcomer):
        for path in (leftover, Path(f"{leftover}-wal"), Path(f"{leftover}-shm")):
            path.unlink(missing_ok=True)
    shutil.copyfile(source, origin)
    dsn = _hub(cluster)
    runs = []
    for path, device in ((origin, "origin"), (newcomer, "newcomer")):
        cmd = python_cmd("-m", "dyade", "--db", str(path), "sync", "--hub", enrol(dsn, device))
        run = run_measured(cmd, ctx.env(), timeout_s=7200)
        if not run.ok:
            return [not_measured(f"sync: {device}", run.output.strip()[-160:])]
        runs.append(run)
    _read_again_next(ctx, newcomer)
    cmd = python_cmd("-m", "dyade", "--db", str(newcomer), "sync")
    again = run_measured(cmd, ctx.env(), timeout_s=7200)
    if not again.ok:
        return [not_measured("sync: reading the log again", again.output.strip()[-160:])]
    first, join = runs
    return [
        Figure(f"sync: first laptop's first push, {size}", first.wall_s, "s", target="report"),
        Figure(f"sync: a new laptop joins, {size}", join.wall_s, "s", target="report"),
        Figure(
            "sync: that laptop reads the log again once (migration 6)",
            again.wall_s,
            "s",
            target="report",
        ),
        Figure(
            "sync: peak memory of joining",
            join.peak_mb,
            "MB",
            target=f"< {JOIN_PEAK_MB:g} MB",
            met=join.peak_mb < JOIN_PEAK_MB,
        ),
    ]


def _read_again_next(ctx: Context, path: Path) -> None:
    """The state migration 6 leaves on a linked laptop: marks noted, cursor at the start."""
    from dyade.storage import open_database
    from dyade.storage.records import from_json, to_json

    db = open_database(path, ctx.passphrase)
    try:
        with db.atomic():
            marks = dict(db.execute("SELECT device, device_seq FROM sync_seen").fetchall())
            was = db.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()[0]
            db.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('repull', ?), "
                "('cursor', ?)",
                [to_json({"marks": marks, "cursor": from_json(was)}), to_json(["0", 0])],
            )
    finally:
        db.close()


def _outbox_cost(ctx: Context) -> Figure:
    """Median save of one answer, outbox on, against the same save with it off."""
    from dyade.storage import open_database, outbox
    from dyade.storage.responses import save_answer

    path = ctx.workdir / "sync-outbox.db"
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    db = open_database(path, ctx.passphrase, create=True)
    try:
        saves = _answers(db, 2 * max(ctx.runs * 40, 200))
        timings: dict[bool, list[float]] = {False: [], True: []}
        for n, (response, item, value) in enumerate(saves):
            if n == len(saves) // 2:
                with db.atomic():
                    outbox.start_recording(db)
            start = time.perf_counter()
            save_answer(db, response, item, value)
            timings[n >= len(saves) // 2].append(1000 * (time.perf_counter() - start))
    finally:
        db.close()
    with_outbox, today = statistics.median(timings[True]), statistics.median(timings[False])
    return Figure(
        "sync: saving one answer with the outbox",
        with_outbox,
        "ms",
        today,
        f"<= {SAVE_RATIO:g}x floor",
        with_outbox <= SAVE_RATIO * today,
    )
