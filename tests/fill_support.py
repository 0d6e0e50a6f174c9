"""A small clinic in a real encrypted database, for the fill and kiosk tests.

Two physicians, three patients, the shipped forms; one visit whose physician
side is already answered with words no patient should ever see.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher

from dyade.forms import FormLibrary, default_library
from dyade.storage import open_database
from dyade.storage import users as users_module
from dyade.storage.dyads import create_dyad
from dyade.storage.patients import create_patient
from dyade.storage.responses import Response, complete_response, responses_of_visit, save_answer
from dyade.storage.visits import FormRef, Visit, create_visit

PASSWORD = "correct horse 42"
PHYSICIAN_COMMENT = "Physician private note: zebra-lantern-7731"
OTHER_PATIENT_NAME = "Zoé Quintessence-Other"


@dataclass
class Clinic:
    db: object
    library: FormLibrary
    visit: Visit
    patient_response: Response
    physician_response: Response
    other_visit: Visit
    physician_login: str
    physician_name: str


def cheap_hashing(monkeypatch) -> None:
    """Argon2 at its cheapest: the tests check behaviour, not hashing cost."""
    monkeypatch.setattr(
        users_module, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


def new_visit(db, library, dyad_uuid: str, kind: str = "brief") -> Visit:
    forms = [
        FormRef("patient", f"dyade-{kind}-patient", library.get(f"dyade-{kind}-patient").version),
        FormRef(
            "physician", f"dyade-{kind}-physician", library.get(f"dyade-{kind}-physician").version
        ),
    ]
    return create_visit(db, dyad_uuid, forms, kind=kind)


def physician_answers(library: FormLibrary, kind: str) -> dict:
    """Answers to every physician item: last scale point, last option, a telltale comment."""
    form = library.get(f"dyade-{kind}-physician")
    answers = {}
    for item in form.items:
        if item.kind == "scale":
            answers[item.id] = form.scale_of(item).max
        elif item.kind == "choice":
            answers[item.id] = item.codes()[-1]
        elif item.kind == "multi":
            answers[item.id] = [item.codes()[0]]
        else:
            answers[item.id] = PHYSICIAN_COMMENT
    return answers


def make_clinic(tmp_path, monkeypatch, kind: str = "brief") -> Clinic:
    cheap_hashing(monkeypatch)
    db = open_database(tmp_path / "clinic.db", "a clinic passphrase", create=True, kdf_iter=2)
    library = default_library()
    doctor = users_module.create_user(
        db, "drmartin", "physician", PASSWORD, display_name="Dr Hélène Martin-Physician"
    )
    other_doctor = users_module.create_user(db, "drother", "physician", PASSWORD)
    patient = create_patient(db, "P-0001", name="Anne Patient-Self", language="fr")
    other = create_patient(db, "P-0002", name=OTHER_PATIENT_NAME, language="en")
    dyad = create_dyad(db, patient.uuid, doctor.uuid)
    other_dyad = create_dyad(db, other.uuid, other_doctor.uuid)
    visit = new_visit(db, library, dyad.uuid, kind)
    other_visit = new_visit(db, library, other_dyad.uuid, kind)
    responses = {r.respondent: r for r in responses_of_visit(db, visit.uuid)}
    for item_id, value in physician_answers(library, kind).items():
        save_answer(db, responses["physician"].uuid, item_id, value)
    complete_response(db, responses["physician"].uuid)
    return Clinic(
        db,
        library,
        visit,
        responses["patient"],
        responses["physician"],
        other_visit,
        doctor.login,
        doctor.display_name,
    )
