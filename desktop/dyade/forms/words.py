"""Answers in words, from the form: the one way every screen and report puts them.

Answers are stored as the form's values (a scale point, an option code, a list
of codes, typed text); a person reads the form's own labels in their language.
The patient's check-your-answers screen, the physician's review and the PDF
reports all word an answer here, so one answer reads the same everywhere.
"""

from __future__ import annotations

from typing import Any

from dyade.forms.schema import Form, Item

POINT_SEPARATOR = " – "  # between a scale point and its label: "4 – Mostly"


def option_words(item: Item, code: Any, lang: str) -> str:
    """An option's label, or the code itself when the form has no such option."""
    for option in item.options or []:
        if option.code == code:
            return option.label.get(lang)
    return str(code)


def answer_words(
    form: Form, item: Item, value: Any, lang: str, *, with_point: bool = False
) -> str | None:
    """The answer as its respondent chose it, in ``lang``: a scale point's label
    (``with_point``: "4 – Mostly"), an option's label, a checklist's labels, or the
    typed text. None when there is nothing to read (no answer, an empty list or text)."""
    if value is None or value == []:
        return None
    if item.kind == "scale":
        scale = form.scale_of(item)
        label = scale.labels.get(value) if scale is not None else None
        if label is None:
            return str(value)
        return f"{value}{POINT_SEPARATOR}{label.get(lang)}" if with_point else label.get(lang)
    if item.kind in ("choice", "multi"):
        codes = value if isinstance(value, list) else [value]
        return ", ".join(option_words(item, code, lang) for code in codes)
    return str(value).strip() or None


def question_words(form: Form | None, item_id: str | None, lang: str) -> str:
    """The item's question in ``lang``, or its id when the form does not have it."""
    if form is None or not item_id or not form.has_item(item_id):
        return item_id or ""
    return form.item(item_id).text.get(lang)
