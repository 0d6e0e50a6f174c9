"""Export as a FHIR R4 Bundle: one QuestionnaireResponse per stored response, the
Questionnaire each one answers and the CodeSystems of its items (from the form
engine's :mod:`dyade.forms.fhir`).

Answers carry the same codings as the Questionnaire's answer options (scale
points as their number, choices as their code), so a FHIR tool links each
answer to its option; each subscale's calculated item carries Dyade's score.
A form the clinic no longer has is exported without its Questionnaire, its
answers as plain values. The file is NOT encrypted; the
export is written to the audit log like the others.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlite_utils

from dyade.forms.fhir import (
    RESPONSE_PROFILE,
    code_systems,
    form_to_fhir,
    item_system,
    questionnaire_url,
    score_link,
)
from dyade.forms.scoring import score_subscale
from dyade.safe_write import check_target, write_text
from dyade.storage.export import FIXED_COLUMNS, RESPONSES_SQL, allowed, answers_of, filters, log
from dyade.storage.records import now
from dyade.storage.users import User

if TYPE_CHECKING:
    from dyade.forms.library import FormLibrary
    from dyade.forms.schema import Form, Item

STATUS = {"pending": "in-progress", "in_progress": "in-progress", "complete": "completed"}
PATIENT_SYSTEM = "urn:dyade:patient-code"
STAFF_SYSTEM = "urn:dyade:staff-login"
VISIT_SYSTEM = "urn:dyade:visit"


def _value(form: Form | None, item: Item | None, value: Any, lang: str) -> list[dict[str, Any]]:
    """FHIR answers for one stored value (a list gives one answer per code)."""
    if form is None or item is None:  # the form is gone: keep the value as it is
        values = value if isinstance(value, list) else [value]
        return [{"valueInteger": v} if type(v) is int else {"valueString": str(v)} for v in values]
    if item.kind == "text":
        return [{"valueString": value}]
    system = item_system(form.id, item.id)
    if item.kind == "scale":
        scale = form.scale_of(item)
        label = scale.labels[value].get(lang) if scale and value in scale.labels else None
        return [{"valueCoding": _coding(system, str(value), label)}]
    labels = {o.code: o.label.get(lang) for o in item.options or []}
    codes = value if isinstance(value, list) else [value]
    return [{"valueCoding": _coding(system, code, labels.get(code))} for code in codes]


def _coding(system: str, code: str, display: str | None) -> dict[str, Any]:
    return {"system": system, "code": code, **({"display": display} if display else {})}


def _items(form: Form | None, answers: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    order = [item.id for item in form.items] if form else []
    ids = [i for i in order if i in answers] + sorted(set(answers) - set(order))
    out = []
    for item_id in ids:
        value = answers[item_id]
        if value is None or value == []:  # skipped: FHIR leaves the item out
            continue
        item = form.item(item_id) if form and form.has_item(item_id) else None
        entry: dict[str, Any] = {"linkId": item_id}
        if item is not None:
            entry["text"] = item.text.get(lang)
        entry["answer"] = _value(form, item, value, lang)
        out.append(entry)
    return out + _scores(form, answers)


def _scores(form: Form | None, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """The calculated score items, answered with the scores Dyade gives the response."""
    if form is None:
        return []
    out = []
    for sub in form.subscales:
        value = score_subscale(form, sub, answers).value
        if value is not None:
            out.append({"linkId": score_link(sub), "answer": [{"valueDecimal": round(value, 4)}]})
    return out


def response_resource(
    row: dict[str, Any], answers: dict[str, Any], form: Form | None
) -> dict[str, Any]:
    """One stored response (a row of the CSV export's fixed columns) as FHIR."""
    patient = {"identifier": {"system": PATIENT_SYSTEM, "value": row["patient_code"]}}
    staff = {"identifier": {"system": STAFF_SYSTEM, "value": row["physician_login"]}}
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": row["response_uuid"],
        "meta": {"profile": [RESPONSE_PROFILE]},
        "identifier": {"system": "urn:dyade:response", "value": row["response_uuid"]},
        "questionnaire": f"{questionnaire_url(row['form_id'])}|{row['form_version']}",
        "status": STATUS[row["status"]],
        "language": row["language"],
        "subject": patient,
        "encounter": {"identifier": {"system": VISIT_SYSTEM, "value": row["visit_uuid"]}},
        "author": patient if row["respondent"] == "patient" else staff,
        "item": _items(form, answers, row["language"]),
    }
    if row["completed_at"]:
        resource["authored"] = row["completed_at"]
    if not resource["item"]:
        del resource["item"]
    return resource


def _entry(resource: dict[str, Any], key: str) -> dict[str, Any]:
    full_url = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"
    return {"fullUrl": full_url, "resource": resource}


def fhir_bundle(
    db: sqlite_utils.Database,
    library: FormLibrary,
    *,
    since: date | str | None = None,
    dyad: str | None = None,
    user: User | None = None,
) -> tuple[dict[str, Any], int]:
    """The Bundle (as a dict) and the number of QuestionnaireResponses in it."""
    allowed(db, user, dyad)
    questionnaires: dict[tuple[str, int], dict[str, Any]] = {}
    systems: list[dict[str, Any]] = []
    responses = []
    for fixed in db.execute(RESPONSES_SQL, filters(since, dyad)).fetchall():
        row = dict(zip(FIXED_COLUMNS, fixed, strict=True))
        form = library.get(row["form_id"], row["form_version"])
        key = (row["form_id"], row["form_version"])
        if form is not None and key not in questionnaires:
            questionnaires[key] = _entry(form_to_fhir(form, row["language"]), f"q:{key}")
            for system in code_systems(form, row["language"]):
                systems.append(_entry(system, f"cs:{key}:{system['id']}"))
        answers = {item: value for item, value, _at in answers_of(db, row["response_uuid"])}
        resource = response_resource(row, answers, form)
        responses.append(_entry(resource, f"urn:uuid:{row['response_uuid']}"))
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": now(),
        "entry": [*questionnaires.values(), *systems, *responses],
    }
    return bundle, len(responses)


def export_fhir(
    db: sqlite_utils.Database,
    out: str | os.PathLike[str],
    *,
    since: date | str | None = None,
    dyad: str | None = None,
    user: User | None = None,
    library: FormLibrary | None = None,
    force: bool = False,
) -> int:
    """Write the FHIR Bundle to ``out``; return the number of responses in it."""
    check_target(out, force=force)
    if library is None:  # the forms the app reads: shipped and the clinic's folder
        from dyade.storage.settings import clinic_forms

        library = clinic_forms(db)
    bundle, count = fhir_bundle(db, library, since=since, dyad=dyad, user=user)
    write_text(out, json.dumps(bundle, ensure_ascii=False, indent=1), force=force)
    log(db, out, "fhir", filters(since, dyad), count, user)
    return count
