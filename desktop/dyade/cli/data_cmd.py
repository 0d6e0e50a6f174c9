"""Clinic data from the command line: backups, exports, transfers, and the
workflow commands staff and scripts use (users, patients, dyads, visits).

The database passphrase comes from ``--passphrase-file``, else
``$DYADE_PASSPHRASE``, else a prompt. Transfer files use
``$DYADE_TRANSFER_PASSPHRASE`` when set, else the database passphrase.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path

from dyade.cli.common import add_csv_options
from dyade.cli.common import db_path as _db_path
from dyade.cli.common import open_db as _open
from dyade.cli.common import passphrase as _passphrase
from dyade.errors import DyadeError


def _transfer_passphrase(args: argparse.Namespace) -> str:
    return os.environ.get("DYADE_TRANSFER_PASSPHRASE") or _passphrase(args)


# --- backups, exports, transfers -------------------------------------------------


def _backup(args: argparse.Namespace) -> int:
    from dyade.paths import user_data_dir
    from dyade.storage.backup import backup

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = Path(args.out) if args.out else user_data_dir() / "backups" / f"dyade-{stamp}.db"
    with _open(args) as db:
        print(f"backup written to {backup(db, out, force=args.force)}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from dyade.storage.backup import restore

    target = _db_path(args)
    aside = restore(args.path, target, _passphrase(args))
    print(f"restored {args.path} as {target}")
    if aside is not None:
        print(f"the previous database is kept as {aside}")
    return 0


def visits_csv_path(out: Path) -> Path:
    """Where ``export --format csv`` puts its dyad-visit CSV, next to the responses."""
    return out.with_name(f"{out.stem}-visits{out.suffix or '.csv'}")


def _export(args: argparse.Namespace) -> int:
    from dyade.csv_dialect import chosen_style
    from dyade.safe_write import check_target
    from dyade.storage.export import clinic_style, export_csv, export_json
    from dyade.storage.export_fhir import export_fhir
    from dyade.storage.export_visits import export_visit_csv

    write = {"csv": export_csv, "json": export_json, "fhir": export_fhir}[args.format]
    out, chosen = Path(args.out), {"since": args.since, "dyad": args.dyad, "force": args.force}
    with _open(args) as db:
        visits = visits_csv_path(out)
        if args.format == "csv":  # both files refused before either is written
            check_target(visits, force=args.force)
            chosen["style"] = chosen_style(args.sep, args.plain, clinic_style(db))
        count = write(db, out, **chosen)
        print(f"{count} response(s) exported to {out} (this file is not encrypted)")
        if args.format == "csv":
            rows = export_visit_csv(db, visits, **chosen)
            print(f"{rows} analysed visit(s) exported to {visits} (not encrypted either)")
    return 0


def _transfer(args: argparse.Namespace) -> int:
    from dyade.storage.transfer import write_transfer_for
    from dyade.storage.transfer_log import default_target

    target = args.to or default_target(args.out)
    with _open(args) as db:
        written = write_transfer_for(
            db, args.out, _transfer_passphrase(args), target, full=args.full, force=args.force
        )
    what = "every record" if written.since is None else "the records changed since the last one"
    print(f"transfer file for {target!r} written to {written.path}: {what} ({written.records})")
    return 0


def _import(args: argparse.Namespace) -> int:
    from dyade.storage.transfer import import_transfer

    with _open(args) as db:
        report = import_transfer(db, args.file, _transfer_passphrase(args))
        analysed = _complete_imported(db, report.completed)
    added = ", ".join(f"{n} {t}" for t, n in report.added.items()) or "nothing"
    updated = ", ".join(f"{n} {t}" for t, n in report.updated.items()) or "nothing"
    print(f"imported {report.source}: added {added}; moved forward {updated}")
    for table, key, reason in report.conflicts:
        print(f"  conflict kept aside: {table} {key}: {reason}")
    if analysed:
        print(f"{analysed} visit(s) analysed with this clinic's forms and thresholds")
    return 0


def _complete_imported(db, responses: list[str]) -> int:
    """Responses the import completed go through the same completion as answers given
    here (this clinic's forms and thresholds); how many visits were analysed."""
    from dyade.clinic import clinic_library
    from dyade.completion import complete_response

    if not responses:
        return 0
    library = clinic_library(db)
    done = [complete_response(db, library, uuid) for uuid in responses]
    return len({d.visit for d in done if d.analysed})


# --- staff, patients, dyads, visits ------------------------------------------------


def _patient_add(args: argparse.Namespace) -> int:
    from dyade.storage.patients import create_patient

    with _open(args, create=True) as db:
        patient = create_patient(
            db, args.code, name=args.name, birth_year=args.birth_year, language=args.lang
        )
    print(f"patient {patient.code} added")
    return 0


def _physician(db, login: str):
    from dyade.storage.users import find_user

    user = find_user(db, login)
    if user is None or user.role != "physician":
        raise DyadeError(f"no physician account with login {login!r}")
    return user


def _dyad_add(args: argparse.Namespace) -> int:
    from dyade.storage.dyads import create_dyad
    from dyade.storage.patients import patient_by_code

    with _open(args) as db:
        patient = patient_by_code(db, args.patient)
        create_dyad(db, patient.uuid, _physician(db, args.physician).uuid)
    print(f"dyad {args.patient} with {args.physician} added")
    return 0


def _visit_create(args: argparse.Namespace) -> int:
    from dyade.storage.dyads import create_dyad, find_dyad
    from dyade.storage.patients import patient_by_code
    from dyade.storage.settings import visit_forms
    from dyade.storage.visits import FormRef, create_visit

    with _open(args) as db:
        patient, physician = patient_by_code(db, args.patient), _physician(db, args.physician)
        dyad = find_dyad(db, patient.uuid, physician.uuid) or create_dyad(
            db, patient.uuid, physician.uuid
        )
        forms = [FormRef(who, *ref) for who, ref in visit_forms(db, args.kind).items()]
        visit = create_visit(db, dyad.uuid, forms, kind=args.kind, on=args.date)
    print(f"visit code {visit.code} ({visit.kind} visit of {args.patient}, {visit.date})")
    return 0


def _visit_list(args: argparse.Namespace) -> int:
    from dyade.storage.visits import list_visits

    with _open(args) as db:
        listing = list_visits(db, pending_only=args.pending, limit=args.limit)
    for item in listing:
        sides = ", ".join(f"{who} {status}" for who, status in sorted(item.responses.items()))
        v = item.visit
        print(
            f"{v.date}  {v.code}  {v.status:9}  {item.patient_code} / {item.physician_login}  "
            f"{v.kind}  ({sides})"
        )
    if not listing:
        print("no open visits" if args.pending else "no visits")
    return 0


def _answer(args: argparse.Namespace) -> int:
    from dyade.cli.analysis_cmd import read_answer_file
    from dyade.clinic import clinic_library
    from dyade.completion import complete_response
    from dyade.storage.answer_file import record_response

    path = Path(args.file)
    with _open(args) as db:
        library = clinic_library(db)  # the clinic's forms folder and thresholds, as the app
        form, answers = read_answer_file(path, library.forms, args.respondent)
        try:
            recorded = record_response(db, args.visit_code, args.respondent, form, answers)
        except DyadeError as exc:
            raise DyadeError(f"{path}: {exc}") from None
        print(
            f"visit {recorded.visit.code}: the {args.respondent}'s questionnaire ({form.id}) "
            f"recorded, {len(answers)} answer(s)"
        )
        done = complete_response(db, library, recorded.response.uuid)
    if done.problem is not None:
        raise done.problem
    if not done.analysed:
        print("the other side has not answered yet; the analysis follows when it has")
        return 0
    assert done.review is not None
    flags = [
        f.kind
        for v in done.review.visits
        if v.entry.visit.uuid == done.visit
        for f in v.analysis.flags
    ]
    print(f"both sides complete: analysis stored ({', '.join(flags) or 'no flag'})")
    return 0


def _force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")


def _register_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="write an encrypted copy of the database")
    p.add_argument("--out", metavar="PATH", help="backup file (default: the backups folder)")
    _force(p)
    p.set_defaults(handler=_backup)
    p = sub.add_parser("restore", help="replace the database by a backup (checked first)")
    p.add_argument("path", metavar="PATH", help="the backup file")
    p.set_defaults(handler=_restore)
    p = sub.add_parser(
        "export",
        help="export responses and analysed visits (CSV), everything (JSON), or FHIR R4",
    )
    p.add_argument("--format", choices=("csv", "json", "fhir"), required=True)
    p.add_argument("--out", metavar="PATH", required=True)
    p.add_argument("--since", metavar="DATE", help="visits on or after YYYY-MM-DD")
    p.add_argument("--dyad", metavar="ID", help="one dyad's id")
    add_csv_options(p, "the clinic's language: semicolons in French, commas in English")
    _force(p)
    p.set_defaults(handler=_export)
    p = sub.add_parser("transfer", help="write an encrypted transfer file for another laptop")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument(
        "--to",
        metavar="TARGET",
        help="where the file goes (default: its folder); only what changed since the last "
        "file written for it is written",
    )
    p.add_argument("--full", action="store_true", help="write every record, not only changes")
    _force(p)
    p.set_defaults(handler=_transfer)
    p = sub.add_parser("import", help="merge a transfer file from another laptop")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=_import)


