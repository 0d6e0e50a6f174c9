"""The physician's own questionnaire, filled after the consultation in a normal window.

The same widgets as the kiosk (:mod:`dyade.ui.questionnaire`), without the
kiosk's full screen and idle reset. Each answer is saved as it is given; sending
it completes the response (:func:`dyade.completion.complete_response`), which
analyses the visit when the patient has answered too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dyade.errors import DyadeError
from dyade.fill import FillSession
from dyade.ui.errors import describe, show_error
from dyade.ui.i18n import current_language
from dyade.ui.questionnaire import QuestionnaireView
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.formats import date_text

if TYPE_CHECKING:
    from dyade.storage.responses import PendingResponse
    from dyade.ui.workspace.session import Session
    from dyade.ui.workspace.shell import Workspace
from dyade.ui.workspace.window_fit import place


class PhysicianQuestionnaireWindow(Retranslating, QWidget):
    """Emits ``finished(dyad_uuid)`` once the questionnaire is sent."""

    finished = Signal(str)
    analysed = Signal(bool)  # True when both sides have answered and the comparison is ready

    def __init__(
        self, session: Session, fill: FillSession, patient_code: str, visit_date: str
    ) -> None:
        super().__init__(None)
        self.session, self.fill = session, fill
        self.patient_code, self.visit_date = patient_code, visit_date
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.view = QuestionnaireView(fill, self)
        self.view.submitted.connect(self._submitted)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        place(self, QSize(900, 760))
        self.retranslate()

    def retranslate(self) -> None:
        # questions follow the app's language; a closed window no longer writes its choice
        if self.isVisible() and self.fill.language != current_language():
            self.view.set_language(current_language())
        self.setWindowTitle(self.tr("Dyade: your questionnaire"))
        self.heading.setText(
            self.tr("Your questionnaire: patient {code}, visit of {date}").format(
                code=self.patient_code, date=date_text(self.visit_date)
            )
        )
        self.note.setText(
            self.tr(
                "Each answer is saved as you give it: you can close this window and come "
                "back later from the list of questionnaires to fill in."
            )
        )

    def _submitted(self) -> None:
        done = self.fill.completed  # saved; analysed too when the patient has answered
        if done is None:
            return
        if done.problem is not None:
            show_error(self, describe(done.problem))
        self.analysed.emit(done.analysed)
        self.finished.emit(done.dyad)
        self.close()


def sent_notice(patient_code: str, analysed: bool) -> str:
    """What the physician reads once their questionnaire is sent: where the comparison is."""
    if analysed:
        return QCoreApplication.translate(
            "Questionnaire",
            "Your questionnaire for patient {code} is saved. Both sides have answered: the "
            "comparison is ready on the dashboard.",
        ).format(code=patient_code)
    return QCoreApplication.translate(
        "Questionnaire",
        "Your questionnaire for patient {code} is saved. The comparison will be ready on the "
        "dashboard once the patient has answered too.",
    ).format(code=patient_code)


def open_physician_questionnaire(workspace: Workspace, response_uuid: str) -> QWidget | None:
    """Open the signed-in physician's questionnaire for this response."""
    from dyade.storage.responses import get_response
    from dyade.storage.visits import get_visit

    session = workspace.session
    try:
        fill = FillSession.open_response(
            session.db, session.library, response_uuid, user=session.user
        )
        fill.set_language(current_language())  # the screen's language, not the account's
    except DyadeError as exc:
        show_error(workspace, describe(exc))
        return None
    visit = get_visit(session.db, get_response(session.db, response_uuid).visit_uuid)
    code = next((p.patient_code for p in _pending_of(session, response_uuid)), "")
    window = PhysicianQuestionnaireWindow(session, fill, code, visit.date)
    window.finished.connect(lambda _dyad: workspace.refresh_all())
    window.analysed.connect(lambda ready: workspace.notify(sent_notice(code, ready)))
    window.show()
    return workspace.keep(window)


def _pending_of(session: Session, response_uuid: str) -> list[PendingResponse]:
    from dyade.storage.responses import pending_responses

    return [p for p in pending_responses(session.db) if p.response_uuid == response_uuid]
