"""Every threshold of the dyad analysis, in one documented, overridable place.

Defaults come from the literature summarised in DOMAIN.md section 3 and are
explained field by field below and in ``docs/ANALYSIS.md``. A clinic can
override any of them from a dict or a JSON file, and, once it holds at least
30 complete dyads, replace the spread, reliability and patient–physician offset
with its own estimates (:func:`estimate_from_data`).

All scores are on the forms' 1..5 item metric (subscale means), so one set of
thresholds serves the full and the brief forms.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyade import jsontext
from dyade.errors import DyadeError

Side = Literal["patient", "physician"]

MIN_DYADS_FOR_ESTIMATE = 30


# Where overrides come from, as the app names them (a file's path stays as it is).
_SOURCES_FR = {"settings": "réglages", "clinic settings": "réglages du cabinet"}

# What a threshold must be, in French, by pydantic's error type and its limit.
_RULES_FR = {
    "greater_than": "doit être supérieur à {gt}",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "less_than": "doit être inférieur à {lt}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
    "extra_forbidden": "ce seuil n’existe pas",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "int_type": "doit être un nombre entier",
    "float_parsing": "doit être un nombre",
    "float_type": "doit être un nombre",
}


def _field(err: Any) -> str:
    return ".".join(str(p) for p in err["loc"]) or "value"


def _rule_fr(err: Any) -> str:
    """Pydantic's reason in French when it is a rule a threshold can break, else as given."""
    rule = _RULES_FR.get(err["type"])
    if rule is None:
        return err["msg"]
    limits = {k: f"{v:g}".replace(".", ",") for k, v in (err.get("ctx") or {}).items()}
    return rule.format(**limits)


_MEMOS: dict[int, tuple[Thresholds, dict[Any, float]]] = {}


def _derived(th: Thresholds, key: Any, compute: Callable[[], float]) -> float:
    """A derived number of ``th``, worked out once per set of thresholds."""
    memo = _memo(th)
    value = memo.get(key)
    if value is None:
        value = memo[key] = compute()
    return value


def _memo(th: Thresholds) -> dict[Any, float]:
    """The derived numbers already worked out for this (frozen) set of thresholds.

    Batch analysis asks for the same few numbers hundreds of thousands of times.
    Kept by identity, not in the model: a ``model_copy(update=...)`` is a new
    object with its own numbers, and equality between thresholds is unchanged.
    """
    entry = _MEMOS.get(id(th))
    if entry is None or entry[0] is not th:
        if len(_MEMOS) >= 64:
            _MEMOS.clear()
        entry = _MEMOS[id(th)] = (th, {})
    return entry[1]


