"""Check a set of answers against a form and score its subscales.

Answers map item ids to values: a scale item takes an integer point, a choice
item an option code, a multi item a list of codes, a text item a string, and
``None`` (or no entry) means skipped. A subscale with fewer answered items than
its ``min_answered`` is *not scorable* (value ``None``), never a silent zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dyade.errors import DyadeError
from dyade.forms.schema import Form, Item, Subscale

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class SubscaleScore:
    """A subscale's score; ``value`` is None when too few items were answered."""

    id: str
    component: str
    value: float | None
    answered: int
    items: int

    @property
    def scorable(self) -> bool:
        return self.value is not None


def check_answers(form: Form, answers: Answers) -> list[str]:
    """Why these answers do not fit the form (unknown item, value out of range, unknown code)."""
    problems: list[str] = []
    for item_id, value in answers.items():
        if not form.has_item(item_id):
            problems.append(f"'{item_id}' is not an item of form '{form.id}'")
        elif value is not None:
            problem = _value_problem(form, form.item(item_id), value)
            if problem:
                problems.append(f"item '{item_id}': {problem}")
    return problems


def missing_required(form: Form, answers: Answers) -> list[str]:
    """Ids of the items that may not be skipped and have no answer."""
    return [i.id for i in form.items if not i.optional and answers.get(i.id) is None]


def _value_problem(form: Form, item: Item, value: Any) -> str | None:
    if item.kind == "scale":
        scale = form.scale_of(item)
        if type(value) is not int:
            return f"expected a whole number, got {value!r}"
        if scale and value not in scale.points():
            return f"{value} is outside the scale {scale.min} to {scale.max}"
        return None
    if item.kind == "text":
        return None if isinstance(value, str) else f"expected text, got {value!r}"
    codes = item.codes()
    if item.kind == "choice":
        return None if value in codes else f"{value!r} is not one of {', '.join(codes)}"
    return _multi_problem(item, value, codes)


def _multi_problem(item: Item, value: Any, codes: list[str]) -> str | None:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return f"expected a list of codes, got {value!r}"
    unknown = [v for v in value if v not in codes]
    if unknown:
        return f"{', '.join(map(repr, unknown))} not among {', '.join(codes)}"
    if len(set(value)) != len(value):
        return "a code is chosen twice"
    exclusive = {o.code for o in item.options or [] if o.exclusive}
    if len(value) > 1 and exclusive & set(value):
        return f"'{next(iter(exclusive & set(value)))}' cannot be chosen with other answers"
    return None


def score_response(form: Form, answers: Answers) -> dict[str, SubscaleScore]:
    """Score every subscale of the form; raise :class:`DyadeError` on invalid answers."""
    problems = check_answers(form, answers)
    if problems:
        raise DyadeError(f"answers do not fit form '{form.id}': " + "; ".join(problems))
    return {sub.id: score_subscale(form, sub, answers) for sub in form.subscales}


def score_subscale(form: Form, sub: Subscale, answers: Answers) -> SubscaleScore:
    """Mean (or prorated sum) of the keyed answers, or None below ``min_answered``."""
    keyed = [
        _keyed(form, form.item(i), answers[i]) for i in sub.items if answers.get(i) is not None
    ]
    value: float | None = None
    if len(keyed) >= sub.min_answered:
        mean = sum(keyed) / len(keyed)
        value = mean * len(sub.items) if sub.method == "sum" else mean
    return SubscaleScore(sub.id, sub.component, value, len(keyed), len(sub.items))


def _keyed(form: Form, item: Item, value: int) -> int:
    """A reverse-keyed answer counts as ``max + min - value``."""
    scale = form.scale_of(item)
    if item.reverse and scale is not None:
        return scale.max + scale.min - value
    return value
