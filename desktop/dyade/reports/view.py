"""Plain data the PDF pages are drawn from, free of reportlab.

The builders in :mod:`.visit_view` and :mod:`.history_view` turn the dyad
analysis into these records, with every label already in the chosen language;
the layout and the charts only place them. Keeping this step separate makes the
wording testable without making a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreRow:
    """One subscale, both sides, and each side's estimate of the other (None: none)."""

    id: str
    label: str
    component: str  # general | specific
    patient: float | None
    physician: float | None
    patient_estimate_of_physician: float | None = None
    physician_estimate_of_patient: float | None = None
    beyond_expected: bool | None = None
    missing: str | None = None  # the side that has not answered this visit, if any


@dataclass(frozen=True)
class EvidenceRow:
    """One question and the two sides' answers, in words."""

    question: str
    patient_answer: str
    physician_answer: str


@dataclass(frozen=True)
class SuggestionView:
    principle: str
    function: str | None
    phrases: list[str]


@dataclass(frozen=True)
class FlagView:
    """A flag as printed: a title line, its facts, its explanation, evidence, repairs."""

    title: str
    facts: list[tuple[str, str]]
    severity: int
    explanation: str
    evidence: list[EvidenceRow] = field(default_factory=list)
    suggestions: list[SuggestionView] = field(default_factory=list)


@dataclass(frozen=True)
class MetaRow:
    """One side's estimate of the other against what the other reported."""

    by: str
    target: str
    estimate: str
    actual: str
    verdict: str


@dataclass(frozen=True)
class VisitView:
    scores: list[ScoreRow]
    meta: list[MetaRow]
    flags: list[FlagView]
    missing: str | None = None  # "patient" or "physician" when only the other side answered

    @property
    def answered(self) -> tuple[str, ...]:
        """The sides whose answers the summary prints."""
        return tuple(s for s in ("patient", "physician") if s != self.missing)


@dataclass(frozen=True)
class Point:
    """One visit on the trajectory chart; ``label`` is its short date (or number)."""

    label: str
    patient: float | None
    physician: float | None


@dataclass(frozen=True)
class EpisodeMark:
    """A rupture–repair episode between two visit indexes (0-based, ``end`` inclusive)."""

    side: str
    start: int
    end: int
    repaired: bool


@dataclass(frozen=True)
class VisitLine:
    """One row of the history's table of visits."""

    number: int
    date: str
    form: str
    patient: list[str]
    physician: list[str]
    flags: list[str]


@dataclass(frozen=True)
class TrajectoryView:
    """One subscale's course over the visits, both sides, with its episodes."""

    subscale: str
    title: str
    points: list[Point]
    episodes: list[EpisodeMark]
    episode_lines: list[str]


@dataclass(frozen=True)
class HistoryView:
    trajectories: list[TrajectoryView]
    subscales: list[str]
    visits: list[VisitLine]
    first: str | None
    last: str | None
