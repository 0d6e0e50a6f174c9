"""Flags: what the analysis asks a physician to look at, with evidence and ways to repair.

A flag describes the alliance and who perceived what, never a person. Kinds:
``unperceived_rupture`` (one side's rupture that the other did not perceive),
``unperceived_strain`` (one side's low alliance, no marker, that the other
estimated high), ``shared_rupture`` (perceived by both), ``goal_mismatch``, ``stage_mismatch``
and ``low_alliance``. Severity is 1 (mild), 2 (moderate) or 3 (marked).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dyade.analysis import texts
from dyade.analysis.checks import Check
from dyade.analysis.estimates import UnseenStrain, wrong_estimates
from dyade.analysis.sides import MarkerHit, SideReport, score_value
from dyade.analysis.signals import RuptureSignal, Strain
from dyade.analysis.suggestions import Suggestion, suggestions_for
from dyade.analysis.thresholds import Thresholds
from dyade.vocabulary import FLAG_KINDS

Kind = Literal[FLAG_KINDS]  # type: ignore[valid-type]  # one list: dyade.vocabulary
RuptureType = Literal["withdrawal", "confrontation", "mixed"]
Origin = Literal["patient", "physician"]
PerceivedBy = Literal["patient", "physician", "both", "none", "unknown"]
Note = Literal[
    "marker", "emotion", "noticed", "low", "drop", "estimate", "goal", "stage", "agreement", "check"
]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One answer that triggered a flag, with the mirror item's answer on the other side."""

    side: Origin
    note: Note
    item: str | None = None
    option: str | None = None
    answer: Any = None
    mirror_item: str | None = None
    mirror_answer: Any = None
    subscale: str | None = None
    score: float | None = None
    check: str | None = None  # answers to check: same_answer, reverse_contradiction, too_fast


