"""From a dyad's history to what its report prints, in one language.

Reads the history's ``to_dict()`` form: per-side series of subscale scores over
the visits and the rupture–repair episodes. A visit whose score could not be
computed breaks the line on the chart and prints as "not scorable" in the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dyade.errors import DyadeError
from dyade.formats import format_date, format_number, format_short_date
from dyade.reports.labels import Labels
from dyade.reports.view import EpisodeMark, HistoryView, Point, TrajectoryView, VisitLine
from dyade.reports.visit_view import SUBSCALE_ORDER, as_dict, flag_title, subscale_label

SIDES = ("patient", "physician")
CORE = ("bond", "goals", "tasks")


class _Dates:
    """Each visit's date (or label) in long and short form."""

    def __init__(self, data: Mapping[str, Any], given: Mapping[int, Any], lab: Labels) -> None:
        self.lab = lab
        self.raw: dict[int, Any] = {}
        for side in SIDES:
            for points in data["series"].get(side, {}).values():
                for p in points:
                    if p.get("label"):
                        self.raw.setdefault(p["visit"], p["label"])
        self.raw.update(given)

    def _try(self, visit: int, fmt) -> str | None:
        value = self.raw.get(visit)
        if value is None:
            return None
        try:
            return fmt(value, self.lab.lang)
        except DyadeError:
            return str(value)

    def long(self, visit: int, number: int) -> str:
        return self._try(visit, format_date) or f"#{number}"

    def short(self, visit: int, number: int) -> str:
        return self._try(visit, format_short_date) or f"#{number}"


def _values(data: Mapping[str, Any], side: str, sid: str) -> dict[int, float | None]:
    return {p["visit"]: p.get("value") for p in data["series"].get(side, {}).get(sid, [])}


def _subscales(data: Mapping[str, Any]) -> list[str]:
    present = {sid for side in SIDES for sid in data["series"].get(side, {})}
    return [sid for sid in CORE if sid in present] or sorted(
        (s for s in present if s in SUBSCALE_ORDER), key=SUBSCALE_ORDER.index
    )


def _episodes(data, sid: str, index: dict[int, int], dates: _Dates, lab: Labels):
    marks, lines = [], []
    last = len(index) - 1
    for ep in data.get("episodes", []):
        if sid not in (ep.get("subscales") or [ep["subscale"]]) or ep["visit"] not in index:
            continue
        repaired = ep["status"] == "repaired" and ep.get("recovered_visit") in index
        start = index[ep["visit"]]
        end = index[ep["recovered_visit"]] if repaired else last
        marks.append(EpisodeMark(ep["side"], start, end, repaired))
        key = "repaired" if repaired else "unresolved"
        lines.append(
            lab(
                f"history.episode_line.{key}",
                side=lab(f"sides.{ep['side']}"),
                start=dates.long(ep["visit"], start + 1),
                end=dates.long(ep["recovered_visit"], end + 1) if repaired else "",
            )
        )
    return marks, lines


def _flag_texts(flags: Sequence[Any], lab: Labels) -> list[str]:
    out = []
    for flag in flags:
        data = flag.model_dump(mode="json") if hasattr(flag, "model_dump") else dict(flag)
        severity = lab(f"flags.severities.{data['severity']}")
        out.append(f"{flag_title(data, lab)} ({severity})")
    return out


def _cell(value: float | None, lab: Labels) -> str:
    return lab("history.not_scorable_short") if value is None else format_number(value, lab.lang)


def history_view(
    history: Any,
    lab: Labels,
    *,
    visit_flags: Mapping[int, Sequence[Any]],
    visit_dates: Mapping[int, Any],
) -> HistoryView:
    """Everything a dyad history prints, in ``lab``'s language."""
    data = as_dict(history)
    visits = list(data.get("visits", []))
    index = {v: i for i, v in enumerate(visits)}
    dates = _Dates(data, visit_dates, lab)
    subscales = _subscales(data)
    values = {(side, sid): _values(data, side, sid) for side in SIDES for sid in subscales}
    trajectories = []
    for sid in subscales:
        points = [
            Point(dates.short(v, i + 1), values["patient", sid].get(v),
                  values["physician", sid].get(v))
            for i, v in enumerate(visits)
        ]  # fmt: skip
        marks, lines = _episodes(data, sid, index, dates, lab)
        trajectories.append(TrajectoryView(sid, subscale_label(lab, sid), points, marks, lines))
    uses = {p["visit"]: p.get("use", "") for side in SIDES
            for pts in data["series"].get(side, {}).values() for p in pts}  # fmt: skip
    lines = [
        VisitLine(
            number=i + 1,
            date=dates.long(v, i + 1),
            form=lab(f"history.forms.{uses.get(v)}") if lab.has(f"history.forms.{uses.get(v)}")
            else str(uses.get(v) or ""),
            patient=[_cell(values["patient", sid].get(v), lab) for sid in subscales],
            physician=[_cell(values["physician", sid].get(v), lab) for sid in subscales],
            flags=_flag_texts(visit_flags.get(v, ()), lab),
        )
        for i, v in enumerate(visits)
    ]  # fmt: skip
    first = dates.long(visits[0], 1) if visits else None
    last = dates.long(visits[-1], len(visits)) if visits else None
    return HistoryView(trajectories, subscales, lines, first, last)
