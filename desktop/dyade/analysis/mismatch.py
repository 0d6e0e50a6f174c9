"""Goal and stage mismatches: the two sides are not working on the same thing.

A goal mismatch is seen directly when the two main-goal choices differ (the
sick-leave case), or when one side's guess of the other's goal is wrong. A
stage mismatch is an estimate of the patient's motivational stage more than
``stage_tolerance`` stages away from the patient's own answer.
"""

from __future__ import annotations

from dyade.analysis import texts
from dyade.analysis.flags import Evidence, Flag, _make, item_evidence
from dyade.analysis.sides import NO_CHANGE, STAGES, SideReport
from dyade.analysis.thresholds import Thresholds


def _label(report: SideReport, item: str | None, code: str) -> dict[str, str]:
    label = report.plan.option_labels.get((item or "", code))
    return label if label and label.get("en") else {"fr": code, "en": code}


def _goal_evidence(patient: SideReport, physician: SideReport) -> list[Evidence]:
    out = []
    for report, other in ((patient, physician), (physician, patient)):
        if report.plan.goal_item and report.main_goal is not None:
            out.append(item_evidence(report, other, report.plan.goal_item, "goal"))
        for item in report.estimate_items.get("main_goal", ()):
            out.append(item_evidence(report, other, item, "estimate"))
    return out


def _misreads(patient: SideReport, physician: SideReport) -> list[tuple[SideReport, SideReport]]:
    """(guesser, guessed) pairs where a guess of the other's main goal is wrong."""
    out = []
    for guesser, guessed in ((physician, patient), (patient, physician)):
        guess = guesser.estimates.get("main_goal")
        if isinstance(guess, str) and guessed.main_goal and guess != guessed.main_goal:
            out.append((guesser, guessed))
    return out


def _goal_perceived(patient: SideReport, physician: SideReport) -> str:
    p_goal, d_goal = patient.main_goal, physician.main_goal
    saw_patient = p_goal is not None and physician.estimates.get("main_goal") == p_goal
    saw_physician = d_goal is not None and patient.estimates.get("main_goal") == d_goal
    if saw_patient and saw_physician:
        return "both"
    return "physician" if saw_patient else "patient" if saw_physician else "none"


def _differing_goals(patient: SideReport, physician: SideReport) -> tuple[str, str] | None:
    """Both sides' main goals when both chose one and they differ, else None."""
    p_goal, d_goal = patient.main_goal, physician.main_goal
    if p_goal is None or d_goal is None or p_goal == d_goal:
        return None
    return p_goal, d_goal


def goal_mismatch_flag(patient: SideReport, physician: SideReport) -> Flag | None:
    differ = _differing_goals(patient, physician)
    misreads = _misreads(patient, physician)
    if not differ and not misreads:
        return None
    node = texts.lookup("explanations", "goal_mismatch")
    parts = []
    if differ:
        p_goal, d_goal = differ
        parts.append(
            texts.bilingual(
                node["differ"],
                patient_goal=_label(patient, patient.plan.goal_item, p_goal),
                physician_goal=_label(physician, physician.plan.goal_item, d_goal),
            )
        )
    for guesser, guessed in misreads:
        guess = guesser.estimates["main_goal"]
        item = next(iter(guesser.estimate_items.get("main_goal") or ()), None)
        parts.append(
            texts.bilingual(
                node["misread"],
                by=texts.side_name(guesser.side),
                estimate=_label(guesser, item, str(guess)),
                actual=_label(guessed, guessed.plan.goal_item, str(guessed.main_goal)),
            )
        )
    perceived_by = _goal_perceived(patient, physician)
    if differ:
        parts.append(texts.bilingual(node["perceived"][perceived_by]))
    explanation = {lang: " ".join(p[lang] for p in parts) for lang in texts.LANGS}
    severity = (2 if differ else 1) + (1 if differ and misreads else 0)
    evidence = _goal_evidence(patient, physician)
    return _make("goal_mismatch", severity, perceived_by, explanation, evidence=evidence)


def _stage_index(code: str, order: tuple[str, ...]) -> int | None:
    if code == NO_CHANGE:  # "no change was discussed" is not a stage
        return None
    order = tuple(c for c in (order or STAGES) if c != NO_CHANGE)
    return order.index(code) if code in order else None


def stage_mismatch_flag(patient: SideReport, physician: SideReport, th: Thresholds) -> Flag | None:
    """The physician's estimate of the patient's stage, against the patient's own."""
    actual = patient.stage
    estimate = physician.estimates.get("stage")
    items = physician.estimate_items.get("stage") or []
    if actual is None or not isinstance(estimate, str) or not items:
        return None
    own_order = patient.plan.stage_order.get(patient.plan.stage_item or "", STAGES)
    a = _stage_index(actual, own_order)
    e = _stage_index(estimate, physician.plan.stage_order.get(items[0], STAGES))
    if a is None or e is None or abs(a - e) <= th.stage_tolerance:
        return None
    distance = abs(a - e)
    explanation = texts.bilingual(
        texts.lookup("explanations", "stage_mismatch"),
        by=texts.side_name("physician"),
        estimate=_label(physician, items[0], estimate),
        actual=_label(patient, patient.plan.stage_item, actual),
        distance=str(distance),
    )
    severity = min(3, distance - th.stage_tolerance)
    evidence = [
        item_evidence(physician, patient, items[0], "stage"),
        item_evidence(patient, physician, patient.plan.stage_item or "", "stage"),
    ]
    return _make("stage_mismatch", severity, "none", explanation, evidence=evidence)
