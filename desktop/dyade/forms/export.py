"""A form as public data: Dyade's normalized JSON and a FHIR R4 Questionnaire.

The JSON is what ``dyade forms show ID --json`` prints and what later tools
read; its shape is documented in ``forms/README.md``. Every key is always
present (``null`` when it does not apply) so readers need no guessing.
"""

from __future__ import annotations

from typing import Any

from dyade.forms.schema import LANGUAGES, Form, Item, Text

JSON_FORMAT = "dyade-form"
JSON_FORMAT_VERSION = 1
TRANSLATION_URL = "http://hl7.org/fhir/StructureDefinition/translation"
ORDINAL_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
EXCLUSIVE_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
CONSTRUCT_SYSTEM = "urn:dyade:construct"


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


def form_to_fhir(form: Form, lang: str = "fr") -> dict[str, Any]:
    """The form as a FHIR R4 ``Questionnaire``: texts in ``lang``, the other as translations."""
    return {
        "resourceType": "Questionnaire",
        "id": form.id,
        "url": f"urn:dyade:questionnaire:{form.id}",
        "version": str(form.version),
        "name": "".join(part.capitalize() for part in form.id.split("-")),
        "language": lang,
        "status": "active",
        "subjectType": ["Patient"],
        **_fhir_text("title", form.title, lang),
        **_fhir_text("description", form.instructions, lang),
        "item": [_fhir_item(form, item, lang) for item in form.items],
    }


def _fhir_text(key: str, text: Text, lang: str) -> dict[str, Any]:
    """``{key: text, _key: {translation extensions}}`` as FHIR writes translations."""
    others = [other for other in LANGUAGES if other != lang]
    return {
        key: text.get(lang),
        f"_{key}": {
            "extension": [
                {
                    "url": TRANSLATION_URL,
                    "extension": [
                        {"url": "lang", "valueCode": other},
                        {"url": "content", "valueString": text.get(other)},
                    ],
                }
                for other in others
            ]
        },
    }


def _fhir_item(form: Form, item: Item, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "linkId": item.id,
        "code": [{"system": CONSTRUCT_SYSTEM, "code": item.construct}],
        **_fhir_text("text", item.text, lang),
        "type": "text" if item.kind == "text" else "choice",
        "required": not item.optional,
    }
    if item.kind == "multi":
        out["repeats"] = True
    if item.kind != "text":
        out["answerOption"] = _fhir_options(form, item, lang)
    return out


def _fhir_options(form: Form, item: Item, lang: str) -> list[dict[str, Any]]:
    system = f"urn:dyade:{form.id}:{item.id}"
    scale = form.scale_of(item)
    if scale is not None:
        return [
            {
                "extension": [{"url": ORDINAL_URL, "valueDecimal": value}],
                "valueCoding": _coding(system, str(value), scale.labels[value], lang),
            }
            for value in scale.points()
        ]
    return [
        {
            **(
                {"extension": [{"url": EXCLUSIVE_URL, "valueBoolean": True}]} if o.exclusive else {}
            ),
            "valueCoding": _coding(system, o.code, o.label, lang),
        }
        for o in item.options or []
    ]


def _coding(system: str, code: str, label: Text, lang: str) -> dict[str, Any]:
    return {"system": system, "code": code, **_fhir_text("display", label, lang)}
