"""Text from people that would act on its own: spreadsheet formulas in CSV exports
(OWASP "CSV injection"), NUL and bidi-override characters in names and comments."""

from __future__ import annotations

import csv

import pytest

from dyade.csv_dialect import PLAIN, read_rows, writing
from dyade.storage.export import export_csv
from dyade.storage.patients import create_patient, update_patient
from dyade.storage.responses import load_answers, responses_of_visit, save_answer
from dyade.storage.users import create_user

FORMULAS = ['=HYPERLINK("http://x","see")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_a_text_cell_a_spreadsheet_would_run_starts_with_a_quote(tmp_path):
    out = tmp_path / "x.csv"
    with writing(out, PLAIN) as writer:
        writer.writerow(["text", "number", "negative"])
        for text in FORMULAS:
            writer.writerow([text, 4, -1.5])
        writer.writerow(["plain words", 0.5, "a-b"])
    rows = read_rows(out)
    assert [row[0] for row in rows[1:-1]] == ["'" + text for text in FORMULAS]
    assert {row[2] for row in rows[1:-1]} == {"-1.5"}  # numbers stay numbers
    assert rows[-1] == ["plain words", "0.5", "a-b"]


def _patient_side(db, clinic):
    return next(r for r in responses_of_visit(db, clinic.visit.uuid) if r.respondent == "patient")


def test_the_responses_export_neutralises_what_a_patient_wrote(db, clinic, tmp_path):
    patient = _patient_side(db, clinic)
    save_answer(db, patient.uuid, "p_comment", FORMULAS[0])
    save_answer(db, patient.uuid, "p_bond_listened", 4)
    create_patient(db, "=1+2")
    out = tmp_path / "responses.csv"
    export_csv(db, out, style=PLAIN)
    with open(out, encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["respondent"] == "patient")
    assert row["p_comment"] == "'" + FORMULAS[0] and row["p_bond_listened"] == "4"


def test_analyse_output_neutralises_the_ids_it_was_given(dyade, tmp_path):
    from pathlib import Path

    source = Path(__file__).parents[1] / "docs" / "examples" / "visits.csv"
    rows = read_rows(source)
    dyad = rows[0].index("dyad")
    hostile = [rows[0], *([*r[:dyad], "=cmd|' /C calc'!A0", *r[dyad + 1 :]] for r in rows[1:])]
    given = tmp_path / "in.csv"
    with open(given, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(hostile)
    code, _, err = dyade("analyse", str(given), "--out", str(tmp_path / "out.csv"), "--plain")
    assert code in (0, 1), err
    out = read_rows(tmp_path / "out.csv")
    column = out[0].index("dyad")
    assert {row[column] for row in out[1:]} == {"'=cmd|' /C calc'!A0"}


HIDDEN = "\u202eevil\u202c\x00 \u2066x\u2069\u202a\u202b\u202d\u2067\u2068"


def test_names_and_comments_lose_nul_and_bidi_overrides_at_input(db, clinic):
    patient = create_patient(db, "P-900", name="Ana" + HIDDEN)
    assert patient.name == "Anaevil x"
    patient = update_patient(db, patient.uuid, name="Bo" + HIDDEN)
    assert patient.name == "Boevil x"
    user = create_user(db, "lea", "physician", "password-9", display_name="Dr Léa" + HIDDEN)
    assert user.display_name == "Dr Léaevil x"
    response = _patient_side(db, clinic)
    save_answer(db, response.uuid, "p_comment", "tout va" + HIDDEN)
    assert load_answers(db, response.uuid)["p_comment"] == "tout vaevil x"


@pytest.mark.parametrize("name", ["\u202e", "\x00\u2066"])
def test_a_name_of_hidden_characters_only_is_no_name(db, name):
    assert create_patient(db, "P-901", name=name).name is None
