"""Questions and answers of a form on the review screens: the forms' own words
(:mod:`dyade.forms.words`, as the PDF and the patient's screens), "—" for none."""

from __future__ import annotations

from typing import Any

from dyade.forms.schema import Form
from dyade.forms.words import answer_words, question_words


def question(form: Form | None, item_id: str | None, lang: str) -> str:
    return question_words(form, item_id, lang)


def answer(form: Form | None, item_id: str | None, value: Any, lang: str) -> str:
    """A scale point with its label ("4 – Mostly"), an option's label, a checklist, or text."""
    if form is None or not item_id or not form.has_item(item_id):
        return "—" if value is None else str(value)
    return answer_words(form, form.item(item_id), value, lang, with_point=True) or "—"
