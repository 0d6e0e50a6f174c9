"""Names every layer shares: the kinds of flag the analysis raises.

Kept at the base of the package so storage (exports), the analysis, the
reports and the screens all spell them from one place.
"""

from __future__ import annotations

FLAG_KINDS: tuple[str, ...] = (
    "unperceived_rupture",
    "unperceived_strain",
    "shared_rupture",
    "goal_mismatch",
    "stage_mismatch",
    "low_alliance",
    "answers_to_check",
)
