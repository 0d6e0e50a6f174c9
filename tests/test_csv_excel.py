"""CSV the way spreadsheets write it: French Excel's semicolons and byte-order mark,
read by ``dyade analyse`` and written by the exports so Excel opens them right."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dyade.cli import analysis_cmd
from dyade.csv_dialect import BOM, detect_separator, read_rows
from dyade.demo import build_demo
from dyade.forms import default_library
from dyade.storage import open_database
from dyade.storage.settings import set_setting
from faults_support import PASSPHRASE, run_cli

LIBRARY = default_library()
EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "visits.csv"


def resave_like_french_excel(source: Path, target: Path) -> None:
    """What "CSV UTF-8 (délimité par des points-virgules)" gives back: BOM, semicolons, CRLF."""
    rows = read_rows(source)
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)


@pytest.mark.parametrize(
    ("header", "sep"),
    [
        ("dyad,visit,respondent,form", ","),
        ("dyad;visit;respondent;form", ";"),
        (BOM + "dyad;visit;respondent;form\r\n", ";"),
        ("dyad\tvisit\trespondent\tform", "\t"),
        ('"a;b",c,d', ","),  # a separator inside quotes does not count
        ("dyad", ","),
    ],
)
def test_the_separator_is_told_from_the_header_line(header, sep):
    assert detect_separator(header) == sep


@pytest.fixture
def demo_export(tmp_path, monkeypatch, capsys) -> Path:
    """The demo clinic's responses exported the way scripts read them (commas, no BOM)."""
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    monkeypatch.setenv("DYADE_PASSPHRASE", PASSPHRASE)
    build_demo(tmp_path / "demo.db", PASSPHRASE)
    out = tmp_path / "export.csv"
    argv = ["--db", str(tmp_path / "demo.db"), "export", "--format", "csv", "--out", str(out)]
    code, _out, err = run_cli([*argv, "--plain"], capsys)
    assert code == 0, err
    assert out.read_bytes()[:12] == b"response_uui"  # no BOM: --plain
    return out


def test_the_demo_export_resaved_by_french_excel_is_analysed_identically(
    demo_export, tmp_path, capsys
):
    french = tmp_path / "export-fr.csv"
    resave_like_french_excel(demo_export, french)
    assert french.read_bytes().startswith(b"\xef\xbb\xbfresponse_uuid;visit_uuid;")
    results = {}
    for name, source in (("plain", demo_export), ("fr", french)):
        out = tmp_path / f"{name}-result.csv"
        code, printed, err = run_cli(["analyse", str(source), "--out", str(out)], capsys)
        assert code == 0, err
        results[name] = (printed.splitlines()[0], read_rows(out), read_rows(dyads_of(out)))
    assert results["plain"] == results["fr"]
    summary, visits, _dyads = results["fr"]
    assert "0 problem(s)" in summary and len(visits) > 10
    assert any(row[visits[0].index("flags")] for row in visits[1:])


def dyads_of(out: Path) -> Path:
    return out.with_name(f"{out.stem}-dyads.csv")


def test_analyse_writes_back_in_the_separator_it_read(tmp_path, capsys):
    french = tmp_path / "fr.csv"
    resave_like_french_excel(EXAMPLE, french)
    code, _out, err = run_cli(["analyse", str(french), "--out", str(tmp_path / "r.csv")], capsys)
    assert code == 0, err
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdyad;visit;date;")  # Excel reads it as UTF-8
    code, _out, err = run_cli(
        ["analyse", str(french), "--out", str(tmp_path / "p.csv"), "--sep", "comma", "--plain"],
        capsys,
    )
    assert code == 0, err
    assert (tmp_path / "p.csv").read_bytes().startswith(b"dyad,visit,date,")


def test_a_semicolon_file_with_a_bad_cell_names_its_line_and_column(tmp_path, capsys):
    rows = read_rows(EXAMPLE)
    rows[3][rows[0].index("p_bond_listened")] = "9"
    path = tmp_path / "bad.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    code, _out, err = run_cli(["analyse", str(path)], capsys)
    assert code == 1
    assert "line 4, column p_bond_listened: 9 is outside the scale 1 to 5" in err


@pytest.mark.parametrize(
    ("language", "options", "bom", "sep"),
    [
        ("fr", [], b"\xef\xbb\xbf", b";"),
        ("en", [], b"\xef\xbb\xbf", b","),
        ("en", ["--sep", "semicolon"], b"\xef\xbb\xbf", b";"),
        ("fr", ["--plain"], b"", b","),
    ],
)
def test_exports_default_to_what_excel_opens_in_the_clinic_language(
    demo_export, tmp_path, capsys, language, options, bom, sep
):
    db_path = tmp_path / "demo.db"
    db = open_database(db_path, PASSPHRASE)
    try:
        set_setting(db, "language", language)
    finally:
        db.close()
    out = tmp_path / "again.csv"
    argv = ["--db", str(db_path), "export", "--format", "csv", "--out", str(out), *options]
    code, _out, err = run_cli(argv, capsys)
    assert code == 0, err
    visits = out.with_name("again-visits.csv")
    assert out.read_bytes().startswith(bom + b"response_uuid" + sep + b"visit_uuid" + sep)
    assert visits.read_bytes().startswith(bom + b"visit_uuid" + sep + b"visit_date" + sep)
    assert read_rows(out) == read_rows(demo_export)  # the same cells whatever the layout