def _register_records(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("patient", help="patients").add_subparsers(
        dest="patient_command", metavar="ACTION", required=True
    )
    p = group.add_parser("add", help="register a patient under a clinic code")
    p.add_argument("--code", required=True)
    p.add_argument("--name")
    p.add_argument("--birth-year", type=int)
    p.add_argument("--lang", choices=("fr", "en"), default="fr")
    p.set_defaults(handler=_patient_add)
    group = sub.add_parser("dyad", help="patient-physician pairs").add_subparsers(
        dest="dyad_command", metavar="ACTION", required=True
    )
    p = group.add_parser("add", help="pair a patient with a physician")
    p.add_argument("--patient", metavar="CODE", required=True)
    p.add_argument("--physician", metavar="LOGIN", required=True)
    p.set_defaults(handler=_dyad_add)
    _register_visit(sub)
    p = sub.add_parser(
        "answer", help="record one side of a visit from an answer file (as dyade compare reads)"
    )
    p.add_argument("visit_code", metavar="VISIT_CODE", help="the visit's kiosk code")
    p.add_argument("--as", dest="respondent", choices=("patient", "physician"), required=True)
    p.add_argument("file", metavar="FILE.json", help='{"form": ID, "answers": {ITEM: value}}')
    p.set_defaults(handler=_answer)


def _register_visit(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("visit", help="visits and their kiosk codes").add_subparsers(
        dest="visit_command", metavar="ACTION", required=True
    )
    p = group.add_parser("create", help="open a visit and print its kiosk code")
    p.add_argument("--patient", metavar="CODE", required=True)
    p.add_argument("--physician", metavar="LOGIN", required=True)
    p.add_argument("--kind", choices=("full", "brief"), default="full")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    p.set_defaults(handler=_visit_create)
    p = group.add_parser("list", help="recent visits, or with --pending those not completed")
    p.add_argument("--pending", action="store_true")
    p.add_argument(
        "--limit", type=_listing_limit, default=100, help="at most this many (1 to 100000)"
    )
    p.set_defaults(handler=_visit_list)


def _listing_limit(text: str) -> int:
    """``--limit``: a count SQLite can take and a screen can show."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number from 1 to 100000")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    _register_data(sub)
    _register_records(sub)
