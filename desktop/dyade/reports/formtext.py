"""Questions and answers in words: item wording and answer labels from the forms.

The analysis keeps item ids and raw answer values (a scale point, an option
code); a report prints the item's text and the answer's label in the chosen
language, looked up in the forms the visit used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
        found = self._item(form_id, item_id)
        return found[1].text.get(self.lab.lang) if found else (item_id or "")

    def answer(self, form_id: str | None, item_id: str | None, value: Any) -> str:
        """An answer in words: "4 – Mostly", an option's label, or "no answer"."""
        if value is None or value == []:
            return self.lab("evidence.skipped")
        found = self._item(form_id, item_id)
        if found is None:
            return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        form, item = found
        if item.kind == "scale":
            return self._scale_answer(form, item, value)
        if item.kind in ("choice", "multi"):
            codes = value if isinstance(value, list) else [value]
            return ", ".join(self.option(form_id, item_id, str(c)) for c in codes)
        return str(value)

    def _scale_answer(self, form: Any, item: Any, value: Any) -> str:
        scale = form.scale_of(item)
        label = scale.labels.get(value) if scale is not None else None
        if label is None:
            return str(value)
        return f"{value} – {label.get(self.lab.lang)}"

    def option(self, form_id: str | None, item_id: str | None, code: str) -> str:
        """An option's label, or its code when unknown."""
        found = self._item(form_id, item_id)
        if found is None:
            return code
        for option in found[1].options or []:
            if option.code == code:
                return option.label.get(self.lab.lang)
        return code


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
