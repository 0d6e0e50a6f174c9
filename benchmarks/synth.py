"""Plausible answers for benchmark data: seeded, fast, valid for the form.

A benchmark needs many answer sets that the form engine accepts; their
clinical meaning does not matter, only that they vary like real ones (mostly
agreeable, some strained) so that flags and charts take their usual paths.
"""

from __future__ import annotations

import random
from typing import Any

_SKIP_TEXT = 0.9  # most free-text comments are left empty


def item_answer(form: Any, item: Any, rng: random.Random, strain: float) -> Any:
    """One valid value for ``item`` (``None`` when the person skips it)."""
    if item.kind == "scale":
        scale = form.scale_of(item)
        low, high = scale.min, scale.max
        good = high if item.construct not in ("withdrawal", "confrontation") else low
        if item.reverse:
            good = low if good == high else high
        if rng.random() > strain:
            return min(high, max(low, good + rng.choice((0, 0, -1, 1))))
        return rng.randint(low, high)
    codes = item.codes() if item.options else []
    if item.kind == "choice":
        return rng.choice(codes) if codes else None
    if item.kind == "multi":
        plain = [o.code for o in item.options if not o.exclusive]
        return rng.sample(plain, k=min(len(plain), rng.randint(0, 2))) or [
            next((o.code for o in item.options if o.exclusive), plain[0])
        ]
    if item.kind == "text":
        return None if rng.random() < _SKIP_TEXT else "RAS"
    return None


def answers_for(form: Any, rng: random.Random, strain: float | None = None) -> dict[str, Any]:
    """A whole answer set; ``strain`` (0..1) is how often an answer is drawn at random
    instead of near the agreeable end (drawn per set when not given)."""
    strain = rng.choice((0.0, 0.0, 0.03, 0.3)) if strain is None else strain
    return {item.id: item_answer(form, item, rng, strain) for item in form.items}


def full_pair(library: Any) -> tuple[Any, Any]:
    """The shipped full forms, patient and physician (DyadeError if missing)."""
    from dyade.errors import DyadeError

    patient = library.get("dyade-full-patient")
    physician = library.get("dyade-full-physician")
    if patient is None or physician is None:
        raise DyadeError("the shipped full forms (dyade-full-patient/physician) are missing")
    return patient, physician
