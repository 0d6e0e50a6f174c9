"""``dyade analyse`` made faster gives exactly the results it gave before: the same files
from one process or several, and cells read by look-up exactly as the parsers read them."""

from __future__ import annotations

import csv
import multiprocessing
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyade.analysis import batch_parallel
from dyade.analysis.batch_stream import stream
from dyade.analysis.csv_batch import BatchRun, Layout, _answers, _RowError
from dyade.forms import default_library

LIBRARY = default_library()
FORMS = {
    (kind, side): LIBRARY.require(f"dyade-{kind}-{side}")
    for kind in ("full", "brief")
    for side in ("patient", "physician")
}
ITEMS = list(dict.fromkeys(i.id for f in FORMS.values() for i in f.items))
HEADER = ["dyad", "visit", "date", "respondent", "form", *ITEMS]
EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "visits.csv"
ODD = ["", " ", "0", "6", "9", "x", " 2 ", "02", "+3", "3;4", "a;b", "-1", "1.0", "nope"]
FAST = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _cell(form, item, rng: random.Random, odd: float) -> str:
    if rng.random() < odd:
        return rng.choice(ODD)
    if item.kind == "scale":
        scale = form.scales[item.scale]
        return str(rng.randint(scale.min, scale.max))
    if item.kind == "text":
        return rng.choice(["", "merci", 'il a dit "non", puis\nrien'])
    codes = [o.code for o in item.options or []]
    if item.kind == "choice":
        return rng.choice(codes)
    return ";".join(rng.sample(codes, rng.randint(0, min(2, len(codes)))))


def _rows(seed: int, dyads: int, odd: float) -> list[list[str]]:
    """A file of responses: both sides of most visits, a few answers out of place."""
    rng = random.Random(seed)
    body = []
    for d in range(dyads):
        for visit in range(1, rng.randint(1, 4) + 1):
            kind = rng.choice(("full", "brief"))
            for side in ("patient", "physician"):
                if rng.random() < 0.05:
                    continue  # a side never answered
                form = FORMS[kind, side]
                cells = {i.id: _cell(form, i, rng, odd) for i in form.items}
                date = f"2026-{visit:02d}-0{rng.randint(1, 9)}"
                row = [f"D{d}", str(visit), date, side, form.id]
                body.append(row + [cells.get(i, "") for i in ITEMS])
    rng.shuffle(body)
    return [HEADER, *body]


def _write(path: Path, rows: list[list[str]], sep: str) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=sep).writerows(rows)
    return path


def _outputs(source: Path, folder: Path, jobs: int) -> dict[str, bytes]:
    """Every output of one analysis: CSV pair, JSON, screen, counts and problems."""
    folder.mkdir()
    shown: list[str] = []
    results = {}
    for name in ("r.csv", "r.json", None):
        run = BatchRun(source, LIBRARY.forms)
        out = folder / name if name else None
        stream(run, out, echo=shown.append, jobs=jobs)
        results[name or "screen"] = [str(p) for p in run.result.problems]
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    return {**files, "screen": "\n".join(shown).encode(), "problems": repr(results).encode()}


@FAST
@given(
    seed=st.integers(0, 10_000),
    dyads=st.integers(1, 12),
    odd=st.sampled_from([0.0, 0.02, 0.2]),
    sep=st.sampled_from([",", ";"]),
)
def test_several_processes_write_what_one_process_writes(
    tmp_path_factory, monkeypatch, seed, dyads, odd, sep
):
    monkeypatch.setattr(batch_parallel, "DYADS_PER_SHARE", 2)  # many shares, even when small
    folder = tmp_path_factory.mktemp("batch")
    source = _write(folder / "in.csv", _rows(seed, dyads, odd), sep)
    one = _outputs(source, folder / "one", jobs=1)
    several = _outputs(source, folder / "several", jobs=3)
    assert one == several
    assert b"dyad-visit" in one["screen"] or b"0 response rows" not in one["screen"]


def test_the_example_file_gives_the_same_files_on_several_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_parallel, "DYADS_PER_SHARE", 1)
    one = _outputs(EXAMPLE, tmp_path / "one", jobs=1)
    pools = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda m: pools.append(m) or real(m))
    assert _outputs(EXAMPLE, tmp_path / "two", jobs=2) == one
    assert pools == ["fork"] * 3  # the three outputs were made by worker processes
    assert one["r.csv"].count(b"\n") == 10  # header and the 9 dyad-visits


def _parsed_one_by_one(row: list[str], cols) -> dict:
    """How cells were read before the look-up: strip, then the item's parser."""
    answers = {}
    for index, item_id, parse, _usual in cols.own:
        text = row[index].strip() if index < len(row) else ""
        answers[item_id] = parse(text) if text else None
    return answers


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_cells_read_by_look_up_are_what_the_parsers_read(data):
    form = data.draw(st.sampled_from(list(FORMS.values())))
    layout = Layout(HEADER, LIBRARY.forms)
    cols = layout.columns_for(form)
    own = {i.id for i in form.items}
    row = [""] * 5
    for item_id in ITEMS:
        item = form.item(item_id) if item_id in own else None
        pool = ODD + (_usual(form, item) if item else [])
        row.append(data.draw(st.sampled_from(pool)) if item else "")
    row = row[: data.draw(st.integers(5, len(row)))]  # a short row reads as empty cells
    try:
        expected = _parsed_one_by_one(row, cols)
    except ValueError as exc:
        with pytest.raises(_RowError) as raised:
            _answers(row, cols, 7, HEADER)
        assert raised.value.problem.message == str(exc)
    else:
        assert _answers(row, cols, 7, HEADER) == expected


def _usual(form, item) -> list[str]:
    if item.kind == "scale":
        return [str(p) for p in form.scales[item.scale].points()]
    return [o.code for o in item.options or []]