class Thresholds(BaseModel):
    """The numbers behind every flag; see docs/ANALYSIS.md for the reasoning."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Spread and reliability of one side's subscale score (1..5 metric).
    sd_patient: float = Field(0.67, gt=0, description="WAI-GP patient SD (0.67 on 1..5)")
    sd_physician: float = Field(
        0.67, gt=0, description="no GP physician norm published; assumed equal to patients'"
    )
    reliability_patient: float = Field(
        0.80, gt=0, lt=1, description="lower bound of short alliance subscales (.80-.90)"
    )
    reliability_physician: float = Field(0.80, gt=0, lt=1, description="same as patients")
    reliability_items: int = Field(
        7, ge=1, description="items the reliabilities hold for (the full form's bond subscale)"
    )
    z_critical: float = Field(1.96, gt=0, description="two-sided 95% (Jacobson & Truax 1991)")
    # Patients rate the alliance higher than clinicians (Tryon et al. 2007).
    expected_offset_d: float = Field(0.63, description="patient minus physician, in SD units")
    patient_norm_mean: float = Field(4.27, description="WAI-GP patient mean on 1..5")
    low_alliance_sd: float = Field(1.0, gt=0, description="low = norm minus this many SD")
    core_subscales: tuple[str, ...] = Field(
        ("bond", "goals", "tasks"),
        description="Bordin's bond, goals, tasks: low/drop checks, episodes, convergence",
    )
    # Item-level rupture markers (1..5 frequency/agreement items).
    marker_level: int = Field(3, ge=1, description="a marker item at or above counts")
    strong_marker_level: int = Field(4, ge=1, description="a marker at or above is strong")
    min_emotions: int = Field(2, ge=1, description="emotions alone signal a rupture from here")
    repair_agreement_level: float = Field(
        4.0, ge=1, description="agreement at or above this after a voiced disagreement: repair"
    )
    # How the questionnaire was answered (Meade & Craig 2012; Huang et al. 2012).
    straightline_items: int = Field(
        6, ge=2, description="the same answer to at least this many scale questions: to check"
    )
    reverse_gap: float = Field(
        3.0, gt=0, description="a reverse item this far from its neighbours: contradictory"
    )
    min_seconds_per_answer: float = Field(
        2.0, ge=0, description="faster than this per answer, on average: to check"
    )
    # Meta-perception: an estimate within this many points of the actual is accurate.
    estimate_tolerance: float = Field(0.5, ge=0, description="rounds to the same scale point")
    stage_tolerance: int = Field(1, ge=0, description="stages apart before a stage mismatch")
    # Over visits.
    lenient_drop_sd: float = Field(1.0, gt=0, description="1-SD drop (Stiles et al. 2004)")
    recovery_visits: int = Field(3, ge=1, description="K: visits allowed for a recovery")
    recovery_sem: float = Field(1.0, ge=0, description="recovered within this many SEM")
    brief_drop_points: float = Field(
        1.0, gt=0, description="SRS drop alert, in SRS points (0-40), scaled to the 1..5 range"
    )
    convergence_slope: float = Field(0.1, ge=0, description="points per visit of the gap")
    convergence_min_visits: int = Field(3, ge=2)

    # ---- derived quantities -------------------------------------------------

    def sd(self, side: Side) -> float:
        return self.sd_patient if side == "patient" else self.sd_physician

    def reliability(self, side: Side, items: int | None = None) -> float:
        """The side's reliability for a score made of ``items`` items (Spearman–Brown
        from the reliability of ``reliability_items`` items; None: that length)."""
        r = self.reliability_patient if side == "patient" else self.reliability_physician
        if items is None or items == self.reliability_items:
            return r
        k = max(1, items) / self.reliability_items
        return k * r / (1.0 + (k - 1.0) * r)

    def sem(self, side: Side, items: int | None = None) -> float:
        """Standard error of measurement: SD·√(1 − r), r for that many items."""
        return _derived(
            self, ("sem", side, items),
            lambda: self.sd(side) * math.sqrt(1.0 - self.reliability(side, items)),
        )  # fmt: skip

    @property
    def expected_offset(self) -> float:
        """Expected patient-minus-physician difference in scale points (d × pooled SD)."""
        return _derived(
            self, "expected_offset",
            lambda: self.expected_offset_d
            * math.sqrt((self.sd_patient**2 + self.sd_physician**2) / 2.0),
        )  # fmt: skip

    @property
    def se_discrepancy(self) -> float:
        """SE_D = √(SEM_patient² + SEM_physician²), at the reference length."""
        return self.se_discrepancy_for()

    def se_discrepancy_for(
        self, patient_items: int | None = None, physician_items: int | None = None
    ) -> float:
        """SE_D for scores made of that many items on each side."""
        return math.hypot(
            self.sem("patient", patient_items), self.sem("physician", physician_items)
        )

    @property
    def critical_discrepancy(self) -> float:
        """A discrepancy beyond the offset by more than this is beyond chance."""
        return self.critical_discrepancy_for()

    def critical_discrepancy_for(
        self, patient_items: int | None = None, physician_items: int | None = None
    ) -> float:
        """z × SE_D for scores made of that many items on each side."""
        return _derived(
            self, ("critical", patient_items, physician_items),
            lambda: self.z_critical * self.se_discrepancy_for(patient_items, physician_items),
        )  # fmt: skip

    def norm_mean(self, side: Side) -> float:
        """Typical subscale level: physicians sit below patients by the expected offset."""
        return self.patient_norm_mean - (0.0 if side == "patient" else self.expected_offset)

    def low_cutoff(self, side: Side) -> float:
        """Below this a general/specific subscale counts as low for that side."""
        return _derived(
            self, ("low_cutoff", side),
            lambda: self.norm_mean(side) - self.low_alliance_sd * self.sd(side),
        )  # fmt: skip

    def reliable_change(self, side: Side, items: int | None = None) -> float:
        """Jacobson–Truax criterion: z × √2 × SEM (the strict drop), for that many items."""
        return _derived(
            self, ("reliable_change", side, items),
            lambda: self.z_critical * math.sqrt(2.0) * self.sem(side, items),
        )  # fmt: skip

    @property
    def drop_alert(self) -> float:
        """The SRS drop rule in 1..5 points: its 0–40 points as the same share of the range."""
        return self.brief_drop_points * (5 - 1) / 40.0

    def lenient_drop(self, side: Side) -> float:
        """The lenient drop criterion in points (1 SD by default)."""
        return self.lenient_drop_sd * self.sd(side)

    def recovery_margin(self, side: Side) -> float:
        """A score within this of the pre-drop level counts as recovered."""
        return self.recovery_sem * self.sem(side)

    def summary(self) -> dict[str, float]:
        """The derived numbers, rounded, for reports and docs."""
        out = {
            "expected_offset": self.expected_offset,
            "se_discrepancy": self.se_discrepancy,
            "critical_discrepancy": self.critical_discrepancy,
            "critical_discrepancy_1_item": self.critical_discrepancy_for(1, 1),
            "drop_alert": self.drop_alert,
        }
        for side in ("patient", "physician"):
            out[f"sem_{side}"] = self.sem(side)
            out[f"low_cutoff_{side}"] = self.low_cutoff(side)
            out[f"reliable_change_{side}"] = self.reliable_change(side)
            out[f"reliable_change_{side}_1_item"] = self.reliable_change(side, 1)
            out[f"lenient_drop_{side}"] = self.lenient_drop(side)
        return {key: round(value, 3) for key, value in out.items()}

    # ---- per-clinic overrides ----------------------------------------------

    @classmethod
    def from_overrides(
        cls, overrides: Mapping[str, Any], *, source: str = "overrides"
    ) -> Thresholds:
        """Defaults with the clinic's overrides applied; unknown names are an error."""
        try:
            return cls.model_validate(dict(overrides))
        except ValidationError as exc:
            errors = exc.errors()
            problems = "; ".join(f"{_field(err)}: {err['msg']}" for err in errors)
            french = "\u00a0; ".join(f"{_field(err)}\u00a0: {_rule_fr(err)}" for err in errors)
            raise DyadeError(
                f"{source}: invalid analysis thresholds: {problems}",
                fr=f"{_SOURCES_FR.get(source, source)}\u00a0: seuils d’analyse non valables\u00a0: "
                f"{french}",
            ) from None

    @classmethod
    def load(cls, path: Path | str) -> Thresholds:
        """Read overrides from a JSON object file."""
        path = Path(path)
        try:
            data = jsontext.loads(path.read_text(encoding="utf-8"), path)
        except OSError as exc:
            raise DyadeError(f"{path}: cannot read thresholds file ({exc.strerror})") from None
        except json.JSONDecodeError as exc:
            raise DyadeError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise DyadeError(f"{path}: a thresholds file holds one JSON object")
        return cls.from_overrides(data, source=str(path))


