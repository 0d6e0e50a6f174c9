"""``dyade report``: a visit summary or a dyad history as PDF.

From two answer files (no database needed), or from the clinic's database by
visit code or dyad id (the export is recorded in the audit log). An existing
file is replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dyade.errors import DyadeError


def _from_files(args: argparse.Namespace) -> Path:
    from dyade.analysis import analyse_visit
    from dyade.cli.common import read_answer_file
    from dyade.forms.library import installed_library
    from dyade.reports import ReportContext, visit_summary

    library = installed_library()
    pf, pa = read_answer_file(Path(args.patient), library, "patient")
    df, da = read_answer_file(Path(args.physician), library, "physician")
    analysis = analyse_visit(pf, pa, df, da)
    context = ReportContext(
        clinic=args.clinic or "",
        patient_code=args.patient_code or Path(args.patient).stem,
        physician=args.physician_name or "",
        visit_date=args.date,
        forms=(pf, df),
    )
    return visit_summary(analysis, context, lang=args.lang, page_size=args.page_size or "a4",
                         out=args.out, overwrite=args.force)  # fmt: skip


def _from_database(args: argparse.Namespace) -> Path:
    from dyade.cli.common import open_db
    from dyade.reports.from_storage import stored_dyad_history, stored_visit_summary

    # No --page-size: the clinic's setting (report_page_size) decides.
    common = {"lang": args.lang, "page_size": args.page_size, "overwrite": args.force}
    with open_db(args) as db:
        if args.visit:
            return stored_visit_summary(db, args.visit, Path(args.out), **common)
        return stored_dyad_history(db, args.dyad, Path(args.out), **common)


def _run(args: argparse.Namespace) -> int:
    files = bool(args.patient or args.physician)
    stored = bool(args.visit or args.dyad)
    if files == stored or (files and not (args.patient and args.physician)):
        raise DyadeError(
            "dyade report: give either --patient P.json and --physician D.json,"
            " or --visit CODE, or --dyad ID"
        )
    if args.visit and args.dyad:
        raise DyadeError("dyade report: give --visit or --dyad, not both")
    from dyade.safe_write import check_target

    check_target(args.out, force=args.force, kind="report")  # before any slow work
    path = _from_files(args) if files else _from_database(args)
    print(f"report written to {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write a visit summary or a dyad history as PDF",
        description="Write a PDF: a visit summary from two answer files or from the"
        " database (--visit CODE), or a dyad's history (--dyad ID).",
    )
    p.add_argument("--patient", metavar="P.json", help="the patient's answer file")
    p.add_argument("--physician", metavar="D.json", help="the physician's answer file")
    p.add_argument("--visit", metavar="CODE", help="a stored visit, by its kiosk code")
    p.add_argument("--dyad", metavar="ID", help="a stored dyad, by its id: its whole history")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="language (default fr)")
    p.add_argument(
        "--page-size",
        choices=("a4", "letter"),
        help="page size (default: the clinic's setting, a4 for answer files)",
    )
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.add_argument("--clinic", help="clinic name for the header (answer files only)")
    p.add_argument("--patient-code", help="patient's clinic code (answer files only)")
    p.add_argument("--physician-name", help="physician's name (answer files only)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="visit date (answer files only)")
    p.set_defaults(handler=_run)
