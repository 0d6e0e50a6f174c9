"""Record a whole response at once (an answer file, for scripts and paper forms typed later).

Everything is checked before anything is written: the visit is open, the form
is the one this side of the visit is waiting for, each answer fits its item
(``dyade.forms.check_answers``) and every item that may not be skipped has an
answer. Then the answers and the completion go in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from dyade.forms import check_answers, missing_required
from dyade.forms.schema import Form
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.responses import RESPONDENTS, Response, responses_of_visit, save_answers
from dyade.storage.users import User
from dyade.storage.visits import Visit, find_open_visit_by_code, normalize_code


@dataclass(frozen=True)
class Recorded:
    visit: Visit
    response: Response
    both_complete: bool  # the other side was complete already: the visit can be analysed


def _pending_side(db: sqlite_utils.Database, visit: Visit, respondent: str) -> Response:
    sides = {r.respondent: r for r in responses_of_visit(db, visit.uuid)}
    if respondent not in sides:
        raise NotFound(f"visit {visit.code} has no {respondent} questionnaire")
    if sides[respondent].status == "complete":
        raise InvalidRecord(
            f"the {respondent}'s questionnaire of visit {visit.code} is complete already; "
            "a completed questionnaire is not changed"
        )
    return sides[respondent]


def _check_form(form: Form, respondent: str, pending: Response, code: str) -> None:
    if form.respondent != respondent:
        raise InvalidRecord(
            f"form '{form.id}' is filled by the {form.respondent}, not the {respondent}; "
            f"give it with --as {form.respondent}, or give a {respondent} form"
        )
    if (form.id, form.version) != (pending.form_id, pending.form_version):
        raise InvalidRecord(
            f"visit {code} waits for form '{pending.form_id}' version {pending.form_version} "
            f"from the {respondent}, not '{form.id}' version {form.version}"
        )


def _check_answers(form: Form, answers: dict[str, Any]) -> None:
    problems = check_answers(form, answers)
    missing = missing_required(form, answers)
    if missing:
        problems.append(f"no answer to the required item(s) {', '.join(missing)}")
    if problems:
        listed = "; ".join(problems)
        raise InvalidRecord(f"{len(problems)} problem(s), nothing recorded: {listed}")


def record_response(
    db: sqlite_utils.Database,
    visit_code: str,
    respondent: str,
    form: Form,
    answers: dict[str, Any],
    *,
    user: User | None = None,
) -> Recorded:
    """Store ``answers`` to ``form`` as the complete ``respondent`` side of the open
    visit ``visit_code``; refuse (writing nothing) anything that does not fit."""
    if respondent not in RESPONDENTS:
        raise InvalidRecord(f"respondent {respondent!r}: choose patient or physician")
    visit = find_open_visit_by_code(db, visit_code)
    if visit is None:
        raise NotFound(f"no open visit has the code {normalize_code(visit_code)}")
    pending = _pending_side(db, visit, respondent)
    _check_form(form, respondent, pending, visit.code)
    _check_answers(form, answers)
    response = save_answers(db, pending.uuid, answers, complete=True, user=user)
    others = [r for r in responses_of_visit(db, visit.uuid) if r.respondent != respondent]
    return Recorded(visit, response, all(r.status == "complete" for r in others))