# ---- estimates from a clinic's own data --------------------------------------


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _variance(values: Sequence[float]) -> float:
    m = _mean(values)
    return sum((v - m) ** 2 for v in values) / (len(values) - 1)


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Internal consistency of complete item rows; None when it cannot be computed."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    k = len(rows[0])
    item_var = sum(_variance([row[i] for row in rows]) for i in range(k))
    total_var = _variance([sum(row) for row in rows])
    if total_var <= 0:
        return None
    return (k / (k - 1)) * (1.0 - item_var / total_var)


def _complete(values: Sequence[float | None]) -> TypeGuard[Sequence[float]]:
    return all(v is not None for v in values)


def estimate_from_data(
    dyads: Sequence[tuple[Sequence[float | None], Sequence[float | None]]],
    base: Thresholds | None = None,
) -> Thresholds:
    """Replace spread, reliability and offset with a clinic's own estimates.

    Each dyad is ``(patient_items, physician_items)``: the keyed 1..5 values
    of one subscale's items (for example ``bond`` on the full forms) for the
    same visit. Only complete dyads count; at least 30 are needed. A
    reliability that cannot be estimated (one item, no variance) keeps the
    base value.
    """
    base = base or Thresholds()
    complete = [(list(p), list(d)) for p, d in dyads if _complete(p) and _complete(d) and p and d]
    if len(complete) < MIN_DYADS_FOR_ESTIMATE:
        raise DyadeError(
            f"estimating thresholds needs at least {MIN_DYADS_FOR_ESTIMATE} complete dyads,"
            f" found {len(complete)}"
        )
    widths = {(len(p), len(d)) for p, d in complete}
    if len(widths) != 1:
        raise DyadeError("estimating thresholds: every dyad must give the same items")
    patient_rows = [p for p, _ in complete]
    physician_rows = [d for _, d in complete]
    p_means = [_mean(row) for row in patient_rows]
    d_means = [_mean(row) for row in physician_rows]
    sd_p = math.sqrt(_variance(p_means)) or base.sd_patient
    sd_d = math.sqrt(_variance(d_means)) or base.sd_physician
    pooled = math.sqrt((sd_p**2 + sd_d**2) / 2.0)
    offset_d = _mean([p - d for p, d in zip(p_means, d_means, strict=True)]) / pooled
    updates: dict[str, float] = {
        "sd_patient": sd_p,
        "sd_physician": sd_d,
        "expected_offset_d": offset_d,
        "patient_norm_mean": _mean(p_means),
    }
    for side, rows in (("patient", patient_rows), ("physician", physician_rows)):
        alpha = cronbach_alpha(rows)
        if alpha is not None and 0.0 < alpha < 1.0:
            updates[f"reliability_{side}"] = alpha
    return base.model_copy(update=updates)
