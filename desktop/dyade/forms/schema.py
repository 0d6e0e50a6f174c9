"""The shape of a questionnaire file, checked by pydantic.

Every model forbids unknown fields and is strict (YAML already gives real
numbers, booleans and text, so ``"3"`` where a number is expected is a mistake
worth reporting). Rules that tie several fields together (an item's scale must
exist, a subscale's items must be in the form, ...) live in :mod:`.rules` and
run from :meth:`Form._check_rules`, so a ``Form`` can never exist in a bad state.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

Kind = Literal["scale", "choice", "multi", "text"]
Construct = Literal[
    "bond",
    "goals",
    "tasks",
    "understanding",
    "competence",
    "stage",
    "main_goal",
    "withdrawal",
    "confrontation",
    "emotions",
    "estimate_of_other",
    "comment",
]
Component = Literal["general", "specific", "marker", "meta"]
MarkerType = Literal["withdrawal", "confrontation"]
MarkerFamily = Literal["interpersonal", "emotional"]
Context = Literal["visit", "relationship"]
About = Literal["self", "other"]
Respondent = Literal["patient", "physician"]
Use = Literal["full", "brief", "other"]
Method = Literal["mean", "sum"]

FORM_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NAME_PATTERN = r"^[a-z][a-z0-9_]*$"

FormId = Annotated[str, StringConstraints(pattern=FORM_ID_PATTERN, max_length=64)]
Name = Annotated[str, StringConstraints(pattern=NAME_PATTERN, max_length=64)]
Wording = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A recording next to the form file (in its folder or below): relative, each part starting
# with a letter, digit, _ or - (so never ".."), a sound file.
_PART = r"[A-Za-z0-9_-][A-Za-z0-9_.-]*"
AUDIO_PATTERN = rf"^({_PART}/)*{_PART}\.(ogg|opus|mp3|wav|m4a)$"
AudioPath = Annotated[str, StringConstraints(pattern=AUDIO_PATTERN, max_length=200)]

STAGE_CODES = ("precontemplation", "contemplation", "preparation", "action", "maintenance")
NO_CHANGE_CODE = "no_change_discussed"  # may close a stage item: not a stage, never compared
MAIN_GOAL_CODES = (
    "understand",
    "relief",
    "treatment",
    "document",
    "reassurance",
    "chronic_followup",
    "return_work",
    "other",
)
LANGUAGES = ("fr", "en")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(_Model):
    """The same words in French and English; both are required."""

    fr: Wording
    en: Wording

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``fr`` or ``en``); any other code gets English."""
        return self.fr if lang == "fr" else self.en


class Audio(_Model):
    """Recorded readings of one item (its question and answers), per language; optional.

    Read aloud at the kiosk instead of the system's voice. Paths are relative
    to the form file's folder.
    """

    fr: AudioPath | None = None
    en: AudioPath | None = None

    def get(self, lang: str) -> str | None:
        return self.fr if lang == "fr" else self.en


class Scale(_Model):
    """An integer scale with a label for every point."""

    min: int
    max: int
    labels: dict[int, Text]

    def points(self) -> range:
        return range(self.min, self.max + 1)


class Option(_Model):
    """One answer of a choice or multi item, identified by a stable code."""

    code: Name
    label: Text
    marker_type: MarkerType | None = None
    marker_family: MarkerFamily | None = None
    exclusive: bool = False


# ``construct`` is the contract's field name; it shadows pydantic's deprecated
# ``BaseModel.construct`` classmethod, which Dyade never uses.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message='Field name "construct"', category=UserWarning)

    class Item(_Model):
        """One question; ``mirror`` names its counterpart in the pair form."""

        id: Name
        kind: Kind
        # the forms' own word; it shadows pydantic's deprecated classmethod of that name
        construct: Construct  # type: ignore[assignment]
        component: Component
        text: Text
        rationale: str = ""
        scale: Name | None = None
        options: list[Option] | None = None
        mirror: Name | None = None
        reverse: bool = False
        optional: bool = True
        screen: Name | None = None
        marker_type: MarkerType | None = None
        marker_family: MarkerFamily | None = None
        about: About | None = None
        context: Context | None = None  # emotions: felt in the visit or in the relationship
        ordinal: bool = False
        estimates: Name | None = None
        estimates_item: Name | None = None  # the pair's item this estimate guesses
        audio: Audio | None = None

        def codes(self) -> list[str]:
            """The option codes, in order (empty for scale and text items)."""
            return [o.code for o in self.options or []]


class Subscale(_Model):
    """Items scored together, and how many must be answered to score them."""

    id: Name
    component: Component
    items: list[Name] = Field(min_length=1)
    method: Method = "mean"
    min_answered: int = Field(ge=1)
    reciprocal: bool = False  # each side about the other (not one measure): no gap test


class Scoring(_Model):
    subscales: list[Subscale] = []


class Form(_Model):
    """A whole questionnaire, as read from one file."""

    id: FormId
    version: int = Field(ge=1)
    respondent: Respondent
    pair: FormId
    use: Use = "other"
    title: Text
    instructions: Text
    scales: dict[Name, Scale] = {}
    items: list[Item] = Field(min_length=1)
    scoring: Scoring = Scoring()

    _source: Path | None = PrivateAttr(default=None)
    _lines: dict[tuple[Any, ...], int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _check_rules(self, info: ValidationInfo) -> Form:
        """Apply the cross-field rules; the loader collects them with their paths."""
        from dyade.forms.rules import rule_problems

        problems = rule_problems(self)
        sink = (info.context or {}).get("rule_problems")
        if sink is not None:
            sink.extend(problems)
        elif problems:
            raise ValueError("; ".join(f"{'.'.join(map(str, p))}: {m}" for p, m in problems))
        return self

    @property
    def subscales(self) -> list[Subscale]:
        return self.scoring.subscales

    @property
    def source(self) -> Path | None:
        """The file the form was read from (None when built in code)."""
        return self._source

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Items by id, built once: scoring looks an item up for every answer."""
        return {item.id: item for item in self.items}

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Form:
        """A copy; one given other items builds its own ``items_by_id``."""
        copied = super().model_copy(update=update, deep=deep)
        copied.__dict__.pop("items_by_id", None)
        return copied

    def item(self, item_id: str) -> Item:
        """The item with this id; ``KeyError`` when the form has none."""
        try:
            return self.items_by_id[item_id]
        except KeyError:
            raise KeyError(f"form '{self.id}' has no item '{item_id}'") from None

    def has_item(self, item_id: str) -> bool:
        return item_id in self.items_by_id

    def scale_of(self, item: Item) -> Scale | None:
        """The scale a scale item uses (None for other kinds)."""
        return self.scales.get(item.scale) if item.scale else None

    def subscale(self, subscale_id: str) -> Subscale | None:
        return next((s for s in self.subscales if s.id == subscale_id), None)

    def line_of(self, path: tuple[Any, ...]) -> int | None:
        """The file line of a field path such as ``("items", 3, "mirror")``."""
        for end in range(len(path), -1, -1):
            line = self._lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None
