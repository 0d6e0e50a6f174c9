"""Change of one side's score between two visits, measured on what both visits share.

A brief visit and a full visit score ``bond`` on 1 and 7 items: their means
are not the same measure. Two visits are compared on the items both answered
(their keyed 1..5 values), and how much a change can mean follows how many
items it rests on (Spearman–Brown, :meth:`Thresholds.reliability`). A change
measured on one item is at most "to confirm": a one-step wobble on a
whole-number item is never a reliable change on its own (DOMAIN.md §5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from dyade.analysis.thresholds import Side, Thresholds

Status = Literal["reliable", "to_confirm"]
EPS = 1e-9


class Change(NamedTuple):
    """Before and after on the shared items; ``items`` None when only means are known."""

    before: float
    after: float
    items: int | None

    @property
    def drop(self) -> float:
        return self.before - self.after


def _mean(values: Mapping[str, float], ids: list[str]) -> float:
    return sum(values[i] for i in ids) / len(ids)


def change_between(
    before: float | None,
    before_items: Mapping[str, float] | None,
    after: float | None,
    after_items: Mapping[str, float] | None,
) -> Change | None:
    """The change on the items both visits answered; None when they share none.

    Scores stored without their items (older results, hand-made points) are
    compared as they are, at the reference length.
    """
    if before_items and after_items:
        shared = sorted(set(before_items) & set(after_items))
        if not shared:
            return None
        return Change(_mean(before_items, shared), _mean(after_items, shared), len(shared))
    if before is None or after is None:
        return None
    return Change(before, after, None)


def drop_status(th: Thresholds, side: Side, change: Change) -> Status | None:
    """``reliable`` beyond the reliable change for its items (two items at least),
    ``to_confirm`` for a drop of at least one scale step that cannot be more."""
    drop = change.drop
    if change.items != 1 and drop >= th.reliable_change(side, change.items) - EPS:
        return "reliable"
    one_step = 1.0 / change.items if change.items else th.drop_alert
    return "to_confirm" if drop >= min(one_step, th.reliable_change(side)) - EPS else None


def core_items(keyed: Mapping[str, Mapping[str, float]], core: tuple[str, ...]) -> dict[str, float]:
    """Every keyed item value of the core subscales, one entry per item."""
    out: dict[str, float] = {}
    for sid in core:
        out.update(keyed.get(sid) or {})
    return out


def core_mean(values: Mapping[str, float | None], core: tuple[str, ...]) -> float | None:
    """Mean of the scored core subscales, for points stored without their items."""
    scored = [v for sid in core if (v := values.get(sid)) is not None]
    return sum(scored) / len(scored) if scored else None


def side_of(previous: Any, side: str) -> tuple[dict[str, Any], dict[str, dict[str, float]]]:
    """``(scores, keyed items)`` of one side of a previous visit, from an analysis,
    its dict, or ``{"patient": {subscale: value}}``."""
    if previous is None:
        return {}, {}
    if hasattr(previous, "scores") and hasattr(previous, "keyed"):
        return previous.scores(side), previous.keyed(side)
    data = previous.get(side) if isinstance(previous, Mapping) else getattr(previous, side, None)
    if not isinstance(data, Mapping):
        return {}, {}
    if "scores" in data:  # a to_dict() side summary
        scores = data["scores"]
        values = {k: v.get("value") for k, v in scores.items()}
        return values, {k: dict(v.get("keyed") or {}) for k, v in scores.items()}
    return dict(data), {}
