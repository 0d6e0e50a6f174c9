"""The clinic's own data: how its questionnaires behave, and thresholds from them."""

from __future__ import annotations

import json
import random

import pytest

from analysis_visits import BRIEF, FULL, LIBRARY, answers
from dyade.analysis.psychometrics import mcdonald_omega, subscale_stats
from dyade.analysis.thresholds import Thresholds, cronbach_alpha
from dyade.storage.connection import open_database
from dyade.storage.responses import responses_of_visit, save_answers
from dyade.storage.settings import get_setting
from dyade.storage.visits import FormRef, create_visit
from storage_fixtures import PASSPHRASE, make_clinic

BOND = ["p_bond_listened", "p_bond_considered", "p_bond_judged", "p_bond_free_to_speak",
        "p_bond_helped", "p_bond_understood", "p_bond_trust"]  # fmt: skip


def _patients(n: int, seed: int = 1) -> list[dict]:
    """Patients whose seven bond answers follow one true level, plus noise, on 1..5."""
    rng, out = random.Random(seed), []
    for _ in range(n):
        level = rng.gauss(4.0, 0.7)
        given = {}
        for item in BOND:
            value = max(1, min(5, round(level + rng.gauss(0, 0.6))))
            given[item] = 6 - value if item == "p_bond_judged" else value  # reverse-keyed
        out.append(answers(FULL[0]) | given)
    return out


def test_a_coherent_bond_scale_is_reliable_with_intervals_and_item_totals():
    stats = subscale_stats(LIBRARY.require(FULL[0]), "bond", _patients(150))
    assert (stats.n, stats.items) == (150, 7)
    assert 0.8 < stats.alpha < 0.97 and stats.alpha_ci[0] < stats.alpha < stats.alpha_ci[1]
    assert stats.omega >= stats.alpha - 0.02 and stats.omega_ci[0] <= stats.omega
    assert all(r > 0.4 for r in stats.item_total.values())  # reverse item keyed first
    assert 0 <= stats.floor_pct < stats.ceiling_pct < 60


def test_unrelated_answers_are_not_reliable():
    rng = random.Random(3)
    rows = [[float(rng.randint(1, 5)) for _ in range(7)] for _ in range(200)]
    assert cronbach_alpha(rows) < 0.3
    assert mcdonald_omega(rows) < 0.4


def test_an_incomplete_answer_set_is_left_out_of_n():
    sets = _patients(10)
    sets[0] = {k: v for k, v in sets[0].items() if k != "p_bond_trust"}
    assert subscale_stats(LIBRARY.require(FULL[0]), "bond", sets).n == 9


def _clinic_with_visits(path, n: int):
    db = open_database(path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    refs = [FormRef(who, f"dyade-full-{who}", 2) for who in ("patient", "physician")]
    rng = random.Random(5)
    for patient in _patients(n):
        visit = create_visit(db, clinic.dyad.uuid, refs)
        for response in responses_of_visit(db, visit.uuid):
            if response.respondent == "patient":
                given = patient
            else:
                level = max(1, min(5, round(rng.gauss(3.6, 0.6))))
                given = answers(FULL[1], level, d_bond_judged=6 - level)
            save_answers(db, response.uuid, given, complete=True)
    return db


def test_psychometrics_command_reports_per_form_version_and_adopts(tmp_path, dyade):
    _clinic_with_visits(tmp_path / "clinic.db", 35).close()
    code, out, err = dyade("psychometrics", "--json")
    assert code == 0, err
    data = json.loads(out)
    bond = next(
        s for s in data["subscales"] if (s["form"], s["subscale"]) == ("dyade-full-patient", "bond")
    )
    assert bond["version"] == 2 and bond["n"] >= 35 and bond["alpha"] > 0.7
    code, out, err = dyade("psychometrics", "--lang", "fr", "--adopt")
    assert code == 0, err
    assert "dyade-full-patient, version 2" in out and "Adoptés à partir de" in out
    db = open_database(tmp_path / "clinic.db", PASSPHRASE)
    try:
        adopted = get_setting(db, "thresholds")
    finally:
        db.close()
    th = Thresholds.from_overrides(adopted)
    assert th.reliability_items == 7 and th.reliability_patient == pytest.approx(
        bond["alpha"], 0.01
    )
    assert th.expected_offset_d > 0  # these patients rate higher than their physician


def test_adopting_needs_thirty_dyads(tmp_path, dyade):
    _clinic_with_visits(tmp_path / "clinic.db", 5).close()
    code, _, err = dyade("psychometrics", "--adopt")
    assert code != 0 and "at least 30" in err


def test_brief_forms_have_one_item_per_subscale_and_no_alpha():
    stats = subscale_stats(LIBRARY.require(BRIEF[0]), "bond", [answers(BRIEF[0])] * 5)
    assert stats.items == 1 and stats.alpha is None and stats.alpha_ci is None
