"""Who sees what, and what never shows: secrets out of logs, exports and the audit;
every export and transfer in the audit; roles and sharing; lockout that survives
a restart.
"""

from __future__ import annotations

import json

import pytest

import storage_fixtures
from dyade.logs import log_file
from dyade.storage import AccessDenied, LoginRefused, open_database, users
from dyade.storage.audit import entries
from dyade.storage.dyads import dyads_for, share_dyad, unshare_dyad
from dyade.storage.export import export_csv
from dyade.storage.responses import load_answers, responses_of_visit
from dyade.storage.sealed import unseal
from dyade.storage.users import authenticate, create_user
from dyade.storage.visits import dyad_history
from faults_support import run_cli, tally
from storage_fixtures import make_clinic

db = storage_fixtures.db
db_path = storage_fixtures.db_path
__all__ = ["tally"]

PHRASE = "phrase-SECRET-lavender-9041"
WRONG_PHRASE = "phrase-WRONG-thistle-5521"
PASSWORD = "pw-SECRET-marigold-7733"
WRONG_PASSWORD = "pw-WRONG-begonia-1187"
TRANSFER_PHRASE = "phrase-TRANSFER-juniper-3308"
SECRETS = (PHRASE, WRONG_PHRASE, PASSWORD, WRONG_PASSWORD, TRANSFER_PHRASE)


def _cli(capsys, *argv) -> tuple[int, str]:
    code, out, err = run_cli(list(argv), capsys)
    return code, out + err


def test_secrets_never_reach_logs_exports_or_the_audit(tmp_path, monkeypatch, capsys, tally):
    path = tmp_path / "clinic.db"
    monkeypatch.setenv("DYADE_PASSPHRASE", PHRASE)
    monkeypatch.setenv("DYADE_USER_PASSWORD", PASSWORD)
    run = [
        ("user", "add", "--login", "martin", "--role", "physician"),
        ("patient", "add", "--code", "P-1", "--name", "Anne Test"),
        ("visit", "create", "--patient", "P-1", "--physician", "martin"),
        ("export", "--format", "csv", "--out", str(tmp_path / "out.csv")),
        ("export", "--format", "json", "--out", str(tmp_path / "out.json")),
        ("backup", "--out", str(tmp_path / "copy.db")),
    ]
    shown = []
    for argv in run:
        code, text = _cli(capsys, "--db", str(path), *argv)
        assert code == 0, (argv, text)
        shown.append(text)
    monkeypatch.setenv("DYADE_TRANSFER_PASSPHRASE", TRANSFER_PHRASE)
    code, text = _cli(capsys, "--db", str(path), "transfer", "--out", str(tmp_path / "t.dyade"))
    assert code == 0, text
    code, text = _cli(capsys, "--db", str(path), "import", str(tmp_path / "t.dyade"))
    assert code == 0, text
    shown.append(text)
    monkeypatch.setenv("DYADE_PASSPHRASE", WRONG_PHRASE)
    code, text = _cli(capsys, "--db", str(path), "visit", "list")
    assert code == 2 and "passphrase" in text
    shown.append(text)
    monkeypatch.setenv("DYADE_PASSPHRASE", PHRASE)
    clinic = open_database(path, PHRASE)
    try:
        with pytest.raises(LoginRefused) as refused:
            authenticate(clinic, "martin", WRONG_PASSWORD)
        shown.append(str(refused.value))
        authenticate(clinic, "martin", PASSWORD)
        audit = json.dumps([e.__dict__ for e in entries(clinic)], ensure_ascii=False)
        actions = {e.action for e in entries(clinic)}
    finally:
        clinic.close()
    transfer = b"".join(unseal(tmp_path / "t.dyade", TRANSFER_PHRASE))
    places = {
        "screen": "\n".join(shown),
        "log": log_file().read_text(encoding="utf-8"),
        "audit": audit,
        "csv export": (tmp_path / "out.csv").read_text(encoding="utf-8"),
        "json export": (tmp_path / "out.json").read_text(encoding="utf-8"),
        "transfer (decrypted)": transfer.decode("utf-8", "replace"),
    }
    for where, text in places.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret} appears in the {where}"
        tally.add(trials=1)
    assert {"exported", "imported", "backup"} <= actions  # exports and transfers are logged


def test_receptionist_sees_no_answers_and_cannot_export(db, clinic_with_answers, tally):
    clinic, response = clinic_with_answers
    for attempt in (
        lambda: load_answers(db, response, user=clinic.receptionist),
        lambda: dyad_history(db, clinic.dyad.uuid, user=clinic.receptionist),
        lambda: export_csv(db, "/dev/null", dyad=clinic.dyad.uuid, user=clinic.receptionist),
    ):
        with pytest.raises(AccessDenied):
            attempt()
        tally.add(trials=1)


def test_a_physician_sees_only_their_dyads_until_one_is_shared(db, clinic_with_answers, tally):
    clinic, response = clinic_with_answers
    colleague = clinic.colleague
    assert clinic.dyad.uuid not in {d.dyad.uuid for d in dyads_for(db, colleague)}
    with pytest.raises(AccessDenied):
        load_answers(db, response, user=colleague)
    share_dyad(db, clinic.dyad.uuid, colleague.uuid, by=clinic.physician.uuid)
    assert load_answers(db, response, user=colleague)
    unshare_dyad(db, clinic.dyad.uuid, colleague.uuid, by=clinic.physician.uuid)
    with pytest.raises(AccessDenied):
        load_answers(db, response, user=colleague)
    tally.add(trials=3)


def test_the_devices_wait_after_failures_survives_a_restart(db, db_path, tally):
    create_user(db, "lucas", "physician", PASSWORD)
    for _ in range(users.FREE_ATTEMPTS + 1):
        with pytest.raises(LoginRefused):
            authenticate(db, "lucas", WRONG_PASSWORD)
    db.close()
    reopened = open_database(db_path, storage_fixtures.PASSPHRASE)
    try:
        with pytest.raises(LoginRefused) as refused:
            authenticate(reopened, "lucas", PASSWORD)  # the right password, during the wait
        assert "try again in" in str(refused.value)
    finally:
        reopened.close()
        db.open = False
    tally.add(trials=1)


@pytest.fixture
def clinic_with_answers(db):
    clinic = make_clinic(db)
    response = next(
        r for r in responses_of_visit(db, clinic.visit.uuid) if r.respondent == "patient"
    )
    from dyade.storage.responses import save_answer

    save_answer(db, response.uuid, "p_bond_listened", 4)
    return clinic, response.uuid
