"""``dyade compare`` (one visit, two answer files) and ``dyade analyse`` (a CSV batch).

Formats and every threshold: docs/ANALYSIS.md. Example files: docs/examples/.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from dyade.cli.common import add_csv_options, read_answer_file
from dyade.errors import DyadeError

JSON_START = re.compile(rb'\{\s*"|\[\s*[{\["\]]')  # an object, or a list of objects


def _thresholds(args: argparse.Namespace):
    from dyade.analysis.thresholds import Thresholds

    return Thresholds.load(args.thresholds) if args.thresholds else Thresholds()


def _library():
    from dyade.forms import default_library

    return default_library()


def _compare(args: argparse.Namespace) -> int:
    from dyade.analysis.compare_text import render
    from dyade.analysis.visit import analyse_visit, check_role

    if not args.patient and not args.physician:
        raise DyadeError("compare needs --patient, --physician, or both")
    library = _library()
    p_form = p_answers = d_form = d_answers = None
    if args.patient:
        p_form, p_answers = read_answer_file(Path(args.patient), library, "patient")
    if args.physician:
        d_form, d_answers = read_answer_file(Path(args.physician), library, "physician")
    for form, role in ((p_form, "patient"), (d_form, "physician")):
        if form is not None:
            check_role(form, role)
    analysis = analyse_visit(p_form, p_answers, d_form, d_answers, thresholds=_thresholds(args))
    if args.json:
        json.dump(analysis.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render(analysis, args.lang or "en"))
    return 0


def _analyse(args: argparse.Namespace) -> int:
    from dyade.analysis.batch_stream import stream, totals_line
    from dyade.analysis.csv_batch import BatchRun
    from dyade.csv_dialect import CsvStyle, chosen_style

    _refuse_json(Path(args.file))
    from dyade.forms.library import versioned_forms

    run = BatchRun(Path(args.file), versioned_forms(_library()), _thresholds(args))
    style = chosen_style(args.sep, args.plain, CsvStyle(run.index.sep))
    out = Path(args.out) if args.out else None
    if _columnar(args.engine, out):
        from dyade.analysis.columnar_run import stream_columnar

        assert out is not None
        written = stream_columnar(run, out, style, force=args.force, jobs=args.jobs)
    else:
        written = stream(run, out, style=style, force=args.force, jobs=args.jobs)
    if written:
        print(totals_line(run.result))
        print("written: " + ", ".join(str(p) for p in written))
    for problem in run.result.problems:
        print(f"dyade: {args.file}, {one_line(str(problem))}", file=sys.stderr)
    return 1 if run.result.problems else 0


def _columnar(engine: str, out: Path | None) -> bool:
    """The columnar path writes CSV files only; JSON and the screen stay on the reference."""
    if engine != "auto" or out is None or out.suffix.lower() != ".csv":
        return False
    from dyade.analysis.columnar_run import available

    return available()


def _refuse_json(path: Path) -> None:
    """A JSON export (``--format json`` or ``fhir``) given instead of the CSV one."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(64).removeprefix(b"\xef\xbb\xbf").lstrip()
    except OSError:
        return  # said by the analysis, with the reason
    if JSON_START.match(start):
        raise DyadeError(
            f"{path}: a JSON file; dyade analyse reads a CSV of responses, one per row, "
            "such as dyade export --format csv writes"
        )


def one_line(text: str) -> str:
    """``text`` with its control characters written as escapes (``\\r``, ``\\x00``): a
    cell or a column name from the file may hold them, and each problem is one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="compare the patient's and the physician's answers for one visit",
        description="Score both sides, test their differences, flag ruptures one side did"
        " not perceive, and suggest repairs. Answer files: "
        '{"form": ID, "answers": {ITEM_ID: value}}. With one side only, that side is'
        " analysed alone and the other side's perception is reported as unknown.",
    )
    p.add_argument("--patient", metavar="P.json", help="the patient's answer file")
    p.add_argument("--physician", metavar="D.json", help="the physician's answer file")
    p.add_argument("--lang", choices=("fr", "en"), help="language of the text (default en)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--thresholds", metavar="FILE.json", help="clinic overrides of thresholds")
    p.set_defaults(handler=_compare)

    a = sub.add_parser(
        "analyse",
        help="analyse a CSV of responses: one row per dyad-visit, findings per dyad",
        description="Batch analysis for research and audits. Input: one row per response"
        " (dyad, visit, [date], respondent, form, one column per item id).",
    )
    a.add_argument("file", metavar="FILE.csv", help="responses, one per row")
    a.add_argument(
        "--out",
        metavar="FILE.csv|FILE.json",
        help="write results here (CSV: also FILE-dyads.csv); default: a summary on screen",
    )
    a.add_argument("--thresholds", metavar="FILE.json", help="clinic overrides of thresholds")
    add_csv_options(a, "the input file's separator")
    a.add_argument("--force", action="store_true", help="replace the output files if they exist")
    a.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes analysing dyads side by side (default: one per core; the output"
        " is the same)",
    )
    a.add_argument(
        "--engine",
        choices=("auto", "reference"),
        default="auto",
        help="auto: the same rules vectorised (numpy) for a CSV output, else the reference"
        " engine; reference: one visit at a time, as the app analyses (the files are the"
        " same; compare them to check)",
    )
    a.set_defaults(handler=_analyse)
