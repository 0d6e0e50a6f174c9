"""What keeps a visit summary fast: a chart of a few shapes, forms read once per process."""

from __future__ import annotations

import shutil

from reportlab.graphics.shapes import Group, Path

from dyade.analysis import analyse_visit
from dyade.forms import library as form_library
from dyade.forms.library import installed_library
from dyade.paths import forms_dir, user_forms_dir
from dyade.reports import ReportContext, visit_summary
from dyade.reports.charts import hatch, subscale_chart
from dyade.reports.labels import Labels
from dyade.reports.view import ScoreRow
from reports_support import load_pair, text_of

SUBSCALES = ("bond", "goals", "tasks", "understanding", "competence")


def shapes(node) -> list:
    """Every leaf shape of a drawing, groups opened."""
    if isinstance(node, Group) or hasattr(node, "contents"):
        return [leaf for child in node.contents for leaf in shapes(child)]
    return [node]


def chart(level: float):
    rows = [
        ScoreRow(sid, sid, "general" if sid == "bond" else "specific", level, level, 3.0, 3.0)
        for sid in SUBSCALES
    ]
    return subscale_chart(rows, Labels("en"), 480)


def test_hatching_does_not_grow_with_the_bars():
    """Long hatched bars cost the same shapes as short ones (one clip, one path)."""
    short, long = shapes(chart(1.2)), shapes(chart(5.0))
    assert len(short) == len(long) < 120


def test_hatching_is_clipped_to_the_bars():
    group = hatch([(10, 10, 50, 6), (10, 30, 120, 6)], "#b35a00", step=2.6)
    clip, lines = group.contents
    assert isinstance(clip, Path) and clip.isClipPath
    assert isinstance(lines, Path) and not lines.isClipPath and lines.fillColor is None
    xs, ys = lines.points[0::2], lines.points[1::2]
    # long diagonals span the boxes' bounding box; the clip keeps them inside the bars
    assert min(ys) == 10 and max(ys) == 36
    assert max(xs) >= 130 and len(lines.points) < 4 * (120 + 26) / 2.6 + 8
    assert hatch([(0, 0, 0, 6)], "#000000").contents == []


def test_installed_forms_are_read_once_and_again_after_a_change(monkeypatch):
    calls = []
    real = form_library.load_library

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(form_library, "load_library", counting)
    first = installed_library()
    assert installed_library() is first and len(calls) == 1
    copy = user_forms_dir() / "my-copy.yaml"
    shutil.copy(forms_dir() / "dyade-brief-patient.yaml", copy)
    changed = installed_library()
    assert len(calls) == 2 and changed is not first
    assert installed_library() is changed and len(calls) == 2


def test_a_summary_without_loaded_forms_still_prints_the_wording(tmp_path, monkeypatch):
    """Forms not handed over: taken from the installed library (read once for many)."""
    pf, pa, df, da = load_pair("scenario-a")
    analysis = analyse_visit(pf, pa, df, da)
    context = ReportContext("Clinique", "P-0042", "Dr Martin", "2026-03-12")
    installed_library()  # warm: the reports below must not read the files again
    monkeypatch.setattr(form_library, "load_library", lambda *a, **k: 1 / 0)
    outs = [
        visit_summary(analysis, context, lang="en", out=tmp_path / f"{i}.pdf") for i in range(2)
    ]
    question = pf.item(analysis.flags[0].evidence[0].item).text.en[:40]
    assert all(question in text_of(out) for out in outs)
