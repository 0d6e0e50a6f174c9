"""The demo clinic: invented physicians, patients and visits so every screen has something real.

It holds the article's two scenarios (A: a withdrawal the physician did not
perceive; B: a shared confrontation), a dyad whose rupture was repaired over
the next visits, one whose rupture stays unresolved, calm dyads, a dyad shared
between two physicians, and questionnaires still to fill in today and overdue.
Its passphrase and passwords are published: it never holds real data.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyade.paths import data_root

if TYPE_CHECKING:
    from dyade.forms.library import FormLibrary

DEMO_PASSPHRASE = "demo-dyade-tilleuls"
DEMO_PASSWORD = "demo-dyade"
CLINIC_NAME = "Cabinet des Tilleuls (démo)"

STAFF = (
    ("martin", "physician", "Dr Claire Martin", "fr"),
    ("nguyen", "physician", "Dr Paul Nguyen", "en"),
    ("accueil", "receptionist", "Accueil", "fr"),
    ("admin", "admin", "Administration", "fr"),
)

# patient code, name, birth year, language, physician, visits (answer-file names, days ago)
DYADS = (
    ("A-1042", "Solène Marchand", 1979, "fr", "martin", (("harmonious", 70), ("scenario-a", 6))),
    ("B-2210", "Yves Laporte", 1958, "fr", "martin", (("harmonious", 50), ("scenario-b", 4))),
    (
        "R-3307",
        "Inès Robert",
        1990,
        "fr",
        "martin",
        (("harmonious", 120), ("confrontation", 90), ("harmonious", 60), ("harmonious", 30)),
    ),
    (
        "U-4481",
        "Marc Olivier",
        1966,
        "fr",
        "martin",
        (("harmonious", 100), ("confrontation", 45), ("confrontation", 12)),
    ),
    ("H-5120", "Louise Perrin", 1984, "fr", "martin", (("harmonious", 80), ("harmonious", 20))),
    ("E-6093", "Emma Walsh", 1972, "en", "nguyen", (("harmonious", 40), ("scenario-a", 9))),
    ("E-7015", "David Chen", 1988, "en", "nguyen", (("harmonious", 35),)),
)
SHARED = ("E-6093", "martin")  # Dr Nguyen shares this dyad with Dr Martin
OPEN_VISITS = (("H-5120", 0, "full"), ("R-3307", 0, "brief"), ("B-2210", 3, "full"))


def example_answers(name: str, side: str) -> dict[str, Any]:
    """The answers of a documented example (docs/examples/<name>-<side>.json)."""
    path = data_root() / "docs" / "examples" / f"{name}-{side}.json"
    return json.loads(path.read_text(encoding="utf-8"))["answers"]


def _visit(db: Any, dyad_uuid: str, kind: str, on: date) -> Any:
    from dyade.storage.settings import visit_forms
    from dyade.storage.visits import FormRef, create_visit

    forms = [FormRef(who, *ref) for who, ref in visit_forms(db, kind).items()]
    return create_visit(db, dyad_uuid, forms, kind=kind, on=on)


# The examples' free text is English; a French-speaking member of a demo dyad writes this.
WORDS_FR = {
    "scenario-a": {
        "p_comment": "Deux semaines, c’est court\u00a0: j’ai encore mal à la tête après une heure "
        "de lecture. Je n’ai pas osé le dire.",
        "d_comment": "Deux semaines d’arrêt de plus, puis un retour progressif.",
    },
    "scenario-b": {
        "d_comment": "Trois mois accordés\u00a0; je ne sais pas trop comment le justifier.",
    },
}


def _fill(db: Any, visit: Any, example: str, languages: dict[str, str]) -> None:
    """Answer both sides as the example does, free text in each respondent's language."""
    from dyade.storage.responses import responses_of_visit, save_answers

    for response in responses_of_visit(db, visit.uuid):
        answers = example_answers(example, response.respondent)
        if languages[response.respondent] == "fr":
            answers.update(
                (item, text) for item, text in WORDS_FR.get(example, {}).items() if item in answers
            )
        save_answers(db, response.uuid, answers, complete=True)


def populate(db: Any, library: FormLibrary, today: date | None = None) -> None:
    """Fill an empty clinic database with the demo clinic."""
    from dyade.dyad_analysis import refresh_dyad
    from dyade.storage.dyads import create_dyad, share_dyad
    from dyade.storage.patients import create_patient
    from dyade.storage.settings import set_setting
    from dyade.storage.users import create_user

    today = today or date.today()
    set_setting(db, "clinic_name", CLINIC_NAME)
    users = {
        login: create_user(db, login, role, DEMO_PASSWORD, display_name=name, language=lang)
        for login, role, name, lang in STAFF
    }
    dyads = {}
    for code, name, year, lang, physician, visits in DYADS:
        patient = create_patient(db, code, name=name, birth_year=year, language=lang)
        dyad = create_dyad(db, patient.uuid, users[physician].uuid)
        dyads[code] = dyad
        languages = {"patient": lang, "physician": users[physician].language}
        for example, days_ago in visits:
            visit = _visit(db, dyad.uuid, "full", today - timedelta(days=days_ago))
            _fill(db, visit, example, languages)
        refresh_dyad(db, library, dyad.uuid)
    share_dyad(db, dyads[SHARED[0]].uuid, users[SHARED[1]].uuid)
    for code, days_ago, kind in OPEN_VISITS:
        _visit(db, dyads[code].uuid, kind, today - timedelta(days=days_ago))


def build_demo(path: Path, passphrase: str = DEMO_PASSPHRASE) -> Path:
    """Create the demo clinic database at ``path`` (refuses to touch an existing file)."""
    from dyade.errors import DyadeError
    from dyade.forms.library import default_library
    from dyade.storage import open_database

    path = Path(path)
    if path.exists():
        raise DyadeError(f"{path} already exists; the demo clinic is only written to a new file")
    db = open_database(path, passphrase, create=True)
    try:
        populate(db, default_library())
    except BaseException:
        db.close()
        path.unlink(missing_ok=True)
        raise
    db.close()
    return path
