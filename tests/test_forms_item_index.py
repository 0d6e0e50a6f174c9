"""A form finds its items by id in one step, and a copy with other items finds its own."""

from __future__ import annotations

import copy

import pytest

from dyade.forms import default_library
from dyade.forms.loading import load_form


@pytest.fixture(scope="module")
def form():
    return default_library().require("dyade-full-patient")


def test_item_and_has_item_use_the_index(form):
    assert list(form.items_by_id) == [i.id for i in form.items]
    for item in form.items:
        assert form.item(item.id) is item and form.has_item(item.id)
    assert not form.has_item("no_such_item")
    with pytest.raises(KeyError, match="has no item 'no_such_item'"):
        form.item("no_such_item")


def test_the_index_changes_neither_equality_nor_dumps(form):
    fresh = load_form(form.source)
    fresh.item(form.items[0].id)  # builds its index
    assert fresh == load_form(form.source)
    assert "items_by_id" not in fresh.model_dump()


def test_copies_keep_an_index_of_their_own_items(form):
    fewer = form.model_copy(update={"items": form.items[:2]})
    assert list(fewer.items_by_id) == [i.id for i in form.items[:2]]
    assert not fewer.has_item(form.items[5].id)
    deep = copy.deepcopy(form)
    assert deep.item(form.items[3].id) is deep.items[3]
