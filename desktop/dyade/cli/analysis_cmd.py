"""``dyade compare`` (one visit, two answer files) and ``dyade analyse`` (a CSV batch).

Formats and every threshold: docs/ANALYSIS.md. Example files: docs/examples/.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dyade.errors import DyadeError


def _thresholds(args: argparse.Namespace):
    from dyade.analysis.thresholds import Thresholds

    return Thresholds.load(args.thresholds) if args.thresholds else Thresholds()


def _library():
    from dyade.forms import default_library

    return default_library()


def read_answer_file(path: Path, library: Any, role: str) -> tuple[Any, dict[str, Any]]:
    """``{"form": ID, "answers": {ITEM: value}}`` -> (form, answers)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DyadeError(f"{path}: cannot read the {role}'s answer file ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise DyadeError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("form"), str):
        raise DyadeError(f'{path}: expected {{"form": ID, "answers": {{...}}}}, no "form" found')
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise DyadeError(f'{path}: "answers" must be an object of item ids and values')
    try:
        form = library.require(data["form"])
    except DyadeError as exc:
        raise DyadeError(f"{path}: {exc}") from None
    return form, answers


def _compare(args: argparse.Namespace) -> int:
    from dyade.analysis.compare_text import render
    from dyade.analysis.visit import analyse_visit

    library = _library()
    p_form, p_answers = read_answer_file(Path(args.patient), library, "patient")
    d_form, d_answers = read_answer_file(Path(args.physician), library, "physician")
    analysis = analyse_visit(p_form, p_answers, d_form, d_answers, thresholds=_thresholds(args))
    if args.json:
        json.dump(analysis.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render(analysis, args.lang or "en"))
    return 0


def _analyse(args: argparse.Namespace) -> int:
    from dyade.analysis.batch_output import summary_lines, write_outputs
    from dyade.analysis.csv_batch import analyse_csv

    library = _library()
    result = analyse_csv(Path(args.file), library.forms, _thresholds(args))
    lines = summary_lines(result)
    if args.out:
        written = write_outputs(result, Path(args.out))
        print(lines[0])
        print("written: " + ", ".join(str(p) for p in written))
    else:
        print("\n".join(lines))
    for problem in result.problems:
        print(f"dyade: {args.file}, {problem}", file=sys.stderr)
    return 1 if result.problems else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="compare the patient's and the physician's answers for one visit",
        description="Score both sides, test their differences, flag ruptures one side did"
        " not perceive, and suggest repairs. Answer files: "
        '{"form": ID, "answers": {ITEM_ID: value}}.',
    )
    p.add_argument("--patient", required=True, metavar="P.json", help="the patient's answer file")
    p.add_argument("--physician", required=True, metavar="D.json", help="the physician's file")
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
    a.set_defaults(handler=_analyse)
