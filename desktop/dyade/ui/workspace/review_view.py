"""One visit of one dyad, both sides: scores, flags with evidence and repair ideas, items.

Everything comes from :func:`dyade.analysis.analyse_visit` (through
:mod:`dyade.dyad_analysis`); this widget only lays it out. Flag explanations and
repair phrases are the analysis's own bilingual texts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from dyade.dyad_analysis import ReviewedVisit
from dyade.reports.own_words import reviewed_words
from dyade.ui.models.records import Column, RecordTableModel
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace import answers_text
from dyade.ui.workspace.formats import number_text
from dyade.ui.workspace.review_cards import FindingCards, OwnWordsBox, badge, escape
from dyade.ui.workspace.score_chart import ScoreChart, ScoreRow
from dyade.ui.workspace.widgets import table
from dyade.ui.workspace.words import current_language, flag_label, label, named, pick

GAP_HIGHLIGHT = "#FCE8C8"
REAL_GAP = 2  # scale points apart: two answers one point apart say nearly the same thing


def score_rows(visit: ReviewedVisit, component: str, lang: str) -> list[ScoreRow]:
    """The subscales of one component with both sides' scores and cross-estimates."""
    analysis = visit.analysis
    estimates = {
        (m.by, m.target): m.estimate
        for m in analysis.meta_perception
        if isinstance(m.estimate, int | float)
    }
    rows = []
    for sid, score in analysis.patient.scores.items():
        if score.component != component:
            continue
        other = analysis.physician.scores.get(sid)
        rows.append(
            ScoreRow(
                sid,
                named("subscales", sid),
                component,
                score.value,
                other.value if other else None,
                estimates.get(("patient", sid)),
                estimates.get(("physician", sid)),
            )
        )
    return rows


def item_pairs(visit: ReviewedVisit, lang: str) -> list[dict[str, Any]]:
    """Mirrored items with both answers and the gap, largest gap first.

    ``real`` marks a real gap (two points or more on the five-point scale), the
    rows the table highlights: however many there are, and none when none is.
    """
    pairs = []
    for item in visit.patient_form.items:
        if item.kind != "scale" or not item.mirror:
            continue
        mine = visit.patient_answers.get(item.id)
        theirs = visit.physician_answers.get(item.mirror)
        gap = abs(mine - theirs) if isinstance(mine, int) and isinstance(theirs, int) else None
        pairs.append(
            {
                "question": answers_text.question(visit.patient_form, item.id, lang),
                "patient": answers_text.answer(visit.patient_form, item.id, mine, lang),
                "physician": answers_text.answer(visit.physician_form, item.mirror, theirs, lang),
                "gap": gap,
            }
        )
    pairs.sort(key=lambda p: -1 if p["gap"] is None else p["gap"], reverse=True)
    for pair in pairs:
        pair["real"] = pair["gap"] is not None and pair["gap"] >= REAL_GAP
    return pairs


class WheelToPage(QObject):
    """Sends the wheel over a table to the page around it: the table shows every row,
    so the wheel always scrolls the page and never gets stuck inside the table."""

    def __init__(self, page: QAbstractScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            QApplication.sendEvent(self.page.verticalScrollBar(), event)
            return True
        return False


def fit_rows(view: QTableView) -> None:
    """Make the table as tall as its rows, so it has no scroll bar of its own."""
    view.resizeRowsToContents()
    height = view.horizontalHeader().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(row) for row in range(view.model().rowCount()))
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().height()
    view.setFixedHeight(height)


