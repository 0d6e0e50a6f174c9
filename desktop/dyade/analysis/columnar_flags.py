"""The columnar batch path, step three: every visit's flags at once, from its facts.

:mod:`.columnar_rules` leaves, per visit and side, the facts the flag rules of
:func:`.visit._flags` branch on (answers to check, low and dropped core
subscales, marker hits counted by type, family and point of view, what the
other side's estimates registered). This module re-states those rules as array
operations: answers to check (:mod:`.checks`), rupture signals with their
severity and perception (:mod:`.signals`), repair moves (:mod:`.repair`),
unperceived strain (:mod:`.estimates`), low alliance, goal and stage mismatches
(:mod:`.flags`, :mod:`.mismatch`), then sorts and ranks them as
:mod:`.attention` does. A visit has at most six flags, one per slot in the
order :func:`.visit._flags` makes them; each is coded as one integer.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dyade.analysis.attention import flag_rank
from dyade.analysis.signals import TYPES
from dyade.analysis.thresholds import Thresholds
from dyade.vocabulary import FLAG_KINDS, NOTHING_RANK

ORIGINS = (None, "patient", "physician")
RTYPES = (None, *TYPES, "mixed")
PERCEIVED = ("none", "patient", "physician", "both", "unknown")
KIND = {k: i for i, k in enumerate(FLAG_KINDS)}
# own and seen hit counts: interpersonal w/c, emotional w/c, relational emotional w/c, strong
I_W, I_C, E_W, E_C, R_W, R_C, STRONG = range(7)


def code(kind: Any, origin: Any, rtype: Any, perceived: Any, severity: Any) -> np.ndarray:
    """One integer per flag: (kind, origin, rupture type, perceived by, severity)."""
    return (((kind * 3 + origin) * 4 + rtype) * 5 + perceived) * 4 + severity


def decode(value: int) -> tuple[str, str | None, str | None, str, int]:
    rest, severity = divmod(value, 4)
    rest, perceived = divmod(rest, 5)
    rest, rtype = divmod(rest, 4)
    kind, origin = divmod(rest, 3)
    return FLAG_KINDS[kind], ORIGINS[origin], RTYPES[rtype], PERCEIVED[perceived], severity


class SideFacts:
    """One side's facts for every visit of a share, the side as origin; bits per core
    subscale are one column each, in core order."""

    def __init__(self, n: int, core: int) -> None:
        self.n = n
        flags, bits = (lambda: np.zeros(n, dtype=bool)), (lambda: np.zeros((n, core), dtype=bool))
        self.check, self.deep = flags(), flags()  # answers to check; a subscale deep below
        self.low, self.dropped = bits(), bits()  # below the low cutoff; dropped reliably
        self.own = np.zeros((n, 7), dtype=np.int64)  # hits about self (I_W ... STRONG)
        self.seen = np.zeros((n, 7), dtype=np.int64)  # hits about the other
        self.unheard = np.zeros(n, dtype=np.int64)  # own confrontation hits not heard
        self.agreement = flags()  # goals and tasks at the repair level
        self.registered = flags()  # the other's estimates registered its low scores
        self.high = np.zeros(n, dtype=np.int64)  # the other's estimates too high
        self.wide = flags()  # one of them by 1.5 points or more
        self.estimated_low, self.lower = bits(), bits()  # estimated low; beyond chance below
        self.goal = np.full(n, -1, dtype=np.int64)  # code of the main goal chosen, -1 none
        self.guess = np.full(n, -1, dtype=np.int64)  # its estimate of the other's


def _types(own: np.ndarray, seen: np.ndarray, strain: np.ndarray, th: Thresholds) -> list:
    """Per type, the visits whose evidence from either member meets the rule
    (:func:`.signals._type_signals`)."""
    out = []
    for t in range(len(TYPES)):
        found = np.zeros(len(strain), dtype=bool)
        for hits in (own, seen):
            interpersonal = (hits[:, I_W] + hits[:, I_C]) > 0
            counted = np.where(strain | interpersonal, hits[:, E_W + t], hits[:, R_W + t])
            found |= (hits[:, t] > 0) | (counted >= th.min_emotions) | ((counted > 0) & strain)
        out.append(found)
    return out


def _severity(own: np.ndarray, seen: np.ndarray, strain: np.ndarray, deep: np.ndarray):
    points = np.zeros(len(strain), dtype=np.int64)
    for hits in (own, seen):
        emotions = np.minimum(3, hits[:, E_W] + hits[:, E_C])
        points += hits[:, I_W] + hits[:, I_C] + emotions + hits[:, STRONG]
    interpersonal = (own[:, I_W] + own[:, I_C] + seen[:, I_W] + seen[:, I_C]) > 0
    emotional = (own[:, E_W] + own[:, E_C] + seen[:, E_W] + seen[:, E_C]) > 0
    points += (interpersonal & emotional).astype(np.int64) + strain + deep
    return np.where(points <= 2, 1, np.where(points <= 4, 2, 3))


def _origin_flag(origin: SideFacts, other: SideFacts, o: int, th: Thresholds):
    """The origin's flag slot: repair move, rupture, unperceived strain or low alliance."""
    strain = np.asarray(origin.low.any(axis=1) | origin.dropped.any(axis=1))
    seen = np.where(other.check[:, None], 0, other.seen)
    withdrawal, confrontation = _types(origin.own, seen, strain, th)
    signal = withdrawal | confrontation
    own_t = withdrawal * (origin.own[:, I_W] + origin.own[:, E_W])
    own_t += confrontation * (origin.own[:, I_C] + origin.own[:, E_C])
    seen_t = withdrawal * (seen[:, I_W] + seen[:, E_W]) + confrontation * (
        seen[:, I_C] + seen[:, E_C]
    )
    by_self = own_t > 0
    by_other = (seen_t > 0) | (origin.registered & ~other.check)
    perceived = np.where(by_self & by_other, 3, np.where(by_self, o, np.where(by_other, 3 - o, 0)))
    repair = confrontation & ~withdrawal & ~strain & by_self & ~other.check
    repair &= (origin.unheard == 0) & (seen[:, E_C] == 0) & origin.agreement
    rtype = np.where(withdrawal & confrontation, 3, np.where(withdrawal, 1, 2))
    kind = np.where(perceived == 3, KIND["shared_rupture"], KIND["unperceived_rupture"])
    severity = _severity(origin.own, seen, strain, origin.deep)
    flag = np.where(
        repair,
        code(KIND["repair_move"], o, 2, 3, 1),
        code(kind, o, rtype, perceived, severity),
    )
    # no signal: unperceived strain, else low alliance
    high = np.where(other.check, 0, origin.high)
    subscales = (origin.low | origin.lower).sum(axis=1)
    wide = origin.wide & ~other.check
    unseen = (subscales > 0) & (high > 0)
    unseen_flag = code(KIND["unperceived_strain"], o, 0, o, np.clip(subscales + wide, 1, 3))
    strained = origin.low | origin.dropped
    registered = ~other.check & (strained & origin.estimated_low).any(axis=1)
    points = strained.sum(axis=1) + (origin.low.any(axis=1) & origin.dropped.any(axis=1))
    low_flag = code(
        KIND["low_alliance"], o, 0, np.where(registered, 3, o), np.clip(points + origin.deep, 1, 3)
    )
    flag = np.where(signal, flag, np.where(unseen, unseen_flag, low_flag))
    present = ~origin.check & (signal | unseen | strain)
    return flag, present


