"""The columnar batch path, step three: one visit's flags from its facts.

:mod:`.columnar_rules` leaves, per visit and side, the few facts the flag rules
of :func:`.visit._flags` branch on (answers to check, low and dropped core
subscales, marker hits counted by type, family and point of view, what the
other side's estimates registered). This module re-states those rules on the
facts: answers to check (:mod:`.checks`), rupture signals and their severity
and perception (:mod:`.signals`), repair moves (:mod:`.repair`), unperceived
strain (:mod:`.estimates`), low alliance, goal and stage mismatches
(:mod:`.flags`, :mod:`.mismatch`), sorted and ranked as :mod:`.attention` does.
A flag here is ``(kind, origin, rupture_type, perceived_by, severity)``: what
the CSV output writes of it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from dyade.analysis.attention import flag_rank
from dyade.analysis.mismatch import _stage_index
from dyade.analysis.signals import TYPES
from dyade.analysis.thresholds import Thresholds

Flag = tuple[str, str | None, str | None, str, int]
NO_HITS = (0, 0, 0, 0, 0, 0, 0)


class Facts(NamedTuple):
    """One side of one visit, as the flag rules see it (``side`` as origin)."""

    side: str
    check: bool  # its answers are to check
    low: tuple[str, ...]  # core subscales below its low cutoff
    deep: bool
    dropped: tuple[str, ...]  # core subscales dropped reliably since the last visit
    own: tuple[
        int, ...
    ]  # hits about self: interpersonal w/c, emotional w/c, relational w/c, strong
    seen: tuple[int, ...]  # hits about the other, the same counts
    unheard: int  # own confrontation hits not interpersonal or not heard by the other
    agreement: bool  # goals and tasks at the repair level
    registered: bool  # the other's estimates registered its low scores
    high: int  # the other's estimates too high (unperceived strain)
    wide: bool  # one of them by 1.5 points or more
    estimated_low: tuple[str, ...]  # core subscales the other estimated low
    lower: tuple[str, ...]  # core subscales beyond chance below the other
    goal: str | None
    goal_guess: str | None  # its estimate of the other's main goal


def _types(own: tuple[int, ...], seen: tuple[int, ...], strain: bool, th: Thresholds) -> list:
    """The rupture types whose evidence, from either member, meets the rule."""
    found = []
    for t, kind in enumerate(TYPES):
        for hits in (own, seen):
            if hits[t]:
                found.append(kind)
                break
            counted = hits[2 + t] if strain or hits[0] or hits[1] else hits[4 + t]
            if counted >= th.min_emotions or (counted and strain):
                found.append(kind)
                break
    return found


def _severity(own: tuple[int, ...], seen: tuple[int, ...], strain: bool, deep: bool) -> int:
    points = 0
    for hits in (own, seen):
        points += hits[0] + hits[1] + min(3, hits[2] + hits[3]) + hits[6]
    both = (own[0] + own[1] + seen[0] + seen[1]) > 0 and (own[2] + own[3] + seen[2] + seen[3]) > 0
    points += both + strain + deep
    return 1 if points <= 2 else 2 if points <= 4 else 3


def _rupture(origin: Facts, other: Facts, th: Thresholds) -> Flag | None:
    """The repair move or rupture flag of the origin's signal, or None without one."""
    strain = bool(origin.low or origin.dropped)
    seen = NO_HITS if other.check else other.seen
    types = _types(origin.own, seen, strain, th)
    if not types:
        return None
    index = [TYPES.index(t) for t in types]
    own_t = sum(origin.own[t] + origin.own[2 + t] for t in index)
    seen_t = sum(seen[t] + seen[2 + t] for t in index)
    registered = origin.registered and not other.check
    by_self, by_other = own_t > 0, seen_t > 0 or registered
    if (
        types == ["confrontation"]
        and not strain
        and own_t
        and not other.check
        and not origin.unheard
        and not seen[3]
        and origin.agreement
    ):
        return ("repair_move", origin.side, "confrontation", "both", 1)
    perceived = (
        "both" if by_self and by_other
        else origin.side if by_self
        else other.side if by_other
        else "none"
    )  # fmt: skip
    kind = "shared_rupture" if perceived == "both" else "unperceived_rupture"
    rtype = types[0] if len(types) == 1 else "mixed"
    return (kind, origin.side, rtype, perceived, _severity(origin.own, seen, strain, origin.deep))


