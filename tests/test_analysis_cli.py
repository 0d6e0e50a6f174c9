"""``dyade compare`` and ``dyade analyse`` on the example files shipped in docs/examples/."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dyade.cli import main
from dyade.csv_dialect import read_dicts

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


def example(name: str) -> str:
    return str(EXAMPLES / name)


def compare(capsys, case: str, *extra: str) -> tuple[int, str, str]:
    code = main(["compare", "--patient", example(f"{case}-patient.json"),
                 "--physician", example(f"{case}-physician.json"), *extra])  # fmt: skip
    out = capsys.readouterr()
    return code, out.out, out.err


def test_compare_json_output(capsys):
    code, out, _ = compare(capsys, "scenario-a", "--json")
    assert code == 0
    data = json.loads(out)
    first = data["flags"][0]
    assert (first["kind"], first["origin"], first["perceived_by"]) == (
        "unperceived_rupture", "patient", "patient")  # fmt: skip
    assert "goal_mismatch" in [f["kind"] for f in data["flags"]]
    assert data["patient"]["scores"]["bond"]["scorable"] is True
    assert {d["subscale"] for d in data["discrepancies"]} >= {"bond", "goals", "tasks"}


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "Ways to repair"), ("fr", "Pistes de réparation")]
)
def test_compare_text_output_in_both_languages(capsys, lang, words):
    code, out, _ = compare(capsys, "scenario-b", "--lang", lang)
    assert code == 0
    assert words in out and "d_went_along = 5" in out


def test_compare_harmonious_says_no_flag(capsys):
    code, out, _ = compare(capsys, "harmonious")
    assert code == 0 and "No point to look at for this visit." in out


def write(tmp_path: Path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_swapped_files_are_refused(capsys):
    code = main(["compare", "--patient", example("scenario-a-physician.json"),
                 "--physician", example("scenario-a-patient.json")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "filled by the physician" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("patient", "expected"),
    [
        ({"form": "nope", "answers": {}}, "no form with id 'nope'"),
        ({"form": "dyade-full-patient", "answers": {"p_bond_listened": 9}}, "p_bond_listened"),
        ({"form": "dyade-full-patient", "answers": {"p_unknown": 1}}, "p_unknown"),
        ({"form": "dyade-brief-patient", "answers": {}}, "not a pair"),
        ({"answers": {}}, 'no "form"'),
        ('{"form": "dyade-full-patient",\n "answers": {', "line 2"),
    ],
)
def test_bad_answer_files_get_a_clear_error(tmp_path, capsys, patient, expected):
    path = write(tmp_path, "p.json", patient)
    code = main(["compare", "--patient", path, "--physician", example("harmonious-physician.json")])
    err = capsys.readouterr().err
    assert code == 2 and expected in err


def example_rows() -> list[list[str]]:
    with open(example("visits.csv"), encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def read_csv(path: Path) -> list[dict[str, str]]:
    return read_dicts(path)


def test_analyse_example_csv(tmp_path, capsys):
    out = tmp_path / "result.csv"
    assert main(["analyse", example("visits.csv"), "--out", str(out)]) == 0
    visits = read_csv(out)
    assert len(visits) == 9
    first = next(r for r in visits if (r["dyad"], r["visit"]) == ("D1", "1"))
    assert first["unperceived_rupture"] == "1" and first["goal_mismatch"] == "1"
    assert first["flags"].startswith("unperceived_rupture:patient:withdrawal:patient:")
    brief = next(r for r in visits if (r["dyad"], r["visit"]) == ("D1", "2"))
    assert brief["patient_understanding"] == ""  # not on the brief form: not scorable, not 0
    dyads = {r["dyad"]: r for r in read_csv(tmp_path / "result-dyads.csv")}
    assert int(dyads["D1"]["episodes_repaired"]) > 0 and dyads["D1"]["episodes_unresolved"] == "0"
    assert int(dyads["D2"]["episodes_unresolved"]) > 0 and dyads["D2"]["current_alert"] == "yes"
    shared = next(r for r in visits if (r["dyad"], r["visit"]) == ("D3", "2"))
    assert shared["shared_rupture"] == "2"


def test_analyse_json_output(tmp_path, capsys):
    out = tmp_path / "result.json"
    assert main(["analyse", example("visits.csv"), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["problems"] == [] and len(data["visits"]) == 9
    d2 = next(d for d in data["dyads"] if d["dyad"] == "D2")
    assert any(e["status"] == "unresolved" for e in d2["history"]["episodes"])


def test_analyse_reports_bad_rows_and_keeps_the_others(tmp_path, capsys):
    rows = example_rows()
    header = rows[0]
    rows[1][header.index("p_bond_listened")] = "7"  # D1 visit 1 patient: out of range
    rows[3][header.index("form")] = "dyade-full-physician"  # D1 visit 2 patient, wrong form
    path = tmp_path / "bad.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code = main(["analyse", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "line 2, column p_bond_listened: 7 is outside the scale 1 to 5" in err
    assert "line 4, column respondent" in err
    assert "no physician response" not in err  # both orphans are physician rows
    assert "no patient response" in err
    assert "7 dyad-visits analysed" in out


def test_analyse_missing_columns_is_an_error(tmp_path, capsys):
    path = write(tmp_path, "x.csv", "dyad,visit,p_bond_listened\nD,1,4\n")
    assert main(["analyse", path]) == 2
    assert "missing column(s) respondent, form" in capsys.readouterr().err


def test_analyse_reads_the_storage_export_columns(tmp_path, capsys):
    rows = example_rows()
    rename = {"dyad": "dyad_uuid", "visit": "visit_uuid", "date": "visit_date", "form": "form_id"}
    rows[0] = [rename.get(c, c) for c in rows[0]] + ["status"]
    for row in rows[1:]:
        row.append("completed")
    rows[-1][-1] = "in_progress"
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code = main(["analyse", str(path)])
    out = capsys.readouterr().out
    assert "8 dyad-visits analysed" in out and "1 unfinished response(s) skipped" in out
    assert code == 1  # the visit left without its physician side is listed as a problem


def write_rows(path: Path, rows: list[list[str]], bom: bool = False) -> str:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def test_analyse_unsorted_file_gives_the_same_output(tmp_path, capsys):
    rows = example_rows()
    header, body = rows[0], rows[1:]
    comment = header.index("p_comment")
    first = next(r for r in body if r[header.index("respondent")] == "patient")
    first[comment] = 'two lines,\nand a "quote"'  # a quoted cell over two lines
    sorted_csv = write_rows(tmp_path / "sorted.csv", [header, *body])
    mixed = body[1::2] + body[::2]
    mixed_csv = write_rows(tmp_path / "mixed.csv", [header, *mixed], bom=True)
    for name, source in (("a", sorted_csv), ("b", mixed_csv)):
        assert main(["analyse", source, "--out", str(tmp_path / f"{name}.csv")]) == 0
    capsys.readouterr()
    for suffix in (".csv", "-dyads.csv"):
        a = (tmp_path / f"a{suffix}").read_text(encoding="utf-8")
        assert a == (tmp_path / f"b{suffix}").read_text(encoding="utf-8")
    assert len(read_csv(tmp_path / "a.csv")) == 9


def test_analyse_bad_line_numbers_survive_the_two_passes(tmp_path, capsys):
    rows = example_rows()
    header = rows[0]
    rows[1][header.index("p_comment")] = "one\ntwo"  # row 1 now spans lines 2-3
    rows[5][header.index("p_bond_listened")] = "9"
    assert main(["analyse", write_rows(tmp_path / "x.csv", rows)]) == 1
    err = capsys.readouterr().err
    assert "line 7, column p_bond_listened: 9 is outside the scale" in err


def test_analyse_with_nothing_analysable_still_writes_valid_files(tmp_path, capsys):
    rows = example_rows()
    header = rows[0]
    for row in rows[1:]:
        row[header.index("form")] = "no-such-form"
    source = write_rows(tmp_path / "bad.csv", rows)
    assert main(["analyse", source, "--out", str(tmp_path / "r.json")]) == 1
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (data["visits"], data["dyads"], data["rows"]) == ([], [], 18)
    assert len(data["problems"]) == 18
    assert main(["analyse", source, "--out", str(tmp_path / "r.csv")]) == 1
    assert read_csv(tmp_path / "r.csv") == [] and read_csv(tmp_path / "r-dyads.csv") == []


def many_dyads(tmp_path: Path, copies: int) -> str:
    """The example file with its dyads repeated under new ids, interleaved (unsorted)."""
    rows = example_rows()
    header, body = rows[0], rows[1:]
    dyad = header.index("dyad")
    out = [header]
    for row in body:
        for n in range(copies):
            out.append([f"{row[dyad]}-{n}" if i == dyad else c for i, c in enumerate(row)])
    return write_rows(tmp_path / f"many-{copies}.csv", out)


def peak_bytes(source: str, out: Path) -> int:
    import tracemalloc

    from dyade.analysis.batch_stream import stream
    from dyade.analysis.csv_batch import BatchRun
    from dyade.forms import default_library

    forms = default_library().forms
    tracemalloc.start()
    try:
        run = BatchRun(source, forms)
        stream(run, out)
        assert run.result.visits == [] and run.result.analysed > 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_analyse_memory_follows_one_dyad_not_the_file(tmp_path):
    peak_bytes(many_dyads(tmp_path, 1), tmp_path / "warm.csv")  # caches: forms, wording
    small = peak_bytes(many_dyads(tmp_path, 3), tmp_path / "small.json")
    large = peak_bytes(many_dyads(tmp_path, 12), tmp_path / "large.json")
    assert large < small * 1.5, (small, large)  # 4x the dyads, about the same peak
    data = json.loads((tmp_path / "large.json").read_text(encoding="utf-8"))
    assert len(data["visits"]) == 9 * 12 and len(data["dyads"]) == 3 * 12


def test_analyse_names_the_line_that_is_not_utf8(tmp_path, capsys):
    """A spreadsheet saved in Latin-1 ("é" as one byte): say where, and what to do."""
    text = Path(example("visits.csv")).read_text(encoding="utf-8").splitlines()
    text[5] = text[5] + ",Hélène"  # one extra cell; the byte is what matters here
    path = tmp_path / "latin1.csv"
    path.write_bytes("\n".join(text).encode("latin-1") + b"\n")
    assert main(["analyse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 6" in err and "UTF-8" in err
