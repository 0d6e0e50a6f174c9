"""How the clinic's own questionnaires behave: reliability and spread per form version.

For each form version and subscale: n (responses with every item of the
subscale answered), Cronbach's alpha and McDonald's omega with 95 % intervals,
corrected item–total correlations, and the share of respondents at the floor
and the ceiling of the scale. Omega comes from a one-factor principal-axis
solution on the item correlations; the intervals are percentile bootstraps
(fixed seed, so a report can be reproduced). Pure Python: a few thousand
responses take seconds.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from dyade.analysis.sides import form_plan, keyed_items, read_side
from dyade.analysis.thresholds import Thresholds, cronbach_alpha, estimate_from_data

RESAMPLES = 100
MAX_ROWS = 500  # bootstrap on a random sample beyond this many responses
EPS = 1e-12


@dataclass(frozen=True, slots=True)
class SubscaleStats:
    """One subscale of one form version, as the clinic's responses show it."""

    form: str
    version: int
    respondent: str
    subscale: str
    items: int
    n: int
    alpha: float | None = None
    alpha_ci: tuple[float, float] | None = None
    omega: float | None = None
    omega_ci: tuple[float, float] | None = None
    item_total: dict[str, float | None] = field(default_factory=dict)
    floor_pct: float | None = None
    ceiling_pct: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _correlation(x: Sequence[float], y: Sequence[float]) -> float | None:
    mx, my = _mean(x), _mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return None if sxx < EPS or syy < EPS else sxy / math.sqrt(sxx * syy)


def _first_factor(corr: list[list[float]]) -> list[float]:
    """Loadings of one principal-axis factor (communalities iterated on the diagonal)."""
    k = len(corr)
    h2 = [max(abs(corr[i][j]) for j in range(k) if j != i) for i in range(k)]
    vector, loadings = [1.0] * k, [0.0] * k
    for _ in range(20):
        reduced = [[h2[i] if i == j else corr[i][j] for j in range(k)] for i in range(k)]
        value = 0.0
        for _ in range(25):  # power iteration, warm-started from the last vector
            nxt = [sum(row[j] * vector[j] for j in range(k)) for row in reduced]
            norm = math.sqrt(sum(v * v for v in nxt)) or 1.0
            vector, value = [v / norm for v in nxt], norm
        loadings = [v * math.sqrt(max(value, 0.0)) for v in vector]
        h2 = [min(0.995, max(0.005, x * x)) for x in loadings]
    return loadings


def mcdonald_omega(rows: Sequence[Sequence[float]]) -> float | None:
    """Omega total of a one-factor model; None when it cannot be computed."""
    if len(rows) < 3 or len(rows[0]) < 2:
        return None
    columns = list(zip(*rows, strict=True))
    k = len(columns)
    corr = [[1.0] * k for _ in range(k)]
    for i in range(k):
        for j in range(i + 1, k):
            r = _correlation(columns[i], columns[j])
            if r is None:
                return None
            corr[i][j] = corr[j][i] = r
    loadings = _first_factor(corr)
    common = sum(abs(v) for v in loadings) ** 2
    unique = sum(1.0 - min(0.995, v * v) for v in loadings)
    return common / (common + unique)


def _interval(rows: list[list[float]], statistic, rng: random.Random) -> tuple[float, float] | None:
    """95 % percentile bootstrap interval of ``statistic`` over rows."""
    if len(rows) > MAX_ROWS:
        rows = rng.sample(rows, MAX_ROWS)
    values = []
    for _ in range(RESAMPLES):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        value = statistic(sample)
        if value is not None:
            values.append(value)
    if len(values) < RESAMPLES // 2:
        return None
    values.sort()
    low, high = values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]
    return round(low, 3), round(high, 3)


def _item_total(rows: list[list[float]], ids: Sequence[str]) -> dict[str, float | None]:
    """Each item against the sum of the others (corrected item–total correlation)."""
    out: dict[str, float | None] = {}
    for i, item in enumerate(ids):
        rest = [sum(row) - row[i] for row in rows]
        r = _correlation([row[i] for row in rows], rest) if len(ids) > 1 else None
        out[item] = None if r is None else round(r, 3)
    return out


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def subscale_stats(
    form: Any, subscale: str, answer_sets: Iterable[Mapping[str, Any]], *, seed: int = 0
) -> SubscaleStats:
    """The statistics of one subscale over the answer sets of one form version."""
    plan = form_plan(form)
    rule = next(r for r in plan.subscale_rules if r.id == subscale)
    rows = []
    for answers in answer_sets:
        values = [answers.get(item) for item, *_ in rule.items]
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(numbers) == len(values):
            rows.append([
                float(high + low - v if reverse else v)
                for v, (_, low, high, reverse) in zip(numbers, rule.items, strict=True)
            ])  # fmt: skip
    ids = [item for item, *_ in rule.items]
    base = {"form": form.id, "version": form.version, "respondent": form.respondent,
            "subscale": subscale, "items": len(ids), "n": len(rows)}  # fmt: skip
    if not rows:
        return SubscaleStats(**base)
    low, high = rule.items[0][1], rule.items[0][2]
    means = [_mean(row) for row in rows]
    rng = random.Random(seed)
    return SubscaleStats(
        **base,
        alpha=_rounded(cronbach_alpha(rows)),
        alpha_ci=_interval(rows, cronbach_alpha, rng) if len(ids) > 1 else None,
        omega=_rounded(mcdonald_omega(rows)),
        omega_ci=_interval(rows, mcdonald_omega, rng) if len(ids) > 1 else None,
        item_total=_item_total(rows, ids),
        floor_pct=round(100.0 * sum(m <= low for m in means) / len(means), 1),
        ceiling_pct=round(100.0 * sum(m >= high for m in means) / len(means), 1),
    )


def form_stats(form: Any, answer_sets: Sequence[Mapping[str, Any]]) -> list[SubscaleStats]:
    """Every scale subscale of one form version (markers and estimates included)."""
    plan = form_plan(form)
    return [
        subscale_stats(form, rule.id, answer_sets)
        for rule in plan.subscale_rules
        if all(high > low for _, low, high, _ in rule.items)
    ]


ADOPTED = (
    "sd_patient", "sd_physician", "reliability_patient", "reliability_physician",
    "expected_offset_d", "patient_norm_mean",
)  # fmt: skip


def clinic_estimates(
    forms: tuple[Any, Any],
    pairs: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]],
    base: Thresholds,
) -> dict[str, float | int]:
    """The clinic's own spread, reliability and patient–physician offset, from the bond
    items of both sides of each visit on one pair of forms (at least 30 dyads:
    :func:`estimate_from_data`); ``reliability_items`` is that bond subscale's length."""
    dyads = []
    for answers in pairs:
        sides = []
        for form, given in zip(forms, answers, strict=True):
            report = read_side(form, given, base, checked=True)
            keyed = keyed_items(report, "bond")
            sides.append([keyed.get(i) for i in form_plan(form).subscale_items.get("bond", ())])
        dyads.append((sides[0], sides[1]))
    estimated = estimate_from_data(dyads, base=base)
    values: dict[str, float | int] = {k: round(getattr(estimated, k), 4) for k in ADOPTED}
    values["reliability_items"] = max(1, len(dyads[0][0]))
    return values
