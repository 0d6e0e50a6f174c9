"""One name per finding, said the same way on every screen, and French that reads right."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_visits import BRIEF, answers, visit
from dyade.analysis.texts import flag_name
from dyade.cli import main


def test_the_one_sided_rupture_names_the_side_who_saw_it():
    """Scenario A's shape on the brief forms: she held back, he noticed nothing."""
    (flag,) = visit(answers(BRIEF[0], p_held_back=4), answers(BRIEF[1], 5)).flags
    assert flag_name(flag, "en") == "Rupture seen by one side only: the patient"
    assert flag_name(flag, "fr") == "Rupture vue d’un seul côté\u00a0: le patient"
    assert flag_name(flag.model_dump(mode="json")) == flag_name(flag)  # stored or live


def test_a_rupture_the_physician_noticed_alone_is_named_for_the_physician():
    named = flag_name(
        {"kind": "unperceived_rupture", "perceived_by": "physician", "origin": "patient"}, "en"
    )
    assert named == "Rupture seen by one side only: the physician"


def test_low_alliance_in_french_says_du_patient_and_compares_with_primary_care():
    """A quiet visit rated 'a little' by her, which he estimated as it was."""
    analysis = visit(answers(BRIEF[0], 2, p_est_bond=3), answers(BRIEF[1], 4, d_est_bond=2))
    (low,) = [f for f in analysis.flags if f.kind == "low_alliance"]
    assert "Les réponses du patient" in low.explanation["fr"]
    assert "de le patient" not in low.explanation["fr"]
    assert "below the usual levels in primary care" in low.explanation["en"]
    assert "soins de première ligne" in low.explanation["fr"]


@pytest.mark.parametrize(("lang", "heading"), [("fr", "Points d’attention"), ("en", "Points")])
def test_the_command_line_speaks_of_points_to_look_at(capsys, lang, heading):
    examples = Path(__file__).parents[1] / "docs" / "examples"
    code = main(
        ["compare", "--patient", str(examples / "scenario-a-patient.json"),
         "--physician", str(examples / "scenario-a-physician.json"), "--lang", lang]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and heading in out and "Signalements" not in out
