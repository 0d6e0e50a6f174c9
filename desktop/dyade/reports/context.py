"""Who and what a report is about: the header's facts, given by the caller.

Kept free of reportlab so the app and the CLI can build one without loading
the PDF machinery.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

PAGE_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class FormRef:
    """A questionnaire named in the header: its id, version and (optional) title."""

    id: str
    version: int
    title: dict[str, str] | None = None

    def label(self, lang: str) -> str:
        return (self.title or {}).get(lang) or self.id


@dataclass(frozen=True)
class ReportContext:
    """The header of a report.

    ``patient_name`` is printed only when given: leave it ``None`` unless the
    physician chose to put the name on this export (the clinic code identifies
    the patient otherwise). ``forms`` holds the questionnaires used, either as
    :class:`FormRef` or as loaded ``dyade.forms.Form`` objects; with the latter
    the report can print each evidence item's wording and answer labels.
    ``words`` are what each side wrote in its own words at this visit.
    """

    clinic: str
    patient_code: str
    physician: str
    visit_date: dt.date | str | None = None
    patient_name: str | None = None
    forms: tuple[Any, ...] = field(default_factory=tuple)
    words: tuple[Any, ...] = ()  # the visit's OwnWords (dyade.reports.own_words), printed first

    def form_refs(self) -> list[FormRef]:
        """The forms as :class:`FormRef`, whatever was given."""
        refs = []
        for form in self.forms:
            if isinstance(form, FormRef):
                refs.append(form)
            elif isinstance(form, tuple):
                refs.append(FormRef(str(form[0]), int(form[1])))
            else:
                title = getattr(form, "title", None)
                text = {"fr": title.fr, "en": title.en} if title is not None else None
                refs.append(FormRef(form.id, int(form.version), text))
        return refs

    def loaded_forms(self) -> list[Any]:
        """Only the forms given as full form objects (those that know their items)."""
        return [f for f in self.forms if hasattr(f, "item") and hasattr(f, "items")]
