"""Errors a person meets in the app speak its language: French beside the English.

Each case provokes one refusal through the service that raises it and checks
that the error carries French, different from its English (``str``, which the
CLI and the log keep), written with French typography. Then ``describe`` and
the unlock page show the French when the app is in French.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from dyade.analysis.thresholds import Thresholds
from dyade.errors import DyadeError
from dyade.fill import FillSession
from dyade.forms import default_library, load_library
from dyade.forms.loading import load_form
from dyade.reports import document, from_storage
from dyade.storage import (
    backup,
    candidates,
    dyads,
    faults,
    patients,
    responses,
    results,
    sealed,
    transfer,
    users,
    visits,
)
from dyade.storage import export as storage_export
from dyade.storage import settings as clinic_settings
from dyade.storage.connection import open_database, passphrase_from_env_or_file
from dyade.storage.migrations import SCHEMA
from dyade.storage.records import iso_date
from storage_fixtures import FORMS, PASSPHRASE

# French puts a no-break space before : ; ? ! and writes the apostrophe ’.
PLAIN_SPACE_BEFORE = re.compile(r" [:;?!]")
TYPEWRITER_ELISION = re.compile(r"\b[cdjlmnst]'", re.IGNORECASE)


def check_bilingual(exc: DyadeError) -> str:
    """The French of ``exc``: given, not the English, typeset; the English is ``str``."""
    french = exc.text("fr")
    assert exc.text("en") == str(exc)
    assert french and french != str(exc), f"no French for: {exc}"
    assert not PLAIN_SPACE_BEFORE.search(french), french
    assert not TYPEWRITER_ELISION.search(french), french
    return french


def closed_clinic(tmp_path: Path, name: str = "closed.db") -> Path:
    path = tmp_path / name
    open_database(path, PASSPHRASE, create=True).close()
    return path


def sealed_file(tmp_path: Path, content: bytes, name: str = "t.dyade") -> Path:
    path = tmp_path / name
    with open(path, "wb") as handle:
        sealed.seal([content], handle, PASSPHRASE)
    return path


class Fault(Exception):
    """What SQLite raises, reduced to the code Dyade reads from it."""

    def __init__(self, code: int) -> None:
        super().__init__("database or disk is full")
        self.sqlite_errorcode = code


# -- opening the clinic database ---------------------------------------------------------------


def _wrong_passphrase(env):
    open_database(closed_clinic(env.tmp), "not the passphrase")


def _plain_sqlite(env):
    path = env.tmp / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    open_database(path, PASSPHRASE)


def _torn_file(env):
    path = env.tmp / "torn.db"
    path.write_bytes(b"\x00" * 1000)
    open_database(path, PASSPHRASE)


def _damaged_pages(env, monkeypatch):
    from dyade.storage import connection

    monkeypatch.setattr(connection, "integrity_problems", lambda conn, check: ["page 3"])
    open_database(closed_clinic(env.tmp), PASSPHRASE, check="quick")


def _no_passphrase(env):
    open_database(env.tmp / "clinic.db", "")


def _no_database(env):
    open_database(env.tmp / "nowhere.db", PASSPHRASE)


def _in_use(env):
    open_database(env.db.path, PASSPHRASE)  # the fixture holds it open


def _passphrase_file_missing(env):
    passphrase_from_env_or_file(env.tmp / "missing.txt")


def _passphrase_file_empty(env):
    (env.tmp / "empty.txt").write_text("\n", encoding="utf-8")
    passphrase_from_env_or_file(env.tmp / "empty.txt")


def _newer_schema(env):
    env.db.execute(f"INSERT INTO {SCHEMA.table} (version, name, applied_at) VALUES (999, 'x', '')")
    SCHEMA.apply(env.db)


OPENING = [
    _wrong_passphrase,
    _plain_sqlite,
    _torn_file,
    _damaged_pages,
    _no_passphrase,
    _no_database,
    _in_use,
    _passphrase_file_missing,
    _passphrase_file_empty,
    _newer_schema,
]


# -- the disk while the clinic is open ---------------------------------------------------------


def _explained(exc: BaseException) -> DyadeError:
    better = faults.explain(exc, Path("/clinic/clinic.db"))
    assert better is not None
    raise better


def _disk_full(env):
    _explained(Fault(faults.FULL))


def _read_only(env):
    _explained(Fault(faults.READONLY))


def _disk_error(env):
    _explained(Fault(faults.IOERR))


def _corrupt(env):
    _explained(Fault(faults.CORRUPT))


def _os_full(env):
    _explained(OSError(errno.ENOSPC, "No space left on device", "/clinic/clinic.db"))


def _os_read_only(env):
    _explained(OSError(errno.EACCES, "Permission denied", "/clinic/clinic.db"))


def _os_other(env):
    _explained(OSError(errno.ENOENT, "No such file or directory", "/clinic/clinic.db"))


def _delete_while_open(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _deleted_while_open(env):
    _delete_while_open(env.db.path)
    env.db["settings"].insert({"key": "x", "value": "1"})


def _replaced_while_open(env):
    os.replace(closed_clinic(env.tmp, "other.db"), env.db.path)
    env.db["settings"].insert({"key": "x", "value": "1"})


def _became_read_only(env):
    gone = SimpleNamespace(path=env.tmp / "gone" / "clinic.db", writable_at_open=True)
    faults._refuse_read_only(gone)


def _overwritten_while_open(env, monkeypatch):
    monkeypatch.setattr(faults, "_problems_of", lambda conn, path, pragma: ["page 2"])
    monkeypatch.setattr(faults, "rescue_copy", lambda conn, path: env.tmp / "rescued.db")
    faults._refuse_changed(env.db, None)


def _overwritten_then_refused_again(env, monkeypatch):
    with pytest.raises(DyadeError):
        _overwritten_while_open(env, monkeypatch)
    faults.check_in_place(env.db)


DISK = [
    _disk_full,
    _read_only,
    _disk_error,
    _corrupt,
    _os_full,
    _os_read_only,
    _os_other,
    _deleted_while_open,
    _replaced_while_open,
    _became_read_only,
    _overwritten_while_open,
    _overwritten_then_refused_again,
]


# -- backups and restores ----------------------------------------------------------------------


def _restore_missing(env):
    backup.restore(env.tmp / "missing.db", env.tmp / "target.db", PASSPHRASE)


def _restore_damaged_backup(env, monkeypatch):
    monkeypatch.setattr(candidates, "integrity_problems", lambda conn, check: ["page 9"])
    backup.restore(closed_clinic(env.tmp, "backup.db"), env.tmp / "target.db", PASSPHRASE)


BACKUPS = [_restore_missing, _restore_damaged_backup]


# -- staff accounts, sign-in and access --------------------------------------------------------


def _wrong_password(env):
    users.authenticate(env.db, "martin", "not my password")


def _locked_account(env):
    for _ in range(users.FREE_ATTEMPTS + 1):
        with pytest.raises(DyadeError):
            users.authenticate(env.db, "martin", "not my password")
    users.authenticate(env.db, "martin", "password-1")


def _login_with_space(env):
    users.create_user(env.db, "anne roux", "physician", "a-good-password")


def _unknown_role(env):
    users.create_user(env.db, "aroux", "surgeon", "a-good-password")


def _unknown_language(env):
    users.create_user(env.db, "aroux", "physician", "a-good-password", language="de")


def _short_password(env):
    users.create_user(env.db, "aroux", "physician", "short")


def _unknown_role_later(env):
    users.set_role(env.db, env.clinic.colleague.uuid, "surgeon", by=env.clinic.physician.uuid)


def _receptionist_reads_answers(env):
    dyads.require_clinical(env.db, env.clinic.receptionist, env.clinic.dyad.uuid)


def _colleague_reads_answers(env):
    dyads.require_clinical(env.db, env.clinic.colleague, env.clinic.dyad.uuid)


def _whole_clinic_export(env):
    storage_export.allowed(env.db, env.clinic.physician, None)


ACCOUNTS = [
    _wrong_password,
    _locked_account,
    _login_with_space,
    _unknown_role,
    _unknown_language,
    _short_password,
    _unknown_role_later,
    _receptionist_reads_answers,
    _colleague_reads_answers,
    _whole_clinic_export,
]


# -- patients, dyads, visits, answers ----------------------------------------------------------


def _empty_patient_code(env):
    patients.create_patient(env.db, " ")


def _birth_year(env):
    patients.create_patient(env.db, "P-002", birth_year=61)


def _patient_language(env):
    patients.create_patient(env.db, "P-002", language="de")


def _patient_code_taken(env):
    patients.create_patient(env.db, "P-001")


def _patient_missing(env):
    patients.get_patient(env.db, "no-such-id")


def _patient_code_missing(env):
    patients.patient_by_code(env.db, "P-999")


def _dyad_without_physician(env):
    dyads.create_dyad(env.db, env.clinic.patient.uuid, env.clinic.receptionist.uuid)


def _dyad_twice(env):
    dyads.create_dyad(env.db, env.clinic.patient.uuid, env.clinic.physician.uuid)


def _dyad_missing(env):
    dyads.get_dyad(env.db, "no-such-id")


def _dyad_shared_with_reception(env):
    dyads.share_dyad(env.db, env.clinic.dyad.uuid, env.clinic.receptionist.uuid)


def _visit_kind(env):
    visits.create_visit(env.db, env.clinic.dyad.uuid, FORMS, kind="long")


def _visit_one_form(env):
    visits.create_visit(env.db, env.clinic.dyad.uuid, FORMS[:1])


def _visit_missing(env):
    visits.get_visit(env.db, "no-such-id")


def _visit_cancelled_twice(env):
    visits.cancel_visit(env.db, env.clinic.visit.uuid)
    visits.cancel_visit(env.db, env.clinic.visit.uuid)


def _response_missing(env):
    responses.get_response(env.db, "no-such-id")


def _response_of(env) -> str:
    return next(
        r.uuid
        for r in responses.responses_of_visit(env.db, env.clinic.visit.uuid)
        if r.respondent == "patient"
    )


def _empty_item_id(env):
    responses.save_answer(env.db, _response_of(env), "", 3)


def _answer_not_storable(env):
    responses.save_answer(env.db, _response_of(env), "p_trust", {1, 2})


def _response_language(env):
    responses.set_response_language(env.db, _response_of(env), "de")


def _completed_response(env):
    response = _response_of(env)
    responses.save_answers(env.db, response, {}, complete=True)
    responses.save_answer(env.db, response, "p_trust", 3)


def _date(env):
    iso_date("02/03/2026")


def _attention(env):
    results.save_visit_result(env.db, env.clinic.visit.uuid, -1, {})


def _result_visit_missing(env):
    results.save_visit_result(env.db, "no-such-id", 1, {})


def _form_not_installed(env):
    empty = load_library([])
    FillSession.open_response(env.db, empty, _response_of(env))


def _unknown_code(env):
    FillSession.open_visit_code(env.db, default_library(), "ZZZZZZ")


def _code_already_used(env):
    responses.save_answers(env.db, _response_of(env), {}, complete=True)
    FillSession.open_visit_code(env.db, default_library(), env.clinic.visit.code)


def _response_gone(env):
    FillSession.open_response(env.db, default_library(), "no-such-id")


def _response_already_sent(env):
    responses.save_answers(env.db, _response_of(env), {}, complete=True)
    FillSession.open_response(env.db, default_library(), _response_of(env))


def _answer_not_saved(env):
    fill = FillSession.open_visit_code(env.db, default_library(), env.clinic.visit.code)
    item = next(i for i in fill.form.items if i.kind == "scale")
    _delete_while_open(env.db.path)
    fill.answer(item.id, min(fill.form.scale_of(item).points()))


def _unanswered(env):
    FillSession.open_visit_code(env.db, default_library(), env.clinic.visit.code).submit()


RECORDS = [
    _empty_patient_code,
    _birth_year,
    _patient_language,
    _patient_code_taken,
    _patient_missing,
    _patient_code_missing,
    _dyad_without_physician,
    _dyad_twice,
    _dyad_missing,
    _dyad_shared_with_reception,
    _visit_kind,
    _visit_one_form,
    _visit_missing,
    _visit_cancelled_twice,
    _response_missing,
    _empty_item_id,
    _answer_not_storable,
    _response_language,
    _completed_response,
    _date,
    _attention,
    _result_visit_missing,
    _form_not_installed,
    _unknown_code,
    _code_already_used,
    _response_gone,
    _response_already_sent,
    _answer_not_saved,
    _unanswered,
]


# -- transfer files ----------------------------------------------------------------------------


def _no_transfer_file(env):
    transfer.import_transfer(env.db, env.tmp / "missing.dyade", PASSPHRASE)


def _not_a_transfer_file(env):
    (env.tmp / "notes.txt").write_bytes(b"hello" * 40)
    transfer.import_transfer(env.db, env.tmp / "notes.txt", PASSPHRASE)


def _transfer_wrong_passphrase(env):
    transfer.import_transfer(env.db, sealed_file(env.tmp, b"x"), "another passphrase")


def _transfer_newer_format(env):
    path = sealed_file(env.tmp, b"x")
    data = bytearray(path.read_bytes())
    data[len(sealed.MAGIC)] = 9
    path.write_bytes(bytes(data))
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_key_settings(env):
    path = sealed_file(env.tmp, b"x")
    data = bytearray(path.read_bytes())
    data[len(sealed.MAGIC) + 1 + 16] = 60  # scrypt cost out of range
    path.write_bytes(bytes(data))
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_truncated(env):
    path = sealed_file(env.tmp, b"x" * 100)
    path.write_bytes(path.read_bytes()[: sealed._HEADER.size + 2])
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_cut_chunk(env):
    path = sealed_file(env.tmp, b"x" * 100)
    path.write_bytes(path.read_bytes()[:-10])
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_tampered(env):
    path = sealed_file(env.tmp, b"x" * 100)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_extra_bytes(env):
    path = sealed_file(env.tmp, b"x")
    path.write_bytes(path.read_bytes() + b"more")
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_not_compressed(env):
    transfer.import_transfer(env.db, sealed_file(env.tmp, b"plain text"), PASSPHRASE)


def _compressed(lines: list[bytes]) -> bytes:
    """JSON lines as a transfer file holds them (compressed, then sealed)."""
    return zlib.compress(b"".join(line + b"\n" for line in lines))


def _transfer_no_header(env):
    path = sealed_file(env.tmp, _compressed([b'{"format": 7}']))
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_newer_schema(env):
    path = sealed_file(env.tmp, _compressed([b'{"format": 1, "schema": 999}']))
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_unexpected_table(env):
    lines = [b'{"format": 1, "schema": 1}', b'{"t": "secrets", "r": {}}']
    transfer.import_transfer(env.db, sealed_file(env.tmp, _compressed(lines)), PASSPHRASE)


def _transfer_wrong_count(env):
    lines = [b'{"format": 1, "schema": 1}', b'{"end": 5}']
    transfer.import_transfer(env.db, sealed_file(env.tmp, _compressed(lines)), PASSPHRASE)


def _transfer_no_end(env):
    lines = [b'{"format": 1, "schema": 1}']
    transfer.import_transfer(env.db, sealed_file(env.tmp, _compressed(lines)), PASSPHRASE)


def _transfer_half_record(env):
    path = sealed_file(env.tmp, zlib.compress(b'{"format": 1, "schema": 1}\n{"t": "us'))
    transfer.import_transfer(env.db, path, PASSPHRASE)


def _transfer_malformed(env):
    lines = [b'{"format": 1, "schema": 1}', b'{"t": "patients", "r": 5}']
    transfer.import_transfer(env.db, sealed_file(env.tmp, _compressed(lines)), PASSPHRASE)


TRANSFER = [
    _no_transfer_file,
    _not_a_transfer_file,
    _transfer_wrong_passphrase,
    _transfer_newer_format,
    _transfer_key_settings,
    _transfer_truncated,
    _transfer_cut_chunk,
    _transfer_tampered,
    _transfer_extra_bytes,
    _transfer_not_compressed,
    _transfer_no_header,
    _transfer_newer_schema,
    _transfer_unexpected_table,
    _transfer_wrong_count,
    _transfer_no_end,
    _transfer_half_record,
    _transfer_malformed,
]


# -- PDF reports: where they go, and what they need --------------------------------------------


def _pdf_folder_missing(env):
    _pdf(env.tmp / "no-such-folder" / "x.pdf")


def _pdf_exists(env):
    (env.tmp / "x.pdf").write_bytes(b"%PDF")
    _pdf(env.tmp / "x.pdf")


def _pdf_is_a_folder(env):
    (env.tmp / "x.pdf").mkdir()
    _pdf(env.tmp / "x.pdf", overwrite=True)


def _pdf_cannot_write(env):
    _pdf(Path("/proc/x.pdf"))  # the system refuses any new file there, even to root


def _pdf(out: Path, overwrite: bool = False) -> None:
    from dyade.reports.labels import Labels

    info = document.DocumentInfo("t", "a", "s", "f")
    document.write_pdf([], out, info, Labels("en"), overwrite=overwrite)


def _page_size_setting(env):
    clinic_settings.set_setting(env.db, "report_page_size", "a3")
    from_storage.page_size_for(env.db, None)


def _report_unknown_code(env):
    from_storage.stored_visit_summary(env.db, "ZZZZ-ZZZZ", env.tmp / "v.pdf", lang="fr")


def _report_nobody_finished(env):
    code = env.clinic.visit.code
    from_storage.stored_visit_summary(env.db, code, env.tmp / "v.pdf", lang="fr")


def _report_no_history(env):
    dyad = env.clinic.dyad.uuid
    from_storage.stored_dyad_history(env.db, dyad, env.tmp / "h.pdf", lang="fr")


REPORTS = [
    _pdf_folder_missing,
    _pdf_exists,
    _pdf_is_a_folder,
    _pdf_cannot_write,
    _page_size_setting,
    _report_unknown_code,
    _report_nobody_finished,
    _report_no_history,
]


# -- the clinic's forms folder, and the analysis thresholds ------------------------------------


def _form_file(env, name: str, content: bytes) -> None:
    path = env.tmp / name
    path.write_bytes(content)
    load_form(path)


def _form_not_utf8(env):
    _form_file(env, "latin.yaml", "id: é".encode("latin-1"))


def _form_not_yaml(env):
    _form_file(env, "bad.yaml", b"id: [unclosed\n")


def _form_empty(env):
    _form_file(env, "empty.yaml", b"")


def _form_list(env):
    _form_file(env, "list.yaml", b"- a\n- b\n")


def _form_unreadable(env):
    (env.tmp / "folder.yaml").mkdir()
    load_form(env.tmp / "folder.yaml")


def _first_error(sources) -> DyadeError:
    raise load_library(sources).errors[0]


def _form_folder_missing(env):
    _first_error([env.tmp / "no-such-folder"])


def _form_id_twice(env):
    from dyade.paths import forms_dir

    folder = env.tmp / "forms"
    folder.mkdir()
    shipped = forms_dir() / "dyade-brief-patient.yaml"
    (folder / "copy.yaml").write_bytes(shipped.read_bytes())
    _first_error([forms_dir(), folder])


def _form_pair_missing(env):
    from dyade.paths import forms_dir

    _first_error([forms_dir() / "dyade-brief-patient.yaml"])


def _form_unknown_id(env):
    default_library().require("no-such-form")


def _thresholds_from_settings(env):
    Thresholds.from_overrides({"sd_patient": 0, "z_critical": -1}, source="settings")


def _thresholds_of_the_clinic(env):
    Thresholds.from_overrides({"reliability_patient": 1.5}, source="clinic settings")


FORMS_AND_THRESHOLDS = [
    _form_not_utf8,
    _form_not_yaml,
    _form_empty,
    _form_list,
    _form_unreadable,
    _form_folder_missing,
    _form_id_twice,
    _form_pair_missing,
    _form_unknown_id,
    _thresholds_from_settings,
    _thresholds_of_the_clinic,
]


# -- the cases ---------------------------------------------------------------------------------


def _provoke(case, env, monkeypatch) -> DyadeError:
    needs_monkeypatch = case.__code__.co_argcount == 2
    with pytest.raises(DyadeError) as caught:
        case(env, monkeypatch) if needs_monkeypatch else case(env)
    return caught.value


@pytest.fixture
def env(tmp_path, db, clinic):
    return SimpleNamespace(tmp=tmp_path, db=db, clinic=clinic)


def _ids(cases) -> list[str]:
    return [case.__name__.strip("_") for case in cases]


@pytest.mark.parametrize("case", OPENING, ids=_ids(OPENING))
def test_opening_the_database_refuses_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


@pytest.mark.parametrize("case", DISK, ids=_ids(DISK))
def test_disk_faults_are_explained_in_french(case, env, monkeypatch):
    french = check_bilingual(_provoke(case, env, monkeypatch))
    assert "dyade --db CHEMIN" in french or "dyade restore" in french


@pytest.mark.parametrize("case", BACKUPS, ids=_ids(BACKUPS))
def test_backups_and_restores_refuse_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


@pytest.mark.parametrize("case", ACCOUNTS, ids=_ids(ACCOUNTS))
def test_sign_in_and_access_refuse_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


@pytest.mark.parametrize("case", RECORDS, ids=_ids(RECORDS))
def test_records_refuse_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


@pytest.mark.parametrize("case", TRANSFER, ids=_ids(TRANSFER))
def test_transfer_files_are_refused_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


@pytest.mark.parametrize("case", REPORTS, ids=_ids(REPORTS))
def test_reports_refuse_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


@pytest.mark.parametrize("case", FORMS_AND_THRESHOLDS, ids=_ids(FORMS_AND_THRESHOLDS))
def test_forms_folder_and_thresholds_refuse_in_french(case, env, monkeypatch):
    check_bilingual(_provoke(case, env, monkeypatch))


def test_paths_and_names_stay_as_written_in_the_french(env):
    odd = env.tmp / "dossier ; avec : signes !"
    exc = _provoke(_pdf_folder_missing, SimpleNamespace(tmp=odd), None)
    folder = odd / "no-such-folder"
    assert exc.text("fr") == f"{folder / 'x.pdf'}\u00a0: le dossier {folder} n’existe pas"
    assert str(exc) == f"{folder / 'x.pdf'}: the folder {folder} does not exist"
    refused = _provoke(_colleague_reads_answers, env, None)
    assert refused.text("fr").startswith("nguyen n’a pas accès")


def test_english_is_the_message_and_the_fallback():
    """``str`` (the CLI, the log) stays English; without French, English is shown."""
    refused = DyadeError("no backup file at /x; check the path", fr="aucune sauvegarde")
    assert str(refused) == "no backup file at /x; check the path"
    assert refused.text("en") == str(refused) and refused.text("de") == str(refused)
    assert DyadeError("only English").text("fr") == "only English"


def test_a_french_error_survives_a_worker_boundary():
    """Errors cross threads and processes by pickling: the French travels with them."""
    import pickle

    exc = pickle.loads(pickle.dumps(DyadeError("in English", fr="en français")))
    assert str(exc) == "in English" and exc.text("fr") == "en français"
