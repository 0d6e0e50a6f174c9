"""One row per figure, and the single table the benchmark prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """A measured figure, its floor from the same run, and its target.

    ``value`` is ``None`` when the figure could not be measured; ``note`` then
    says why (never a made-up number). ``met`` is ``None`` when the target is a
    report only (for example responses per second).
    """

    name: str
    value: float | None
    unit: str
    floor: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor


def not_measured(name: str, reason: str, target: str = "") -> Figure:
    """A row that says why there is no number."""
    return Figure(name, None, "", target=target, note=reason)


HEADERS = ("figure", "value", "floor", "ratio", "target", "met")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def cells(figure: Figure) -> tuple[str, ...]:
    """The row as text, in the order of ``HEADERS``."""
    if figure.value is None:
        return (figure.name, f"not measured ({figure.note})", "-", "-", figure.target, "-")
    ratio = figure.ratio
    met = {True: "met", False: "NOT MET", None: "report"}[figure.met]
    return (
        figure.name,
        _number(figure.value, figure.unit),
        _number(figure.floor, figure.unit),
        "-" if ratio is None else f"{ratio:.2f}x",
        figure.target,
        met,
    )


def render(figures: list[Figure]) -> str:
    """A Markdown table (it reads in a terminal and pastes into the README)."""
    rows = [HEADERS, *(cells(f) for f in figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]

    def line(row: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    notes = [f"- {f.name}: {f.note}" for f in figures if f.value is not None and f.note]
    body = "\n".join([line(rows[0]), rule, *(line(r) for r in rows[1:])])
    return body + ("\n\nNotes:\n" + "\n".join(notes) if notes else "")
