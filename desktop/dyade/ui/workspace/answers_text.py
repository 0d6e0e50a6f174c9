"""Questions and answers of a form as a person reads them (labels, not codes)."""

from __future__ import annotations

from typing import Any


def question(form: Any, item_id: str | None, lang: str) -> str:
    if form is None or not item_id:
        return ""
    try:
        return form.item(item_id).text.get(lang)
    except (KeyError, AttributeError, ValueError):
        return item_id


def answer(form: Any, item_id: str | None, value: Any, lang: str) -> str:
    """A scale point with its label, an option's label, a checklist, or text."""
    if value is None or form is None or not item_id:
        return "—"
    try:
        item = form.item(item_id)
    except (KeyError, AttributeError, ValueError):
        return str(value)
    if item.kind == "scale":
        scale = form.scale_of(item)
        words = scale.labels.get(value) if scale else None
        return f"{value} · {words.get(lang)}" if words else str(value)
    labels = {o.code: o.label.get(lang) for o in item.options or []}
    if isinstance(value, list):
        return ", ".join(labels.get(v, str(v)) for v in value) or "—"
    return labels.get(value, str(value))
