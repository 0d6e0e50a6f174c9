"""What storage keeps of one analysed visit, typed: the visit_results summary.

Written by :func:`dyade.dyad_analysis.store_review`, read by the dashboard and
the exports. Older stored summaries (plain dicts with the same keys) read as
they are; a missing ``headline`` is taken from the analysis's first flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from dyade.vocabulary import NOTHING_RANK, Category


class VisitSummary(BaseModel):
    """One analysed visit as stored; the latest of a dyad also carries its history."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    analysis: dict[str, Any] = Field(default_factory=dict)  # VisitAnalysis.to_dict()
    flags: list[str] = Field(default_factory=list)  # the kinds, most pressing first
    rank: int = NOTHING_RANK  # dyade.analysis.attention_rank (lower = sooner)
    # what set the rank: a flag's {kind, origin, perceived_by}, or {"kind": ...} of a
    # history finding (unresolved_episode, drop_alert, drop_to_confirm)
    headline: dict[str, Any] | None = None
    unresolved: int | None = None  # the latest visit: unresolved episodes
    repaired: int | None = None  # ... repaired episodes
    trend: float | None = None  # ... the patient's bond since the visit before
    convergence: str | None = None  # ... converging, diverging, stable, insufficient

    @property
    def category(self) -> Category:
        return Category.of_rank(self.rank)

    def top(self) -> dict[str, Any] | None:
        """The finding that needs a look first, to name it (None: nothing to report)."""
        if self.category is Category.NOTHING:
            return None
        if self.headline is not None:
            return self.headline
        flags = self.analysis.get("flags") or []
        return dict(flags[0]) if flags else None

    @classmethod
    def read(cls, data: Mapping[str, Any] | VisitSummary | None) -> VisitSummary:
        if isinstance(data, VisitSummary):
            return data
        return cls.model_validate(dict(data or {}))

    def stored(self) -> dict[str, Any]:
        """The JSON-ready dict storage writes."""
        return self.model_dump(mode="json", exclude_none=True)
