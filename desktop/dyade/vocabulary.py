"""Names every layer shares: the kinds of flag and the attention categories.

Kept at the base of the package so storage (exports), the analysis, the
reports and the screens all spell them from one place.
"""

from __future__ import annotations

from enum import IntEnum

FLAG_KINDS: tuple[str, ...] = (
    "unperceived_rupture",
    "unperceived_strain",
    "shared_rupture",
    "goal_mismatch",
    "stage_mismatch",
    "low_alliance",
    "answers_to_check",
    "repair_move",
)


class Category(IntEnum):
    """How soon a dyad needs a look, sooner first; the dashboard sorts and badges on it.

    A dyad's rank is ``10 × category + 3 × (3 − severity) + sidedness`` (see
    :mod:`dyade.analysis.attention`), so ``rank // 10`` is its category.
    """

    ONE_SIDED = 0  # seen by one side only (moderate or more), or any marked finding
    UNRESOLVED = 1  # an unresolved rupture–repair episode, a reliable drop since last visit
    SHARED = 2  # a rupture seen by both sides
    MISMATCH = 3  # different goals, or stage of change seen differently
    MILD = 4  # one mild marker, a lower alliance, answers to check, a drop to confirm
    NOTHING = 5  # nothing to report (a repair move is good news, not a concern)

    @classmethod
    def of_rank(cls, rank: int) -> Category:
        return cls(min(max(rank, 0) // 10, cls.NOTHING))


NOTHING_RANK = 10 * Category.NOTHING
