"""``dyade forms``: check, list, show, export and score questionnaires."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dyade import jsontext
from dyade.errors import DyadeError


def _check(args: argparse.Namespace) -> int:
    """Validate files or folders; pairs may resolve to the installed forms."""
    from dyade.forms import default_library, load_library

    installed = default_library().forms
    checked = load_library(args.paths, reference=installed)
    for form in checked:
        print(f"ok    {form.source}  ({form.id} v{form.version}, {len(form.items)} items)")
    for error in checked.errors:
        print(error, file=sys.stderr)
    if checked.errors:
        print(f"{len(checked.errors)} file(s) refused", file=sys.stderr)
        return 1
    if not checked.forms:
        raise DyadeError("no form files found in " + ", ".join(args.paths))
    return 0


def _list(args: argparse.Namespace) -> int:
    from dyade.forms import default_library, form_to_json
    from dyade.paths import forms_dir

    library = default_library()
    if args.json:
        _print_json([form_to_json(form) for form in library])
    else:
        shipped = forms_dir().resolve()
        for form in library:
            origin = (
                "shipped" if form.source and form.source.parent.resolve() == shipped else "clinic"
            )
            print(
                f"{form.id:<28} v{form.version}  {form.respondent:<9}  {form.use:<5}  "
                f"{len(form.items):>2} items  pair {form.pair}  ({origin})"
            )
    for error in library.errors:
        print(f"refused: {error}", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    from dyade.forms import default_library, form_to_json

    form = default_library().require(args.form_id)
    if args.json:
        _print_json(form_to_json(form))
        return 0
    print(f"{form.id} v{form.version} ({form.respondent}, {form.use}), pair {form.pair}")
    print(f"  fr: {form.title.fr}\n  en: {form.title.en}\n")
    for item in form.items:
        extra = f" mirror {item.mirror}" if item.mirror else ""
        print(f"{item.id}  [{item.kind}, {item.construct}, {item.component}]{extra}")
        print(f"  fr: {item.text.fr}\n  en: {item.text.en}")
    return 0


def _export_fhir(args: argparse.Namespace) -> int:
    from dyade.forms import default_library, form_to_fhir

    form = default_library().require(args.form_id)
    text = json.dumps(form_to_fhir(form, args.fhir_lang), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        from dyade.safe_write import write_text

        write_text(args.out, text, force=args.force)
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def _score(args: argparse.Namespace) -> int:
    """Score an answer file ``{"form": ID, "answers": {ITEM_ID: value}}``."""
    from dyade.forms import default_library, score_response

    data = _read_answers(Path(args.answers))
    form = default_library().require(data["form"])
    scores = score_response(form, data["answers"])
    if args.json:
        _print_json({sid: {**vars(s), "scorable": s.scorable} for sid, s in scores.items()})
        return 0
    for score in scores.values():
        shown = f"{score.value:.2f}" if score.value is not None else "not scorable"
        print(f"{score.id:<22} {shown:<13} ({score.answered}/{score.items} answered)")
    return 0


def _read_answers(path: Path) -> dict[str, Any]:
    try:
        data = jsontext.loads(path.read_text(encoding="utf-8"), path)
    except OSError as exc:
        raise DyadeError(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise DyadeError(f"{path}: not valid JSON ({exc})") from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("form"), str)
        or not isinstance(data.get("answers"), dict)
    ):
        raise DyadeError(f'{path}: expected {{"form": ID, "answers": {{ITEM_ID: value}}}}')
    return data


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forms", help="check, list, show and export questionnaires")
    forms = p.add_subparsers(dest="forms_command", metavar="ACTION", required=True)

    check = forms.add_parser("check", help="validate form files or folders")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a form file or a folder of them")
    check.set_defaults(handler=_check)

    listing = forms.add_parser("list", help="list the shipped and clinic forms")
    listing.add_argument("--json", action="store_true", help="print the normalized definitions")
    listing.set_defaults(handler=_list)

    show = forms.add_parser("show", help="show one form (French and English side by side)")
    show.add_argument("form_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print the normalized public JSON")
    show.set_defaults(handler=_show)

    export = forms.add_parser("export-fhir", help="write a form as a FHIR R4 Questionnaire")
    export.add_argument("form_id", metavar="ID")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--lang", dest="fhir_lang", choices=("fr", "en"), default="fr", help="main language"
    )
    export.set_defaults(handler=_export_fhir)

    score = forms.add_parser("score", help="score an answer file (JSON)")
    score.add_argument("answers", metavar="FILE", help='{"form": ID, "answers": {ITEM: value}}')
    score.add_argument("--json", action="store_true", help="print the scores as JSON")
    score.set_defaults(handler=_score)
