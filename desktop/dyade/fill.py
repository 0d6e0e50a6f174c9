"""Filling one questionnaire: screens, answers saved as given, review and submit.

A :class:`FillSession` joins a stored response (``dyade.storage``) with its form
(``dyade.forms``). The kiosk opens it by visit code for the patient; the
physician's workspace opens it by response id. Every answer goes to the
database the moment it is given, so a session closed half-way resumes on the
first screen that still has an unanswered question. No Qt, no SQL here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import sqlite_utils

from dyade.errors import DyadeError
from dyade.forms.schema import Form, Item
from dyade.forms.words import answer_words
from dyade.storage import responses as stored
from dyade.storage.errors import DamagedDatabase, DatabaseMoved, NotFound, StorageFault
from dyade.storage.users import User
from dyade.storage.visits import find_visit_by_code, normalize_code

if TYPE_CHECKING:  # the analysis loads when a response is sent, not when the kiosk opens
    from dyade.clinic import ClinicLibrary
    from dyade.completion import Completed
    from dyade.forms.library import FormLibrary

    # the clinic's forms and thresholds (the app), or bare forms (scripts, tests)
    FormLookup = ClinicLibrary | FormLibrary

log = logging.getLogger(__name__)

# what the disk or the file can do to a save: the patient is told kindly, never technically
SAVE_FAULTS = (StorageFault, DatabaseMoved, DamagedDatabase)
LANGUAGES = ("fr", "en")


class KindError(DyadeError):
    """A refusal a patient may see: it carries its message in French and English.

    The kiosk shows ``kind_message``; staff (``describe``) see what happened.
    """

    messages: ClassVar[dict[str, str]] = {}

    def kind_message(self, lang: str) -> str:
        """The message for a person, in ``lang`` (``fr`` or ``en``)."""
        return self.messages["fr" if lang == "fr" else "en"]


class UnknownVisitCode(KindError):
    """No visit has this code (mistyped, or its visit was cancelled)."""

    messages: ClassVar[dict[str, str]] = {
        "fr": "Ce code ne correspond à aucun questionnaire en attente. Il a peut-être "
        "déjà servi, ou un caractère a été mal saisi. Vérifiez le code ou demandez de "
        "l’aide à l’accueil.",
        "en": "This code does not match any questionnaire waiting to be filled. It may "
        "have been used already, or a character may be mistyped. Please check the code "
        "or ask at the front desk.",
    }


class AlreadyCompleted(KindError):
    """The patient's questionnaire for this code has been submitted already."""

    messages: ClassVar[dict[str, str]] = {
        "fr": "Ce questionnaire a déjà été rempli et envoyé. Merci beaucoup\u00a0! "
        "Aucune autre réponse n’est nécessaire.",
        "en": "This questionnaire has already been filled in and sent. Thank you! "
        "Nothing more is needed.",
    }


class AnswerNotSaved(KindError):
    """The disk refused the answer (full, read-only, file gone): nothing was recorded.

    The answers saved before stay safe; the person is asked to fetch staff,
    who see the technical reason in the log and in the workspace.
    """

    messages: ClassVar[dict[str, str]] = {
        "fr": "Votre réponse n’a pas pu être enregistrée. Les réponses déjà données sont "
        "conservées. Merci de prévenir l’accueil.",
        "en": "Your answer could not be saved. The answers you gave before are kept. "
        "Please let the front desk know.",
    }


class MissingAnswers(DyadeError):
    """Submit was asked while required questions are still unanswered."""


@dataclass(frozen=True)
class Screen:
    """Consecutive items shown together (one item, or a group the form names)."""

    index: int
    name: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class CheckRow:
    """One question as the check-your-answers screen lists it."""

    screen: int
    item: Item
    question: str
    answer: str | None  # readable answer in the session's language; None if not answered
    skipped: bool


def build_screens(form: Form) -> list[Screen]:
    """Group the form's items: consecutive items with the same ``screen`` share one."""
    groups: list[list[Item]] = []
    for item in form.items:
        if groups and item.screen is not None and groups[-1][-1].screen == item.screen:
            groups[-1].append(item)
        else:
            groups.append([item])
    return [Screen(i, g[0].screen, tuple(g)) for i, g in enumerate(groups)]


