"""Vector charts drawn with reportlab.graphics: the two sides' scores and their course.

Sides differ by more than colour so a grey print stays readable: the patient's
bars are solid and its line continuous with round marks; the physician's bars
are hatched and its line dashed with square marks; estimates of the other side
are open diamonds and triangles; unresolved episodes are hatched bands.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.graphics.shapes import (
    Drawing,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.lib.units import mm

from dyade.formats import format_number
from dyade.reports import styles as st
from dyade.reports.fonts import ITALIC, register_fonts
from dyade.reports.labels import Labels
from dyade.reports.view import EpisodeMark, Point, ScoreRow

SCALE_MIN, SCALE_MAX = 1.0, 5.0
BAR_H = 6.5
BAR_GAP = 1.5
ROW_GAP = 5.5
GROUP_H = 16.0


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose default font is the embedded one (not Helvetica)."""
    d = Drawing(width, height)
    d.initialFontName = register_fonts()
    return d


def _c(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


Box = tuple[float, float, float, float]  # x, y, width, height


def hatch(boxes: Sequence[Box], colour: str, step: float = 3.0) -> Group:
    """Diagonal lines (45°) over rectangles: a fill that survives grey printing.

    The rectangles become one clip path and the lines one path of long
    diagonals across their bounding box, so a whole chart's hatching is two
    shapes and a few hundred segments (a shape per short segment made the
    score chart most of a summary's build time).
    """
    group = Group()
    boxes = [b for b in boxes if b[2] > 0 and b[3] > 0]
    if not boxes:
        return group
    clip = Path(isClipPath=1, fillColor=None, strokeColor=None)
    for x, y, w, h in boxes:
        clip.moveTo(x, y)
        clip.lineTo(x + w, y)
        clip.lineTo(x + w, y + h)
        clip.lineTo(x, y + h)
        clip.closePath()
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    lines = Path(fillColor=None, strokeColor=_c(colour), strokeWidth=0.5)
    height, c = top - bottom, -(top - bottom)
    while c < right - left:
        lines.moveTo(left + c, bottom)
        lines.lineTo(left + c + height, top)
        c += step
    group.add(clip)
    group.add(lines)
    return group


def diamond(cx: float, cy: float, r: float) -> Polygon:
    pts = [cx, cy + r, cx + r, cy, cx, cy - r, cx - r, cy]
    return Polygon(pts, fillColor=colors.white, strokeColor=_c(st.INK), strokeWidth=1)


def triangle(cx: float, cy: float, r: float) -> Polygon:
    pts = [cx - r, cy + r * 0.8, cx + r, cy + r * 0.8, cx, cy - r]
    return Polygon(pts, fillColor=colors.white, strokeColor=_c(st.INK), strokeWidth=1)


def _text(x: float, y: float, text: str, size: float = 7.5, **kw) -> String:
    font = kw.pop("fontName", register_fonts())
    colour = kw.pop("fillColor", _c(st.INK))
    return String(x, y, text, fontName=font, fontSize=size, fillColor=colour, **kw)


class _Layers:
    """A chart drawn in three layers: bar fills, one shared hatching, then what goes on top.

    The physician's bars are collected and hatched together at ``finish()``;
    outlines, values, marks and labels (``add``) are drawn over the hatching.
    """

    def __init__(self, d: Drawing) -> None:
        self.d, self.fills, self.over = d, Group(), Group()
        self.hatched: list[Box] = []
        d.add(self.fills)

    def add(self, shape: Any) -> None:
        self.over.add(shape)

    def bar(self, x: float, y: float, w: float, side: str) -> None:
        if side == "patient":
            self.fills.add(Rect(x, y, w, BAR_H, fillColor=_c(st.PATIENT), strokeColor=None))
            return
        self.fills.add(Rect(x, y, w, BAR_H, fillColor=_c(st.PHYSICIAN_LIGHT), strokeColor=None))
        self.hatched.append((x, y, w, BAR_H))
        outline = Rect(x, y, w, BAR_H, fillColor=None, strokeColor=_c(st.PHYSICIAN))
        outline.strokeWidth = 0.8
        self.over.add(outline)

    def finish(self) -> None:
        self.d.add(hatch(self.hatched, st.PHYSICIAN, step=2.6))
        self.d.add(self.over)


class _Axis:
    """Maps a 1..5 score to an x position in the plot area."""

    def __init__(self, x0: float, x1: float) -> None:
        self.x0, self.x1 = x0, x1

    def __call__(self, value: float) -> float:
        share = (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
        return self.x0 + max(0.0, min(1.0, share)) * (self.x1 - self.x0)


def _wrap(text: str, width: float, size: float, font: str) -> list[str]:
    """Greedy word wrap for chart labels."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(lines[-1] + " " + word, font, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _score_row(d: _Layers, row: ScoreRow, top: float, axis: _Axis, lab: Labels) -> None:
    """Two bars (patient over physician), their values, and the estimates."""
    font = register_fonts()
    label_lines = _wrap(row.label, axis.x0 - 8, 8, font)
    mid = top - BAR_H - BAR_GAP / 2
    for i, line in enumerate(label_lines[:2]):
        y = mid + 3 - i * 9.5 + (len(label_lines[:2]) - 1) * 4.5 - 3
        d.add(_text(0, y, line, 8))
    value_x = axis.x1 + 10
    for i, (side, value, estimate) in enumerate(
        (
            ("patient", row.patient, row.physician_estimate_of_patient),
            ("physician", row.physician, row.patient_estimate_of_physician),
        )
    ):
        y = top - (i + 1) * BAR_H - i * BAR_GAP
        if value is None:
            absent = lab("one_side.not_answered" if row.missing == side else "scores.not_scorable")
            d.add(_text(axis.x0 + 2, y + 1.5, absent, 7, fontName=ITALIC))
            d.add(
                _text(value_x, y + 1.5, "—" if row.missing == side else absent, 7, fontName=ITALIC)
            )
        else:
            d.bar(axis.x0, y, axis(value) - axis.x0, side)
            d.add(_text(value_x, y + 1.2, format_number(value, lab.lang), 7.5))
        if estimate is not None:
            mark = diamond if side == "patient" else triangle
            d.add(mark(axis(estimate), y + BAR_H / 2, 4.2))
    if row.beyond_expected:
        d.add(_text(value_x + 24, mid - 3, "*", 11, fontName=register_fonts() + "-Bold"))


def _grid(d: Drawing, axis: _Axis, top: float, bottom: float, lang: str) -> None:
    for tick in range(int(SCALE_MIN), int(SCALE_MAX) + 1):
        x = axis(tick)
        line = Line(x, bottom, x, top, strokeColor=_c(st.GRID), strokeWidth=0.5)
        d.add(line)
        d.add(_text(x, bottom - 9, format_number(tick, lang, 0), 7, textAnchor="middle"))


def _legend_item(d: _Layers, x: float, y: float, kind: str, text: str) -> None:
    if kind in ("patient", "physician"):
        d.bar(x, y - 1, 12, kind)
    elif kind == "diamond":
        d.add(diamond(x + 6, y + 2.2, 4))
    elif kind == "triangle":
        d.add(triangle(x + 6, y + 2.2, 4))
    d.add(_text(x + 17, y, text, 7.3))


def subscale_chart(rows: Sequence[ScoreRow], lab: Labels, width: float) -> Drawing:
    """Both sides' subscale scores, general and specific components apart."""
    groups = [(c, [r for r in rows if r.component == c]) for c in ("general", "specific")]
    groups = [(c, rs) for c, rs in groups if rs]
    row_h = 2 * BAR_H + BAR_GAP + ROW_GAP
    missing = next((r.missing for r in rows if r.missing), None)
    legend = _legend_items(lab, missing)
    legend_h = 6.0 + 12.0 * math.ceil(len(legend) / 2)
    plot_h = sum(GROUP_H + len(rs) * row_h for _, rs in groups)
    height = plot_h + 14 + legend_h
    d = _drawing(width, height)
    axis = _Axis(46 * mm, width - 27 * mm)
    top = height - 2
    _grid(d, axis, top - GROUP_H + 4, top - plot_h + ROW_GAP / 2, lab.lang)
    layers = _Layers(d)
    for component, component_rows in groups:
        bold = register_fonts() + "-Bold"
        layers.add(_text(0, top - 10, lab(f"scores.{component}"), 8.5, fontName=bold))
        top -= GROUP_H
        for row in component_rows:
            _score_row(layers, row, top, axis, lab)
            top -= row_h
    _legend(layers, legend, width)
    layers.finish()
    return d


def _legend_items(lab: Labels, missing: str | None) -> list[tuple[str, str]]:
    """(mark, text) of the legend: a side that has not answered has no bar and no estimate."""
    items = [
        ("patient", "patient", lab("scores.legend_patient")),
        ("physician", "physician", lab("scores.legend_physician")),
        ("physician", "diamond", lab("scores.legend_physician_estimate")),
        ("patient", "triangle", lab("scores.legend_patient_estimate")),
    ]
    return [(mark, text) for side, mark, text in items if side != missing]


def _legend(d: _Layers, items: Sequence[tuple[str, str]], width: float) -> None:
    """Two columns, filled row by row from the top."""
    top = 4 + 12 * (math.ceil(len(items) / 2) - 1)
    for i, (mark, text) in enumerate(items):
        _legend_item(d, (i % 2) * width / 2, top - 12 * (i // 2), mark, text)


# ---- trajectory ---------------------------------------------------------------


def _series(d: Drawing, xs: list[float], ys: list[float | None], y_of: Callable, side: str) -> None:
    """A side's line, broken where a visit was not scorable, with its marks."""
    colour = _c(st.PATIENT if side == "patient" else st.PHYSICIAN)
    dash = None if side == "patient" else [4, 2]
    run: list[float] = []
    for x, y in [*zip(xs, ys, strict=True), (None, None)]:
        if x is None or y is None:
            if len(run) >= 4:
                d.add(PolyLine(run, strokeColor=colour, strokeWidth=1.4, strokeDashArray=dash))
            run = []
            continue
        run += [x, y_of(y)]
    r = 2.3 if len(xs) <= 20 else 1.7
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            continue
        if side == "patient":
            d.add(_circle(x, y_of(y), r, colour))
        else:
            d.add(
                Rect(
                    x - r,
                    y_of(y) - r,
                    2 * r,
                    2 * r,
                    fillColor=colors.white,
                    strokeColor=colour,
                    strokeWidth=1.1,
                )
            )


def _circle(x: float, y: float, r: float, colour: colors.Color):
    from reportlab.graphics.shapes import Circle

    return Circle(x, y, r, fillColor=colour, strokeColor=colour)


def _band(d: Drawing, x0: float, x1: float, y0: float, y1: float, repaired: bool, side: str):
    colour = st.PATIENT if side == "patient" else st.PHYSICIAN
    if repaired:
        d.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=_c(st.BOX), strokeColor=None))
    else:
        d.add(hatch([(x0, y0, x1 - x0, y1 - y0)], st.RULE, step=4.0))
    edge = Rect(x0, y0, x1 - x0, y1 - y0, fillColor=None, strokeColor=_c(colour))
    edge.strokeWidth = 0.6
    edge.strokeDashArray = None if repaired else [2, 2]
    d.add(edge)


def _x_labels(d: Drawing, xs: list[float], points: Sequence[Point], y: float, lang: str):
    if not xs:
        return
    spacing = (xs[-1] - xs[0]) / max(1, len(xs) - 1) if len(xs) > 1 else 100.0
    step = max(1, math.ceil(36 / max(spacing, 1e-6)))
    for i in range(0, len(xs), step):
        text = points[i].label
        d.add(_text(xs[i], y, text, 6.5, textAnchor="middle"))


def trajectory_chart(
    points: Sequence[Point], episodes: Sequence[EpisodeMark], lab: Labels, width: float
) -> Drawing:
    """Both sides' score at each visit, with rupture–repair episodes as bands."""
    height = 66 * mm
    d = _drawing(width, height)
    left, right, bottom, top = 9 * mm, width - 3 * mm, 30.0, height - 6
    n = len(points)
    gap = (right - left) / max(n, 1)
    xs = [left + gap * (i + 0.5) for i in range(n)]

    def y_of(v: float) -> float:
        return bottom + (v - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * (top - bottom)

    for ep in episodes:
        if 0 <= ep.start < n:
            x0 = xs[ep.start] - gap * 0.45
            x1 = xs[min(ep.end, n - 1)] + gap * 0.45
            _band(d, x0, x1, bottom, top, ep.repaired, ep.side)
    for tick in range(1, 6):
        d.add(Line(left, y_of(tick), right, y_of(tick), strokeColor=_c(st.GRID), strokeWidth=0.5))
        d.add(_text(left - 4, y_of(tick) - 2.5, str(tick), 7, textAnchor="end"))
    _series(d, xs, [p.patient for p in points], y_of, "patient")
    _series(d, xs, [p.physician for p in points], y_of, "physician")
    _x_labels(d, xs, points, bottom - 11, lab.lang)
    _trajectory_legend(d, lab, width)
    return d


def _trajectory_legend(d: Drawing, lab: Labels, width: float) -> None:
    y, quarter = 3.0, width / 4
    d.add(Line(0, y + 2.5, 14, y + 2.5, strokeColor=_c(st.PATIENT), strokeWidth=1.4))
    d.add(_circle(7, y + 2.5, 2.2, _c(st.PATIENT)))
    d.add(_text(18, y, lab("scores.legend_patient"), 7.3))
    x = quarter
    d.add(
        Line(
            x,
            y + 2.5,
            x + 14,
            y + 2.5,
            strokeColor=_c(st.PHYSICIAN),
            strokeWidth=1.4,
            strokeDashArray=[4, 2],
        )
    )
    d.add(Rect(x + 5, y + 0.3, 4.4, 4.4, fillColor=colors.white, strokeColor=_c(st.PHYSICIAN)))
    d.add(_text(x + 18, y, lab("scores.legend_physician"), 7.3))
    x = 2 * quarter
    _band(d, x, x + 14, y - 1, y + 6, True, "patient")
    d.add(_text(x + 18, y, lab("history.repaired"), 7.3))
    x = 3 * quarter
    _band(d, x, x + 14, y - 1, y + 6, False, "patient")
    d.add(_text(x + 18, y, lab("history.unresolved"), 7.3))
