"""The dyad history's pages: header, the course of each core subscale for both
sides with rupture–repair episodes, and the table of visits with their flags."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Spacer

from dyade.reports import styles as st
from dyade.reports.blocks import context_rows, grid_table, header_table, heading, para, title_block
from dyade.reports.charts import trajectory_chart
from dyade.reports.labels import Labels
from dyade.reports.view import HistoryView


def _header(view: HistoryView, context: Any, lab: Labels, width: float) -> list[Any]:
    period = lab("header.unknown")
    if view.first:
        period = (
            view.first
            if view.first == view.last
            else lab("header.period", first=view.first, last=view.last)
        )
    count = f"{len(view.visits)} ({period})"
    rows = context_rows(context, lab, date_row=(lab("header.visits"), count))
    subtitle = lab("subject.history")
    return [
        *title_block(lab("titles.history"), subtitle, lab.lang),
        header_table(rows, width, lab.lang),
    ]


def _trajectories(view: HistoryView, lab: Labels, width: float) -> list[Any]:
    s = st.styles()
    out: list[Any] = [heading(lab("sections.trajectory"), lab.lang)]
    out.append(para(lab("history.intro"), s.muted, lab.lang))
    for traj in view.trajectories:
        block = [
            heading(traj.title, lab.lang, 3),
            trajectory_chart(traj.points, traj.episodes, lab, width),
        ]
        lines = traj.episode_lines or [lab("history.episodes_none")]
        block += [para(line, s.small, lab.lang) for line in lines]
        out.append(KeepTogether([*block, Spacer(1, 4)]))
    return out


def _visits_table(view: HistoryView, lab: Labels, width: float) -> list[Any]:
    """One row per visit: date, form, both sides' core scores, the flags raised."""
    s = st.styles()
    out: list[Any] = [heading(lab("sections.visits"), lab.lang)]
    if not view.visits:
        return [*out, para(lab("history.no_visits"), s.body, lab.lang)]
    n, last = len(view.subscales), 3 + 2 * len(view.subscales)
    short = [lab(f"history.short.{sid}") for sid in view.subscales]
    head = [lab("history.col_number"), lab("history.col_date"), lab("history.col_form")]
    head += [lab("history.col_patient")] + [""] * (n - 1)
    head += [lab("history.col_physician")] + [""] * (n - 1) + [lab("history.col_flags")]
    second = ["", "", "", *short, *short, ""]
    rows: list[list[Any]] = [[para(c, s.cell_num, lab.lang) for c in second]]
    for line in view.visits:
        flags = "\n".join(line.flags) if line.flags else lab("history.no_flags")
        scores = [para(v, s.cell_num, lab.lang) for v in (*line.patient, *line.physician)]
        rows.append([str(line.number), line.date, line.form, *scores, flags])
    fixed = [0.045, 0.165, 0.075] + [0.075] * (2 * n)
    widths = [w * width for w in fixed] + [width * (1 - sum(fixed))]
    extra = [
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor(st.BOX)),
        ("BACKGROUND", (3, 2), (2 + n, -1), colors.HexColor(st.PATIENT_LIGHT)),
        ("SPAN", (3, 0), (2 + n, 0)),
        ("SPAN", (3 + n, 0), (2 + 2 * n, 0)),
        *[("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, last)],
        ("LINEBELOW", (0, 0), (-1, 0), 0, colors.HexColor(st.BOX)),
    ]
    table = grid_table(head, rows, widths, lab.lang, repeat=2, extra=extra)
    note = para(lab("history.table_note"), s.muted, lab.lang)
    return [*out, table, Spacer(1, 2), note]


def history_story(view: HistoryView, context: Any, lab: Labels, width: float) -> list[Any]:
    """Every flowable of a dyad history, before the latest visit's summary."""
    return [*_header(view, context, lab, width), *_trajectories(view, lab, width),
            *_visits_table(view, lab, width)]  # fmt: skip
