"""Dyad analysis: compare the patient's and the physician's perceptions of a visit.

Pure Python (no Qt, no database). The UI, the PDF reports, storage and the CLI
all go through this API:

- :func:`analyse_visit` -> :class:`VisitAnalysis` (scores, discrepancies,
  meta-perception, flags with evidence, explanations and repair suggestions);
- :func:`analyse_history` -> :class:`DyadHistory` (series, rupture–repair
  episodes, brief-form drop alerts, convergence);
- :func:`attention_rank` for the dashboard's ordering;
- :class:`Thresholds` and :func:`estimate_from_data` for per-clinic settings;
- :func:`patient_repair_invitation` and :func:`patient_repair_prompts` for the
  kiosk's thank-you screen.

See docs/ANALYSIS.md for the output formats and every threshold.
"""

from dyade.analysis.attention import attention_rank
from dyade.analysis.flags import Evidence, Flag
from dyade.analysis.suggestions import Suggestion
from dyade.analysis.texts import (
    constraint_phrases,
    patient_repair_invitation,
    patient_repair_prompts,
)
from dyade.analysis.thresholds import Thresholds, estimate_from_data
from dyade.analysis.trajectory import DyadHistory, Episode, VisitPoint, analyse_history
from dyade.analysis.visit import VisitAnalysis, analyse_visit

__all__ = [
    "DyadHistory",
    "Episode",
    "Evidence",
    "Flag",
    "Suggestion",
    "Thresholds",
    "VisitAnalysis",
    "VisitPoint",
    "analyse_history",
    "analyse_visit",
    "attention_rank",
    "constraint_phrases",
    "estimate_from_data",
    "patient_repair_invitation",
    "patient_repair_prompts",
]
