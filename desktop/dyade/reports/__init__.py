"""PDF summaries of a visit and of a dyad's history (reportlab, loaded lazily).

Importing this package is cheap: reportlab is imported only when a report is
made, so the app and the CLI start without it. Both functions write the file
atomically and refuse to replace an existing one unless ``overwrite=True``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dyade.reports.context import PAGE_SIZES, FormRef, ReportContext

__all__ = [
    "PAGE_SIZES",
    "FormRef",
    "ReportContext",
    "dyad_history",
    "visit_summary",
]


def visit_summary(
    analysis: Any,
    context: ReportContext,
    *,
    lang: str,
    page_size: str = "a4",
    out: Path | str,
    overwrite: bool = False,
) -> Path:
    """Write one visit's summary (a ``VisitAnalysis`` or its ``to_dict()``) to ``out``."""
    from dyade.reports.build import build_visit_summary

    return build_visit_summary(
        analysis, context, lang=lang, page_size=page_size, out=Path(out), overwrite=overwrite
    )


def dyad_history(
    history: Any,
    latest_analysis: Any,
    context: ReportContext,
    *,
    lang: str,
    page_size: str = "a4",
    out: Path | str,
    overwrite: bool = False,
    visit_flags: Mapping[int, Sequence[Any]] | None = None,
    visit_dates: Mapping[int, Any] | None = None,
) -> Path:
    """Write a dyad's history (a ``DyadHistory`` or its ``to_dict()``) to ``out``.

    ``visit_flags`` maps a visit number to its flags (objects or dicts) for the
    table of visits; ``visit_dates`` maps a visit number to its date when the
    history's point labels are not ISO dates. ``latest_analysis`` (may be
    ``None``) is printed after the history as the latest visit's summary.
    """
    from dyade.reports.build import build_dyad_history

    return build_dyad_history(
        history,
        latest_analysis,
        context,
        lang=lang,
        page_size=page_size,
        out=Path(out),
        overwrite=overwrite,
        visit_flags=visit_flags or {},
        visit_dates=visit_dates or {},
    )
