"""Which dyads need a look first: one integer the dashboard sorts on (ascending).

Order of concern: an unperceived rupture (one-sided ruptures hurt the next
visit most: Rubel et al. 2018), then an unresolved rupture–repair episode or a
fresh brief-form drop alert, then a shared rupture, then a goal or stage
mismatch, then a low alliance, then nothing. Within a category the most
severe comes first: ``rank = 10 × category + (3 − severity)``; 50 means
nothing to report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

CATEGORY = {
    "unperceived_rupture": 0,
    "unperceived_strain": 0,
    "history": 1,
    "shared_rupture": 2,
    "goal_mismatch": 3,
    "stage_mismatch": 3,
    "low_alliance": 4,
}
NOTHING = 50


def _rank(category: int, severity: int) -> int:
    return 10 * category + (3 - max(1, min(3, severity)))


def _kind_severity(flag: Any) -> tuple[str, int]:
    if isinstance(flag, Mapping):
        return flag["kind"], int(flag["severity"])
    return flag.kind, flag.severity


def sort_flags(flags: Iterable[Any]) -> list[Any]:
    """Most pressing flag first."""
    return sorted(flags, key=lambda f: _rank(CATEGORY[_kind_severity(f)[0]], _kind_severity(f)[1]))


def flags_rank(flags: Iterable[Any]) -> int:
    ranks = [_rank(CATEGORY[kind], sev) for kind, sev in map(_kind_severity, flags)]
    return min(ranks, default=NOTHING)


def history_rank(history: Any) -> int:
    """Unresolved episodes (strict ones first) and the latest visit's drop alerts."""
    if history is None:
        return NOTHING
    if isinstance(history, Mapping):
        from dyade.analysis.trajectory import DyadHistory

        history = DyadHistory.from_dict(history)
    ranks = [_rank(1, 3 if e.strict else 2) for e in history.unresolved]
    if history.current_alerts:
        ranks.append(_rank(1, 1))
    return min(ranks, default=NOTHING)


def attention_rank(analysis: Any = None, history: Any = None) -> int:
    """Sort key for the dashboard: lower needs attention sooner.

    ``analysis`` is a VisitAnalysis or its ``to_dict()`` (or None when the
    latest visit has no pair yet); ``history`` a DyadHistory or its dict.
    """
    flags: list[Any] = []
    if analysis is not None:
        flags = analysis["flags"] if isinstance(analysis, Mapping) else analysis.flags
    return min(flags_rank(flags), history_rank(history))
