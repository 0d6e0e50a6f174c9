"""The dashboard: the physician's dyads, the ones that need attention first.

Order (from the analysis, :class:`dyade.vocabulary.Category`): what one side
only saw or anything marked, then an unresolved rupture–repair episode, then a
rupture both perceived, then mismatched goals or stages, then a single mild
sign or a lower rating, then the rest. Each badge carries a colour, a symbol
and the finding's one name, so it reads without colour too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dyade.dyad_analysis import refresh_dyad
from dyade.errors import DyadeError
from dyade.storage.dyads import DyadListing, dyads_for
from dyade.storage.results import latest_results, needs_attention, stale_dyads
from dyade.ui.errors import describe, show_error
from dyade.ui.models.records import Column, RecordTableModel
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.formats import date_text, number_text
from dyade.ui.workspace.widgets import BADGES, heading, table
from dyade.ui.workspace.words import flag_label
from dyade.visit_summary import VisitSummary
from dyade.vocabulary import NOTHING_RANK, Category

OWNER_COLUMN = 5


@dataclass(frozen=True)
class DashboardRow:
    dyad: DyadListing
    attention: int  # storage's: larger = sooner, 0 = nothing
    visit_date: str | None
    summary: VisitSummary

    @property
    def category(self) -> Category:
        return self.summary.category


def dashboard_rows(
    db: Any, user: Any, dyads: list[DyadListing] | None = None
) -> list[DashboardRow]:
    """Every dyad the physician sees (``dyads`` when already listed), most pressing first."""
    listed = {d.uuid: d for d in (dyads if dyads is not None else dyads_for(db, user))}
    flagged = {a.dyad_uuid: a for a in needs_attention(db, user.uuid, limit=max(50, len(listed)))}
    calm = latest_results(db, [uuid for uuid in listed if uuid not in flagged])
    rows = []
    for uuid, dyad in listed.items():
        item = flagged.get(uuid)
        if item is None:
            rows.append(_calm_row(dyad, calm.get(uuid)))
            continue
        summary = VisitSummary.read(item.summary)
        rows.append(DashboardRow(dyad, item.attention, item.visit_date, summary))
    rows.sort(key=lambda r: (-r.attention, r.dyad.patient_code))
    return rows


def _calm_row(dyad: DyadListing, latest: Any) -> DashboardRow:
    """A dyad with nothing to report: its latest analysed visit, if any."""
    if latest is None:
        return DashboardRow(dyad, 0, None, VisitSummary())
    calm = VisitSummary.read(latest.summary).model_copy(update={"rank": NOTHING_RANK})
    return DashboardRow(dyad, 0, latest.visit_date, calm)


ATTENTION_COLUMN, NAME_COLUMN = 0, 2


def _name(row) -> str:
    """The patient's name (also its cell's tooltip, for when the column is narrowed)."""
    return row.dyad.patient_name


class DashboardPage(Retranslating, QWidget):
    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.session = workspace.session
        self.model = RecordTableModel(
            [
                Column(lambda: self.tr("Attention"), self._badge, self._colour, self._badge_tip),
                Column(lambda: self.tr("Patient code"), lambda r: r.dyad.patient_code),
                Column(lambda: self.tr("Name"), _name, tooltip=_name),
                Column(
                    lambda: self.tr("Last visit"),
                    lambda r: date_text(r.visit_date),
                    header_tip=lambda: self.tr("The latest visit both sides have answered"),
                ),
                Column(
                    lambda: self.tr("Trend"),
                    self._trend,
                    header_tip=lambda: self.tr(
                        "The patient's bond score since the visit before: up, down or steady"
                    ),
                ),
                Column(lambda: self.tr("Physician"), self._owner),
            ],
            self,
        )
        layout = QVBoxLayout(self)
        self.title, self.intro = heading(self)
        # the finding takes what is left and wraps onto a second line before the list scrolls
        # sideways; the name, how the physician knows who it is, keeps its whole width
        self.view = table(self, self.model, stretch=ATTENTION_COLUMN)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setSelectionMode(self.view.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.open_button = QPushButton(self)
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_selected)
        self.empty = QLabel(self)  # a first day: say where to start rather than show a blank table
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")
        self.start_button = QPushButton(self)
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(lambda: self.workspace.show_section("patients"))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addStretch(0)  # takes the room the hidden list leaves on a first day
        self.layout_ = layout
        self.retranslate()
        self._show_rows()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self.view.setAccessibleName(self.tr("Your dyads, the most pressing first"))
        self.intro.setText(
            self.tr(
                "Your dyads, those that need a look first at the top: what one side only saw, "
                "or anything marked, then unresolved episodes, ruptures seen by both, "
                "different goals or stages, then a single mild sign or a lower rating. "
                "Double-click a dyad to review it."
            )
        )
        self.empty.setText(
            self.tr(
                "No dyad yet. A dyad is one patient with one physician. To begin: add a patient "
                "in “Patients and visits”, start a dyad with you as the physician, then "
                "create a visit and hand the kiosk to the patient. The dyad appears here; its "
                "comparison is ready once both of you have answered."
            )
        )
        self.start_button.setText(self.tr("Go to Patients and visits"))
        self.open_button.setText(self.tr("Review the selected dyad"))
        self.export_button.setText(self.tr("Export the selected dyads as PDF…"))
        self.export_button.setToolTip(
            self.tr("Ctrl+click or Shift+click to select several dyads; one PDF each")
        )
        self.model.retranslate()

    def _badge(self, row: DashboardRow) -> str:
        """The symbol and the one name of what needs a look first (as in the review)."""
        top = row.summary.top()
        if top is not None:
            name = flag_label(top)
        elif row.summary.analysis:
            name = self.tr("Nothing to report")
        else:
            name = self.tr("No complete visit yet")
        return f"{BADGES[row.category][0]}  {name}"

    def _colour(self, row: DashboardRow) -> str:
        return BADGES[row.category][1]

    def _badge_tip(self, row: DashboardRow) -> str | None:
        unresolved = row.summary.unresolved
        if not unresolved:
            return None
        return self.tr("{n} unresolved episode(s) in this dyad's history").format(n=unresolved)

    def _trend(self, row: DashboardRow) -> str:
        change = row.summary.trend
        if change is None:
            return "—"
        if change > 0:
            return self.tr("▲ up {n}").format(n=number_text(change, signed=True))
        if change < 0:
            return self.tr("▼ down {n}").format(n=number_text(change, signed=True))
        return self.tr("▬ steady")

    def _owner(self, row: DashboardRow) -> str:
        if row.dyad.shared:
            return self.tr("{name} (shared)").format(name=row.dyad.physician_name)
        return row.dyad.physician_name

    def refresh(self) -> None:
        db, user = self.session.db, self.session.user
        dyads = dyads_for(db, user)
        try:  # visits finished since the last look (a patient at the kiosk) are compared now
            for dyad_uuid in stale_dyads(db, [d.uuid for d in dyads]):
                refresh_dyad(db, self.session.library, dyad_uuid)
        except DyadeError as exc:
            show_error(self, describe(exc))
        self.model.set_rows(dashboard_rows(db, user, dyads))
        self._show_rows()

    def _show_rows(self) -> None:
        shared = any(r.dyad.shared for r in self.model.rows)
        self.view.setColumnHidden(OWNER_COLUMN, not shared)  # all one's own: no need to say
        empty = not self.model.rows
        self.empty.setVisible(empty)
        self.start_button.setVisible(empty)
        self.view.setVisible(not empty)
        self.open_button.setVisible(not empty)
        self.export_button.setVisible(not empty)
        self.layout_.setStretch(self.layout_.count() - 1, 1 if empty else 0)
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.open_button.setEnabled(chosen)
        self.export_button.setEnabled(chosen)

    def selected(self) -> DashboardRow | None:
        rows = self.selected_rows()
        return rows[0] if rows else None

    def selected_rows(self) -> list[DashboardRow]:
        indexes = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.record(i) for i in indexes]

    def export_selected(self):
        from dyade.ui.workspace.exports import export_selected

        return export_selected(self.workspace, [r.dyad for r in self.selected_rows()])

    def open_selected(self) -> QWidget | None:
        row = self.selected()
        if row is None:
            return None
        from dyade.ui.workspace.review_window import open_review

        return open_review(self.workspace, row.dyad)
