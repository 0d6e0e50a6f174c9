"""The columnar batch path writes byte for byte what the reference path writes.

``dyade analyse FILE.csv --out OUT.csv`` re-states the visit rules in columnar
form (numpy); these differential tests run both paths on seeded files that take
every road of the rules and compare the two files each writes. A rule changed on
one path only fails them. They also check the columnar path really ran (no dyad
of an ordinary file handed to the reference path).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.analysis_speed import write_csv
from columnar_data import FORMS, responses, write
from dyade.analysis.batch_stream import stream
from dyade.analysis.columnar_run import stream_columnar
from dyade.analysis.csv_batch import BatchRun
from dyade.analysis.thresholds import Thresholds
from dyade.csv_dialect import CsvStyle

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "visits.csv"


def _both(source: Path, tmp: Path, th: Thresholds | None = None, jobs: int = 1):
    """(reference, columnar) runs with their two files' bytes."""
    out = []
    for name in ("reference", "columnar"):
        run = BatchRun(source, FORMS, th)
        target = tmp / f"{name}.csv"
        style = CsvStyle(run.index.sep)
        if name == "reference":
            stream(run, target, style=style, jobs=jobs)
        else:
            stream_columnar(run, target, style, jobs=jobs)
        files = [target.read_bytes(), (tmp / f"{name}-dyads.csv").read_bytes()]
        out.append((run.result, files))
    return out


def _same(reference, columnar) -> None:
    (ref, ref_files), (col, col_files) = reference, columnar
    assert col_files[0] == ref_files[0]
    assert col_files[1] == ref_files[1]
    assert [str(p) for p in col.problems] == [str(p) for p in ref.problems]
    counts = ("rows", "skipped", "analysed", "dyads")
    assert [getattr(col, c) for c in counts] == [getattr(ref, c) for c in counts]


@pytest.mark.parametrize("seed", range(8))
def test_ordinary_files_are_analysed_identically_on_the_columnar_path(tmp_path, seed):
    source = write(tmp_path / "in.csv", responses(seed, dyads=40))
    reference, columnar = _both(source, tmp_path)
    _same(reference, columnar)
    assert columnar[0].fallback == 0  # every dyad went through the columnar rules
    assert columnar[0].analysed > 100


def test_the_benchmark_file_is_analysed_identically(tmp_path):
    write_csv(tmp_path / "bench.csv", 2000)
    reference, columnar = _both(tmp_path / "bench.csv", tmp_path)
    _same(reference, columnar)
    assert columnar[0].fallback == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"marker_level": 2, "strong_marker_level": 3, "min_emotions": 1},
        {"core_subscales": ["bond", "agreement"], "straightline_items": 3, "reverse_gap": 2.0},
        {"recovery_visits": 1, "convergence_min_visits": 2, "brief_drop_points": 4.0},
        {"sd_patient": 0.4, "reliability_items": 2, "expected_offset_d": 0.0, "stage_tolerance": 0},
        {"estimate_tolerance": 0.0, "repair_agreement_level": 3.0, "low_alliance_sd": 0.3},
    ],
)
def test_threshold_overrides_give_identical_files(tmp_path, overrides):
    source = write(tmp_path / "in.csv", responses(11, dyads=30))
    th = Thresholds.from_overrides(overrides)
    reference, columnar = _both(source, tmp_path, th)
    _same(reference, columnar)
    assert columnar[0].fallback == 0


def test_dyads_with_problem_rows_go_to_the_reference_path_and_match(tmp_path):
    source = write(tmp_path / "in.csv", responses(5, dyads=60, problems=True))
    reference, columnar = _both(source, tmp_path)
    _same(reference, columnar)
    assert reference[0].problems  # the file does hold problems
    assert 0 < columnar[0].fallback < 60  # only the dyads with one


def test_several_processes_write_the_same_files(tmp_path):
    source = write(tmp_path / "in.csv", responses(3, dyads=700, problems=True))
    reference, columnar = _both(source, tmp_path, jobs=2)
    _same(reference, columnar)


def test_the_example_file_is_analysed_identically(tmp_path):
    reference, columnar = _both(EXAMPLE, tmp_path)
    _same(reference, columnar)


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": f"{ROOT / 'desktop'}:{ROOT}", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "dyade", "analyse", *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


def test_the_command_line_engines_agree_on_a_french_excel_file(tmp_path):
    """Semicolons and a byte-order mark in, a thresholds file, both engines out."""
    source = write(tmp_path / "in.csv", responses(9, dyads=25, problems=True), sep=";", bom=True)
    (tmp_path / "th.json").write_text(json.dumps({"marker_level": 2}), encoding="utf-8")
    runs = {}
    for engine in ("auto", "reference"):
        out = tmp_path / f"{engine}.csv"
        done = _cli(str(source), "--out", str(out), "--thresholds", str(tmp_path / "th.json"),
                    "--engine", engine)  # fmt: skip
        runs[engine] = (done.returncode, done.stderr, out.read_bytes(),
                        (tmp_path / f"{engine}-dyads.csv").read_bytes())  # fmt: skip
    assert runs["auto"] == runs["reference"]
    assert runs["auto"][2].startswith("\ufeffdyad;visit".encode())
    assert runs["auto"][1]  # the problems were named


