"""The article's clinical case, run through the shipped forms (docs/examples/)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from dyade.analysis import VisitAnalysis, analyse_visit, attention_rank, constraint_phrases
from dyade.analysis.texts import patient_repair_invitation, patient_repair_prompts, texts
from dyade.forms import default_library

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


@pytest.fixture(scope="module")
def library():
    return default_library()


def case_sides(library, name: str) -> list:
    """[patient form, patient answers, physician form, physician answers] of a case."""
    sides = []
    for role in ("patient", "physician"):
        data = json.loads((EXAMPLES / f"{name}-{role}.json").read_text(encoding="utf-8"))
        sides += [library.require(data["form"]), data["answers"]]
    return sides


def run_case(library, name: str, **kwargs) -> VisitAnalysis:
    return analyse_visit(*case_sides(library, name), **kwargs)


def kinds(analysis: VisitAnalysis) -> list[tuple]:
    return [(f.kind, f.rupture_type, f.origin, f.perceived_by) for f in analysis.flags]


def test_scenario_a_unperceived_patient_withdrawal_and_goal_mismatch(library):
    analysis = run_case(library, "scenario-a")
    assert ("unperceived_rupture", "withdrawal", "patient", "patient") in kinds(analysis)
    assert any(f.kind == "goal_mismatch" for f in analysis.flags)
    assert not any(f.kind == "shared_rupture" or f.origin == "physician" for f in analysis.flags)
    rupture = analysis.flags[0]
    assert rupture.kind == "unperceived_rupture"  # sorted first
    assert set(rupture.families) == {"interpersonal", "emotional"}
    held_back = next(e for e in rupture.evidence if e.item == "p_held_back")
    assert held_back.mirror_item == "d_noticed_held_back"
    assert held_back.answer >= 3 and held_back.mirror_answer < 3
    # an unperceived withdrawal first calls for opening the door gently
    assert rupture.suggestions[0].principle == "metacommunicate"
    assert rupture.suggestions[0].function == "exploratory"


def test_scenario_b_physician_withdrawal_not_perceived_by_patient(library):
    analysis = run_case(library, "scenario-b")
    assert kinds(analysis) == [("unperceived_rupture", "withdrawal", "physician", "physician")]
    flag = analysis.flags[0]
    assert {e.item for e in flag.evidence} >= {"d_held_back", "d_went_along"}
    # the physician is shown how to make their own constraints explicit
    phrases = [p for s in flag.suggestions for p in s.phrases["en"]]
    assert set(constraint_phrases("en")) <= set(phrases)
    assert flag.suggestions[0].principle == "explore_perspectives"
    meta = {(m.by, m.target): m for m in analysis.meta_perception}
    assert meta[("patient", "agreement")].accurate is False


def test_harmonious_visit_with_ceiling_ratings_has_no_rupture(library):
    analysis = run_case(library, "harmonious")
    assert analysis.flags == []
    bond = next(d for d in analysis.discrepancies if d.subscale == "bond")
    assert bond.difference > 0  # patients higher, as expected
    assert bond.beyond_chance is False  # the offset absorbs it
    assert attention_rank(analysis) == 50


def test_open_confrontation_seen_by_both_is_shared(library):
    analysis = run_case(library, "confrontation")
    shared = [f for f in analysis.flags if f.kind == "shared_rupture"]
    assert {(f.origin, f.rupture_type, f.perceived_by) for f in shared} == {
        ("patient", "confrontation", "both"),
        ("physician", "confrontation", "both"),
    }
    assert not any(f.kind == "unperceived_rupture" for f in analysis.flags)


def test_attention_rank_orders_the_cases(library):
    ranks = {name: run_case(library, name).attention_rank for name in
             ("scenario-a", "scenario-b", "harmonious", "confrontation")}  # fmt: skip
    assert ranks["scenario-a"] < ranks["confrontation"] < ranks["harmonious"]
    assert ranks["scenario-b"] < ranks["confrontation"]


def test_result_is_json_ready_and_round_trips(library):
    analysis = run_case(library, "scenario-a")
    data = json.loads(json.dumps(analysis.to_dict()))
    assert VisitAnalysis.from_dict(data).to_dict() == data
    flag = data["flags"][0]
    assert set(flag) >= {"kind", "rupture_type", "origin", "perceived_by", "severity",
                         "severity_name", "evidence", "explanation", "suggestions"}  # fmt: skip
    assert set(flag["explanation"]) == {"fr", "en"}


def test_previous_visit_drop_counts_as_strain(library):
    first = run_case(library, "harmonious")
    again = run_case(library, "harmonious", previous=first)
    assert again.flags == []
    previous = {"patient": {"bond": 5.0, "goals": 5.0, "tasks": 5.0}, "physician": {}}
    scenario_a = run_case(library, "scenario-a", previous=previous)
    rupture = scenario_a.flags[0]
    assert any(e.note == "drop" for e in rupture.evidence)


def _nests_parentheses(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth > 1:
            return True
    return False


def test_no_explanation_nests_parentheses(library):
    """An answer's label may hold parentheses ("To get a document (certificate, ...)"),
    so no explanation sets one inside its own: every example case, and scenario A with
    each pair of main goals the two sides can choose."""
    analyses = [run_case(library, n) for n in ("scenario-a", "scenario-b", "harmonious")]
    analyses.append(run_case(library, "confrontation", previous=run_case(library, "harmonious")))
    p_form, p_answers, d_form, d_answers = case_sides(library, "scenario-a")
    for p_goal, d_goal in itertools.product(
        p_form.item("p_main_goal").codes(), d_form.item("d_main_goal").codes()
    ):
        theirs = {**d_answers, "d_main_goal": d_goal, "d_est_main_goal": d_goal}
        analyses.append(analyse_visit(p_form, {**p_answers, "p_main_goal": p_goal}, d_form, theirs))
    explanations = [f.explanation[lang] for a in analyses for f in a.flags for lang in ("fr", "en")]
    assert any("(certificat" in text for text in explanations)  # the label with parentheses
    assert [text for text in explanations if _nests_parentheses(text)] == []


FORBIDDEN = re.compile(
    r"difficult patient|patient difficile|sans empathie|without empathy|non-?compliant|"
    r"non observant|lazy|paresseu|manipulat",
    re.IGNORECASE,
)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_wording_never_labels_a_person_and_is_bilingual():
    data = texts()
    assert not [s for s in _strings(data) if FORBIDDEN.search(s)]
    for key, entry in data["phrases"].items():
        assert entry["fr"] and entry["en"], key
        assert len(entry["fr"]) == len(entry["en"]), key
    for plan in data["plans"].values():
        assert all(key in data["phrases"] for key in plan)


def _french(node, under_fr: bool = False):
    """Every French string of the wording file."""
    if isinstance(node, str):
        if under_fr:
            yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _french(value, under_fr or key == "fr")
    elif isinstance(node, list):
        for value in node:
            yield from _french(value, under_fr)


def test_french_wording_is_typographic():
    french = list(_french(texts()))
    assert len(french) > 50
    problems = [
        s
        for s in french
        if "'" in s
        or re.search(r"[ \t\n][:;?!»]|«[ \t\n]", s)  # a plain space where French wants a fixed one
        or re.search(r"«(?!\u00a0)|(?<!\u00a0)»", s)
    ]
    assert problems == []
    rendered = [*patient_repair_prompts("fr"), patient_repair_invitation("fr")]
    assert all("\u00a0" in s for s in rendered[:1] + rendered[-1:])  # kept when read


@pytest.mark.parametrize("rupture_type", [None, "withdrawal", "confrontation", "mixed", "other"])
def test_patient_repair_prompts_are_first_person_phrases(rupture_type):
    french = patient_repair_prompts("fr", rupture_type)
    english = patient_repair_prompts("en", rupture_type)
    assert len(french) == len(english) == 2 and french != english
    for phrase in english:
        assert re.match(r"I\b|I'", phrase), phrase  # the patient speaking
    for phrase in french:
        assert re.match(r"(Je|J’)\b", phrase), phrase
    assert not [p for p in french + english if re.search(r"physician.s answer|réponses du", p)]


def test_patient_repair_covers_asking_why_fear_need_and_not_understanding():
    data = texts()["patient_repair"]
    assert set(data["phrases"]) == {"ask_why", "voice_fear", "voice_need", "not_understood"}
    assert set(data["plans"]) >= {"default", "withdrawal", "confrontation", "mixed"}
    assert "why" in patient_repair_prompts("en")[0]
    assert "understand" in patient_repair_prompts("en", "withdrawal")[0]
    assert patient_repair_prompts("de") == patient_repair_prompts("en")  # unknown language


def test_patient_repair_invitation_is_gentle_and_names_the_doctor_as_the_forms_do():
    assert "médecin" in patient_repair_invitation("fr")
    assert "fine to tell your doctor" in patient_repair_invitation("en")
