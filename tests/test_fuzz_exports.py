"""Dyade's own exports read back by ``dyade analyse``: the same findings, or a clear refusal.

``dyade export --format csv`` writes the responses (one row per response) and
the analysed visits (``-visits.csv``, one row per dyad-visit, as the database
analysed them). The responses file is an analysis input: analysed again, it
must give every visit the flags, scores and ranks the database stored, with the
clinic's own thresholds too. The visits file is not an input: it is refused
with the columns it lacks (the JSON and FHIR exports as not CSV). Then both
files, mutated and cut at random, go back in: accepted, or refused with the
file, the line and the column named, never an unexpected error.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import storage_fixtures
from dyade.cli import analysis_cmd
from dyade.csv_dialect import read_dicts, read_rows
from dyade.demo import build_demo
from dyade.dyad_analysis import all_dyads, refresh_dyad
from dyade.forms import default_library
from dyade.storage import connection, open_database, users
from dyade.storage.settings import set_setting
from faults_support import PASSPHRASE, run_cli, scale, tally, unhandled

__all__ = ["tally"]
LIBRARY = default_library()
CLINIC_THRESHOLDS = {"marker_level": 2, "z_critical": 1.0, "low_alliance_sd": 0.5}
# history of the dyad (export, latest visit) -> the same in analyse's -dyads.csv
HISTORY = {"unresolved": "episodes_unresolved", "repaired": "episodes_repaired"}
FUZZ = settings(
    max_examples=scale(25, 1500),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _read(path: Path) -> list[dict[str, str]]:
    return read_dicts(path)


def _export(db_path: Path, out: Path, capsys) -> tuple[Path, Path]:
    code, _out, err = run_cli(
        ["--db", str(db_path), "export", "--format", "csv", "--out", str(out)], capsys
    )
    assert code == 0, err
    return out, out.with_name(f"{out.stem}-visits.csv")


def _reanalyse(db_path: Path, overrides: dict) -> None:
    """Give the clinic its own thresholds, as the settings page does, and analyse again."""
    db = open_database(db_path, PASSPHRASE)
    try:
        set_setting(db, "thresholds", overrides)
        for dyad in all_dyads(db):
            refresh_dyad(db, LIBRARY, dyad)
    finally:
        db.close()


def _same_findings(stored: list[dict], analysed: list[dict], dyads: list[dict]) -> int:
    """Every analysed visit agrees with the database's own row on each column both files
    have; the latest visit of a dyad carries the dyad's rank and history. Visits compared."""
    ours = {row["visit_uuid"]: row for row in stored}
    per_dyad = {row["dyad"]: row for row in dyads}
    both_sides = {v for v, row in ours.items() if row["patient_form"] and row["physician_form"]}
    assert {row["visit"] for row in analysed} == both_sides
    renamed = {"dyad": "dyad_uuid", "visit": "visit_uuid", "date": "visit_date"}
    for row in analysed:
        mine, dyad = ours[row["visit"]], per_dyad[row["dyad"]]
        latest = mine["convergence"] != ""  # only the latest visit has the dyad's history
        for column, value in row.items():
            if column == "attention_rank" and latest:
                assert mine[column] == dyad[column], (row["visit"], column)
            elif renamed.get(column, column) in mine:
                assert mine[renamed.get(column, column)] == value, (row["visit"], column)
        if latest:
            assert mine["convergence"] == dyad["convergence"]
            assert all(mine[ours_] == dyad[theirs] for ours_, theirs in HISTORY.items())
    return len(analysed)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """The demo clinic, analysed by the database itself; the CLI has its passphrase."""
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    monkeypatch.setenv("DYADE_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "demo.db"
    build_demo(path, PASSPHRASE)
    return path


@pytest.mark.parametrize("overrides", [{}, CLINIC_THRESHOLDS], ids=["defaults", "clinic"])
def test_the_export_analysed_again_gives_the_database_its_own_findings(
    db_path, tmp_path, capsys, tally, overrides
):
    if overrides:
        _reanalyse(db_path, overrides)
    responses, visits = _export(db_path, tmp_path / "export.csv", capsys)
    argv = ["analyse", str(responses), "--out", str(tmp_path / "again.csv")]
    if overrides:
        limits = tmp_path / "limits.json"
        limits.write_text(json.dumps(overrides), encoding="utf-8")
        argv += ["--thresholds", str(limits)]
    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    assert "unfinished response(s) skipped" in out  # the demo's questionnaires still open
    analysed = _read(tmp_path / "again.csv")
    compared = _same_findings(_read(visits), analysed, _read(tmp_path / "again-dyads.csv"))
    assert compared >= 10 and any(row["flags"] for row in analysed)
    tally.add(trials=1)


def test_the_flags_follow_the_clinic_thresholds(db_path, tmp_path, capsys):
    """The clinic's thresholds change what the database finds, so the round trip above
    compares something."""
    before = _read(_export(db_path, tmp_path / "a.csv", capsys)[1])
    _reanalyse(db_path, CLINIC_THRESHOLDS)
    after = _read(_export(db_path, tmp_path / "b.csv", capsys)[1])
    assert [r["flags"] for r in before] != [r["flags"] for r in after]


@pytest.mark.parametrize(
    ("form", "said"),
    [
        ("csv", "line 1: missing column(s) respondent, form"),
        ("json", "a JSON file; dyade analyse reads a CSV of responses"),
        ("fhir", "a JSON file; dyade analyse reads a CSV of responses"),
    ],
)
def test_exports_that_are_not_an_analysis_input_are_refused_clearly(
    db_path, tmp_path, capsys, form, said
):
    """The visits CSV lacks the response columns; the JSON and FHIR exports are not CSV."""
    if form == "csv":
        path = _export(db_path, tmp_path / "export.csv", capsys)[1]
    else:
        path = tmp_path / f"export-{form}.json"
        argv = ["--db", str(db_path), "export", "--format", form, "--out", str(path)]
        assert run_cli(argv, capsys)[0] == 0
    code, _out, err = run_cli(["analyse", str(path)], capsys)
    assert code == 2
    assert err.startswith(f"dyade: {path}") and said in err and err.count("\n") == 1


# ---- the exports mutated --------------------------------------------------------


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, list[list[str]]]:
    """The demo clinic's two CSV exports, as rows (built once for every example)."""
    folder = tmp_path_factory.mktemp("exports")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DYADE_HOME", str(folder / "home"))
        patch.setattr(connection, "DEFAULT_KDF_ITER", storage_fixtures.FAST_KDF_ITER)
        patch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        build_demo(folder / "demo.db", PASSPHRASE)
        db = open_database(folder / "demo.db", PASSPHRASE)
        try:
            from dyade.storage.export import export_csv
            from dyade.storage.export_visits import export_visit_csv

            export_csv(db, folder / "responses.csv")
            export_visit_csv(db, folder / "visits.csv")
        finally:
            db.close()
    return {name: _rows(folder / f"{name}.csv") for name in ("responses", "visits")}


