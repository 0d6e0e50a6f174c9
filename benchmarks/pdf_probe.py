"""Time PDF building inside one process; print the timings as JSON.

Run as ``python -m benchmarks.pdf_probe OUT_DIR RUNS BATCH``. The floor is
reportlab alone building a one-page document with one chart and one table;
the figure is ``dyade.reports.visit_summary`` for one analysed visit. Both are
timed after one warm-up build (imports and fonts loaded), median of ``RUNS``;
then a batch of ``BATCH`` different visits is timed end to end.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def floor_page(out: Path) -> None:
    """reportlab alone: one page, one bar chart, one table."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    drawing = Drawing(400, 200)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 60, 20, 320, 160
    chart.data = [[4.2, 3.1, 4.8, 2.5, 3.9], [3.8, 3.5, 4.1, 3.0, 4.4]]
    chart.categoryAxis.categoryNames = ["bond", "goals", "tasks", "stage", "competence"]
    drawing.add(chart)
    rows = [["item", "patient", "physician"]] + [
        [f"item {i}", str(i % 5 + 1), "3"] for i in range(12)
    ]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "grey")]))
    styles = getSampleStyleSheet()
    story = [Paragraph("Visit summary", styles["Title"]), drawing, table]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def timed(fn: Callable[[int], None], runs: int) -> tuple[float, float]:
    """(first call, median of the next ``runs`` calls), in milliseconds."""
    start = time.perf_counter()
    fn(0)
    first = (time.perf_counter() - start) * 1000
    times = []
    for i in range(1, runs + 1):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(times)


def analysed_visits(count: int) -> tuple[tuple[object, object], list[object]]:
    """The forms, and ``count`` different analysed visits of them (not timed)."""
    from benchmarks.synth import answers_for, full_pair
    from dyade.analysis import analyse_visit
    from dyade.forms import default_library

    patient, physician = full_pair(default_library())
    rng = random.Random(10)
    visits = [
        analyse_visit(patient, answers_for(patient, rng), physician, answers_for(physician, rng))
        for _ in range(count)
    ]
    return (patient, physician), visits


def main(out_dir: Path, runs: int, batch: int) -> dict[str, float]:
    from dyade.reports import ReportContext, visit_summary

    out_dir.mkdir(parents=True, exist_ok=True)
    floor_first, floor = timed(lambda i: floor_page(out_dir / f"floor-{i}.pdf"), runs)
    forms, visits = analysed_visits(max(batch, runs + 1))
    # The app hands the forms it has loaded; without them each report reloads the library.
    context = ReportContext("Clinique du banc", "P-00042", "Dr Martin", "2026-03-02", forms=forms)

    def one(i: int, prefix: str = "visit") -> None:
        visit_summary(
            visits[i], context, lang="fr", out=out_dir / f"{prefix}-{i}.pdf", overwrite=True
        )

    first, median = timed(one, runs)
    start = time.perf_counter()
    for i in range(batch):  # a fresh visit each time, as an export of the day would
        one(i, "batch")
    batch_s = time.perf_counter() - start
    return {
        "floor_first_ms": floor_first,
        "floor_ms": floor,
        "first_ms": first,
        "median_ms": median,
        "batch_s": batch_s,
        "batch": batch,
    }


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print("RESULT " + json.dumps(result))
