"""Assemble and write the two reports (imports reportlab: load it lazily)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dyade.reports.context import ReportContext
from dyade.reports.document import MARGIN_MM, DocumentInfo, refuse_existing, write_pdf
from dyade.reports.document import page_size as size_of
from dyade.reports.formtext import forms_for
from dyade.reports.labels import Labels, check_lang
from dyade.reports.visit_pdf import visit_story, visit_subject
from dyade.reports.visit_view import as_dict, visit_view


def frame_width(size: str) -> float:
    from reportlab.lib.units import mm

    return size_of(size)[0] - 2 * MARGIN_MM * mm


def _forms(data: Mapping[str, Any], context: ReportContext) -> list[Any]:
    """The forms of the sides that answered (a side that has not answered has none)."""
    sides = [data[side] for side in ("patient", "physician") if data.get(side)]
    return forms_for([(side["form"], side["version"]) for side in sides], context.loaded_forms())


def _info(
    kind: str, context: ReportContext, lab: Labels, subject: str | None = None
) -> DocumentInfo:
    title = lab(f"titles.{kind}")
    return DocumentInfo(
        title=f"{title} – {context.patient_code}",
        author=context.clinic,
        subject=subject or lab(f"subject.{kind}"),
        footer=f"{title} · {context.patient_code}",
    )


def build_visit_summary(
    analysis: Any, context: ReportContext, *, lang: str, page_size: str, out: Path,
    overwrite: bool,
) -> Path:  # fmt: skip
    lab = Labels(check_lang(lang))
    refuse_existing(out, overwrite)
    data = as_dict(analysis)
    view = visit_view(data, _forms(data, context), lab)
    story = visit_story(view, context, lab, frame_width(page_size), lab("titles.visit"))
    info = _info("visit", context, lab, visit_subject(view, lab))
    return write_pdf(story, out, info, lab, size=page_size, overwrite=overwrite)


def build_dyad_history(
    history: Any,
    latest: Any,
    context: ReportContext,
    *,
    lang: str,
    page_size: str,
    out: Path,
    overwrite: bool,
    visit_flags: Mapping[int, Sequence[Any]],
    visit_dates: Mapping[int, Any],
) -> Path:
    from dyade.reports.history_pdf import history_story
    from dyade.reports.history_view import history_view

    lab = Labels(check_lang(lang))
    refuse_existing(out, overwrite)
    width = frame_width(page_size)
    hview = history_view(history, lab, visit_flags=visit_flags, visit_dates=visit_dates)
    story = history_story(hview, context, lab, width)
    if latest is not None:
        data = as_dict(latest)
        view = visit_view(data, _forms(data, context), lab)
        story += latest_story(view, context, lab, width)
    return write_pdf(story, out, _info("history", context, lab), lab, size=page_size,
                     overwrite=overwrite)  # fmt: skip


def latest_story(view: Any, context: ReportContext, lab: Labels, width: float) -> list[Any]:
    from reportlab.platypus import PageBreak

    return [PageBreak(), *visit_story(view, context, lab, width, lab("titles.latest"))]
