"""The clinic's forms and analysis thresholds, as one object every analysis is given.

The app, the command line, the reports and the exports read the same forms
(Dyade's own and the clinic's forms folder, its ``clinic_forms_folder``
setting) and the same thresholds (the settings page's overrides), so a visit
is analysed and worded the same way wherever it is completed or shown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from dyade.analysis.thresholds import Thresholds
from dyade.forms.library import FormLibrary
from dyade.forms.schema import Form


@dataclass(frozen=True)
class ClinicLibrary:
    """The forms a clinic can use and the thresholds its analysis applies."""

    forms: FormLibrary
    thresholds: Thresholds

    def get(self, form_id: str, version: int | None = None) -> Form | None:
        return self.forms.get(form_id, version)

    def require(self, form_id: str, version: int | None = None) -> Form:
        """The form with this id (and version), or a :class:`DyadeError` naming the known ids."""
        return self.forms.require(form_id, version)


def clinic_thresholds(db: sqlite_utils.Database) -> Thresholds:
    """The analysis thresholds with the clinic's overrides (settings page) applied."""
    from dyade.storage.settings import get_setting

    overrides = get_setting(db, "thresholds") or {}
    if not overrides:
        return Thresholds()
    return Thresholds.from_overrides(overrides, source="clinic settings")


def clinic_library(db: sqlite_utils.Database, forms: FormLibrary | None = None) -> ClinicLibrary:
    """The clinic's forms and thresholds; ``forms`` when already loaded (tests, scripts)."""
    from dyade.storage.settings import clinic_forms

    return ClinicLibrary(clinic_forms(db) if forms is None else forms, clinic_thresholds(db))


def as_clinic_library(
    db: sqlite_utils.Database, library: ClinicLibrary | FormLibrary
) -> ClinicLibrary:
    """A bare form library (a script's, a test's) gets the clinic's thresholds."""
    return library if isinstance(library, ClinicLibrary) else clinic_library(db, library)


def clinic_stats(db: sqlite_utils.Database, library: ClinicLibrary) -> list[Any]:
    """Reliability and spread of every form version the clinic's completed responses used."""
    from dyade.analysis.psychometrics import form_stats
    from dyade.storage.responses import completed_answer_sets

    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for response, answers in completed_answer_sets(db):
        groups.setdefault((response.form_id, response.form_version), []).append(answers)
    out: list[Any] = []
    for (form_id, version), sets in sorted(groups.items()):
        form = library.get(form_id, version)
        if form is not None:
            out += form_stats(form, sets)
    return out


def _adoption_pairs(db: sqlite_utils.Database) -> tuple[tuple[str, int, str, int] | None, list]:
    """The pair of forms most used by visits with both sides complete, and those visits."""
    from dyade.storage.responses import completed_pairs

    pairs = list(completed_pairs(db))
    counts = Counter((p.form_id, p.form_version, d.form_id, d.form_version) for p, _, d, _ in pairs)
    if not counts:
        return None, []
    key = counts.most_common(1)[0][0]
    chosen = [
        (p_answers, d_answers)
        for p, p_answers, d, d_answers in pairs
        if (p.form_id, p.form_version, d.form_id, d.form_version) == key
    ]
    return key, chosen


def adoptable_dyads(db: sqlite_utils.Database) -> tuple[int, int]:
    """(dyads an adoption would use, dyads it needs): the settings page enables its
    button with the same rule :func:`adopt` applies."""
    from dyade.analysis.thresholds import MIN_DYADS_FOR_ESTIMATE

    return len(_adoption_pairs(db)[1]), MIN_DYADS_FOR_ESTIMATE


def adopt(
    db: sqlite_utils.Database, library: ClinicLibrary, *, user_uuid: str | None = None
) -> tuple[int, tuple[str, int], dict[str, Any]]:
    """Estimate spread, reliability and offset from the clinic's dyads (bond subscale of
    the pair of forms most used), store them as its threshold overrides, and audit it."""
    from dyade.analysis.psychometrics import clinic_estimates
    from dyade.errors import DyadeError
    from dyade.storage.audit import record
    from dyade.storage.settings import get_setting, set_setting

    key, chosen = _adoption_pairs(db)
    if key is None:
        raise DyadeError(
            "no visit has both sides completed: nothing to adopt",
            fr="aucune visite n’a ses deux côtés terminés\u00a0: rien à adopter",
        )
    forms = (library.require(key[0], key[1]), library.require(key[2], key[3]))
    values = clinic_estimates(forms, chosen, library.thresholds)
    overrides = dict(get_setting(db, "thresholds") or {}) | values
    with db.atomic():
        set_setting(db, "thresholds", overrides)
        record(db, "changed", "setting:thresholds", user_uuid=user_uuid,
               details={"adopted_from_dyads": len(chosen), "form": key[0],
                        "version": key[1], "values": values})  # fmt: skip
    return len(chosen), (key[0], key[1]), overrides
