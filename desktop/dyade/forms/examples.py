"""Complete answer sets built from a form, for self-checks, demos and tests."""

from __future__ import annotations

from typing import Any, Literal

from dyade.forms.schema import Form, Item

Level = Literal["min", "max"]


def answers_at(form: Form, level: Level) -> dict[str, Any]:
    """Answer every item: scale items at their raw min or max point, other kinds validly.

    Choice items take their first (``min``) or last (``max``) option; multi items
    one non-exclusive option; text items a short sentence.
    """
    return {item.id: _answer(form, item, level) for item in form.items}


def _answer(form: Form, item: Item, level: Level) -> Any:
    scale = form.scale_of(item)
    if scale is not None:
        return scale.max if level == "max" else scale.min
    if item.kind == "text":
        return "example"
    codes = [o.code for o in item.options or [] if not o.exclusive]
    pick = codes[-1] if level == "max" else codes[0]
    return [pick] if item.kind == "multi" else pick
