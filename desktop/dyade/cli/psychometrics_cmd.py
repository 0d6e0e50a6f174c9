"""``dyade psychometrics``: how the clinic's questionnaires behave, and its own thresholds.

Per form version and subscale: n, Cronbach's alpha and McDonald's omega with
95 % intervals, item–total correlations, floor and ceiling. ``--adopt`` writes
the clinic's own spread, reliability and patient–physician offset into its
analysis thresholds once enough dyads have answered (docs/ANALYSIS.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from dyade.cli.common import open_db

WORDS = {
    "en": {
        "none": "No completed questionnaire yet: nothing to describe.",
        "head": "{form}, version {version} ({respondent})",
        "line": "  {subscale}: n {n}, {items} item(s); alpha {alpha}; omega {omega}; "
        "floor {floor} %, ceiling {ceiling} %",
        "items": "    item–total: {pairs}",
        "adopted": "Adopted from {n} dyads ({form}, version {version}, subscale bond): {values}",
        "na": "n/a",
    },
    "fr": {
        "none": "Aucun questionnaire terminé pour l’instant\u00a0: rien à décrire.",
        "head": "{form}, version {version} ({respondent})",
        "line": "  {subscale}\u00a0: n {n}, {items} question(s)\u00a0; alpha {alpha}\u00a0; "
        "oméga {omega}\u00a0; plancher {floor}\u00a0%, plafond {ceiling}\u00a0%",
        "items": "    question–total\u00a0: {pairs}",
        "adopted": "Adoptés à partir de {n} dyades ({form}, version {version}, sous-échelle "
        "bond)\u00a0: {values}",
        "na": "n. d.",
    },
}


def _num(value: Any, lang: str) -> str:
    if value is None:
        return WORDS[lang]["na"]
    text = f"{value:.2f}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


def _with_ci(value: Any, ci: Any, lang: str) -> str:
    text = _num(value, lang)
    return f"{text} [{_num(ci[0], lang)}; {_num(ci[1], lang)}]" if ci else text


def render(stats: list[Any], lang: str) -> str:
    words = WORDS[lang]
    if not stats:
        return words["none"]
    lines, last = [], None
    for s in stats:
        if (s.form, s.version) != last:
            last = (s.form, s.version)
            lines.append(words["head"].format(form=s.form, version=s.version,
                                              respondent=s.respondent))  # fmt: skip
        lines.append(words["line"].format(
            subscale=s.subscale, n=s.n, items=s.items,
            alpha=_with_ci(s.alpha, s.alpha_ci, lang), omega=_with_ci(s.omega, s.omega_ci, lang),
            floor=_num(s.floor_pct, lang), ceiling=_num(s.ceiling_pct, lang),
        ))  # fmt: skip
        if s.items > 1 and s.n:
            pairs = ", ".join(f"{i} {_num(r, lang)}" for i, r in s.item_total.items())
            lines.append(words["items"].format(pairs=pairs))
    return "\n".join(lines)


def _psychometrics(args: argparse.Namespace) -> int:
    from dyade.clinic import adopt, clinic_library, clinic_stats

    lang = args.lang or "en"
    with open_db(args) as db:
        library = clinic_library(db)
        stats = clinic_stats(db, library)
        adopted = adopt(db, library) if args.adopt else None
    if args.json:
        data: dict[str, Any] = {"subscales": [s.to_dict() for s in stats]}
        if adopted:
            data["adopted"] = {"dyads": adopted[0], "form": adopted[1][0],
                               "version": adopted[1][1], "thresholds": adopted[2]}  # fmt: skip
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(render(stats, lang))
    if adopted:
        shown = ", ".join(f"{k} {_num(v, lang)}" for k, v in sorted(adopted[2].items()))
        print(WORDS[lang]["adopted"].format(n=adopted[0], form=adopted[1][0],
                                            version=adopted[1][1], values=shown))  # fmt: skip
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "psychometrics",
        help="reliability and spread of the clinic's questionnaires; adopt its own thresholds",
        description=__doc__.splitlines()[0],
    )
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    p.add_argument("--lang", choices=("fr", "en"), help="language of the text (default en)")
    p.add_argument(
        "--adopt",
        action="store_true",
        help="store the clinic's own spread, reliability and offset as its thresholds "
        "(needs at least 30 dyads with both sides complete)",
    )
    p.set_defaults(handler=_psychometrics)
