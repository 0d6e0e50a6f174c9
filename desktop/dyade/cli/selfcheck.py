"""Checks run by ``dyade self-check``: one small function per subsystem.

Each check returns a short result line or raises with what is wrong. Add the
check of a new subsystem to ``CHECKS``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path], str]


def check_data_folders(tmp: Path) -> str:
    from dyade.paths import forms_dir, resources_dir

    for folder in (forms_dir(), resources_dir()):
        if not folder.is_dir():
            raise RuntimeError(f"missing folder {folder}")
    return f"forms and resources in {forms_dir().parent}"


def check_qt(tmp: Path) -> str:
    """Qt loads and can draw offscreen (the UI's first need)."""
    from dyade.ui.smoke import offscreen_smoke

    return offscreen_smoke()


def check_kiosk(tmp: Path) -> str:
    """The patient kiosk's style sheet and icons load and its welcome screen paints."""
    from dyade.ui.kiosk.smoke import kiosk_smoke

    return kiosk_smoke()


def check_storage(tmp: Path) -> str:
    """An encrypted database is created, written, reopened and read back."""
    import sqlite3

    from dyade.storage.connection import open_database
    from dyade.storage.patients import create_patient, find_patient

    path, phrase = tmp / "storage-check.db", "self-check passphrase"
    db = open_database(path, phrase, create=True)
    try:
        create_patient(db, "CHECK-1", name="Self Check")
    finally:
        db.close()
    plain = sqlite3.connect(path)
    try:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        raise RuntimeError(f"{path} is readable without its passphrase")
    except sqlite3.DatabaseError:
        pass
    finally:
        plain.close()
    db = open_database(path, phrase)
    try:
        if find_patient(db, "CHECK-1") is None:
            raise RuntimeError("the record written was not read back")
        version = db.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        db.close()
    return f"SQLCipher {version}: encrypted, written, reopened, read"


def check_analysis(tmp: Path) -> str:
    """The dyad analysis flags a withdrawal the physician did not perceive (brief forms)."""
    from dyade.analysis import analyse_visit, patient_repair_prompts
    from dyade.forms import default_library

    library = default_library()
    patient, physician = (library.require(f"dyade-brief-{s}") for s in ("patient", "physician"))
    p_answers = {"p_bond_listened": 3, "p_goals_agree": 2, "p_tasks_agree": 2, "p_held_back": 4,
                 "p_struggle": 1, "p_est_bond": 4}  # fmt: skip
    d_answers = {"d_bond_listened": 4, "d_goals_agree": 4, "d_tasks_agree": 5, "d_held_back": 1,
                 "d_struggle": 1, "d_est_bond": 5}  # fmt: skip
    analysis = analyse_visit(patient, p_answers, physician, d_answers)
    kinds = [(f.kind, f.origin, f.rupture_type) for f in analysis.flags]
    if ("unperceived_rupture", "patient", "withdrawal") not in kinds:
        raise RuntimeError(f"expected an unperceived withdrawal, got {kinds}")
    if not patient_repair_prompts("fr") or not analysis.flags[0].suggestions:
        raise RuntimeError("repair wording missing")
    return f"{len(analysis.flags)} flag(s) on a test visit, wording in fr and en"


def check_forms(tmp: Path) -> str:
    """The shipped questionnaires load, pair up, score a full answer set and export."""
    from dyade.forms import form_to_fhir, load_library, score_response
    from dyade.forms.examples import answers_at
    from dyade.paths import forms_dir

    library = load_library([forms_dir()])
    if library.errors:
        raise RuntimeError(str(library.errors[0]))
    if not library.forms:
        raise RuntimeError(f"no forms in {forms_dir()}")
    for form in library:
        scores = score_response(form, answers_at(form, "max"))
        if not all(score.scorable for score in scores.values()):
            raise RuntimeError(f"{form.id}: a subscale is not scorable from full answers")
        form_to_fhir(form)
    return f"{len(library)} forms load, pair up and score"


def check_reports(tmp: Path) -> str:
    """A visit summary of the shipped brief forms (answered mid-scale) is written as PDF."""
    from dyade.analysis import analyse_visit
    from dyade.forms import default_library
    from dyade.reports import ReportContext, visit_summary

    library = default_library()
    pf = library.require("dyade-brief-patient")
    df = library.require("dyade-brief-physician")

    def middle(form):
        return {i.id: (form.scale_of(i).min + form.scale_of(i).max) // 2
                for i in form.items if i.kind == "scale"}  # fmt: skip

    analysis = analyse_visit(pf, middle(pf), df, middle(df))
    context = ReportContext("Self-check", "CHECK-1", "Dyade", "2026-03-12", forms=(pf, df))
    out = visit_summary(analysis, context, lang="fr", out=tmp / "check.pdf")
    if out.read_bytes()[:5] != b"%PDF-":
        raise RuntimeError(f"{out} is not a PDF")
    return f"visit summary written ({out.stat().st_size // 1024} KiB)"


CHECKS: list[tuple[str, Check]] = [
    ("data folders", check_data_folders),
    ("qt", check_qt),
    ("kiosk", check_kiosk),
    ("forms", check_forms),
    ("storage", check_storage),
    ("analysis", check_analysis),
    ("reports", check_reports),
]


def run_checks(report: Callable[[str, bool, str], None]) -> int:
    """Run every check in a temporary folder; return how many failed."""
    failures = 0
    with tempfile.TemporaryDirectory(prefix="dyade-check-") as tmp:
        for name, check in CHECKS:
            try:
                report(name, True, check(Path(tmp)))
            except Exception as exc:  # report every check, whatever breaks
                failures += 1
                report(name, False, f"{type(exc).__name__}: {exc}")
    return failures
