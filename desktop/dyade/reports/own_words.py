"""What each side wrote in its own words: the patient's comment, the physician's notes.

The analysis scores answers; a free comment is not scored, yet it is often the
clearest sign of what the patient needs. The review screen and the visit PDF
both put these words first, so they are read before any score. Free of Qt and
reportlab: both the app and the PDF use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyade.forms.schema import Form

SIDES = ("patient", "physician")


@dataclass(frozen=True)
class OwnWords:
    """A side's free text of one visit, as typed (blank texts are not kept)."""

    side: str  # patient | physician
    text: str


def written(form: Form, answers: Mapping[str, Any], side: str) -> list[OwnWords]:
    """The free-text answers of one side, in the form's order."""
    out = []
    for item in getattr(form, "items", []):
        value = answers.get(item.id)
        if item.kind == "text" and isinstance(value, str) and value.strip():
            out.append(OwnWords(side, value.strip()))
    return out


def visit_words(sides: Mapping[str, tuple[Any, Mapping[str, Any]]]) -> tuple[OwnWords, ...]:
    """Both sides' own words of a visit, the patient's first.

    ``sides`` maps "patient" / "physician" to (form, answers) for the sides that
    answered; a side that has not answered is simply absent.
    """
    words: list[OwnWords] = []
    for side in SIDES:
        if side in sides:
            form, answers = sides[side]
            words += written(form, answers, side)
    return tuple(words)


def reviewed_words(done: Any) -> tuple[OwnWords, ...]:
    """Both sides' own words of a reviewed visit (a ``dyade.dyad_analysis.ReviewedVisit``)."""
    return visit_words(
        {
            "patient": (done.patient_form, done.patient_answers),
            "physician": (done.physician_form, done.physician_answers),
        }
    )


def of_side(words: tuple[OwnWords, ...], side: str) -> list[str]:
    """The texts one side wrote."""
    return [w.text for w in words if w.side == side]
