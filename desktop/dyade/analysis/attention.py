"""Which dyads need a look first: one integer the dashboard sorts on (ascending).

Order of concern follows severity and one-sidedness (one-sided ruptures hurt
the next visit most: Rubel et al. 2018; a marked finding needs a look whoever
saw it), in the categories of :class:`dyade.vocabulary.Category`:

0. seen by one side only: an unperceived rupture of moderate severity or more,
   any unperceived strain (a low rating the other side estimated high), and
   any marked rupture, shared or not;
1. an unresolved rupture–repair episode, or a reliable drop at the latest visit;
2. a rupture both sides perceived (mild or moderate);
3. different goals, or the stage of change seen differently;
4. a single mild marker seen by one side, a lower alliance, answers to check,
   a drop at the latest visit that is only "to confirm";
5. nothing to report (a repair move is good news and needs no look).

``rank = 10 × category + 3 × (3 − severity) + sidedness`` (sidedness 0 when
one side only perceived it, 1 when both or neither did, 2 for the pair's
mismatches), so within a category the more severe, then the one-sided, come
first; 50 means nothing to report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dyade.vocabulary import NOTHING_RANK, Category

NOTHING = NOTHING_RANK

_KIND = {
    "unperceived_strain": Category.ONE_SIDED,
    "shared_rupture": Category.SHARED,
    "goal_mismatch": Category.MISMATCH,
    "stage_mismatch": Category.MISMATCH,
    "low_alliance": Category.MILD,
    "answers_to_check": Category.MILD,
    "repair_move": Category.NOTHING,
}


def _fields(flag: Any) -> tuple[str, int, str, str | None]:
    if isinstance(flag, Mapping):
        return flag["kind"], int(flag["severity"]), flag["perceived_by"], flag.get("origin")
    return flag.kind, flag.severity, flag.perceived_by, flag.origin


def flag_category(flag: Any) -> Category:
    """The attention category of one flag (an object or its dict)."""
    kind, severity, _, _ = _fields(flag)
    if kind in ("unperceived_rupture", "shared_rupture") and severity >= 3:
        return Category.ONE_SIDED
    if kind == "unperceived_rupture":
        return Category.ONE_SIDED if severity >= 2 else Category.MILD
    return _KIND[kind]


def _rank(category: Category, severity: int, sidedness: int = 1) -> int:
    if category == Category.NOTHING:
        return NOTHING
    return 10 * category + 3 * (3 - max(1, min(3, severity))) + sidedness


def flag_rank(flag: Any) -> int:
    _, severity, perceived_by, origin = _fields(flag)
    if origin is None:
        sidedness = 2
    else:
        sidedness = 0 if perceived_by in ("patient", "physician", "unknown") else 1
    return _rank(flag_category(flag), severity, sidedness)


def sort_flags(flags: Iterable[Any]) -> list[Any]:
    """Most pressing flag first."""
    return sorted(flags, key=flag_rank)


def flags_rank(flags: Iterable[Any]) -> int:
    return min(map(flag_rank, flags), default=NOTHING)


def history_rank(history: Any) -> int:
    """Unresolved episodes (strict ones first) and the latest visit's drop alerts."""
    return min((rank for rank, _ in _history_findings(history)), default=NOTHING)


def _history_findings(history: Any) -> list[tuple[int, dict[str, Any]]]:
    if history is None:
        return []
    if isinstance(history, Mapping):
        from dyade.analysis.trajectory import DyadHistory

        history = DyadHistory.from_dict(history)
    out = [
        (_rank(Category.UNRESOLVED, 3 if e.strict else 2, 0), {"kind": "unresolved_episode"})
        for e in history.unresolved
    ]
    for alert in history.current_alerts:
        if alert.reliable:
            out.append((_rank(Category.UNRESOLVED, 1, 0), {"kind": "drop_alert"}))
        else:
            out.append((_rank(Category.MILD, 1, 0), {"kind": "drop_to_confirm"}))
    return out


def headline(analysis: Any = None, history: Any = None) -> dict[str, Any] | None:
    """What sets :func:`attention_rank`: a flag's ``{kind, origin, perceived_by}`` or a
    history finding's ``{kind}``; None when there is nothing to report."""
    found = list(_history_findings(history))
    flags = [] if analysis is None else (
        analysis["flags"] if isinstance(analysis, Mapping) else analysis.flags
    )  # fmt: skip
    for flag in flags:
        kind, _, perceived_by, origin = _fields(flag)
        found.append(
            (flag_rank(flag), {"kind": kind, "origin": origin, "perceived_by": perceived_by})
        )
    found = [f for f in found if f[0] < NOTHING]
    return min(found, key=lambda f: f[0])[1] if found else None


def attention_rank(analysis: Any = None, history: Any = None) -> int:
    """Sort key for the dashboard: lower needs attention sooner.

    ``analysis`` is a VisitAnalysis or its ``to_dict()`` (or None when the
    latest visit has no pair yet); ``history`` a DyadHistory or its dict.
    """
    flags: list[Any] = []
    if analysis is not None:
        flags = analysis["flags"] if isinstance(analysis, Mapping) else analysis.flags
    return min(flags_rank(flags), history_rank(history))
