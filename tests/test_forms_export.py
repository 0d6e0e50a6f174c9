"""The public JSON of ``dyade forms show --json`` and the FHIR R4 Questionnaire export."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from pydantic import ValidationError

from dyade.cli import main
from dyade.forms import form_to_fhir, form_to_json, load_form
from dyade.paths import forms_dir

FORM_FILES = sorted(forms_dir().glob("*.yaml"))
ITEM_KEYS = {
    "id",
    "kind",
    "construct",
    "component",
    "text",
    "optional",
    "mirror",
    "reverse",
    "screen",
    "scale",
    "options",
    "marker_type",
    "marker_family",
    "about",
    "ordinal",
    "estimates",
    "rationale",
}


@pytest.fixture(params=FORM_FILES, ids=lambda p: p.stem)
def form(request):
    return load_form(request.param)


def test_show_json_prints_the_normalized_form(form, capsys):
    assert main(["forms", "show", form.id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == form_to_json(form)
    assert shown["format"] == "dyade-form" and shown["format_version"] == 1
    assert shown["id"] == form.id and shown["pair"] == form.pair
    assert [item["id"] for item in shown["items"]] == [item.id for item in form.items]
    for item in shown["items"]:
        assert set(item) == ITEM_KEYS
        if item["kind"] == "scale":
            points = item["scale"]["points"]
            assert [p["value"] for p in points] == list(
                range(item["scale"]["min"], item["scale"]["max"] + 1)
            )
            assert all(p["label"]["fr"] and p["label"]["en"] for p in points)
        else:
            assert item["scale"] is None
    for sub in shown["subscales"]:
        assert sub["reverse_items"] == [i for i in sub["items"] if form.item(i).reverse]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fhir_export_is_a_valid_r4_questionnaire(form, lang):
    resource = form_to_fhir(form, lang)
    questionnaire = Questionnaire.model_validate(resource)
    assert questionnaire.status == "active"
    assert questionnaire.title == form.title.get(lang)
    asked = questionnaire.item[: len(form.items)]  # then one calculated item per subscale
    assert [i.linkId for i in asked] == [i.id for i in form.items]
    assert [i.linkId for i in questionnaire.item[len(form.items) :]] == [
        f"score-{sub.id}" for sub in form.subscales
    ]
    for fhir_item, item in zip(asked, form.items, strict=True):
        assert fhir_item.text == item.text.get(lang)
        assert fhir_item.repeats == (True if item.kind == "multi" else None)
        if item.kind == "scale":
            scale = form.scale_of(item)
            codes = [o.valueCoding.code for o in fhir_item.answerOption]
            assert codes == [str(v) for v in scale.points()]
        elif item.kind in ("choice", "multi"):
            assert [o.valueCoding.code for o in fhir_item.answerOption] == item.codes()
    other = "en" if lang == "fr" else "fr"
    translation = resource["_title"]["extension"][0]["extension"]
    assert {"url": "lang", "valueCode": other} in translation


def test_fhir_validation_is_real():
    """The validator we rely on does reject a broken resource."""
    resource = form_to_fhir(load_form(FORM_FILES[0]))
    resource["item"][0]["linkIdentifier"] = resource["item"][0].pop("linkId")
    with pytest.raises(ValidationError):
        Questionnaire.model_validate(resource)


def test_export_fhir_writes_a_file(tmp_path, capsys):
    out = tmp_path / "q.json"
    assert (
        main(["forms", "export-fhir", "dyade-brief-patient", "--out", str(out), "--lang", "en"])
        == 0
    )
    resource = json.loads(out.read_text(encoding="utf-8"))
    assert Questionnaire.model_validate(resource).language == "en"


def test_unknown_form_id_is_a_clear_error(capsys):
    assert main(["forms", "show", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no form with id 'nope'" in err and "Traceback" not in err


def test_list_and_show_text(capsys):
    assert main(["forms", "list"]) == 0
    out = capsys.readouterr().out
    for path in FORM_FILES:
        assert path.stem in out
    assert main(["forms", "show", "dyade-brief-patient"]) == 0
    out = capsys.readouterr().out
    assert "fr: J’ai senti qu’on m’écoutait." in out and "en: I felt listened to." in out


def test_list_json_lists_every_form(capsys):
    assert main(["forms", "list", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {f["id"] for f in shown} >= {p.stem for p in FORM_FILES}


def test_score_command(tmp_path, capsys):
    answers = tmp_path / "a.json"
    answers.write_text(
        json.dumps({"form": "dyade-brief-patient", "answers": {"p_bond_listened": 4}}),
        encoding="utf-8",
    )
    assert main(["forms", "score", str(answers), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["bond"] == {
        "id": "bond",
        "component": "general",
        "value": 4.0,
        "answered": 1,
        "items": 1,
        "scorable": True,
    }
    assert scores["goals"]["value"] is None and scores["goals"]["scorable"] is False
    answers.write_text(
        json.dumps({"form": "dyade-brief-patient", "answers": {"p_bond_listened": 9}})
    )
    assert main(["forms", "score", str(answers)]) == 2
    assert "outside the scale" in capsys.readouterr().err
