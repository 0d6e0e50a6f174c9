"""Thresholds: derived numbers, per-clinic overrides, estimates from a clinic's own data."""

from __future__ import annotations

import json
import math
import random

import pytest

from dyade.analysis import Thresholds, estimate_from_data
from dyade.analysis.stats import discrepancy, slope
from dyade.analysis.thresholds import cronbach_alpha
from dyade.errors import DyadeError


def test_derived_numbers_follow_jacobson_truax_with_offset():
    th = Thresholds(sd_patient=0.6, sd_physician=0.8, reliability_patient=0.75,
                    reliability_physician=0.9, expected_offset_d=0.5)  # fmt: skip
    sem_p, sem_d = 0.6 * math.sqrt(0.25), 0.8 * math.sqrt(0.1)
    assert th.sem("patient") == pytest.approx(sem_p)
    assert th.critical_discrepancy == pytest.approx(1.96 * math.sqrt(sem_p**2 + sem_d**2))
    assert th.reliable_change("physician") == pytest.approx(1.96 * math.sqrt(2) * sem_d)
    assert th.expected_offset == pytest.approx(0.5 * math.sqrt((0.36 + 0.64) / 2))
    assert th.low_cutoff("physician") == pytest.approx(4.27 - th.expected_offset - 0.8)


def test_discrepancy_removes_the_expected_offset():
    th = Thresholds()
    usual = discrepancy(4.6, 4.6 - th.expected_offset, th)
    assert usual.adjusted == pytest.approx(0) and not usual.beyond_chance
    reversed_gap = discrepancy(3.5, 4.5, th)  # physician higher by a full point
    assert reversed_gap.beyond_chance and reversed_gap.direction == "physician_higher"
    assert not discrepancy(3.5, 4.5, th, offset=False).adjusted > 0


def test_overrides_from_dict_and_json(tmp_path):
    th = Thresholds.from_overrides({"recovery_visits": 5, "z_critical": 1.645})
    assert th.recovery_visits == 5 and th.sd_patient == Thresholds().sd_patient
    path = tmp_path / "clinic.json"
    path.write_text(json.dumps({"marker_level": 4}), encoding="utf-8")
    assert Thresholds.load(path).marker_level == 4


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"recovery_visit": 5}', "recovery_visit"),
        ('{"reliability_patient": 1.5}', "reliability_patient"),
        ('{"sd_patient": 0.7,\n "z": }', "line 2"),
        ("[1, 2]", "one JSON object"),
    ],
)
def test_bad_overrides_name_the_problem(tmp_path, content, expected):
    path = tmp_path / "clinic.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DyadeError, match=expected):
        Thresholds.load(path)


def synthetic_dyads(n: int, seed: int = 3):
    rng = random.Random(seed)
    dyads = []
    for _ in range(n):
        p_true, d_true = rng.gauss(4.2, 0.5), rng.gauss(3.7, 0.5)
        patient = [min(5, max(1, round(p_true + rng.gauss(0, 0.4)))) for _ in range(4)]
        physician = [min(5, max(1, round(d_true + rng.gauss(0, 0.4)))) for _ in range(4)]
        dyads.append((patient, physician))
    return dyads


def test_estimate_needs_thirty_complete_dyads():
    dyads = synthetic_dyads(35)
    dyads[:6] = [([None, 4, 4, 4], [4, 4, 4, 4])] * 6
    with pytest.raises(DyadeError, match="at least 30 complete dyads, found 29"):
        estimate_from_data(dyads)


def test_estimate_from_a_clinics_data():
    dyads = synthetic_dyads(400)
    th = estimate_from_data(dyads)
    means = [sum(p) / 4 for p, _ in dyads]
    mean = sum(means) / len(means)
    sd = math.sqrt(sum((m - mean) ** 2 for m in means) / (len(means) - 1))
    assert th.sd_patient == pytest.approx(sd)
    assert th.patient_norm_mean == pytest.approx(mean)
    assert 0.5 < th.expected_offset_d < 1.5  # the synthetic patients sit 0.5 higher
    assert 0.3 < th.reliability_patient < 0.95
    assert th.recovery_visits == Thresholds().recovery_visits


def test_cronbach_alpha_known_values():
    assert cronbach_alpha([[1, 1], [2, 2], [3, 3]]) == pytest.approx(1.0)
    assert cronbach_alpha([[1, 3], [2, 3], [3, 1]]) < 0  # items pulling apart
    assert cronbach_alpha([[1, 3], [2, 2], [3, 1]]) is None  # constant totals
    assert cronbach_alpha([[4, 4], [4, 4]]) is None


def test_slope():
    assert slope([(1, 1.0), (2, 2.0), (3, 3.0)]) == pytest.approx(1.0)
    assert slope([(1, 1.0)]) is None
