"""Rules that tie several fields of one form together.

pydantic checks each field on its own; these functions check what one field
says about another (an item's scale exists, a marker says whose experience it
is, a subscale's items are in the form). Each returns ``(path, message)``
pairs so the loader can point at the exact line. Rules that need the pair form
(mirrors, estimates) live in :mod:`.pairing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dyade.forms.schema import NO_CHANGE_CODE, STAGE_CODES

if TYPE_CHECKING:
    from dyade.forms.schema import Form, Item, Scale

Path = tuple[Any, ...]
Problems = Iterator[tuple[Path, str]]


def rule_problems(form: Form) -> list[tuple[Path, str]]:
    """Every cross-field problem of the form, in file order."""
    problems = [*_pair_is_other(form), *_scale_problems(form)]
    problems += _duplicate_item_ids(form)
    for index, item in enumerate(form.items):
        at = ("items", index)
        problems += _kind_problems(form, item, at)
        problems += _marker_problems(item, at)
        problems += _estimate_problems(item, at)
    problems += _subscale_problems(form)
    return problems


def _pair_is_other(form: Form) -> Problems:
    if form.pair == form.id:
        yield ("pair",), "a form cannot be its own pair: name the mirror form of the other side"


def _scale_problems(form: Form) -> Problems:
    for name, scale in form.scales.items():
        if scale.max <= scale.min:
            yield ("scales", name, "max"), f"max ({scale.max}) must be above min ({scale.min})"
            continue
        yield from _label_problems(name, scale)


def _label_problems(name: str, scale: Scale) -> Problems:
    expected = set(scale.points())
    missing = sorted(expected - set(scale.labels))
    extra = sorted(set(scale.labels) - expected)
    if missing or extra:
        detail = []
        if missing:
            detail.append(f"no label for {_numbers(missing)}")
        if extra:
            detail.append(f"{_numbers(extra)} outside the scale")
        yield (
            ("scales", name, "labels"),
            f"every point from {scale.min} to {scale.max} needs one label; {', '.join(detail)}",
        )


def _numbers(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def _duplicate_item_ids(form: Form) -> Problems:
    seen: dict[str, int] = {}
    for index, item in enumerate(form.items):
        if item.id in seen:
            yield (
                ("items", index, "id"),
                f"item id '{item.id}' is already used by item number {seen[item.id] + 1}",
            )
        else:
            seen[item.id] = index


def _kind_problems(form: Form, item: Item, at: Path) -> Problems:
    """Each kind carries what it needs and nothing meant for another kind."""
    if item.kind == "scale":
        if item.scale is None:
            yield (*at, "scale"), f"a scale item needs 'scale': one of {_names(form)}"
        elif item.scale not in form.scales:
            yield (*at, "scale"), f"'{item.scale}' is not a scale of this form ({_names(form)})"
    elif item.scale is not None:
        yield (*at, "scale"), f"only scale items have a 'scale' (this item is a {item.kind})"
    if item.kind in ("choice", "multi"):
        yield from _option_problems(item, at)
    elif item.options is not None:
        yield (
            (*at, "options"),
            f"only choice and multi items have 'options' (this is a {item.kind})",
        )
    if item.reverse and item.kind != "scale":
        yield (*at, "reverse"), "only scale items can be reverse-keyed"
    if item.ordinal and item.kind != "choice":
        yield (*at, "ordinal"), "only choice items can be ordinal"
    if "stage" in (item.construct, item.estimates):
        yield from _stage_problems(item, at)


def _names(form: Form) -> str:
    return ", ".join(form.scales) or "the form declares no scales"


def _option_problems(item: Item, at: Path) -> Problems:
    if not item.options or len(item.options) < 2:
        yield (*at, "options"), f"a {item.kind} item needs at least two options"
        return
    seen: set[str] = set()
    for index, option in enumerate(item.options):
        if option.code in seen:
            yield (*at, "options", index, "code"), f"option code '{option.code}' is used twice"
        seen.add(option.code)
        if option.exclusive and item.kind != "multi":
            yield (
                (*at, "options", index, "exclusive"),
                "only the options of a multi item can be exclusive",
            )


def _stage_problems(item: Item, at: Path) -> Problems:
    if item.kind != "choice" or not item.ordinal:
        yield (*at, "kind"), "a stage item must be an ordinal choice (kind: choice, ordinal: true)"
    elif tuple(item.codes()) not in (STAGE_CODES, (*STAGE_CODES, NO_CHANGE_CODE)):
        yield (*at, "options"), f"a stage item's option codes must be, in order: {_codes()}"


def _codes() -> str:
    return ", ".join(STAGE_CODES)


def _marker_problems(item: Item, at: Path) -> Problems:
    """Markers say which rupture, which family and whose experience; others say none of it."""
    if item.component != "marker":
        for field in ("marker_type", "marker_family", "about"):
            if getattr(item, field) is not None:
                yield (*at, field), f"'{field}' belongs to marker items (component: marker)"
        for index, option in enumerate(item.options or []):
            if option.marker_type or option.marker_family:
                yield (*at, "options", index), "option marker fields belong to marker items"
        return
    if item.about is None:
        yield (*at, "about"), "a marker item needs 'about': self or other"
    if item.construct in ("withdrawal", "confrontation") and item.marker_type not in (
        None,
        item.construct,
    ):
        yield (
            (*at, "marker_type"),
            f"'{item.marker_type}' contradicts construct '{item.construct}'",
        )
    if item.kind == "multi" and item.marker_type is None:
        yield from _option_marker_problems(item, at)
        return
    for field in ("marker_type", "marker_family"):
        if getattr(item, field) is None:
            yield (*at, field), f"a marker item needs '{field}'"


def _option_marker_problems(item: Item, at: Path) -> Problems:
    for index, option in enumerate(item.options or []):
        if option.exclusive:
            continue
        for field in ("marker_type", "marker_family"):
            if getattr(option, field) is None:
                yield (
                    (*at, "options", index, field),
                    f"option '{option.code}' needs '{field}' (or set it on the item)",
                )


def _estimate_problems(item: Item, at: Path) -> Problems:
    if item.construct == "estimate_of_other" and item.estimates is None:
        yield (*at, "estimates"), "an estimate item needs 'estimates': what of the other it guesses"
    if item.estimates is not None and item.construct != "estimate_of_other":
        yield (*at, "estimates"), "'estimates' belongs to items with construct estimate_of_other"


def _subscale_problems(form: Form) -> Problems:
    seen: set[str] = set()
    for index, sub in enumerate(form.subscales):
        at = ("scoring", "subscales", index)
        if sub.id in seen:
            yield (*at, "id"), f"subscale id '{sub.id}' is used twice"
        seen.add(sub.id)
        yield from _subscale_item_problems(form, sub.items, at)
        if sub.min_answered > len(sub.items):
            yield (
                (*at, "min_answered"),
                f"min_answered ({sub.min_answered}) is more than the {len(sub.items)} item(s)",
            )


def _subscale_item_problems(form: Form, item_ids: list[str], at: Path) -> Problems:
    seen: set[str] = set()
    for index, item_id in enumerate(item_ids):
        if item_id in seen:
            yield (*at, "items", index), f"item '{item_id}' is listed twice"
        seen.add(item_id)
        if not form.has_item(item_id):
            yield (*at, "items", index), f"'{item_id}' is not an item of this form"
        elif form.item(item_id).kind != "scale":
            yield (
                (*at, "items", index),
                f"'{item_id}' is a {form.item(item_id).kind} item; only scale items are scored",
            )