class VisitReview(Retranslating, QWidget):
    """One scrolling page: the own words and a card per finding first; below them the
    scores chart, each finding's evidence and repairs, and the item table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: ReviewedVisit | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        self.column = QVBoxLayout(body)
        scroll.setWidget(body)
        self.scores_title, self.flags_title, self.items_title = (QLabel(body) for _ in range(3))
        self.details_title = QLabel(body)
        for title in (self.scores_title, self.flags_title, self.details_title, self.items_title):
            title.setStyleSheet("font-size: 14pt; font-weight: 600; padding-top: 8px;")
        self.chart = ScoreChart(body)
        self.words = OwnWordsBox(body)
        self.cards = FindingCards(body)  # a card a finding, above the chart: read in a minute
        self.flags = QLabel(body)
        self.flags.setObjectName("flags")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.flags.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items = RecordTableModel(
            [
                Column(lambda: self.tr("Question (patient's wording)"), lambda p: p["question"]),
                Column(
                    lambda: self.tr("Patient's answer"), lambda p: p["patient"], background=self._bg
                ),
                Column(
                    lambda: self.tr("Physician's answer"),
                    lambda p: p["physician"],
                    background=self._bg,
                ),
                Column(lambda: self.tr("Gap"), lambda p: p["gap"], background=self._bg),
            ],
            self,
        )
        self.item_view: QTableView = table(body, self.items, stretch=0)
        self.item_view.setWordWrap(True)
        self.item_view.setObjectName("itemTable")
        self.item_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.wheel = WheelToPage(scroll, self)
        self.item_view.viewport().installEventFilter(self.wheel)
        for widget in (
            self.words,
            self.flags_title,
            self.cards,
            self.scores_title,
            self.chart,
            self.details_title,
            self.flags,
            self.items_title,
            self.item_view,
        ):
            self.column.addWidget(widget)
        self.retranslate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._refit)  # rows wrap anew at the new width

    def _refit(self) -> None:
        if isValid(self.item_view):
            fit_rows(self.item_view)

    def _bg(self, pair: dict[str, Any]) -> str | None:
        return GAP_HIGHLIGHT if pair.get("real") else None

    def set_visit(self, visit: ReviewedVisit | None) -> None:
        self.visit = visit
        self.retranslate()

    def retranslate(self) -> None:
        self.scores_title.setText(self.tr("Scores of both sides"))
        self.flags_title.setText(self.tr("What the comparison found"))
        self.details_title.setText(self.tr("Each finding: the answers behind it, ways to repair"))
        self.items_title.setText(
            self.tr("Item by item (largest gaps first; two points or more apart: highlighted)")
        )
        self.items.retranslate()
        self.item_view.setAccessibleName(self.tr("Each question, both answers and their gap"))
        if self.visit is None:
            self.words.set_words(())
            self.cards.set_flags([])
            self.flags.setText(self.tr("No visit with both questionnaires complete yet."))
            self.chart.set_blocks([], self._chart_texts())
            self.describe_chart()
            self.items.set_rows([])
            fit_rows(self.item_view)
            return
        lang = current_language()
        self.chart.set_blocks(
            [
                (self.tr("General alliance (bond)"), score_rows(self.visit, "general", lang)),
                (
                    self.tr("Specific to the care (goals, means, understanding, know-how)"),
                    score_rows(self.visit, "specific", lang),
                ),
            ],
            self._chart_texts(),
        )
        self.describe_chart()
        self.words.set_words(reviewed_words(self.visit))
        self.cards.set_flags(list(self.visit.analysis.flags))
        self.flags.setText(self.flags_html(lang))
        self.items.set_rows(item_pairs(self.visit, lang))
        fit_rows(self.item_view)

    def describe_chart(self) -> None:
        """The chart's name and its text alternative: every bar in words (WCAG 1.1.1)."""
        self.chart.setAccessibleName(self.tr("Scores of both sides, by subscale"))
        lines = [self.tr("Mean answers from 1 (low) to 5 (high).")]
        for title, rows in self.chart.blocks:
            lines.append(title + ":")
            lines += [self._row_text(row) for row in rows]
        self.chart.setAccessibleDescription("\n".join(lines))

    def _row_text(self, row: ScoreRow) -> str:
        def shown(value: float | None) -> str:
            return self.tr("not scorable") if value is None else number_text(value)

        text = self.tr("{subscale}: patient {patient}, physician {physician}").format(
            subscale=row.label, patient=shown(row.patient), physician=shown(row.physician)
        )
        if row.patient_estimate_of_physician is not None:
            text += "; " + self.tr("the patient's estimate of the physician: {value}").format(
                value=number_text(row.patient_estimate_of_physician)
            )
        if row.physician_estimate_of_patient is not None:
            text += "; " + self.tr("the physician's estimate of the patient: {value}").format(
                value=number_text(row.physician_estimate_of_patient)
            )
        return text

    def _chart_texts(self) -> dict[str, str]:
        return {
            "patient": self.tr("patient's answers"),
            "physician": self.tr("physician's answers"),
            "estimate": self.tr("each one's estimate of the other"),
        }

    # -- flags --------------------------------------------------------------------------

    def flags_html(self, lang: str) -> str:
        flags = self.visit.analysis.flags
        if not flags:
            return "<p>" + escape(label("no_flag")) + "</p>"
        return "".join(self._flag_html(flag, lang) for flag in flags)

    def _flag_html(self, flag: Any, lang: str) -> str:
        symbol, colour = badge(flag)
        severity = self.tr("severity: {level}").format(level=pick(_severity(flag.severity), lang))
        parts = [
            f"<h3 style='color:{colour}'>{symbol} {escape(flag_label(flag))}"
            f" <span style='font-weight:normal'>({escape(severity)})</span></h3>",
            f"<p>{escape(pick(flag.explanation, lang))}</p>",
        ]
        if flag.evidence:
            behind = self.tr("The answers behind it")
            parts.append(f"<p><b>{escape(behind)}</b></p>")
            parts.append(self._evidence_html(flag.evidence, lang))
        if flag.suggestions:
            repair = self.tr("Ways to repair")
            parts.append(f"<p><b>{escape(repair)}</b></p><ul>")
            for suggestion in flag.suggestions:
                parts.append(self._suggestion_html(suggestion, lang))
            parts.append("</ul>")
        return "".join(parts)

    def _evidence_html(self, evidence: list[Any], lang: str) -> str:
        visit = self.visit
        forms = {"patient": visit.patient_form, "physician": visit.physician_form}
        head = (self.tr("Side"), self.tr("Question and answer"), self.tr("The other side"))
        rows = ["<table cellspacing='0' cellpadding='4' border='1' style='border-color:#C5CFD6'>"]
        rows.append("<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in head) + "</tr>")
        for ev in evidence:
            other = "physician" if ev.side == "patient" else "patient"
            mine = self._evidence_cell(forms[ev.side], ev.item, ev.answer, ev, lang)
            theirs = (
                self._evidence_cell(forms[other], ev.mirror_item, ev.mirror_answer, None, lang)
                if ev.mirror_item
                else "—"
            )
            side = self.tr("Patient") if ev.side == "patient" else self.tr("Physician")
            rows.append(f"<tr><td>{escape(side)}</td><td>{mine}</td><td>{theirs}</td></tr>")
        rows.append("</table>")
        return "".join(rows)

    def _evidence_cell(self, form: Any, item: str | None, value: Any, ev: Any, lang: str) -> str:
        if item:
            text = answers_text.question(form, item, lang)
            if ev is not None and ev.option:
                value = [ev.option]  # one felt emotion per evidence line
            shown = answers_text.answer(form, item, value, lang)
            return f"{escape(text)}<br/><b>{escape(shown)}</b>"
        if ev is not None and ev.subscale:
            score = "—" if ev.score is None else number_text(ev.score)
            return self.tr("{subscale}: {score}").format(
                subscale=escape(named("subscales", ev.subscale)), score=f"<b>{score}</b>"
            )
        return "—"

    def _suggestion_html(self, suggestion: Any, lang: str) -> str:
        title = named("principles", suggestion.principle)
        if suggestion.function:
            title += " — " + named("functions", suggestion.function)
        phrases = "".join(
            f"<li><i>«\u00a0{escape(p)}\u00a0»</i></li>"
            if lang == "fr"
            else f"<li><i>“{escape(p)}”</i></li>"
            for p in suggestion.phrases.get(lang, [])
        )
        return f"<li>{escape(title)}<ul>{phrases}</ul></li>"


def _severity(level: int) -> Any:
    from dyade.analysis.texts import severity_label

    return severity_label(level)
