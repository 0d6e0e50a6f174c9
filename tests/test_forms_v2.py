"""Forms version 2: what a clinician asked for, and the versioning rule.

A stored response keeps the version it was answered with and is scored with it;
new visits use the latest version; over visits, versions are compared on the
items they share.
"""

from __future__ import annotations

import pytest

from analysis_visits import BRIEF, FULL, LIBRARY, answers, kinds, visit
from dyade.dyad_analysis import refresh_dyad
from dyade.errors import DyadeError
from dyade.storage.responses import responses_of_visit, save_answers
from dyade.storage.settings import visit_forms
from dyade.storage.visits import FormRef, create_visit
from storage_fixtures import FORMS

V1 = [FormRef(ref.respondent, ref.form_id, 1) for ref in FORMS]


def test_version_1_stays_loadable_beside_version_2():
    assert LIBRARY.require(FULL[0]).version == 2  # what new visits use
    assert LIBRARY.require(FULL[0], 1).version == 1
    assert LIBRARY.require(FULL[0], 1).has_item("p_emotions")
    with pytest.raises(DyadeError, match="versions installed: 1, 2"):
        LIBRARY.require(FULL[0], 3)


def test_lengths_stay_within_a_visit_full_35_brief_8():
    for form_id in FULL:
        assert len(LIBRARY.require(form_id).items) <= 35
    for form_id in BRIEF:
        assert len(LIBRARY.require(form_id).items) <= 8


def test_a_version_1_visit_is_scored_with_version_1_and_the_next_uses_version_2(db, clinic):
    """Her first visit was answered before the forms changed; the next one is new."""
    first = create_visit(db, clinic.dyad.uuid, V1, on="2026-01-10")
    for response in responses_of_visit(db, first.uuid):
        side = response.respondent
        given = answers(FULL[0] if side == "patient" else FULL[1], 4, version=1)
        if side == "physician":
            given["d_bond_trust"] = 5  # v1: "I felt this patient trusted me"
        save_answers(db, response.uuid, given, complete=True)
    refs = [FormRef(who, *ref) for who, ref in visit_forms(db, "full").items()]
    assert {ref.version for ref in refs} == {2}
    second = create_visit(db, clinic.dyad.uuid, refs, on="2026-02-10")
    for response in responses_of_visit(db, second.uuid):
        side = response.respondent
        given = answers(FULL[0] if side == "patient" else FULL[1], 4)
        if side == "physician":
            given["d_bond_own_trust"] = 2  # v2: "I trust this patient", another question
        save_answers(db, response.uuid, given, complete=True)
    review = refresh_dyad(db, LIBRARY, clinic.dyad.uuid)
    versions = [(v.analysis.patient.version, v.analysis.physician.version) for v in review.visits]
    assert versions == [(1, 1), (2, 2)]
    # the physician's bond mean moved (5 then 2 on a question that changed meaning), but
    # the two versions are compared on the six bond questions they share: no drop
    bond = [v.analysis.scores("physician")["bond"] for v in review.visits]
    assert bond[0] > bond[1]
    assert review.history.episodes == []


def test_return_to_work_is_a_main_goal_both_sides_can_choose():
    """The sick-leave case: she wants to get back to work; he wanted to adjust treatment."""
    analysis = visit(
        answers(FULL[0], p_main_goal="return_work"),
        answers(FULL[1], 4, d_main_goal="treatment", d_est_main_goal="return_work"),
        FULL,
    )
    (goal,) = [f for f in analysis.flags if f.kind == "goal_mismatch"]
    assert goal.perceived_by == "physician"  # he guessed her goal right


def test_no_change_discussed_is_not_compared_as_a_stage():
    analysis = visit(
        answers(FULL[0], p_stage="no_change_discussed"),
        answers(FULL[1], 4, d_est_stage="precontemplation"),
        FULL,
    )
    assert not any(f.kind == "stage_mismatch" for f in analysis.flags)
    stage = next(m for m in analysis.meta_perception if m.target == "stage")
    assert stage.accurate is None


def test_the_brief_physician_form_can_say_he_noticed_her_holding_back():
    """Brief check: she kept a lot to herself; this time he sensed it."""
    seen = visit(answers(BRIEF[0], p_held_back=4), answers(BRIEF[1], 5, d_noticed_held_back=4))
    assert kinds(seen) == [("shared_rupture", "withdrawal", "patient", "both")]


def test_an_estimate_is_compared_with_the_question_it_guesses():
    """He thinks she felt listened to (5); she did feel listened to (5), though she was less
    sure of other bond questions (3): his estimate was right about what it asked."""
    patient = answers(FULL[0], 3, p_bond_listened=5)
    analysis = visit(patient, answers(FULL[1], 4, d_est_bond=5), FULL)
    estimate = next(
        m for m in analysis.meta_perception if (m.by, m.target) == ("physician", "bond")
    )
    assert (estimate.estimate, estimate.actual, estimate.accurate) == (5.0, 5.0, True)


def test_understanding_each_others_limits_is_reciprocal_not_one_measure():
    """'I understand what the doctor can and cannot do' / 'I understand the limits this
    patient lives with': side by side, no gap tested, no offset."""
    analysis = visit(answers(FULL[0], 5), answers(FULL[1], 2), FULL)
    row = next(d for d in analysis.discrepancies if d.subscale == "understanding")
    assert row.direction == "reciprocal" and row.beyond_chance is None
    assert row.expected_offset == 0.0 and row.difference == 3.0
    bond = next(d for d in analysis.discrepancies if d.subscale == "bond")
    assert bond.beyond_chance is True  # a same-measure gap is still tested


def test_the_batch_reads_each_row_with_the_version_its_form_version_column_names(tmp_path):
    """A storage export mixing visits answered before and after the forms changed."""
    import csv

    from dyade.analysis.csv_batch import analyse_csv
    from dyade.forms.library import versioned_forms

    rows = []
    for number, version in (("1", 1), ("2", 2)):
        for form_id in FULL:
            given = answers(form_id, 4, version=version)
            if version == 1 and form_id == FULL[0]:
                given["p_emotions"] = "worried;sad"  # a version 1 question
            rows.append({"dyad": "D1", "visit": number, "respondent": form_id.split("-")[-1],
                         "form": form_id, "form_version": str(version), **given})  # fmt: skip
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=sorted({k for r in rows for k in r}))
        writer.writeheader()
        writer.writerows(rows)
    result = analyse_csv(path, versioned_forms(LIBRARY))
    assert result.problems == []
    versions = [a.patient.version for *_, a in result.visits]
    assert versions == [1, 2]
