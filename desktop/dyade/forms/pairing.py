"""Rules between a form and its pair: the two sides must mirror each other.

A ``mirror`` links two items that look at the same thing from the two sides of
the dyad ("I felt listened to" / "I listened to this patient"; "I held back what
I thought" / "I sensed this patient held back"). Each link must resolve both
ways, and the two items must be answerable the same way so they can be
compared value by value.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dyade.forms.loading import describe_location
from dyade.forms.problems import FormProblem, display_path
from dyade.forms.schema import Form, Item, Scale

PathKey = tuple[Any, ...]


def pair_problems(form: Form, pair: Form | None) -> list[FormProblem]:
    """What is wrong between ``form`` and its pair (reported in ``form``'s file)."""
    data = form.model_dump()
    file = display_path(form.source) if form.source else form.id
    if pair is None:
        return [
            FormProblem(
                file,
                describe_location(("pair",), data),
                form.line_of(("pair",)),
                f"the pair form '{form.pair}' is not available (no valid form has it as id)",
                f"le questionnaire de la paire, '{form.pair}', n’est pas disponible (aucun "
                "questionnaire valable n’a cet identifiant)",
            )
        ]
    found = [*_pair_header(form, pair)]
    for index, item in enumerate(form.items):
        found += _mirror_problems(form, item, ("items", index), pair)
        found += _estimate_problems(item, ("items", index), pair)
    return [FormProblem(file, describe_location(p, data), form.line_of(p), m) for p, m in found]


def _pair_header(form: Form, pair: Form) -> Iterator[tuple[PathKey, str]]:
    if pair.respondent == form.respondent:
        yield (
            ("pair",),
            f"'{pair.id}' is also a {pair.respondent} form; a pair joins a patient form "
            "and a physician form",
        )
    if pair.pair != form.id:
        yield ("pair",), f"'{pair.id}' names '{pair.pair}' as its pair, not '{form.id}'"


def _mirror_problems(
    form: Form, item: Item, at: PathKey, pair: Form
) -> Iterator[tuple[PathKey, str]]:
    if item.mirror is None:
        return
    where = (*at, "mirror")
    if not pair.has_item(item.mirror):
        yield where, f"'{item.mirror}' is not an item of the pair form '{pair.id}'"
        return
    other = pair.item(item.mirror)
    if other.mirror != item.id:
        back = f"'{other.mirror}'" if other.mirror else "nothing"
        yield where, f"'{item.mirror}' in '{pair.id}' does not point back: its mirror is {back}"
        return
    yield from _same_answers(form.scale_of(item), item, other, where, pair)


def _same_answers(
    scale: Scale | None, item: Item, other: Item, where: PathKey, pair: Form
) -> Iterator[tuple[PathKey, str]]:
    """Mirrored items must take the same kind of answer, to compare them value by value."""
    if item.kind != other.kind:
        yield where, f"'{other.id}' is a {other.kind} item but this one is a {item.kind}"
        return
    if item.kind == "scale":
        theirs = pair.scale_of(other)
        if scale and theirs and (scale.min, scale.max) != (theirs.min, theirs.max):
            yield (
                where,
                (
                    f"'{other.id}' in '{pair.id}' is answered {theirs.min} to {theirs.max}, "
                    f"this item {scale.min} to {scale.max}"
                ),
            )
        return
    if item.codes() != other.codes():
        yield (
            where,
            f"'{other.id}' in '{pair.id}' has other option codes: {', '.join(other.codes())}",
        )


def _estimate_problems(item: Item, at: PathKey, pair: Form) -> Iterator[tuple[PathKey, str]]:
    """An estimate guesses a subscale or a construct that the other side answers."""
    if item.estimates is None:
        return
    if item.estimates_item is not None and not pair.has_item(item.estimates_item):
        yield (
            (*at, "estimates_item"),
            f"'{item.estimates_item}' is not an item of the pair form '{pair.id}'",
        )
    target = item.estimates
    if pair.subscale(target) is not None:
        return
    answered = [other for other in pair.items if other.construct == target]
    if not answered:
        subscales = ", ".join(s.id for s in pair.subscales) or "none"
        yield (
            (*at, "estimates"),
            f"'{target}' is neither a subscale of '{pair.id}' ({subscales}) "
            "nor a construct its items measure",
        )
    elif item.kind in ("choice", "multi") and answered[0].codes() != item.codes():
        yield (
            (*at, "options"),
            f"an estimate of '{target}' must offer the codes of '{answered[0].id}' in "
            f"'{pair.id}': {', '.join(answered[0].codes())}",
        )
