"""A form as public data: Dyade's normalized JSON (FHIR: :mod:`dyade.forms.fhir`).

The JSON is what ``dyade forms show ID --json`` prints and what later tools
read; its shape is documented in ``forms/README.md``. Every key is always
present (``null`` when it does not apply) so readers need no guessing.
"""

from __future__ import annotations

from typing import Any

from dyade.forms.schema import Form, Item, Text

JSON_FORMAT = "dyade-form"
JSON_FORMAT_VERSION = 1


def form_to_json(form: Form) -> dict[str, Any]:
    """The normalized public form: scales inlined into items, defaults spelled out."""
    return {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "id": form.id,
        "version": form.version,
        "respondent": form.respondent,
        "pair": form.pair,
        "use": form.use,
        "title": _text(form.title),
        "instructions": _text(form.instructions),
        "items": [_item_json(form, item) for item in form.items],
        "subscales": [
            {
                "id": sub.id,
                "component": sub.component,
                "items": list(sub.items),
                "reverse_items": [i for i in sub.items if form.item(i).reverse],
                "method": sub.method,
                "min_answered": sub.min_answered,
            }
            for sub in form.subscales
        ],
    }


def _text(text: Text) -> dict[str, str]:
    return {"fr": text.fr, "en": text.en}


def _item_json(form: Form, item: Item) -> dict[str, Any]:
    scale = form.scale_of(item)
    return {
        "id": item.id,
        "kind": item.kind,
        "construct": item.construct,
        "component": item.component,
        "text": _text(item.text),
        "optional": item.optional,
        "mirror": item.mirror,
        "reverse": item.reverse,
        "screen": item.screen,
        "scale": None
        if scale is None
        else {
            "id": item.scale,
            "min": scale.min,
            "max": scale.max,
            "points": [{"value": v, "label": _text(scale.labels[v])} for v in scale.points()],
        },
        "options": None
        if item.options is None
        else [
            {
                "code": o.code,
                "label": _text(o.label),
                "marker_type": o.marker_type,
                "marker_family": o.marker_family,
                "exclusive": o.exclusive,
            }
            for o in item.options
        ],
        "marker_type": item.marker_type,
        "marker_family": item.marker_family,
        "about": item.about,
        "ordinal": item.ordinal,
        "estimates": item.estimates,
        "rationale": item.rationale,
    }
