"""Plain names and explanations of the analysis thresholds for the settings page.

A physician who opens the "Advanced" section should understand what each number
changes without reading docs/ANALYSIS.md: a name, a one-sentence explanation in
everyday words, and the default in the reader's number format ("0,67" in French).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from dyade.ui.workspace.formats import number_text

FIELD_DECIMALS = 2  # the decimals of the settings page's number fields


class ThresholdNames(QObject):
    """The translated names and explanations (a QObject so that ``tr()`` has a context)."""

    def names(self) -> dict[str, str]:
        return {
            "sd_patient": self.tr("Spread of patients' scores (SD, 1..5)"),
            "sd_physician": self.tr("Spread of physicians' scores (SD, 1..5)"),
            "reliability_patient": self.tr("Reliability of the patient's subscales"),
            "reliability_physician": self.tr("Reliability of the physician's subscales"),
            "reliability_items": self.tr("Questions the reliabilities hold for"),
            "z_critical": self.tr("Confidence of a gap beyond chance (z)"),
            "expected_offset_d": self.tr("Usual patient-minus-physician offset (SD units)"),
            "patient_norm_mean": self.tr("Usual patient score (1..5)"),
            "low_alliance_sd": self.tr("Low alliance: SDs below the usual score"),
            "marker_level": self.tr("A rupture marker counts from this answer"),
            "strong_marker_level": self.tr("A rupture marker is strong from this answer"),
            "min_emotions": self.tr("Emotions that signal a rupture on their own"),
            "repair_agreement_level": self.tr("Agreement that shows a repair"),
            "straightline_items": self.tr("Same answer to this many questions: to check"),
            "reverse_gap": self.tr("A reversed question this far off: contradictory"),
            "min_seconds_per_answer": self.tr("Fewer seconds per answer: answered in haste"),
            "estimate_tolerance": self.tr("An estimate of the other is accurate within (points)"),
            "stage_tolerance": self.tr("Stages apart before a stage mismatch"),
            "lenient_drop_sd": self.tr("A drop over visits counts from (SD)"),
            "recovery_visits": self.tr("Visits allowed for a recovery"),
            "recovery_sem": self.tr("Recovered within (standard errors)"),
            "brief_drop_points": self.tr("Brief visits: a drop counts from (SRS points, 0-40)"),
            "convergence_slope": self.tr("Converging or drifting from (points per visit)"),
            "convergence_min_visits": self.tr("Visits needed to judge convergence"),
        }

    def explanations(self) -> dict[str, str]:
        """One plain sentence per threshold: what a larger number changes."""
        return {
            "sd_patient": self.tr("How much patients' scores usually vary. Larger: a gap "
                                  "must be wider to count."),
            "sd_physician": self.tr("The same for physicians' scores."),
            "reliability_patient": self.tr("How steady a patient's score is from one day to "
                                           "the next (0 to 1). Lower: more gaps put down to "
                                           "chance."),
            "reliability_physician": self.tr("The same for the physician's answers."),
            "reliability_items": self.tr("How many questions those reliabilities were "
                                         "measured on; shorter forms are read as less steady."),
            "z_critical": self.tr("How sure a gap must be before it is reported. 1.96 means "
                                  "95% sure; larger: fewer, surer flags."),
            "expected_offset_d": self.tr("Patients usually rate the alliance a little higher "
                                         "than physicians; this much is not a finding."),
            "patient_norm_mean": self.tr("A patient's usual score, the reference for a low "
                                         "alliance."),
            "low_alliance_sd": self.tr("How far below the usual score an alliance counts as "
                                       "low. Larger: only very low scores are flagged."),
            "marker_level": self.tr("On a 1 to 5 answer, the point from which a sign of "
                                    "rupture (going quiet, disagreeing) is counted."),
            "strong_marker_level": self.tr("The point from which that sign counts as strong."),
            "min_emotions": self.tr("How many difficult emotions, ticked together, point to "
                                    "a rupture even without other signs."),
            "repair_agreement_level": self.tr("After a disagreement was voiced, agreement at "
                                              "or above this counts as repaired."),
            "straightline_items": self.tr("The same answer to this many questions in a row "
                                          "suggests checking the answers with the person."),
            "reverse_gap": self.tr("A question asked the other way round that differs this "
                                   "much from its neighbours is marked as contradictory."),
            "min_seconds_per_answer": self.tr("Answers given faster than this, on average, "
                                              "are marked as possibly hasty."),
            "estimate_tolerance": self.tr("How close a guess of the other's answer must be "
                                          "to count as accurate."),
            "stage_tolerance": self.tr("How many stages of change apart the two views may be "
                                       "before they are flagged."),
            "lenient_drop_sd": self.tr("How large a fall between visits counts as a drop. "
                                       "Larger: fewer episodes."),
            "recovery_visits": self.tr("How many visits a score has to come back before the "
                                       "episode is called unresolved."),
            "recovery_sem": self.tr("How close to its former level a score must come back to "
                                    "count as recovered."),
            "brief_drop_points": self.tr("On brief forms, the fall that raises a drop alert, "
                                         "in points of the 0 to 40 SRS scale: 1 is a tenth "
                                         "of a point on the 1 to 5 answers."),
            "convergence_slope": self.tr("How fast the gap between the two views must change, "
                                         "per visit, to say they converge or drift apart."),
            "convergence_min_visits": self.tr("How many visits are needed before saying "
                                              "anything about convergence."),
        }  # fmt: skip

    def label(self, name: str) -> str:
        """'Plain name (default: value):' in the reader's number format."""
        from dyade.ui.workspace.settings_values import threshold_fields

        text = self.tr("{name} (default: {value}):")
        shown = default_text(threshold_fields().get(name))
        return text.format(name=self.names().get(name, name), value=shown)

    def explanation(self, name: str) -> str:
        return self.explanations().get(name, "")


def default_text(value: object) -> str:
    """A default as the reader writes numbers: 0,67 in French, whole numbers as they are."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return number_text(value, FIELD_DECIMALS)  # as its field shows it: 1,00 beside 1,00


def threshold_label(name: str) -> str:
    return ThresholdNames().label(name)


def threshold_explanation(name: str) -> str:
    return ThresholdNames().explanation(name)
