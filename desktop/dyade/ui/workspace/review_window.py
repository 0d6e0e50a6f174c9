"""The review of one dyad: a visit side by side, and its history over visits."""

from __future__ import annotations

from html import escape as _html_escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dyade.dyad_analysis import DyadReview, review_dyad
from dyade.errors import DyadeError
from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.exports import ExportBar
from dyade.ui.workspace.formats import date_text, number_text
from dyade.ui.workspace.history_chart import HistoryChart
from dyade.ui.workspace.review_print import PrintButton, SavedNotice
from dyade.ui.workspace.review_view import VisitReview
from dyade.ui.workspace.window_fit import place
from dyade.ui.workspace.words import named


def escape(text: str) -> str:
    """HTML-escape for rich-text labels (apostrophes stay readable in the text)."""
    return _html_escape(text, quote=False)


CHART_SUBSCALES = ("bond", "goals", "tasks")


class HistoryPanel(Retranslating, QWidget):
    def __init__(self, review: DyadReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.subscale_label = QLabel(self)
        self.subscale = QComboBox(self)
        for sid in CHART_SUBSCALES:
            self.subscale.addItem(sid, sid)
        self.subscale.currentIndexChanged.connect(self.retranslate)
        row.addWidget(self.subscale_label)
        row.addWidget(self.subscale)
        row.addStretch(1)
        self.chart = HistoryChart(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.subscale_label.setText(self.tr("Shown:"))
        for index, sid in enumerate(CHART_SUBSCALES):
            self.subscale.setItemText(index, named("subscales", sid))
        sid = self.subscale.currentData() or "bond"
        labels = {v.number: date_text(v.entry.visit.date) for v in self.review.visits}
        texts = {
            "patient": self.tr("patient's answers"),
            "physician": self.tr("physician's answers"),
            "repaired": self.tr("repaired"),
            "unresolved": self.tr("unresolved"),
        }
        self.chart.set_history(self.review.history, sid, texts, labels)
        self.summary.setText(self._summary(labels))
        self.describe_chart(sid, labels)

    def describe_chart(self, sid: str, labels: dict[int, str]) -> None:
        """The chart's name and its text alternative: each visit's two scores, then the
        episodes and the convergence as the summary below says them (WCAG 1.1.1)."""
        what = named("subscales", sid)
        self.chart.setAccessibleName(
            self.tr("Course over the visits: {subscale}").format(subscale=what)
        )
        series = self.review.history.series
        lines = []
        for visit in self.review.history.visits:
            values = {
                side: next((p.value for p in series.get(side, {}).get(sid, []) if p.visit == visit),
                           None)
                for side in ("patient", "physician")
            }  # fmt: skip
            lines.append(
                self.tr("Visit of {date}: patient {patient}, physician {physician}").format(
                    date=labels.get(visit, str(visit)),
                    patient=self._value(values["patient"]),
                    physician=self._value(values["physician"]),
                )
            )
        lines.append(self.summary.text().replace("<br/>", "\n"))
        self.chart.setAccessibleDescription("\n".join(lines))

    def _value(self, value: float | None) -> str:
        return self.tr("not scored") if value is None else number_text(value)

    def _summary(self, labels: dict[int, str]) -> str:
        history = self.review.history
        lines = []
        for episode in history.episodes:
            side = self.tr("the patient") if episode.side == "patient" else self.tr("the physician")
            start = labels.get(episode.before_visit, str(episode.before_visit))
            if episode.status == "repaired":
                end = labels.get(episode.recovered_visit, str(episode.recovered_visit))
                text = self.tr("✓ Repaired: {what} ({side}) dropped after {start}, back by {end}.")
                lines.append(
                    text.format(
                        what=named("subscales", episode.subscale), side=side, start=start, end=end
                    )
                )
            else:
                text = self.tr(
                    "○ Unresolved: {what} ({side}) dropped after {start}, not recovered yet."
                )
                lines.append(
                    text.format(what=named("subscales", episode.subscale), side=side, start=start)
                )
        if not lines:
            lines.append(self.tr("No rupture–repair episode in this dyad's history."))
        convergence = {
            "converging": self.tr("The two perceptions are getting closer over the visits."),
            "diverging": self.tr("The two perceptions are drifting apart over the visits."),
            "stable": self.tr("The gap between the two perceptions is steady."),
            "insufficient": self.tr("Too few visits yet to tell whether the perceptions converge."),
        }[history.convergence.status]
        return "<br/>".join(escape(line) for line in [*lines, convergence])


class ReviewWindow(Retranslating, QWidget):
    def __init__(self, workspace, dyad, review: DyadReview) -> None:
        super().__init__(None)
        self.workspace, self.dyad, self.review = workspace, dyad, review
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)  # a long name wraps on a small screen, never off it
        self.visit_label = QLabel(self)
        self.visit_choice = QComboBox(self)
        for visit in review.visits:
            self.visit_choice.addItem(date_text(visit.entry.visit.date), visit.number)
        self.visit_choice.setCurrentIndex(self.visit_choice.count() - 1)
        self.visit_choice.currentIndexChanged.connect(self._visit_changed)
        top.addWidget(self.heading, 1)
        top.addWidget(self.visit_label)
        top.addWidget(self.visit_choice)
        self.tabs = QTabWidget(self)
        self.visit_view = VisitReview(self.tabs)
        self.history = HistoryPanel(review, self.tabs)
        self.tabs.addTab(self.visit_view, "")
        self.tabs.addTab(self.history, "")
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.saved = SavedNotice(self)
        self.printing = PrintButton(self)
        self.exports = ExportBar(self)
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(self.exports)
        self.exports.layout().insertWidget(1, self.printing)  # right, beside the exports
        layout.addLayout(bottom)
        place(self, QSize(1200, 740))  # never past the screen's free area
        self._visit_changed()
        self.retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes this secondary window, as it closes a dialog: a key its focused
        child leaves unused (a list, a tab, a closed drop-down) reaches this window."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)

    def show_saved(self, path) -> None:
        """An export is written: name it, with Open and Show in folder."""
        self.saved.show_path(path)

    def current_visit(self):
        number = self.visit_choice.currentData()
        return next((v for v in self.review.visits if v.number == number), None)

    def _visit_changed(self, *_args) -> None:
        self.visit_view.set_visit(self.current_visit())
        if hasattr(self, "exports"):
            self.exports.retranslate()

    def retranslate(self) -> None:
        for index, visit in enumerate(self.review.visits):  # dates follow the language too
            self.visit_choice.setItemText(index, date_text(visit.entry.visit.date))
        self.setWindowTitle(self.tr("Dyade: dyad review"))
        self.heading.setText(
            self.tr("Patient {code} with {physician}").format(
                code=self.dyad.patient_code, physician=self.dyad.physician_name
            )
        )
        self.visit_label.setText(self.tr("Visit:"))
        self.tabs.setTabText(0, self.tr("This visit, side by side"))
        self.tabs.setTabText(1, self.tr("History over visits"))


def open_review(workspace, dyad) -> QWidget | None:
    """Analyse the dyad (access checked by storage) and open its review window."""
    session = workspace.session
    try:
        review = review_dyad(session.db, session.library, dyad.uuid, user=session.user)
    except DyadeError as exc:
        show_error(workspace, describe(exc))
        return None
    window = ReviewWindow(workspace, dyad, review)
    window.show()
    return workspace.keep(window)
