"""Seeded files of responses that take every road of the analysis rules, for the tests
that hold the columnar batch path equal to the reference one."""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

from benchmarks.analysis_speed import _cell
from benchmarks.synth import answers_for
from dyade.forms import default_library
from dyade.forms.library import versioned_forms

LIBRARY = default_library()
FORMS = versioned_forms(LIBRARY)
KINDS = ("full", "brief")


def _pair(rng: random.Random, kind: str) -> tuple[Any, Any]:
    """Both sides' forms of one visit, each in the current version or the first one
    (sometimes one side in each)."""
    version = rng.choice(("", "", "1"))
    versions = (version, version) if rng.random() < 0.8 else (rng.choice(("", "1")), "1")
    patient, physician = (
        FORMS[f"dyade-{kind}-{side}" + (f"@{v}" if v else "")]
        for side, v in zip(("patient", "physician"), versions, strict=True)
    )
    return patient, physician


def _scale_items(form: Any) -> list[Any]:
    return [i for i in form.items if i.kind == "scale"]


def _shaped(form: Any, answers: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Answers bent one way or another: straight-lined, contradictory, gappy, extreme."""
    roll = rng.random()
    if roll < 0.08:  # the same point everywhere
        point = rng.randint(1, 5)
        for item in _scale_items(form):
            answers[item.id] = point
    elif roll < 0.16:  # a reverse item against its neighbours
        for item in _scale_items(form):
            if item.construct == "bond":
                answers[item.id] = 1 if item.reverse else 5
    elif roll < 0.3:  # many answers left out, whole subscales sometimes
        for item in form.items:
            if rng.random() < 0.5:
                answers[item.id] = None
    elif roll < 0.45:  # a strained visit: low alliance, high markers
        for item in _scale_items(form):
            low = item.construct in ("bond", "goals", "tasks", "agreement")
            answers[item.id] = rng.choice((1, 2)) if low != item.reverse else rng.choice((4, 5))
    elif roll < 0.55:  # everything at random
        for item in _scale_items(form):
            answers[item.id] = rng.randint(1, 5)
    return answers


def _voiced_and_heard(forms: tuple[Any, Any], answers: list[dict], rng: random.Random) -> None:
    """A disagreement voiced by one side and noticed by the other, the alliance high: the
    road of a repair move (and, with a little strain or an emotion, of a rupture)."""
    for form, given in zip(forms, answers, strict=True):
        for item in _scale_items(form):
            agreeable = item.construct not in ("withdrawal", "confrontation")
            given[item.id] = (
                (5 if agreeable != item.reverse else 1) if item.component != "meta" else 5
            )
        for item in form.items:
            if item.kind == "multi":
                given[item.id] = None if rng.random() < 0.8 else [item.options[0].code]
    k = rng.randrange(2)
    origin, other = forms[k], forms[1 - k]
    other_items = {i.id: i for i in other.items}
    voiced = [
        i for i in origin.items
        if i.construct == "confrontation" and getattr(i, "about", "self") == "self" and i.mirror
    ]  # fmt: skip
    for item in rng.sample(voiced, k=min(len(voiced), rng.randint(1, 2))):
        answers[k][item.id] = rng.choice((4, 5))
        if item.mirror in other_items and rng.random() < 0.9:
            answers[1 - k][item.mirror] = rng.choice((3, 5))
    if rng.random() < 0.3:
        answers[k]["p_goals_agree" if k == 0 else "d_goals_agree"] = rng.choice((2, 3))


def responses(seed: int, dyads: int, *, problems: bool = False) -> list[list[str]]:
    """Rows (header first) of ``dyads`` dyads of 1 to 15 visits, full and brief mixed;
    ``problems`` adds bad cells, lone sides, doubled sides and unfinished responses."""
    rng = random.Random(seed)
    forms = [f for f in FORMS.values()]
    items = list(dict.fromkeys(i.id for f in forms for i in f.items))
    rows = [["dyad", "visit", "date", "respondent", "form", "form_version", "status", *items]]
    for d in range(dyads):
        visits = rng.randint(1, 15)
        dated = rng.random() < 0.7
        for v in range(1, visits + 1):
            pair = _pair(rng, rng.choice(KINDS))
            label = str(v) if rng.random() < 0.9 else f"v{v}"
            date = f"2025-{(v % 12) + 1:02d}-{rng.randint(1, 28):02d}" if dated else ""
            given = [_shaped(form, answers_for(form, rng), rng) for form in pair]
            if rng.random() < 0.12:
                _voiced_and_heard(pair, given, rng)
            for form, answers in zip(pair, given, strict=True):
                status = "completed" if rng.random() < 0.5 else ""
                if problems and rng.random() < 0.03:
                    status = rng.choice(("in_progress", "started"))
                version = "1" if form is FORMS.get(f"{form.id}@1") else ""
                row = [f"D{d:03d}", label, date, form.respondent, form.id, version, status]
                row += [_cell(answers.get(i)) for i in items]
                if problems and rng.random() < 0.03:
                    row[7 + rng.randrange(len(items))] = rng.choice(("9", "x", "a;b", "0"))
                if problems and rng.random() < 0.03:
                    continue  # a side that never answered
                rows.append(row)
                if problems and rng.random() < 0.02:
                    rows.append(list(row))  # the same side twice
    body = rows[1:]
    rng.shuffle(body)  # rows need not be sorted by dyad
    return [rows[0], *body]


def write(path: Path, rows: list[list[str]], sep: str = ",", bom: bool = False) -> Path:
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
        csv.writer(handle, delimiter=sep).writerows(rows)
    return path
