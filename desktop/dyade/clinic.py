"""The clinic's forms and analysis thresholds, as one object every analysis is given.

The app, the command line, the reports and the exports read the same forms
(Dyade's own and the clinic's forms folder, its ``clinic_forms_folder``
setting) and the same thresholds (the settings page's overrides), so a visit
is analysed and worded the same way wherever it is completed or shown.
"""

from __future__ import annotations

from dataclasses import dataclass

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
