"""Every file Dyade writes goes through one safe writer (dyade.safe_write): never over the
clinic's database or into its backups, never over a file without --force, whole or absent,
0600, and a failure names the file and the disk."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from disk_faults import FullableDisk
from dyade import safe_write
from dyade.errors import DyadeError
from storage_fixtures import PASSPHRASE

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


def _clinic(dyade) -> None:
    assert dyade("user", "add", "--login", "martin", "--role", "physician")[0] == 0
    assert dyade("patient", "add", "--code", "P-001", "--name", "Irène Castel")[0] == 0
    assert dyade("visit", "create", "--patient", "P-001", "--physician", "martin")[0] == 0


def _still_whole(dyade) -> None:
    code, out, err = dyade("visit", "list")
    assert code == 0, err
    assert "P-001" in out


@pytest.mark.parametrize("fmt", ["csv", "json", "fhir"])
@pytest.mark.parametrize("name", ["clinic.db", "clinic.db-wal", "clinic.db-shm"])
def test_an_export_aimed_at_the_database_is_refused_and_the_clinic_survives(
    dyade, tmp_path, fmt, name
):
    _clinic(dyade)
    before = (tmp_path / "clinic.db").read_bytes()
    for force in ((), ("--force",)):
        code, _, err = dyade("export", "--format", fmt, "--out", str(tmp_path / name), *force)
        assert code == 2 and "clinic's database" in err and str(tmp_path / name) in err
        assert "another program" not in err
    assert (tmp_path / "clinic.db").read_bytes() == before
    _still_whole(dyade)


@pytest.mark.parametrize(
    "command",
    [
        ("backup", "--out"),
        ("transfer", "--out"),
        ("report", "--visit", "NOCODE", "--out"),
    ],
)
def test_backups_transfers_and_reports_never_replace_the_database(dyade, tmp_path, command):
    _clinic(dyade)
    before = (tmp_path / "clinic.db").read_bytes()
    code, _, err = dyade(*command, str(tmp_path / "clinic.db"), "--force")
    assert code == 2 and "clinic's database" in err
    assert (tmp_path / "clinic.db").read_bytes() == before
    _still_whole(dyade)


def test_exports_stay_out_of_the_backups_folder_backups_go_in(dyade, tmp_path):
    _clinic(dyade)
    backups = tmp_path / "backups"
    backups.mkdir()
    code, _, err = dyade("export", "--format", "json", "--out", str(backups / "all.json"))
    assert code == 2 and "backups folder" in err
    assert list(backups.iterdir()) == []
    assert dyade("backup", "--out", str(backups / "manual.db"))[0] == 0
    assert (backups / "manual.db").stat().st_size > 0


def _analyse(dyade, out: Path, *more: str):
    return dyade("analyse", str(EXAMPLES / "visits.csv"), "--out", str(out), *more)


@pytest.mark.parametrize("what", ["export", "visits", "backup", "transfer", "analyse"])
def test_an_existing_file_is_replaced_only_with_force(dyade, tmp_path, what):
    _clinic(dyade)
    out = tmp_path / "out.csv"
    kept = tmp_path / "out-visits.csv" if what == "visits" else out
    kept.write_text("the clinic's own file\n", encoding="utf-8")
    run = {
        "export": lambda *f: dyade("export", "--format", "csv", "--out", str(out), *f),
        "visits": lambda *f: dyade("export", "--format", "csv", "--out", str(out), *f),
        "backup": lambda *f: dyade("backup", "--out", str(out), *f),
        "transfer": lambda *f: dyade("transfer", "--out", str(out), *f),
        "analyse": lambda *f: _analyse(dyade, out, *f),
    }[what]
    code, _, err = run()
    assert code == 2 and "already exists" in err and "--force" in err
    assert kept.read_text(encoding="utf-8") == "the clinic's own file\n"
    code, _, err = run("--force")
    assert code in (0, 1), err  # analyse says 1 when some rows had problems
    assert kept.read_bytes() != b"the clinic's own file\n"


def test_exports_reports_and_analyses_are_readable_by_their_owner_alone(dyade, tmp_path):
    _clinic(dyade)
    os.umask(0o022)
    assert dyade("export", "--format", "csv", "--out", str(tmp_path / "r.csv"))[0] == 0
    assert dyade("export", "--format", "json", "--out", str(tmp_path / "r.json"))[0] == 0
    assert dyade("export", "--format", "fhir", "--out", str(tmp_path / "f.json"))[0] == 0
    assert dyade("backup", "--out", str(tmp_path / "b.db"))[0] == 0
    assert dyade("transfer", "--out", str(tmp_path / "t.dyade"))[0] == 0
    assert _analyse(dyade, tmp_path / "a.csv")[0] in (0, 1)
    assert _analyse(dyade, tmp_path / "a.json")[0] in (0, 1)
    code, _, err = dyade(
        "report",
        "--patient",
        str(EXAMPLES / "scenario-a-patient.json"),
        "--physician",
        str(EXAMPLES / "scenario-a-physician.json"),
        "--out",
        str(tmp_path / "v.pdf"),
    )
    assert code == 0, err
    from dyade.logs import log_file

    written = [*tmp_path.glob("*.csv"), *tmp_path.glob("*.json"), tmp_path / "v.pdf"]
    written += [tmp_path / "b.db", tmp_path / "t.dyade", log_file()]
    assert len(written) == 11  # the CSV export and analyse write two files each
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def _full(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_leaves_no_partial_file_and_names_the_file_and_the_disk(
    dyade, tmp_path, monkeypatch
):
    _clinic(dyade)
    disk = FullableDisk(tmp_path / "usb")
    try:
        with monkeypatch.context() as patch:
            if disk.real:
                disk.fill()
            else:  # no mount here: the disk says it is full when the data is flushed
                patch.setattr(safe_write.os, "fsync", _full)
            out = disk.folder / "responses.json"
            code, _, err = dyade("export", "--format", "json", "--out", str(out))
        assert code == 2, err
        assert str(out) in err and "No space left on device" in err
        assert "disk mounted at" in err and "nothing was left there" in err
        assert sorted(p.name for p in disk.folder.iterdir()) == (["ballast"] if disk.real else [])
    finally:
        disk.free()
        disk.close()
    _still_whole(dyade)


def test_a_failure_while_writing_removes_the_temporary_file(tmp_path):
    out = tmp_path / "x.csv"
    with pytest.raises(RuntimeError), safe_write.open_for_writing(out) as handle:
        handle.write("half")
        raise RuntimeError("stopped half way")
    assert list(tmp_path.iterdir()) == []


def test_the_refusals_are_in_french_too(tmp_path, db, db_path):
    for out in (db_path, Path(str(db_path) + "-wal"), db_path.parent / "backups" / "x.csv"):
        with pytest.raises(DyadeError) as caught:
            safe_write.check_target(out, force=True)
        assert caught.value.fr and str(out) in caught.value.text("fr")
    (tmp_path / "x.csv").write_text("x")
    with pytest.raises(DyadeError) as caught:
        safe_write.check_target(tmp_path / "x.csv")
    assert "existe déjà" in caught.value.text("fr")


def test_a_closed_database_is_still_recognised_by_its_lock_file(tmp_path, db_path):
    from dyade.storage import open_database

    open_database(db_path, PASSPHRASE, create=True).close()
    with pytest.raises(DyadeError, match="clinic's database"):
        safe_write.check_target(db_path, force=True)


def test_the_backup_folder_chosen_in_the_settings_is_kept_for_backups(tmp_path, db):
    from dyade.storage.settings import set_setting

    chosen = tmp_path / "usb" / "dyade-backups"
    chosen.mkdir(parents=True)
    set_setting(db, "backup_folder", str(chosen))
    with pytest.raises(DyadeError, match="backups folder"):
        safe_write.check_target(chosen / "all.json")
    assert safe_write.check_target(chosen / "daily.db", kind="backup") == chosen / "daily.db"


# Where the core may still open a file for writing itself, and why.
OWN_WRITES = {
    "safe_write.py": "the writer itself",
    "storage/transfer.py": "fills the temporary file the writer hands it",
    "storage/backup.py": "a restore writes the database's own temporary copy, then renames it",
    "ui/workspace/settings_values.py": "the app's start-up language, not clinic data",
}


def test_nothing_else_opens_an_output_file_itself():
    """A new export that bypassed the writer would lose every guarantee above."""
    import re

    package = Path(__file__).parents[1] / "desktop" / "dyade"
    writes = re.compile(r"open\([^)]*[\"'](?:w|wb|a|ab|x|w\+)[\"']|\.write_text\(|\.write_bytes\(")
    found = set()
    for path in package.rglob("*.py"):
        name = path.relative_to(package).as_posix()
        if name == "ui/i18n_tool.py":  # a developer tool
            continue
        if writes.search(path.read_text(encoding="utf-8")):
            found.add(name)
    assert found <= set(OWN_WRITES), sorted(found - set(OWN_WRITES))
