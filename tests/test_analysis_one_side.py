"""A visit where only one side has answered: that side is read, nothing invented for the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyade.analysis import VisitAnalysis, VisitPoint, analyse_history, analyse_visit
from dyade.analysis.visit import analyse_one_side
from dyade.cli import main
from dyade.errors import DyadeError
from dyade.forms import default_library
from test_analysis_properties import answers_for

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


@pytest.fixture(scope="module")
def library():
    return default_library()


def side(library, case: str, role: str):
    data = json.loads((EXAMPLES / f"{case}-{role}.json").read_text(encoding="utf-8"))
    return library.require(data["form"]), data["answers"]


def both(library, case: str) -> VisitAnalysis:
    return analyse_visit(*side(library, case, "patient"), *side(library, case, "physician"))


def test_patient_only_keeps_the_patients_rupture_with_unknown_perception(library):
    analysis = analyse_one_side(*side(library, "scenario-a", "patient"))
    assert analysis.physician is None and analysis.missing == "physician"
    assert analysis.scores("patient") == both(library, "scenario-a").scores("patient")
    assert analysis.scores("physician") == {} and analysis.discrepancies == []
    rupture = analysis.flags[0]
    assert (rupture.kind, rupture.origin, rupture.rupture_type, rupture.perceived_by) == (
        "unperceived_rupture", "patient", "withdrawal", "unknown")  # fmt: skip
    assert analysis.signals["patient"].perceived_by == "unknown"
    assert {e.side for f in analysis.flags for e in f.evidence} == {"patient"}
    assert "not available" in rupture.explanation["en"]
    assert "pas encore disponibles" in rupture.explanation["fr"]
    assert rupture.suggestions  # the plan for a rupture the patient lived
    assert not [f for f in analysis.flags if f.kind in ("goal_mismatch", "stage_mismatch")]


def test_estimates_of_the_missing_side_have_no_actual_value(library):
    analysis = analyse_one_side(*side(library, "scenario-a", "patient"))
    assert analysis.meta_perception
    for meta in analysis.meta_perception:
        assert (meta.actual, meta.error, meta.accurate) == (None, None, None)


def test_physician_only_scenario_b_and_what_it_noticed(library):
    analysis = analyse_visit(None, None, *side(library, "scenario-b", "physician"))
    assert analysis.patient is None and analysis.missing == "patient"
    own = [f for f in analysis.flags if f.origin == "physician"]
    assert own and own[0].perceived_by == "unknown" and own[0].kind == "unperceived_rupture"
    noticed = analyse_visit(None, None, *side(library, "confrontation", "physician"))
    of_patient = [f for f in noticed.flags if f.origin == "patient"]
    assert of_patient, "what the physician noticed in the patient still signals"
    evidence = of_patient[0].evidence
    assert {e.side for e in evidence} == {"physician"} and {e.note for e in evidence} <= {
        "noticed", "emotion"}  # fmt: skip
    assert "patient's answers are not available" in of_patient[0].explanation["en"]


def test_low_alliance_of_the_answering_side_says_the_other_is_missing(library):
    form = library.require("dyade-brief-patient")
    answers = {i.id: (1 if i.kind == "scale" and not i.reverse else None) for i in form.items}
    answers = {k: v for k, v in answers.items() if v is not None}
    answers["p_est_bond"] = 3  # not the same answer throughout (that would be to check)
    analysis = analyse_one_side(form, answers)
    low = [f for f in analysis.flags if f.kind == "low_alliance"]
    assert low and low[0].perceived_by == "unknown" and low[0].origin == "patient"
    assert "physician's answers are not available" in low[0].explanation["en"]


def test_one_side_round_trips_and_feeds_the_history(library):
    analysis = analyse_one_side(*side(library, "harmonious", "patient"))
    again = VisitAnalysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert again == analysis and again.missing == "physician"
    points = [
        VisitPoint.from_analysis(both(library, "harmonious"), 1),
        VisitPoint.from_analysis(analysis.to_dict(), 2),
        VisitPoint.from_analysis(analysis, 3),
    ]
    assert points[1].physician == {} and points[2].patient == points[0].patient
    history = analyse_history(points)
    assert [p.value for p in history.series["physician"]["bond"][1:]] == [None, None]


def test_nothing_from_either_side_is_refused():
    with pytest.raises(DyadeError, match="neither"):
        analyse_visit(None, None, None, None)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_one_side_never_raises_and_never_scores_the_missing_side(data):
    forms = default_library().forms
    form = forms[
        data.draw(
            st.sampled_from(sorted(f for f in forms if f.startswith(("dyade-full", "dyade-brief"))))
        )
    ]
    answers = data.draw(answers_for(form, partial=data.draw(st.booleans())))
    analysis = analyse_one_side(form, answers)
    missing = analysis.missing
    assert missing in ("patient", "physician") and missing != form.respondent
    assert analysis.scores(missing) == {} and analysis.discrepancies == []
    findings = [f for f in analysis.flags if f.kind != "answers_to_check"]  # about answering
    assert all(f.perceived_by == "unknown" for f in findings)
    assert analysis.signals[missing] is None or analysis.signals[missing].perceived_by == "unknown"


def test_compare_with_one_answer_file(capsys):
    code = main(["compare", "--patient", str(EXAMPLES / "scenario-a-patient.json"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["physician"] is None
    assert data["flags"][0]["perceived_by"] == "unknown"
    code = main(["compare", "--physician", str(EXAMPLES / "scenario-b-physician.json")])
    out = capsys.readouterr().out
    assert code == 0 and "no answers yet" in out and "Scores of one side (physician)" in out


def test_compare_one_side_refuses_a_swapped_file_and_no_file(capsys):
    code = main(["compare", "--physician", str(EXAMPLES / "scenario-b-patient.json")])
    assert code == 2 and "filled by the patient" in capsys.readouterr().err
    assert main(["compare"]) == 2
    assert "--patient, --physician, or both" in capsys.readouterr().err
