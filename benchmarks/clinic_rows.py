"""The rows of a generated clinic, drawn from a seed, in the storage schema's shape.

Answers and their analyses are drawn once into a small pool of real analysed
visits (the shipped forms, ``analyse_visit``, the summary ``dyade.dyad_analysis``
stores); each generated visit reuses one pool entry. That keeps generation
fast while every stored row is one the app itself could have written.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dyade.storage.records import to_json

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
FIRST_DAY = date(2021, 1, 4)
DAYS = 5 * 365
FULL_SHARE = 0.55  # about 40 answers per visit: 63 on a full visit, 12 on a brief one
SECOND_PHYSICIAN = 0.1  # patients also followed by a second physician
OPEN_SHARE = 0.02  # dyads whose latest visit is still open (pending responses)
PATIENTS_PER_PHYSICIAN = 500


@dataclass(frozen=True)
class Pooled:
    """One analysed visit, ready to be stored many times."""

    kind: str
    forms: dict[str, tuple[str, int]]  # respondent -> (form id, version)
    answers: dict[str, list[tuple[str, str]]]  # respondent -> [(item id, JSON value)]
    attention: int
    summary: str  # JSON, as dyade.dyad_analysis.store_review writes it


def uuid_from(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stamp(day: date, minute: int) -> str:
    """A UTC timestamp in storage's format (``records.now``)."""
    return f"{day.isoformat()}T{8 + minute // 60:02d}:{minute % 60:02d}:00.000+00:00"


def _pooled(kind: str, library: Any, rng: random.Random) -> Pooled:
    from benchmarks.synth import answers_for
    from dyade.analysis import analyse_visit
    from dyade.dyad_analysis import stored_attention

    forms = {side: library.require(f"dyade-{kind}-{side}") for side in ("patient", "physician")}
    given = {side: answers_for(form, rng) for side, form in forms.items()}
    analysis = analyse_visit(
        forms["patient"], given["patient"], forms["physician"], given["physician"]
    )
    rank = analysis.attention_rank
    summary = {
        "analysis": analysis.to_dict(),
        "flags": [f.kind for f in analysis.flags],
        "rank": rank,
    }
    return Pooled(
        kind,
        {side: (form.id, form.version) for side, form in forms.items()},
        {side: sorted((k, to_json(v)) for k, v in a.items()) for side, a in given.items()},
        stored_attention(rank),
        to_json(summary),
    )


def answer_pool(library: Any, rng: random.Random, size: int = 48) -> dict[str, list[Pooled]]:
    """``size`` analysed visits of each kind (full, brief)."""
    return {kind: [_pooled(kind, library, rng) for _ in range(size)] for kind in ("full", "brief")}


def physician_rows(count: int, rng: random.Random, password_hash: str) -> list[tuple]:
    return [
        (
            uuid_from(rng),
            f"dr{n:03d}",
            f"Dr {n:03d}",
            "physician",
            rng.choice(("fr", "en")),
            password_hash,
            stamp(FIRST_DAY, 0),
        )
        for n in range(1, count + 1)
    ]


def patient_rows(count: int, rng: random.Random) -> list[tuple]:
    return [
        (
            uuid_from(rng),
            f"P{n:06d}",
            None,
            rng.randint(1930, 2008),
            "fr" if rng.random() < 0.8 else "en",
            stamp(FIRST_DAY, 0),
        )
        for n in range(1, count + 1)
    ]


def dyad_rows(patients: list[tuple], physicians: list[tuple], rng: random.Random) -> list[tuple]:
    """Each patient with one physician; some with a second one."""
    rows = []
    for patient in patients:
        first = rng.randrange(len(physicians))
        chosen = [first]
        if len(physicians) > 1 and rng.random() < SECOND_PHYSICIAN:
            chosen.append((first + 1 + rng.randrange(len(physicians) - 1)) % len(physicians))
        for index in chosen:
            rows.append((uuid_from(rng), patient[0], physicians[index][0], stamp(FIRST_DAY, 0)))
    return rows


@dataclass(frozen=True)
class PlannedVisit:
    row: tuple  # the visits row
    pooled: Pooled
    languages: dict[str, str]  # respondent -> language


def visits_per_dyad(dyads: int, visits: int, rng: random.Random) -> list[int]:
    """Spread ``visits`` over the dyads: at least one each, the rest at random."""
    counts = [1] * dyads
    for _ in range(max(0, visits - dyads)):
        counts[rng.randrange(dyads)] += 1
    return counts


def _codes(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    while True:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(6))
        if code not in seen:
            seen.add(code)
            yield code


def plan_visits(
    dyads: list[tuple],
    languages: dict[str, dict[str, str]],
    visits: int,
    pool: dict[str, list[Pooled]],
    rng: random.Random,
) -> list[PlannedVisit]:
    """Every visit of every dyad, dated in order; the latest is sometimes still open."""
    planned = []
    codes = _codes(rng)
    for dyad, count in zip(dyads, visits_per_dyad(len(dyads), visits, rng), strict=True):
        days = sorted(rng.randrange(DAYS) for _ in range(count))
        is_open = rng.random() < OPEN_SHARE
        for n, offset in enumerate(days):
            day = FIRST_DAY + timedelta(days=offset)
            kind = "full" if rng.random() < FULL_SHARE else "brief"
            status = "open" if is_open and n == count - 1 else "complete"
            row = (
                uuid_from(rng),
                dyad[0],
                day.isoformat(),
                next(codes),
                kind,
                status,
                stamp(day, rng.randrange(540)),
            )
            pooled = rng.choice(pool[kind])
            planned.append(PlannedVisit(row, pooled, languages[dyad[0]]))
    return planned
