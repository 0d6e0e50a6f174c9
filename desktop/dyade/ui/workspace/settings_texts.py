"""Plain names of the analysis thresholds for the settings page (with their defaults)."""

from __future__ import annotations

from PySide6.QtCore import QObject


class ThresholdNames(QObject):
    """The translated names (a QObject so that ``tr()`` has a context)."""

    def names(self) -> dict[str, str]:
        return {
            "sd_patient": self.tr("Spread of patients' scores (SD, 1..5)"),
            "sd_physician": self.tr("Spread of physicians' scores (SD, 1..5)"),
            "reliability_patient": self.tr("Reliability of the patient's subscales"),
            "reliability_physician": self.tr("Reliability of the physician's subscales"),
            "z_critical": self.tr("Confidence of a gap beyond chance (z)"),
            "expected_offset_d": self.tr("Usual patient-minus-physician offset (SD units)"),
            "patient_norm_mean": self.tr("Usual patient score (1..5)"),
            "low_alliance_sd": self.tr("Low alliance: SDs below the usual score"),
            "marker_level": self.tr("A rupture marker counts from this answer"),
            "strong_marker_level": self.tr("A rupture marker is strong from this answer"),
            "min_emotions": self.tr("Emotions that signal a rupture on their own"),
            "estimate_tolerance": self.tr("An estimate of the other is accurate within (points)"),
            "stage_tolerance": self.tr("Stages apart before a stage mismatch"),
            "lenient_drop_sd": self.tr("A drop over visits counts from (SD)"),
            "recovery_visits": self.tr("Visits allowed for a recovery"),
            "recovery_sem": self.tr("Recovered within (standard errors)"),
            "brief_drop_points": self.tr("Brief visits: a drop counts from (points)"),
            "convergence_slope": self.tr("Converging or drifting from (points per visit)"),
            "convergence_min_visits": self.tr("Visits needed to judge convergence"),
        }

    def label(self, name: str) -> str:
        """'Plain name (default: value):'; the code name when the name is unknown."""
        from dyade.ui.workspace.settings_values import threshold_fields

        default = threshold_fields().get(name)
        text = self.tr("{name} (default: {value}):")
        return text.format(name=self.names().get(name, name), value=default)


def threshold_label(name: str) -> str:
    return ThresholdNames().label(name)
