"""PDF exports from the workspace: one visit, one history, a batch with progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from dyade.demo import DEMO_PASSPHRASE, build_demo
from dyade.storage import audit, connection, open_database, users
from dyade.storage.dyads import create_dyad, dyads_for
from dyade.storage.patients import create_patient
from dyade.storage.users import find_user
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace import exports
from dyade.ui.workspace.review_window import ReviewWindow, open_review
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connection, "DEFAULT_KDF_ITER", 2_000)
        patch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield build_demo(tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.fixture
def workspace(qtbot, demo_file, monkeypatch):
    monkeypatch.setattr(connection, "DEFAULT_KDF_ITER", 2_000)
    monkeypatch.setattr(exports.QMessageBox, "information", lambda *a, **k: None)
    make_application()
    Translations().set_language("en")
    db = open_database(demo_file, DEMO_PASSPHRASE)
    session = Session(db=db, path=demo_file, user=find_user(db, "martin"))
    space = Workspace(session)
    qtbot.addWidget(space)
    yield space
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ReviewWindow):
            widget.close()
    db.close()


def exported(db) -> list:
    return [e for e in audit.entries(db) if e.action == "exported"]


def review_of(space, code: str):
    dyad = next(
        d for d in dyads_for(space.session.db, space.session.user) if d.patient_code == code
    )
    return open_review(space, dyad)


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_visit_export_writes_the_pdf_logs_it_and_never_replaces_without_asking(
    qtbot, workspace, tmp_path, monkeypatch
):
    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    bar = window.exports
    proposed = bar.proposal("visit")
    assert proposed.name.startswith("dyade-A-1042-") and proposed.name.endswith("-en.pdf")
    before = len(exported(workspace.session.db))
    out = tmp_path / "a.pdf"
    assert bar.export("visit", out, "fr") == out
    assert "A-1042" in pdf_text(out)
    entries = exported(workspace.session.db)
    assert len(entries) == before + 1
    assert entries[0].target == str(out) and entries[0].details["report"] == "visit"
    assert entries[0].details["lang"] == "fr"
    assert entries[0].user_uuid == workspace.session.user.uuid
    assert out.name in window.saved.text.text() and str(tmp_path) in window.saved.text.text()
    assert workspace.last_export_folder == str(tmp_path)

    asked = []
    monkeypatch.setattr(exports, "confirm_replace", lambda _p, names: asked.append(names))
    size = out.stat().st_size
    out.write_bytes(b"kept")
    assert bar.export("visit", out, "en") is None  # refused: the file is kept
    assert asked == [[str(out)]] and out.read_bytes() == b"kept"
    monkeypatch.setattr(exports, "confirm_replace", lambda _p, _n: True)
    assert bar.export("visit", out, "en") == out
    assert out.stat().st_size > size // 2 and out.read_bytes()[:4] == b"%PDF"


def test_history_export_adds_pdf_suffix_and_follows_the_chosen_language(qtbot, workspace, tmp_path):
    window = review_of(workspace, "R-3307")
    qtbot.addWidget(window)
    path = window.exports.export("history", tmp_path / "history", "en")
    assert path == tmp_path / "history.pdf" and path.exists()
    assert exported(workspace.session.db)[0].details == {
        "report": "dyad",
        "dyad": window.dyad.uuid,
        "lang": "en",
    }
    dialog = exports.ExportDialog("history", tmp_path / "dyade-R-3307-history-en.pdf")
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(0)  # Français
    assert dialog.lang == "fr" and dialog.target.name == "dyade-R-3307-history-fr.pdf"


def test_batch_exports_selected_dyads_in_the_background_and_lists_the_skipped(
    qtbot, workspace, tmp_path, monkeypatch
):
    db, user = workspace.session.db, workspace.session.user
    patient = create_patient(db, "N-0001", name="Nouveau Patient")
    create_dyad(db, patient.uuid, user.uuid)  # no visit yet: cannot be exported
    page = workspace.show_section("dashboard")
    page.view.selectAll()
    chosen = page.selected_rows()
    assert len(chosen) == len(dyads_for(db, user)) >= 6
    (tmp_path / exports.history_file_name("A-1042", "en")).write_bytes(b"mine")
    monkeypatch.setattr(exports, "confirm_replace", lambda _p, names: False)
    before = len(exported(db))
    batch = exports.BatchExport(workspace, [r.dyad for r in chosen], tmp_path, "en")
    assert batch in workspace.running and batch.maximum() == len(chosen)
    qtbot.waitUntil(lambda: batch.result is not None, timeout=60_000)
    result = batch.result
    skipped = dict(result.skipped)
    assert skipped["A-1042"] == "exists"
    assert "N-0001" in skipped and "no visit" in skipped["N-0001"]
    assert len(result.written) == len(chosen) - 2
    assert all(p.read_bytes()[:4] == b"%PDF" for p in result.written)
    assert (tmp_path / exports.history_file_name("A-1042", "en")).read_bytes() == b"mine"
    assert len(exported(db)) == before + len(result.written)
    assert batch not in workspace.running
    text = batch.summary(result)
    assert "N-0001" in text and "already exists" in text


def test_batch_cancel_stops_after_the_current_file(qtbot, workspace, tmp_path, monkeypatch):
    started, release = threading.Event(), threading.Event()
    real = exports.export_history
    calls = []

    def slow(session, dyad_uuid, out, lang, *, overwrite):
        calls.append(dyad_uuid)
        started.set()
        release.wait(10)
        return real(session, dyad_uuid, out, lang, overwrite=overwrite)

    monkeypatch.setattr(exports, "export_history", slow)
    dyads = dyads_for(workspace.session.db, workspace.session.user)[:4]
    batch = exports.BatchExport(workspace, dyads, tmp_path, "fr")
    assert started.wait(10)
    batch.canceled.emit()  # the Cancel button
    release.set()
    qtbot.waitUntil(lambda: batch.op is None, timeout=20_000)
    assert batch.result is None and len(calls) == 1
    assert len(list(tmp_path.glob("*.pdf"))) == 1  # the file under way is finished and kept


def test_default_export_folder_is_one_that_exists(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtCore import QStandardPaths

    from dyade.ui.workspace.exports import export_folder

    missing = tmp_path / "Documents"  # named by the system, never created
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(missing))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert export_folder(SimpleNamespace(last_export_folder=None)) == tmp_path
    missing.mkdir()
    assert export_folder(SimpleNamespace(last_export_folder=None)) == missing
    gone = SimpleNamespace(last_export_folder=str(tmp_path / "usb-key"))  # unplugged since
    assert export_folder(gone) == missing
