"""Patients: a clinic code people use, a UUID that travels, optional identity."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from dyade.storage import audit
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.records import check_language, clean_text, new_uuid, now

LANGUAGES = ("fr", "en")
MAX_NAME = 200  # characters: a long double-barrelled name fits; a pasted page does not
_COLUMNS = "uuid, code, name, birth_year, language, created_at"


@dataclass(frozen=True)
class Patient:
    uuid: str
    code: str
    name: str | None
    birth_year: int | None
    language: str
    created_at: str


def _check(code: str, birth_year: int | None, language: str) -> str:
    code = code.strip()
    if not code or len(code) > 40:
        raise InvalidRecord(
            f"patient code {code!r}: give 1 to 40 characters",
            fr=f"code patient {code!r}\u00a0: donnez de 1 à 40 caractères",
        )
    if birth_year is not None and not 1880 <= birth_year <= 2200:
        raise InvalidRecord(
            f"birth year {birth_year}: give a four-digit year",
            fr=f"année de naissance {birth_year}\u00a0: donnez une année à quatre chiffres",
        )
    check_language(language)
    return code


def _name(name: str | None) -> str | None:
    """The name as stored: hidden characters removed, empty as None, within ``MAX_NAME``."""
    name = clean_text(name or "").strip()
    if len(name) > MAX_NAME:
        raise InvalidRecord(
            f"patient name of {len(name)} characters: write at most {MAX_NAME} characters",
            fr=f"nom de patient de {len(name)} caractères\u00a0: écrivez au plus {MAX_NAME} "
            "caractères",
        )
    return name or None


def create_patient(
    db: sqlite_utils.Database,
    code: str,
    *,
    name: str | None = None,
    birth_year: int | None = None,
    language: str = "fr",
    by: str | None = None,
) -> Patient:
    """Register a patient under a clinic code unique in this database."""
    code, name = _check(code, birth_year, language), _name(name)
    if find_patient(db, code) is not None:
        raise InvalidRecord(
            f"patient code {code!r} is already used", fr=f"le code patient {code!r} est déjà pris"
        )
    patient_uuid = new_uuid()
    with db.atomic():
        db.execute(
            f"INSERT INTO patients ({_COLUMNS}) VALUES (?,?,?,?,?,?)",
            [patient_uuid, code, name, birth_year, language, now()],
        )
        audit.record(db, "created", f"patient:{patient_uuid}", user_uuid=by)
    return get_patient(db, patient_uuid)


def get_patient(db: sqlite_utils.Database, patient_uuid: str) -> Patient:
    row = db.execute(f"SELECT {_COLUMNS} FROM patients WHERE uuid = ?", [patient_uuid]).fetchone()
    if row is None:
        raise NotFound(
            f"no patient with id {patient_uuid}",
            fr=f"aucun patient n’a l’identifiant {patient_uuid}",
        )
    return Patient(*row)


def find_patient(db: sqlite_utils.Database, code: str) -> Patient | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM patients WHERE code = ?", [code.strip()]).fetchone()
    return None if row is None else Patient(*row)


def patient_by_code(db: sqlite_utils.Database, code: str) -> Patient:
    """Like :func:`find_patient`, but a missing code is an error naming it."""
    patient = find_patient(db, code)
    if patient is None:
        raise NotFound(f"no patient with code {code!r}", fr=f"aucun patient n’a le code {code!r}")
    return patient


def list_patients(
    db: sqlite_utils.Database, *, limit: int = 1000, offset: int = 0
) -> list[Patient]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM patients ORDER BY code LIMIT ? OFFSET ?", [limit, offset]
    ).fetchall()
    return [Patient(*row) for row in rows]


def update_patient(
    db: sqlite_utils.Database,
    patient_uuid: str,
    *,
    name: str | None = None,
    birth_year: int | None = None,
    language: str | None = None,
    by: str | None = None,
) -> Patient:
    """Change the given fields (None leaves a field as it is; an empty name or a birth
    year of 0 clears it)."""
    old = get_patient(db, patient_uuid)
    new_name = old.name if name is None else _name(name)
    new_year = old.birth_year if birth_year is None else (birth_year or None)
    new_lang = old.language if language is None else language
    _check(old.code, new_year, new_lang)
    with db.atomic():
        db.execute(
            "UPDATE patients SET name = ?, birth_year = ?, language = ? WHERE uuid = ?",
            [new_name, new_year, new_lang, patient_uuid],
        )
        audit.record(db, "changed", f"patient:{patient_uuid}", user_uuid=by)
    return get_patient(db, patient_uuid)
