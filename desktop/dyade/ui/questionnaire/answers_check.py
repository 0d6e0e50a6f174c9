"""Check your answers before sending: every question, its answer and a button to change it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dyade.fill import CheckRow
from dyade.ui.questionnaire.common import icon, repolish
from dyade.ui.retranslate import Retranslating


class AnswersCheckList(Retranslating, QWidget):
    """Rows of question / answer / "Change"; emits the screen to go back to."""

    change_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CheckRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.change_buttons: list[QPushButton] = []
        self.answer_labels: list[QLabel] = []
        self.question_labels: list[QLabel] = []

    def set_rows(self, rows: list[CheckRow]) -> None:
        """Show the session's check rows; the same questions as before are updated in place."""
        if [(r.screen, r.item.id) for r in rows] == [(r.screen, r.item.id) for r in self.rows]:
            self.rows = rows
            for row, question in zip(rows, self.question_labels, strict=True):
                question.setText(row.question)
            self.retranslate()
            return
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = rows
        self.change_buttons, self.answer_labels, self.question_labels = [], [], []
        for row in rows:
            self._layout.addWidget(self._row_widget(row))
        self.retranslate()

    def _row_widget(self, row: CheckRow) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("reviewRow")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(16)
        question = QLabel(row.question, frame)
        question.setObjectName("reviewQuestion")
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.PlainText)
        answer = QLabel(frame)
        answer.setObjectName("reviewAnswer")
        answer.setWordWrap(True)
        answer.setTextFormat(Qt.TextFormat.PlainText)
        change = QPushButton(frame)
        change.setObjectName("changeButton")
        change.setIcon(icon("pencil"))
        change.clicked.connect(lambda _=False, s=row.screen: self.change_requested.emit(s))
        grid.addWidget(question, 0, 0)
        grid.addWidget(answer, 1, 0)
        grid.addWidget(change, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(0, 1)
        self.change_buttons.append(change)
        self.answer_labels.append(answer)
        self.question_labels.append(question)
        return frame

    def retranslate(self) -> None:
        for row, answer, change in zip(
            self.rows, self.answer_labels, self.change_buttons, strict=True
        ):
            if row.answer is not None:
                shown = row.answer
            elif row.skipped:
                shown = self.tr("You preferred not to answer")
            else:
                shown = self.tr("Not answered yet")
            answer.setText(shown)
            if answer.property("missing") != (row.answer is None):  # restyle on change only
                answer.setProperty("missing", row.answer is None)
                repolish(answer)
            change.setText(self.tr("Change"))
            change.setAccessibleName(
                self.tr("Change the answer to: {question}").format(question=row.question)
            )
            change.setAccessibleDescription(
                self.tr("Current answer: {answer}").format(answer=shown)
            )
