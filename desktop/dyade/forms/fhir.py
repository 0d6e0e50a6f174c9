"""A form as FHIR R4: an SDC ``Questionnaire`` and the ``CodeSystem`` of each item's answers.

What another tool needs to score a response the way Dyade does:
- each answer option's ``ordinalValue`` is the value it counts for, so a reverse-keyed
  item's options count ``max + min - point`` (the bond item "I felt judged": 5 counts 1);
- each subscale is a hidden, read-only ``decimal`` item whose SDC ``calculatedExpression``
  (FHIRPath, over a ``keyed`` variable) averages the keyed values of its answered items,
  prorated to a sum when the subscale is summed, and gives nothing below its
  ``min_answered``; a response exported by Dyade carries Dyade's score as that item's answer;
- every item's answers are codes of a ``CodeSystem`` defined by :func:`code_systems`.
Canonical URLs sit under :data:`CANONICAL_BASE`; they name the resources, they need not
resolve on the network.
"""

from __future__ import annotations

from typing import Any

from dyade.forms.schema import LANGUAGES, Form, Item, Subscale, Text

CANONICAL_BASE = "http://dyade.org/fhir"
SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition"
QUESTIONNAIRE_PROFILES = [f"{SDC}/sdc-questionnaire", f"{SDC}/sdc-questionnaire-behave"]
RESPONSE_PROFILE = f"{SDC}/sdc-questionnaireresponse"
CALCULATED_URL = f"{SDC}/sdc-questionnaire-calculatedExpression"
VARIABLE_URL = "http://hl7.org/fhir/StructureDefinition/variable"
HIDDEN_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"
TRANSLATION_URL = "http://hl7.org/fhir/StructureDefinition/translation"
ORDINAL_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
EXCLUSIVE_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
CONSTRUCT_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/dyade-construct"
SUBSCALE_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/dyade-subscale"
SCORE_PREFIX = "score-"


def questionnaire_url(form_id: str) -> str:
    """The canonical URL of a form's Questionnaire (versioned with ``|version``)."""
    return f"{CANONICAL_BASE}/Questionnaire/{form_id}"


def code_system_id(form_id: str, item_id: str) -> str:
    """A FHIR id (letters, digits, ``-``, ``.``) for an item's CodeSystem."""
    return f"{form_id}-{item_id}".replace("_", "-")


def item_system(form_id: str, item_id: str) -> str:
    """The canonical URL of the CodeSystem an item's answers are coded in."""
    return f"{CANONICAL_BASE}/CodeSystem/{code_system_id(form_id, item_id)}"


def score_link(sub: Subscale) -> str:
    """The linkId of a subscale's calculated score item."""
    return f"{SCORE_PREFIX}{sub.id}"


def ordinal(form: Form, item: Item, point: int) -> int:
    """What a scale point counts for in a score: reversed on a reverse-keyed item."""
    scale = form.scale_of(item)
    if item.reverse and scale is not None:
        return scale.max + scale.min - point
    return point


def form_to_fhir(form: Form, lang: str = "fr") -> dict[str, Any]:
    """The form as a FHIR R4 SDC ``Questionnaire``: texts in ``lang``, the other as
    translations, then one calculated score item per subscale."""
    return {
        "resourceType": "Questionnaire",
        "id": form.id,
        "meta": {"profile": QUESTIONNAIRE_PROFILES},
        "url": questionnaire_url(form.id),
        "version": str(form.version),
        "name": "".join(part.capitalize() for part in form.id.split("-")),
        "language": lang,
        "status": "active",
        "subjectType": ["Patient"],
        **_fhir_text("title", form.title, lang),
        **_fhir_text("description", form.instructions, lang),
        "item": [
            *(_fhir_item(form, item, lang) for item in form.items),
            *(_score_item(form, sub, lang) for sub in form.subscales),
        ],
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
    system = item_system(form.id, item.id)
    return [
        {
            **({"extension": extra} if extra else {}),
            "valueCoding": _coding(system, code, label, lang),
        }
        for code, label, extra in _answers(form, item)
    ]


def _answers(form: Form, item: Item) -> list[tuple[str, Text, list[dict[str, Any]]]]:
    """Each answer of a choice or scale item: code, label, option extensions."""
    scale = form.scale_of(item)
    if scale is not None:
        return [
            (
                str(point),
                scale.labels[point],
                [{"url": ORDINAL_URL, "valueDecimal": ordinal(form, item, point)}],
            )
            for point in scale.points()
        ]
    exclusive = [{"url": EXCLUSIVE_URL, "valueBoolean": True}]
    return [(o.code, o.label, exclusive if o.exclusive else []) for o in item.options or []]


def _coding(system: str, code: str, label: Text, lang: str) -> dict[str, Any]:
    return {"system": system, "code": code, **_fhir_text("display", label, lang)}


SCORE_TEXT = Text(fr="Score {id} (calculé)", en="{id} score (calculated)")


def _score_item(form: Form, sub: Subscale, lang: str) -> dict[str, Any]:
    """A hidden item whose value SDC tools compute: Dyade's score of the subscale."""
    mean = "%keyed.sum() / %keyed.count()"
    if sub.method == "sum":
        mean = f"({mean}) * {len(sub.items)}"
    text = Text(fr=SCORE_TEXT.fr.format(id=sub.id), en=SCORE_TEXT.en.format(id=sub.id))
    return {
        "extension": [
            {"url": HIDDEN_URL, "valueBoolean": True},
            _expression(VARIABLE_URL, keyed_expression(form, sub), name="keyed"),
            _expression(CALCULATED_URL, f"iif(%keyed.count() >= {sub.min_answered}, {mean}, {{}})"),
        ],
        "linkId": score_link(sub),
        "code": [{"system": SUBSCALE_SYSTEM, "code": sub.id}],
        **_fhir_text("text", text, lang),
        "type": "decimal",
        "readOnly": True,
    }


def keyed_expression(form: Form, sub: Subscale) -> str:
    """FHIRPath for the answered items' keyed values (reverse-keyed ones turned round),
    written with plain arithmetic so any FHIRPath engine computes it."""
    parts = []
    for item_id in sub.items:
        item = form.item(item_id)
        point = f"%resource.repeat(item).where(linkId = '{item_id}').answer.value.code.toInteger()"
        scale = form.scale_of(item)
        parts.append(f"({scale.max + scale.min} - {point})" if item.reverse and scale else point)
    return "(" + ").combine(".join(parts) + ")"


def _expression(url: str, expression: str, name: str | None = None) -> dict[str, Any]:
    value = {"language": "text/fhirpath", "expression": expression}
    return {"url": url, "valueExpression": {**({"name": name} if name else {}), **value}}


def code_systems(form: Form, lang: str = "fr") -> list[dict[str, Any]]:
    """One ``CodeSystem`` per choice or scale item: its codes, labels in both languages."""
    out = []
    for item in form.items:
        if item.kind == "text":
            continue
        concepts = [
            {
                "code": code,
                "display": label.get(lang),
                "designation": [
                    {"language": other, "value": label.get(other)}
                    for other in LANGUAGES
                    if other != lang
                ],
            }
            for code, label, _extra in _answers(form, item)
        ]
        out.append(
            {
                "resourceType": "CodeSystem",
                "id": code_system_id(form.id, item.id),
                "url": item_system(form.id, item.id),
                "version": str(form.version),
                "name": "".join(p.capitalize() for p in f"{form.id}-{item.id}".split("-")),
                "status": "active",
                "language": lang,
                "content": "complete",
                "caseSensitive": True,
                "count": len(concepts),
                "concept": concepts,
            }
        )
    return out