def value_problem(form: Form, item: Item, value: Any) -> str | None:
    """Why ``value`` is not a valid answer to ``item`` (None when it is)."""
    if value is None:
        return None if item.optional else f"item {item.id} may not be skipped"
    if item.kind == "scale":
        scale = form.scale_of(item)
        on_scale = isinstance(value, int) and not isinstance(value, bool)
        if scale is not None and on_scale and value in scale.points():
            return None
        return f"item {item.id}: {value!r} off scale"
    if item.kind == "choice":
        return None if value in item.codes() else f"item {item.id}: unknown option {value!r}"
    if item.kind == "multi":
        ok = isinstance(value, list) and all(v in item.codes() for v in value)
        return None if ok and len(set(value)) == len(value) else f"item {item.id}: bad {value!r}"
    return None if isinstance(value, str) else f"item {item.id}: text expected"


def toggled(item: Item, current: Sequence[str] | None, code: str) -> list[str]:
    """A checklist after toggling ``code``: an exclusive option clears the others."""
    chosen = list(current or [])
    if code in chosen:
        return [c for c in chosen if c != code]
    exclusive = {o.code for o in item.options or [] if o.exclusive}
    if code in exclusive:
        return [code]
    chosen = [c for c in chosen if c not in exclusive] + [code]
    return [c for c in item.codes() if c in chosen]  # keep the form's order


def is_answered(item: Item, answers: dict[str, Any]) -> bool:
    """Answered, or deliberately skipped; an emptied checklist or blank text is not."""
    if item.id not in answers:
        return False
    value = answers[item.id]
    if value is None:
        return True
    if item.kind == "multi":
        return bool(value)
    if item.kind == "text":
        return bool(str(value).strip()) or item.optional
    return True