def test_the_engine_option_is_documented():
    done = _cli("--help")
    assert "--engine {auto,reference}" in done.stdout
    assert "--engine" in (ROOT / "docs" / "ANALYSIS.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_the_index_of_a_whole_file_is_the_line_by_line_one(tmp_path, bom, ending):
    """Files read at once and files read line by line (the larger ones) give the same
    offsets and lines: quoted line breaks, accents, CRLF, no final line break."""
    from dyade.analysis import csv_index
    from dyade.analysis.csv_batch import _layout_columns

    rows = responses(2, dyads=6)
    rows[3][-1] = 'il a dit "non",\npuis rien: é'
    text = "\r\n".join(";".join(f'"{c}"' if '"' in c or "\n" in c or ";" in c else c
                                for c in (cell.replace('"', '""') for cell in row))
                       for row in rows) + ending  # fmt: skip
    path = tmp_path / "in.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    whole = csv_index.build_index(path, _layout_columns(path, FORMS, []))
    with open(path, "rb") as handle:
        lines = csv_index._Lines(handle)
        by_line = csv_index._index(path, lines, _layout_columns(path, FORMS, []), None)
    assert whole.sep == by_line.sep == ";"
    assert whole.header == by_line.header
    assert whole.dyads == by_line.dyads and whole.forms == by_line.forms


def test_a_file_not_in_utf8_is_refused_naming_its_line(tmp_path):
    from dyade.errors import DyadeError

    path = tmp_path / "in.csv"
    rows = responses(2, dyads=2)
    body = "\n".join(",".join(r) for r in rows).encode("utf-8")
    path.write_bytes(body.replace(b"D001", "Dé01".encode("latin-1"), 1))
    line = next(n for n, r in enumerate(body.split(b"\n"), 1) if b"D001" in r)
    with pytest.raises(DyadeError, match=f"line {line}: not UTF-8 text"):
        BatchRun(path, FORMS)


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_odd_names_are_quoted_and_neutralised_as_the_writer_does(tmp_path, sep):
    """Dyad names, visit labels and dates with separators, quotes, line breaks and
    formula starts come out exactly as the reference's CSV writer writes them."""
    rows = responses(4, dyads=12)
    odd = ['=HYPERLINK("x")', "A;B", "C,D", 'say "hi"', "+33 6", "tab\there", "@SUM", "-1"]
    names = {f"D{d:03d}": odd[d % len(odd)] + str(d) for d in range(12)}
    for row in rows[1:]:
        row[0] = names[row[0]]
        row[2] = row[2] and f"{row[2]};\n" if row[0].startswith("A") else row[2]
    source = write(tmp_path / "in.csv", rows, sep=sep)
    reference, columnar = _both(source, tmp_path)
    _same(reference, columnar)
    assert columnar[0].fallback == 0


def test_only_a_csv_output_takes_the_columnar_path(monkeypatch):
    from dyade.analysis import columnar_run
    from dyade.cli.analysis_cmd import _columnar

    assert _columnar("auto", Path("out.csv")) and _columnar("auto", Path("OUT.CSV"))
    assert not _columnar("reference", Path("out.csv"))
    assert not _columnar("auto", Path("out.json"))
    assert not _columnar("auto", None)  # the summary on screen
    monkeypatch.setattr(columnar_run, "available", lambda: False)  # numpy not installed
    assert not _columnar("auto", Path("out.csv"))


def test_pairs_of_forms_the_columnar_rules_do_not_know_go_to_the_reference(tmp_path, monkeypatch):
    """A pair of forms of another shape (here: the brief forms, declared unknown) is
    analysed by the reference engine, dyad by dyad, and the files are still the same."""
    from dyade.analysis import columnar_plan

    known = columnar_plan.usable
    monkeypatch.setattr(
        columnar_plan, "usable", lambda p, d, core: p.use != "brief" and known(p, d, core)
    )
    source = write(tmp_path / "in.csv", responses(6, dyads=30))
    reference, columnar = _both(source, tmp_path)
    _same(reference, columnar)
    assert 0 < columnar[0].fallback < 30


def test_a_fault_of_the_columnar_rules_sends_its_share_to_the_reference(
    tmp_path, monkeypatch, caplog
):
    from dyade.analysis import columnar_engine

    def broken(*args):
        raise ValueError("a rule that does not hold")

    monkeypatch.setattr(columnar_engine, "analyse_share", broken)
    source = write(tmp_path / "in.csv", responses(8, dyads=10))
    reference, columnar = _both(source, tmp_path)
    _same(reference, columnar)
    assert columnar[0].fallback == 10
    assert "columnar analysis failed" in caplog.text
