"""Sane limits at input: a patient's name, a visit's date, a form file's size; and the
command-line inputs that used to end in "unexpected error"."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from dyade.forms import load_form
from dyade.forms.problems import FormFileError
from dyade.storage.errors import InvalidRecord
from dyade.storage.patients import MAX_NAME, create_patient, update_patient
from dyade.storage.visits import EARLIEST_VISIT, MAX_DAYS_AHEAD, create_visit, reschedule_visit
from storage_fixtures import FORMS, PASSPHRASE

HERE = Path(__file__).parent


def test_a_patient_name_has_a_length_limit(db):
    assert MAX_NAME == 200
    patient = create_patient(db, "P-100", name="N" * MAX_NAME)
    with pytest.raises(InvalidRecord) as refused:
        create_patient(db, "P-101", name="N" * 100_000)
    assert "200" in str(refused.value) and "200" in refused.value.text("fr")
    with pytest.raises(InvalidRecord):
        update_patient(db, patient.uuid, name="N" * (MAX_NAME + 1))


def test_the_cli_refuses_a_huge_name_clearly(dyade):
    code, _, err = dyade("patient", "add", "--code", "P-1", "--name", "x" * 100_000)
    assert code == 2 and "at most 200 characters" in err and "unexpected" not in err


@pytest.mark.parametrize(
    ("on", "accepted"),
    [
        ("1900-01-01", False),
        ("1999-12-31", False),
        ("2000-01-01", True),
        ((date.today() + timedelta(days=MAX_DAYS_AHEAD)).isoformat(), True),
        ((date.today() + timedelta(days=MAX_DAYS_AHEAD + 1)).isoformat(), False),
        ("9999-12-31", False),
    ],
)
def test_a_visit_date_stays_within_the_clinics_plausible_range(db, clinic, on, accepted):
    assert date(2000, 1, 1) == EARLIEST_VISIT
    if accepted:
        assert create_visit(db, clinic.dyad.uuid, FORMS, on=on).date == on
        return
    with pytest.raises(InvalidRecord) as refused:
        create_visit(db, clinic.dyad.uuid, FORMS, on=on)
    assert on in str(refused.value) and "2000-01-01" in str(refused.value)
    assert refused.value.fr
    with pytest.raises(InvalidRecord, match="2000-01-01"):
        reschedule_visit(db, clinic.visit.uuid, on)


def test_a_form_file_over_the_size_cap_is_refused_at_once(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "w", encoding="utf-8") as handle:
        handle.write("id: big-form\nitems:\n")
        line = "  - {id: q, text: {fr: " + "x" * 200 + ", en: y}}\n"
        handle.write(line * 60_000)  # about 13 MB
    start = time.monotonic()
    with pytest.raises(FormFileError) as refused:
        load_form(big)
    assert time.monotonic() - start < 1.0
    assert "1 MB" in str(refused.value) and str(big.name) in str(refused.value)


DEEP = '{"form": "dyade-brief-patient", "answers": ' + "[" * 100_000 + "]" * 100_000 + "}"


@pytest.mark.parametrize("command", ["score", "compare", "thresholds", "answer"])
def test_deeply_nested_json_is_a_message(dyade, tmp_path, command):
    assert dyade("user", "add", "--login", "admin", "--role", "admin")[0] == 0
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    example = str(HERE.parent / "docs" / "examples" / "scenario-a-patient.json")
    args = {
        "score": ("forms", "score", str(deep)),
        "compare": ("compare", "--patient", str(deep)),
        "thresholds": ("compare", "--patient", example, "--thresholds", str(deep)),
        "answer": ("answer", "ABCDEF", "--as", "patient", str(deep)),
    }[command]
    code, _, err = dyade(*args)
    assert code == 2 and "nested too deeply" in err and str(deep) in err
    assert "unexpected" not in err


def test_a_huge_limit_is_a_message(dyade, capsys):
    assert dyade("user", "add", "--login", "admin", "--role", "admin")[0] == 0
    with pytest.raises(SystemExit) as stopped:
        dyade("visit", "list", "--limit", "99999999999999999999")
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "--limit" in err and "1 to" in err


def test_a_closed_pipe_ends_the_listing_quietly(tmp_path):
    env = {
        **os.environ,
        "DYADE_HOME": str(tmp_path / "home"),
        "DYADE_PASSPHRASE": PASSPHRASE,
        "DYADE_USER_PASSWORD": "a long password",
        "PYTHONPATH": str(HERE.parent / "desktop"),
    }
    dyade = [sys.executable, "-m", "dyade", "--db", str(tmp_path / "c.db")]
    for args in (
        ["user", "add", "--login", "martin", "--role", "physician"],
        ["patient", "add", "--code", "P-1"],
        *[["visit", "create", "--patient", "P-1", "--physician", "martin"]] * 3,
    ):
        subprocess.run([*dyade, *args], env=env, check=True, capture_output=True)
    listing = subprocess.Popen(
        [*dyade, "visit", "list"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    listing.stdout.close()  # what `| head -1` does once it has its line
    err = listing.stderr.read().decode()
    listing.wait(timeout=60)
    assert err == "" and listing.returncode in (0, 141)