class Flag(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Kind
    rupture_type: RuptureType | None = None
    origin: Origin | None = None  # None for mismatches: they belong to the pair
    perceived_by: PerceivedBy
    severity: int = Field(ge=1, le=3)
    severity_name: str
    families: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: dict[str, str]
    suggestions: list[Suggestion] = Field(default_factory=list)

    @property
    def group(self) -> tuple[str, str | None]:
        """Identity used to tell a new flag from a reclassified one."""
        alliance = self.kind.endswith("rupture") or self.kind.endswith(("_alliance", "_strain"))
        family = "alliance" if alliance else self.kind
        return family, self.origin


def _make(
    kind: str,
    severity: int,
    perceived_by: str,
    explanation: dict,
    plan_as: str | None = None,
    **fields: Any,
) -> Flag:
    """A flag with its suggestions; ``plan_as`` is the perception the repair plan
    is chosen for when ``perceived_by`` is unknown (one side has not answered)."""
    origin = fields.get("origin")
    rtype = fields.get("rupture_type")
    return Flag(
        kind=kind,
        severity=severity,
        severity_name=texts.severity_name(severity),
        perceived_by=perceived_by,
        explanation=explanation,
        suggestions=list(suggestions_for(kind, origin, plan_as or perceived_by, rtype)),
        **fields,
    )


# ---- evidence --------------------------------------------------------------


def _mirror(report: SideReport, other: SideReport, item: str) -> tuple[str | None, Any]:
    mirror = report.plan.mirrors.get(item)
    return mirror, (other.answers.get(mirror) if mirror else None)


def item_evidence(
    report: SideReport, other: SideReport, item: str, note: Note, **extra
) -> Evidence:
    mirror, mirror_answer = _mirror(report, other, item)
    return Evidence(
        side=report.side,
        note=note,
        item=item,
        answer=report.answers.get(item),
        mirror_item=mirror,
        mirror_answer=mirror_answer,
        **extra,
    )


def _hit_evidence(hit: MarkerHit, report: SideReport, other: SideReport, note: Note) -> Evidence:
    if hit.option is not None:
        note = "emotion"
    return item_evidence(report, other, hit.item, note, option=hit.option)


def strain_evidence(report: SideReport, other: SideReport, strain: Strain) -> list[Evidence]:
    out = []
    by_note: tuple[tuple[Note, tuple[str, ...]], ...] = (
        ("low", strain.low),
        ("drop", strain.dropped),
    )
    for note, subscales in by_note:
        for sid in subscales:
            score = score_value(report, sid)
            out.append(Evidence(side=report.side, note=note, subscale=sid, score=score))
            for item in report.plan.subscale_items.get(sid, ()):
                if report.answers.get(item) is not None:
                    out.append(item_evidence(report, other, item, note, subscale=sid))
    return out


def _estimate_evidence(
    origin: SideReport, other: SideReport, targets, th: Thresholds | None = None
) -> list[Evidence]:
    """The other's estimates of ``targets``, plus (given ``th``) every estimate of the
    origin that was wrong, too high or too low."""
    out = []
    wrong = [e.target for e in wrong_estimates(origin, other, th)] if th is not None else []
    for target in dict.fromkeys([*targets, *wrong]):
        for item in other.estimate_items.get(target, ()):
            score = score_value(origin, target)
            out.append(item_evidence(other, origin, item, "estimate", subscale=target, score=score))
    return out


# ---- rules ---------------------------------------------------------------------


def rupture_flag(
    signal: RuptureSignal, origin: SideReport, other: SideReport, th: Thresholds
) -> Flag:
    """An unperceived or shared rupture, from the origin's signal."""
    perceived_by = signal.perceived_by
    kind = "shared_rupture" if perceived_by == "both" else "unperceived_rupture"
    evidence = [_hit_evidence(h, origin, other, "marker") for h in signal.own_hits]
    evidence += [_hit_evidence(h, other, origin, "noticed") for h in signal.noticed_hits]
    evidence += strain_evidence(origin, other, signal.strain)
    evidence += _estimate_evidence(origin, other, signal.estimate_targets, th)
    families = [dict(texts.lookup("families", f)) for f in signal.families]
    node = texts.lookup("explanations", "rupture", signal.origin, perceived_by)
    plan_as = None
    if perceived_by == "unknown":  # one side has not answered
        answered = "own" if signal.own_hits else "noticed"
        node = node[answered]
        plan_as = signal.origin if signal.own_hits else other.side
    explanation = texts.bilingual(
        node,
        rupture=dict(texts.lookup("rupture_names", signal.rupture_type)),
        families=texts.join_names(families) if families else {"fr": "", "en": ""},
    )
    return _make(
        kind,
        signal.severity,
        perceived_by,
        explanation,
        plan_as,
        rupture_type=signal.rupture_type,
        origin=signal.origin,
        families=list(signal.families),
        evidence=evidence,
    )


def answers_to_check_flag(report: SideReport, checks: list[Check]) -> Flag:
    """A notice: this side's answers need checking, so they raise no rupture flag."""
    reasons = [
        texts.bilingual(texts.lookup("explanations", "answers_to_check", c.kind)) for c in checks
    ]
    head = texts.bilingual(texts.lookup("explanations", "answers_to_check", "head", report.side))
    tail = texts.bilingual(texts.lookup("explanations", "answers_to_check", "closing"))
    explanation = {lang: " ".join(p[lang] for p in (head, *reasons, tail)) for lang in texts.LANGS}
    evidence = [
        Evidence(side=report.side, note="check", item=c.items[0] if len(c.items) == 1 else None,
                 answer=c.value, check=c.kind)
        for c in checks
    ]  # fmt: skip
    side = report.side
    return _make("answers_to_check", 1, side, explanation, origin=side, evidence=evidence)


def repair_move_flag(signal: RuptureSignal, origin: SideReport, other: SideReport) -> Flag:
    """A disagreement voiced by ``origin``, heard by the other, agreement high at the end."""
    evidence = [_hit_evidence(h, origin, other, "marker") for h in signal.own_hits]
    evidence += [_hit_evidence(h, other, origin, "noticed") for h in signal.noticed_hits]
    for sid in ("goals", "tasks"):
        evidence.append(
            Evidence(
                side=origin.side, note="agreement", subscale=sid, score=score_value(origin, sid)
            )
        )
    explanation = texts.bilingual(texts.lookup("explanations", "repair_move", origin.side))
    return _make(
        "repair_move",
        1,
        "both",
        explanation,
        rupture_type="confrontation",
        origin=origin.side,
        families=["interpersonal"],
        evidence=evidence,
    )


def low_alliance_flag(
    report: SideReport,
    other: SideReport,
    strain: Strain,
    th: Thresholds,
    *,
    missing: str | None = None,
) -> Flag | None:
    """The side's own bond/agreement ratings are low or dropped reliably.

    ``missing`` names the other side when it has not answered: whether it
    perceived the low alliance is then unknown, and the explanation says so.
    """
    if not strain.any:
        return None
    side = report.side
    registered = [
        t
        for t in strain.low + strain.dropped
        if isinstance(guess := other.estimates.get(t), float) and guess <= th.low_cutoff(side)
    ]
    perceived_by = "unknown" if missing else "both" if registered else side
    points = len(set(strain.low) | set(strain.dropped)) + bool(strain.low and strain.dropped)
    severity = min(3, max(1, points + strain.deep))
    name = texts.side_name(side)
    parts = []
    for key, subscales in (("low", strain.low), ("drop", strain.dropped)):
        if subscales:
            parts.append(
                texts.bilingual(
                    texts.lookup("explanations", "low_alliance", key),
                    side=name,
                    of_side=dict(texts.lookup("of_sides", side)),
                    Side={lang: value[:1].upper() + value[1:] for lang, value in name.items()},
                    subscales=texts.subscale_names(list(subscales)),
                )
            )
    if missing:
        parts.append(texts.bilingual(texts.lookup("explanations", "missing", missing)))
    parts.append(texts.bilingual(texts.lookup("explanations", "low_alliance", "closing")))
    explanation = {lang: " ".join(p[lang] for p in parts) for lang in texts.LANGS}
    evidence = strain_evidence(report, other, strain)
    evidence += _estimate_evidence(report, other, registered, th)
    return _make(
        "low_alliance", severity, perceived_by, explanation, origin=side, evidence=evidence
    )


def unperceived_strain_flag(
    report: SideReport, other: SideReport, unseen: UnseenStrain, strain: Strain, th: Thresholds
) -> Flag:
    """A side's low alliance, with no marker, that the other side estimated high."""
    side = report.side
    explanation = texts.bilingual(
        texts.lookup("explanations", "unperceived_strain", side),
        subscales=texts.subscale_names(list(unseen.subscales)),
    )
    evidence = [
        Evidence(side=side, note="low", subscale=sid, score=score_value(report, sid))
        for sid in unseen.subscales
    ]
    evidence += strain_evidence(report, other, strain)
    evidence += _estimate_evidence(report, other, [e.target for e in unseen.overestimates], th)
    return _make(
        "unperceived_strain", unseen.severity, side, explanation, origin=side, evidence=evidence
    )
