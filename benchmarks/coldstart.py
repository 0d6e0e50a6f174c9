"""Cold start: the app as a whole process, to its first painted window.

Floor: ``qt_floor.py``, a bare PySide6 window quit after its first paint, run
the same number of times in the same run. Dyade is byte-compiled first, as an
installed copy is. Each process is started fresh (a new
interpreter) after one unmeasured warm-up run that fills the file cache.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.context import Context
from benchmarks.process import ChildFailed, Run, median_peak, median_wall, python_cmd, repeat
from benchmarks.table import Figure, not_measured

WALL_TARGET = 1.6  # the physician's login and the kiosk's welcome, against a bare window
PEAK_TARGET = 1.6
START_TIMEOUT_S = 20.0
FLOOR_SCRIPT = Path(__file__).with_name("qt_floor.py")

# (figure label, app options, class of the window whose first paint ends the run)
STARTS = (
    ("physician login", (), ""),
    ("kiosk welcome", ("--kiosk",), "KioskWindow"),
)


def qt_floor(ctx: Context) -> list[Run]:
    """The bare-window floor, cached in the context (start-up figures share it)."""
    if "qt_floor" not in ctx.cache:
        ctx.cache["qt_floor"] = repeat(python_cmd(str(FLOOR_SCRIPT)), ctx.runs, ctx.env())
    return ctx.cache["qt_floor"]


def app_cmd(options: tuple[str, ...], db: Path | None) -> list[str]:
    """The app started through the first-paint probe."""
    return python_cmd("-m", "benchmarks.app_probe", *options, *(("--db", str(db)) if db else ()))


def app_runs(ctx: Context, options: tuple[str, ...], window: str, db: Path | None) -> list[Run]:
    """Median-ready runs of the app through the first-paint probe."""
    env = ctx.env(DYADE_BENCH_WINDOW=window)
    cmd = app_cmd(options, db)
    try:
        return repeat(cmd, ctx.runs, env, timeout_s=START_TIMEOUT_S)
    except ChildFailed as exc:
        if "did not finish" in str(exc) and window:
            raise ChildFailed(
                f"no {window} painted within {START_TIMEOUT_S:g} s: "
                f"`dyade {' '.join(options)}` stays on another window (it waits for input)"
            ) from exc
        raise


def start_figures(label: str, runs: list[Run], floor: list[Run]) -> list[Figure]:
    """Wall time and peak memory of one start, each against the floor's."""
    wall, floor_wall = median_wall(runs) * 1000, median_wall(floor) * 1000
    peak, floor_peak = median_peak(runs), median_peak(floor)
    return [
        Figure(
            f"cold start, {label}: wall",
            wall,
            "ms",
            floor_wall,
            f"<= {WALL_TARGET:g}x floor",
            wall <= WALL_TARGET * floor_wall,
        ),
        Figure(
            f"cold start, {label}: peak memory",
            peak,
            "MB",
            floor_peak,
            f"<= {PEAK_TARGET:g}x floor",
            peak <= PEAK_TARGET * floor_peak,
        ),
    ]


def compile_dyade() -> None:
    """Byte-compile the package first, as pip and the bundle do: a checkout run with
    PYTHONDONTWRITEBYTECODE (or a read-only tree) would otherwise compile every module
    from source on each start, which no installed Dyade does."""
    import compileall

    import dyade

    compileall.compile_dir(Path(dyade.__file__).parent, quiet=1)


def measure(ctx: Context) -> list[Figure]:
    compile_dyade()
    try:
        floor = qt_floor(ctx)
    except ChildFailed as exc:
        return [not_measured("cold start", f"the bare Qt floor failed: {exc}")]
    db = ctx.empty_clinic()
    figures: list[Figure] = []
    for label, options, window in STARTS:
        try:
            runs = app_runs(ctx, options, window, db)
        except ChildFailed as exc:
            figures.append(not_measured(f"cold start, {label}", str(exc)))
            continue
        figures.extend(start_figures(label, runs, floor))
    return figures