class FillSession:
    """One respondent filling one stored response; answers are saved as given."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        form: Form,
        response: stored.Response,
        answers: dict,
        library: FormLookup,
    ) -> None:
        self.db = db
        self.form = form
        self.library = library  # the clinic's forms and thresholds, for the analysis on submit
        self.response_uuid = response.uuid
        self.respondent = response.respondent
        self.language = response.language if response.language in LANGUAGES else "fr"
        self.answers: dict[str, Any] = dict(answers)
        self.screens = build_screens(form)
        self.submitted = response.status == "complete"
        self.completed: Completed | None = None  # what sending it changed (submit)

    # ---- opening --------------------------------------------------------------

    @classmethod
    def open_visit_code(
        cls, db: sqlite_utils.Database, library: FormLookup, code: str
    ) -> FillSession:
        """The patient's pending questionnaire of the visit with this code.

        A code whose questionnaire was sent (even once the whole visit is
        closed) gets :class:`AlreadyCompleted`, so the patient hears it is done.
        """
        visit = find_visit_by_code(db, code) if normalize_code(code) else None
        if visit is None or visit.status == "cancelled":
            shown = normalize_code(code)
            raise UnknownVisitCode(
                f"no open visit with code {shown!r}",
                fr=f"aucune visite ouverte n’a le code {shown!r}",
            )
        mine = [r for r in stored.responses_of_visit(db, visit.uuid) if r.respondent == "patient"]
        if not mine:
            raise UnknownVisitCode(
                f"visit {visit.code} has no patient questionnaire",
                fr=f"la visite {visit.code} n’a pas de questionnaire patient",
            )
        if visit.status == "complete" or all(r.status == "complete" for r in mine):
            raise AlreadyCompleted(
                f"the patient questionnaire of visit {visit.code} is complete",
                fr=f"le questionnaire patient de la visite {visit.code} est terminé",
            )
        response = next(r for r in mine if r.status != "complete")
        return cls._open(db, library, response, None)

    @classmethod
    def open_response(
        cls,
        db: sqlite_utils.Database,
        library: FormLookup,
        response_uuid: str,
        *,
        user: User | None = None,
    ) -> FillSession:
        """A response by id (``user``: the signed-in physician, checked by storage)."""
        try:
            response = stored.get_response(db, response_uuid)
        except NotFound as exc:
            raise UnknownVisitCode(str(exc), fr=exc.fr) from exc
        if response.status == "complete":
            raise AlreadyCompleted(
                f"response {response_uuid} is complete",
                fr=f"le questionnaire {response_uuid} est déjà terminé",
            )
        return cls._open(db, library, response, user)

    @classmethod
    def _open(
        cls, db: sqlite_utils.Database, library: FormLookup, response: stored.Response, user
    ) -> FillSession:
        form = library.get(response.form_id, response.form_version)
        if form is None:
            raise DyadeError(
                f"the form '{response.form_id}' of this questionnaire is not installed; "
                "check the forms folder (dyade forms list)",
                fr=f"le questionnaire {response.form_id!r} n’est pas installé\u00a0; "
                "vérifiez le dossier des questionnaires (dyade forms list)",
            )
        answers = stored.load_answers(db, response.uuid, user=user)
        return cls(db, form, response, answers, library)

    # ---- answering ------------------------------------------------------------

    def answer(self, item_id: str, value: Any) -> None:
        """Check and store one answer now (``None`` = "I prefer not to answer")."""
        item = self.form.item(item_id)
        problem = value_problem(self.form, item, value)
        if problem:
            raise DyadeError(f"form {self.form.id}: {problem}")  # the widgets prevent it
        try:
            stored.save_answer(self.db, self.response_uuid, item_id, value)
        except SAVE_FAULTS as exc:
            raise AnswerNotSaved(str(exc), fr=exc.fr) from exc
        self.answers[item_id] = value

    def skip(self, item_id: str) -> None:
        """Record "I prefer not to answer"; only optional items allow it."""
        self.answer(item_id, None)

    def toggle(self, item_id: str, code: str) -> list[str]:
        """Toggle one checklist option, store the new list and return it."""
        item = self.form.item(item_id)
        current = self.answers.get(item_id)
        chosen = toggled(item, current if isinstance(current, list) else [], code)
        self.answer(item_id, chosen)
        return chosen

    def set_language(self, lang: str) -> None:
        """The respondent switched language; remembered with the response."""
        if lang != self.language and not self.submitted:
            try:
                stored.set_response_language(self.db, self.response_uuid, lang)
            except SAVE_FAULTS:  # not an answer: the screen may still switch
                log.warning("the language of response %s was not saved", self.response_uuid)
        self.language = lang

    # ---- where we are ---------------------------------------------------------

    def is_answered(self, item_id: str) -> bool:
        return is_answered(self.form.item(item_id), self.answers)

    def screen_done(self, index: int) -> bool:
        return all(is_answered(item, self.answers) for item in self.screens[index].items)

    def resume_screen(self) -> int:
        """The first screen with an unanswered question (``len(screens)``: review)."""
        for screen in self.screens:
            if not self.screen_done(screen.index):
                return screen.index
        return len(self.screens)

    def question_number(self, item_id: str) -> int:
        """1-based position of the item among all questions ("question 4 of 12")."""
        return [item.id for item in self.form.items].index(item_id) + 1

    @property
    def question_count(self) -> int:
        return len(self.form.items)

    def missing(self) -> list[str]:
        """Items still unanswered (skipped ones count as answered)."""
        return [item.id for item in self.form.items if not is_answered(item, self.answers)]

    # ---- review and submit ----------------------------------------------------

    def check_rows(self) -> list[CheckRow]:
        rows = []
        for screen in self.screens:
            for item in screen.items:
                value = self.answers.get(item.id)
                skipped = item.id in self.answers and value is None
                text = None if value is None else self.answer_text(item, value)
                rows.append(
                    CheckRow(screen.index, item, item.text.get(self.language), text, skipped)
                )
        return rows

    def answer_text(self, item: Item, value: Any) -> str | None:
        """The answer as the respondent chose it, in the session's language."""
        return answer_words(self.form, item, value, self.language)

    def submit(self) -> Completed:
        """Complete the response and analyse the visit once both sides are in
        (:func:`dyade.completion.complete_response`); refused while a required
        question is unanswered."""
        missing = self.missing()
        if missing:
            listed = ", ".join(missing)
            raise MissingAnswers(
                f"form {self.form.id}: unanswered items {listed}",
                fr=f"questionnaire {self.form.id}\u00a0: questions sans réponse {listed}",
            )
        try:
            stored.complete_response(self.db, self.response_uuid)
        except SAVE_FAULTS as exc:
            raise AnswerNotSaved(str(exc), fr=exc.fr) from exc
        self.submitted = True
        from dyade.completion import complete_response

        self.completed = complete_response(self.db, self.library, self.response_uuid)
        return self.completed


def patient_prompts(lang: str, limit: int = 2, tension: str | None = None) -> list[str]:
    """One or two gentle phrases inviting the patient to say what matters to them,
    chosen for the kind of tension the patient's own answers show (``Completed.tension``).

    Wording from the analysis (``resources/text/analysis.yaml``); never anything
    about the physician's answers.
    """
    from dyade.analysis.texts import patient_repair_prompts

    return patient_repair_prompts("fr" if lang == "fr" else "en", tension)[:limit]