def _rows(path: Path) -> list[list[str]]:
    return read_rows(path)


ODD_CELLS = ["", "0", "6", "-1", "2.5", "1e309", "nan", "yes", "a;b", "1;1", "nope", "\x00"]
ROLE_CELLS = ["patient", "physician", "completed", "in_progress", "dyade-brief-patient"]
cells = st.sampled_from([*ODD_CELLS, *ROLE_CELLS, "x" * 300]) | st.text(max_size=12)


@st.composite
def mutated_rows(draw, rows: list[list[str]]) -> list[list[str]]:
    """Cells replaced, columns dropped or renamed, rows dropped, doubled or moved."""
    rows = [list(row) for row in rows]
    for _ in range(draw(st.integers(1, 6))):
        r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, max(0, len(rows[0]) - 1)))
        action = draw(st.sampled_from(["cell", "column", "header", "drop", "double", "move"]))
        if action == "cell" and c < len(rows[r]):
            rows[r][c] = draw(cells)
        elif action == "column":
            for row in rows:
                del row[c : c + 1]
        elif action == "header" and rows[0]:
            rows[0][c % len(rows[0])] = draw(cells)
        elif action == "drop" and r:
            del rows[r]
        elif action == "double":
            rows.insert(r, list(rows[r]))
        elif action == "move":
            rows.insert(draw(st.integers(1, len(rows))), rows.pop(r) if r else rows[-1])
    return rows


@st.composite
def mutated_export(draw, exports: dict) -> tuple[str, bytes]:
    """One export file, mutated as rows and then as bytes (cut, bytes inserted, a BOM,
    Windows line ends)."""
    name = draw(st.sampled_from(["responses", "responses", "visits"]))
    text = io.StringIO()
    csv.writer(text).writerows(draw(mutated_rows(exports[name])))
    data = text.getvalue().encode("utf-8")
    if draw(st.booleans()):
        data = data.replace(b"\r\n", b"\n")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=6)) + data[at:]
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    cut = draw(st.none() | st.integers(0, len(data)))
    return name, data if cut is None else data[:cut]


def _well_said(err: str, path: Path) -> None:
    """Each message names the file; a row's problem also its line (and column if any)."""
    row_problem = re.compile(rf"dyade: {re.escape(str(path))}, line \d+(, column .+?)?: .+")
    file_problem = re.compile(rf"dyade: {re.escape(str(path))}: .+")
    for line in err.splitlines():
        assert row_problem.fullmatch(line) or file_problem.fullmatch(line), line


def test_exports_mutated_and_cut_are_analysed_or_refused_clearly(
    exports, tmp_path, capsys, monkeypatch, tally
):
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)

    @FUZZ
    @given(drawn=st.data())
    def check(drawn) -> None:
        name, data = drawn.draw(mutated_export(exports))
        path = tmp_path / f"{name}.csv"
        path.write_bytes(data)
        code, _out, err = run_cli(["analyse", str(path)], capsys)
        tally.add(fuzzed=1, unhandled=int(unhandled(code, err)))
        assert not unhandled(code, err), err
        _well_said(err, path)

    check()


def test_a_problem_is_one_line_whatever_the_file_holds(exports, tmp_path, capsys, monkeypatch):
    """A column named with a line break (found by the test above) is shown escaped."""
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    rows = [list(row) for row in exports["responses"]]
    rows[0][-1] = "d_went\r\nalong"
    path = tmp_path / "responses.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, _out, err = run_cli(["analyse", str(path)], capsys)
    assert code == 1
    assert f"dyade: {path}, line 1, column d_went\\r\\nalong: not an item" in err
    _well_said(err, path)
