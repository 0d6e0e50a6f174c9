"""Repair suggestions fitted to a flag, after the article's two principles.

*Explore both perspectives* (goals, means, roles, one's own constraints) and
*metacommunicate* with one of four functions: clarifying, reflexive,
emotional, exploratory. Which phrases fit which flag is data
(``plans`` in resources/text/analysis.yaml); this module builds the lookup key.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from dyade.analysis import texts

Principle = Literal["explore_perspectives", "metacommunicate"]
Function = Literal["clarifying", "reflexive", "emotional", "exploratory"]


class Suggestion(BaseModel):
    """One way to repair: the principle, the metacommunication function, phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    principle: Principle
    function: Function | None = None
    phrases: dict[str, list[str]]


def _perception(origin: str, perceived_by: str) -> str:
    if perceived_by == "both":
        return "both"
    return "self_only" if perceived_by == origin else "other_only"


def plan_keys(
    kind: str, origin: str | None, perceived_by: str, rupture_type: str | None
) -> list[str]:
    """Lookup keys for a flag, most specific first."""
    if kind in ("unperceived_rupture", "shared_rupture") and origin:
        base = f"rupture/{origin}/{_perception(origin, perceived_by)}"
        return [f"{base}/{rupture_type}", base, f"rupture/{origin}"]
    if kind == "answers_to_check" and origin:  # never the low-alliance phrases: no tension shown
        return [f"{kind}/{origin}"]
    if kind in ("low_alliance", "unperceived_strain", "repair_move") and origin:
        return [f"{kind}/{origin}", f"low_alliance/{origin}"]
    return [kind]


@cache
def suggestions_for(
    kind: str, origin: str | None, perceived_by: str, rupture_type: str | None
) -> tuple[Suggestion, ...]:
    """The suggestions that fit a flag, most fitting first (cached: they are data)."""
    out = []
    for key in texts.plan(*plan_keys(kind, origin, perceived_by, rupture_type)):
        entry = texts.phrase_entry(key)
        out.append(
            Suggestion(
                principle=entry["principle"],
                function=entry.get("function"),
                phrases={lang: list(entry[lang]) for lang in texts.LANGS},
            )
        )
    return tuple(out)
