"""What the kiosk's thank-you screen may say: the kind of tension the patient's own answers show.

Read with the clinic's thresholds, from the patient's own answers only (never the
physician's): a withdrawal, a confrontation or both signalled by the patient's
own markers, or, for the silent low-rater who ticked no marker, a low rating
(``strain``). Worry or sadness after bad news alone is not a tension (the
emotion rules of :mod:`dyade.analysis.signals`), and answers to check (the same
answer throughout, a contradiction) prompt nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyade.analysis.checks import reverse_contradictions, same_answer
from dyade.analysis.sides import absent_side, read_side
from dyade.analysis.signals import other_side, rupture_signal, strain_of
from dyade.analysis.thresholds import Thresholds


def own_tension(
    form: Any, answers: Mapping[str, Any], thresholds: Thresholds | None = None
) -> str | None:
    """``withdrawal``, ``confrontation``, ``mixed``, ``strain`` or None (no tension)."""
    th = thresholds or Thresholds()
    report = read_side(form, answers, th)
    if same_answer(report, th) or reverse_contradictions(report, th):
        return None
    own = report
    absent = absent_side(other_side(report.side))
    signal = rupture_signal(own, absent, th, missing=absent.side)
    if signal is not None and signal.own_hits:
        return signal.rupture_type
    return "strain" if strain_of(report, th).low else None
