"""Questions and answers in words: item wording and answer labels from the forms.

The analysis keeps item ids and raw answer values (a scale point, an option
code); a report prints the item's text and the answer's label in the chosen
language, looked up in the forms the visit used and worded by
:mod:`dyade.forms.words`, as the screens word them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dyade.forms.words import answer_words, option_words, question_words
from dyade.reports.labels import Labels


class FormText:
    """Item wording and answer labels for the forms of one visit (any language)."""

    def __init__(self, forms: Iterable[Any], lab: Labels) -> None:
        self.forms = {f.id: f for f in forms}
        self.lab = lab

    def _item(self, form_id: str | None, item_id: str | None) -> tuple[Any, Any] | None:
        form = self.forms.get(form_id or "")
        if form is None or item_id is None or not form.has_item(item_id):
            return None
        return form, form.item(item_id)

    def question(self, form_id: str | None, item_id: str | None) -> str:
        """The item's text, or its id when the form is not at hand."""
        return question_words(self.forms.get(form_id or ""), item_id, self.lab.lang)

    def answer(self, form_id: str | None, item_id: str | None, value: Any) -> str:
        """An answer in words (:mod:`dyade.forms.words`): "4 – Mostly", an option's
        label, or "no answer"."""
        found = self._item(form_id, item_id)
        if found is None:
            if value is None or value == []:
                return self.lab("evidence.skipped")
            return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        words = answer_words(found[0], found[1], value, self.lab.lang, with_point=True)
        return words or self.lab("evidence.skipped")

    def option(self, form_id: str | None, item_id: str | None, code: str) -> str:
        """An option's label, or its code when unknown."""
        found = self._item(form_id, item_id)
        return code if found is None else option_words(found[1], code, self.lab.lang)


def forms_for(ids: Iterable[tuple[str, int]], given: Iterable[Any]) -> list[Any]:
    """The forms named by ``(id, version)``: those given first, else the installed ones.

    An installed form with another version is still used for its wording
    (ids are stable); a form that cannot be found leaves the ids printed.
    """
    by_id = {f.id: f for f in given}
    wanted = [fid for fid, _ in ids if fid not in by_id]
    if wanted:
        from dyade.forms.library import installed_library

        library = installed_library()
        for fid in wanted:
            form = library.get(fid)
            if form is not None:
                by_id[fid] = form
    return list(by_id.values())
