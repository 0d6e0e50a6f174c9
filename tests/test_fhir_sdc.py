"""FHIR that other tools can score: reversed ordinal values, SDC calculated subscale scores,
per-item CodeSystems, canonical URLs and SDC profiles, validated against R4 (R4B models)."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire
from fhirpathpy import evaluate
from fhirpathpy.models import models
from hypothesis import given, settings
from hypothesis import strategies as st

import dyade
from dyade.forms import default_library, score_response
from dyade.forms.fhir import (
    CALCULATED_URL,
    ORDINAL_URL,
    QUESTIONNAIRE_PROFILES,
    VARIABLE_URL,
    code_systems,
    form_to_fhir,
)

LIBRARY = default_library()
FORMS = [
    LIBRARY.require(f"dyade-{kind}-{side}")
    for kind in ("full", "brief")
    for side in ("patient", "physician")
]
R4 = models["r4"]


def _ordinals(resource: dict) -> dict[tuple[str, str], float]:
    """(linkId, code) -> ordinalValue, as a tool reads it off the Questionnaire."""
    out = {}
    for item in resource["item"]:
        for option in item.get("answerOption", []):
            for ext in option.get("extension", []):
                if ext["url"] == ORDINAL_URL:
                    out[item["linkId"], option["valueCoding"]["code"]] = ext["valueDecimal"]
    return out


def test_a_reverse_keyed_item_counts_its_points_reversed():
    form = LIBRARY.require("dyade-full-patient")
    assert form.item("p_bond_judged").reverse and not form.item("p_bond_listened").reverse
    ordinals = _ordinals(form_to_fhir(form, "en"))
    assert [ordinals["p_bond_judged", str(p)] for p in range(1, 6)] == [5, 4, 3, 2, 1]
    assert [ordinals["p_bond_listened", str(p)] for p in range(1, 6)] == [1, 2, 3, 4, 5]


@st.composite
def answer_sets(draw, form):
    """Any answers to the form's scale items: a point, or skipped."""
    answers = {}
    for item in form.items:
        scale = form.scale_of(item)
        if scale is not None:
            answers[item.id] = draw(st.none() | st.integers(scale.min, scale.max))
    return answers


def _response(answers: dict) -> dict:
    items = [
        {"linkId": k, "answer": [{"valueCoding": {"code": str(v)}}]}
        for k, v in answers.items()
        if v is not None
    ]
    return {"resourceType": "QuestionnaireResponse", "status": "completed", "item": items}


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_summing_ordinal_values_scores_like_dyade(form, data):
    """What a tool that only knows ordinal values computes equals Dyade's own scores."""
    answers = data.draw(answer_sets(form))
    ordinals = _ordinals(form_to_fhir(form, "fr"))
    dyade = score_response(form, answers)
    for sub in form.subscales:
        keyed = [ordinals[i, str(answers[i])] for i in sub.items if answers.get(i) is not None]
        expected = dyade[sub.id].value
        if len(keyed) < sub.min_answered:
            assert expected is None
            continue
        mean = sum(keyed) / len(keyed)
        assert expected == pytest.approx(mean * len(sub.items) if sub.method == "sum" else mean)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_the_calculated_expressions_give_dyade_scores(form, data):
    """Each subscale's SDC calculatedExpression, run by a FHIRPath engine on a response."""
    answers = data.draw(answer_sets(form))
    response = _response(answers)
    dyade = score_response(form, answers)
    resource = form_to_fhir(form, "en")
    for item in resource["item"][len(form.items) :]:
        exts = {e["url"]: e["valueExpression"] for e in item["extension"] if "valueExpression" in e}
        env = {"resource": response}
        env["keyed"] = evaluate(response, exts[VARIABLE_URL]["expression"], env, R4)
        got = evaluate(response, exts[CALCULATED_URL]["expression"], env, R4)
        expected = dyade[item["code"][0]["code"]].value
        if expected is None:
            assert got == []
        else:
            assert len(got) == 1 and float(Decimal(got[0])) == pytest.approx(expected)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_questionnaires_are_sdc_with_a_canonical_url_and_hidden_scores(form):
    resource = form_to_fhir(form, "fr")
    questionnaire = Questionnaire.model_validate(resource)
    assert questionnaire.url == f"http://dyade.org/fhir/Questionnaire/{form.id}"
    assert questionnaire.meta.profile == QUESTIONNAIRE_PROFILES
    scores = questionnaire.item[len(form.items) :]
    assert [s.code[0].code for s in scores] == [sub.id for sub in form.subscales]
    for score in scores:
        assert score.type == "decimal" and score.readOnly
        urls = [e.url for e in score.extension]
        assert "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden" in urls
        assert CALCULATED_URL in urls and VARIABLE_URL in urls


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_every_answer_coding_is_defined_by_a_code_system(form):
    systems = {}
    for resource in code_systems(form, "en"):
        system = CodeSystem.model_validate(resource)
        assert system.content == "complete" and system.count == len(system.concept)
        systems[system.url] = {c.code: c for c in system.concept}
    for item in form_to_fhir(form, "en")["item"]:
        for option in item.get("answerOption", []):
            coding = option["valueCoding"]
            concept = systems[coding["system"]][coding["code"]]
            assert concept.display == coding["display"]
            assert concept.designation[0].language == "fr" and concept.designation[0].value
    asked = {i.id for i in form.items if i.kind != "text"}
    assert len(systems) == len(asked)


def test_dyade_itself_never_imports_the_fhir_validator():
    """fhir.resources is a test dependency only: no module of the app imports it."""
    package = Path(dyade.__file__).parent
    importers = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "fhir" or n.startswith(("fhir.", "fhirpathpy")) for n in names):
                importers.append(path.relative_to(package))
    assert importers == []