def _strain(origin: Facts, other: Facts) -> Flag | None:
    """Unperceived strain, else low alliance, for an origin without a rupture signal."""
    high = 0 if other.check else origin.high
    subscales = set(origin.low) | set(origin.lower)
    if subscales and high:
        severity = max(1, min(3, len(subscales) + (origin.wide and not other.check)))
        return ("unperceived_strain", origin.side, None, origin.side, severity)
    if not (origin.low or origin.dropped):
        return None
    registered = not other.check and any(
        t in origin.estimated_low for t in origin.low + origin.dropped
    )
    perceived = "both" if registered else origin.side
    low, dropped = set(origin.low), set(origin.dropped)
    points = len(low | dropped) + bool(origin.low and origin.dropped)
    severity = min(3, max(1, points + origin.deep))
    return ("low_alliance", origin.side, None, perceived, severity)


def _goal(p: Facts, d: Facts) -> Flag | None:
    p_goal, d_goal = p.goal, d.goal
    p_guess = None if p.check else p.goal_guess
    d_guess = None if d.check else d.goal_guess
    differ = p_goal is not None and d_goal is not None and p_goal != d_goal
    misreads = (d_guess is not None and bool(p_goal) and d_guess != p_goal) or (
        p_guess is not None and bool(d_goal) and p_guess != d_goal
    )
    if not differ and not misreads:
        return None
    saw_patient = p_goal is not None and d_guess == p_goal
    saw_physician = d_goal is not None and p_guess == d_goal
    perceived = (
        "both" if saw_patient and saw_physician
        else "physician" if saw_patient
        else "patient" if saw_physician
        else "none"
    )  # fmt: skip
    severity = (2 if differ else 1) + (1 if differ and misreads else 0)
    return ("goal_mismatch", None, None, perceived, severity)


class Stage(NamedTuple):
    """The patient's own stage and the physician's estimate of it, with their orders."""

    actual: str | None
    own_order: tuple[str, ...]
    estimate: str | None
    estimate_order: tuple[str, ...]


def _stage(stage: Stage, physician: Facts, th: Thresholds) -> Flag | None:
    estimate = None if physician.check else stage.estimate
    if stage.actual is None or estimate is None:
        return None
    a = _stage_index(stage.actual, stage.own_order)
    e = _stage_index(estimate, stage.estimate_order)
    if a is None or e is None or abs(a - e) <= th.stage_tolerance:
        return None
    return ("stage_mismatch", None, None, "none", min(3, abs(a - e) - th.stage_tolerance))


_RANKS: dict[tuple[str, int, str, str | None], int] = {}


def rank(flag: Flag) -> int:
    kind, origin, _rtype, perceived, severity = flag
    key = (kind, severity, perceived, origin)
    value = _RANKS.get(key)
    if value is None:
        fields: dict[str, Any] = {
            "kind": kind, "severity": severity, "perceived_by": perceived, "origin": origin
        }  # fmt: skip
        value = _RANKS[key] = flag_rank(fields)
    return value


def visit_flags(p: Facts, d: Facts, stage: Stage, th: Thresholds) -> list[Flag]:
    """The visit's flags, most pressing first (:func:`.attention.sort_flags`)."""
    flags: list[Flag] = [("answers_to_check", f.side, None, f.side, 1) for f in (p, d) if f.check]
    for origin, other in ((p, d), (d, p)):
        if origin.check:
            continue
        flag = _rupture(origin, other, th) or _strain(origin, other)
        if flag is not None:
            flags.append(flag)
    for flag in (_goal(p, d), _stage(stage, d, th)):
        if flag is not None:
            flags.append(flag)
    return sorted(flags, key=rank) if len(flags) > 1 else flags
