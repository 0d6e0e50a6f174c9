"""Clinical visits built from the shipped forms, for the analysis tests.

Each helper answers a form the way a clinician describes a visit ("all fives
except she kept things to herself"), so the tests read as cases.
"""

from __future__ import annotations

from typing import Any

from dyade.analysis import VisitAnalysis, VisitPoint, analyse_history, analyse_visit
from dyade.forms import default_library

LIBRARY = default_library()
BRIEF = ("dyade-brief-patient", "dyade-brief-physician")
FULL = ("dyade-full-patient", "dyade-full-physician")


def answers(
    form_id: str, level: int = 5, markers: int = 1, version: int | None = None, **given: Any
) -> dict[str, Any]:
    """Every scale item at ``level`` (markers at ``markers``, reverse items keyed
    the same way), choices left out, then the given answers."""
    form = LIBRARY.require(form_id, version)
    out: dict[str, Any] = {}
    for item in form.items:
        if item.kind != "scale":
            continue
        value = markers if item.component == "marker" else level
        if item.reverse and item.component != "marker":
            value = 6 - value
        out[item.id] = value
    out.update(given)
    return out


def visit(
    patient: dict[str, Any],
    physician: dict[str, Any],
    forms: tuple[str, str] = BRIEF,
    version: int | None = None,
    **options: Any,
) -> VisitAnalysis:
    """One visit on these forms (their latest version, or ``version``)."""
    patient_form, physician_form = (LIBRARY.require(f, version) for f in forms)
    return analyse_visit(patient_form, patient, physician_form, physician, **options)


def follow(visits: list[VisitAnalysis], **options: Any):
    """The dyad's history over these visits, in order."""
    points = [VisitPoint.from_analysis(a, i + 1) for i, a in enumerate(visits)]
    return analyse_history(points, **options)


def chain(pairs: list[tuple[dict, dict, tuple[str, str]]]) -> list[VisitAnalysis]:
    """Analyse visits in order, each against the one before (as storage does)."""
    out: list[VisitAnalysis] = []
    for patient, physician, forms in pairs:
        out.append(visit(patient, physician, forms, previous=out[-1] if out else None))
    return out


def kinds(analysis: VisitAnalysis) -> list[tuple]:
    return [(f.kind, f.rupture_type, f.origin, f.perceived_by) for f in analysis.flags]