def _goal(p: SideFacts, d: SideFacts):
    p_guess, d_guess = np.where(p.check, -1, p.guess), np.where(d.check, -1, d.guess)
    p_goal, d_goal = p.goal, d.goal
    differ = (p_goal >= 0) & (d_goal >= 0) & (p_goal != d_goal)
    misread = (d_guess >= 0) & (p_goal >= 0) & (d_guess != p_goal)
    misread |= (p_guess >= 0) & (d_goal >= 0) & (p_guess != d_goal)
    saw_patient = (p_goal >= 0) & (d_guess == p_goal)
    saw_physician = (d_goal >= 0) & (p_guess == d_goal)
    perceived = np.where(
        saw_patient & saw_physician, 3, np.where(saw_patient, 2, np.where(saw_physician, 1, 0))
    )
    severity = np.where(differ, 2, 1) + (differ & misread)
    return code(KIND["goal_mismatch"], 0, 0, perceived, severity), differ | misread


def _stage(actual: Any, estimate: Any, d: SideFacts, th: Thresholds):
    estimate = np.where(d.check, -1, estimate)
    distance = np.abs(actual - estimate)
    present = (actual >= 0) & (estimate >= 0) & (distance > th.stage_tolerance)
    severity = np.clip(distance - th.stage_tolerance, 1, 3)
    return code(KIND["stage_mismatch"], 0, 0, 0, severity), present


_RANKS: dict[int, int] = {}


def _rank(value: int) -> int:
    rank = _RANKS.get(value)
    if rank is None:
        kind, origin, _rtype, perceived, severity = decode(value)
        fields = {"kind": kind, "severity": severity, "perceived_by": perceived, "origin": origin}
        rank = _RANKS[value] = flag_rank(fields)
    return rank


_TEXTS: dict[tuple[int, ...], str] = {}


def _compact(codes: tuple[int, ...]) -> str:
    text = _TEXTS.get(codes)
    if text is None:
        flags = (decode(c) for c in codes if c >= 0)
        text = ";".join(":".join("-" if x is None else str(x) for x in f) for f in flags)
        _TEXTS[codes] = text
    return text


def flag_columns(p: SideFacts, d: SideFacts, stage: tuple, th: Thresholds) -> list[list[Any]]:
    """The flag columns of the visits file: a count per kind, ``max_severity``, ``flags``
    and ``attention_rank``, one value per visit."""
    notice = [code(KIND["answers_to_check"], o, 0, o, 1) for o in (1, 2)]
    slots = [
        (np.full(p.n, notice[0]), p.check),
        (np.full(p.n, notice[1]), d.check),
        _origin_flag(p, d, 1, th),
        _origin_flag(d, p, 2, th),
        _goal(p, d),
        _stage(stage[0], stage[1], d, th),
    ]
    codes = np.column_stack([np.where(present, flag, -1) for flag, present in slots])
    ranks = np.full(codes.shape, NOTHING_RANK + 1, dtype=np.int64)
    for value in np.unique(codes[codes >= 0]).tolist():
        ranks[codes == value] = _rank(value)
    order = np.argsort(ranks * 8 + np.arange(6), axis=1, kind="stable")
    codes = np.take_along_axis(codes, order, axis=1)
    kinds, severity = np.where(codes >= 0, codes // 240, -1), np.where(codes >= 0, codes % 4, 0)
    columns: list[list[Any]] = [(kinds == k).sum(axis=1).tolist() for k in range(len(FLAG_KINDS))]
    columns.append(severity.max(axis=1).tolist())
    columns.append([_compact(tuple(row)) for row in codes.tolist()])
    columns.append(np.minimum(ranks.min(axis=1), NOTHING_RANK).tolist())
    return columns
