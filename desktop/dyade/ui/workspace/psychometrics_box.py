"""Settings: "The clinic's own data": how its questionnaires behave, and adopting them.

A collapsed section of the settings page. A button computes, off the UI thread,
the reliability and spread of each form version and subscale the clinic used
(``dyade.clinic.clinic_stats``, the same numbers as ``dyade psychometrics``);
"Adopt these reliabilities" stores the clinic's own thresholds through the same
core call as ``dyade psychometrics --adopt`` (audited), once the core says there
are enough dyads. No statistic is computed here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dyade.clinic import adopt, adoptable_dyads, clinic_stats
from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.formats import number_text

COLUMNS = 8


def _with_interval(value: float | None, interval: tuple[float, float] | None) -> str:
    """ "0,85 [0,80; 0,89]" in French, "—" when the statistic could not be computed."""
    if value is None:
        return "—"
    text = number_text(value)
    if interval:
        text += f" [{number_text(interval[0])}; {number_text(interval[1])}]"
    return text


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{number_text(value, 1)} %"


class PsychometricsBox(Retranslating, QWidget):
    """The collapsed section, its table and its two buttons."""

    def __init__(self, session: Any, parent: QWidget, on_adopted: Callable[[], None]) -> None:
        super().__init__(parent)
        self.session, self.on_adopted = session, on_adopted
        self.stats: list[Any] = []
        self.dyads = (0, 0)
        self.op: Any = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.toggle = QPushButton(self)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show)
        outer.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.group = QGroupBox(self)
        self.group.setVisible(False)
        outer.addWidget(self.group)
        self._build(QVBoxLayout(self.group))
        self.retranslate()

    def _build(self, column: QVBoxLayout) -> None:
        self.intro, self.meaning, self.status = QLabel(self), QLabel(self), QLabel(self)
        for label in (self.intro, self.meaning, self.status):
            label.setWordWrap(True)
        self.meaning.setProperty("role", "muted")
        self.run_button, self.adopt_button = QPushButton(self), QPushButton(self)
        self.run_button.clicked.connect(self.run)
        self.adopt_button.clicked.connect(self.adopt)
        self.adopt_button.setEnabled(False)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(240)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.adopt_button)
        buttons.addStretch(1)
        for widget in (self.intro, self.table, self.meaning):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.status)

    def _show(self, shown: bool) -> None:
        self.group.setVisible(shown)
        self._name_toggle()

    # -- work -----------------------------------------------------------------------

    def run(self) -> None:
        """Compute off the UI thread: a few thousand responses take seconds."""
        from dyade.ui.ops import run_op

        session = self.session

        def work(_context: Any) -> tuple[list[Any], tuple[int, int]]:
            with session.db_lock:
                return clinic_stats(session.db, session.library), adoptable_dyads(session.db)

        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Computing…"))
        self.op = run_op(work, on_done=self._shown, on_failed=self._failed)

    def _shown(self, result: tuple[list[Any], tuple[int, int]]) -> None:
        self.stats, self.dyads = result
        self.run_button.setEnabled(True)
        self._fill()
        self.adopt_button.setEnabled(self.dyads[0] >= self.dyads[1])
        self._describe_dyads()

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.status.setText("")
        show_error(self, describe(exc))

    def adopt(self) -> None:
        """Ask, then store the clinic's own thresholds as ``--adopt`` does (audited)."""
        if not self.confirm_adopt():
            return
        session, user = self.session, self.session.user
        try:
            with session.db_lock:
                dyads, form, _ = adopt(session.db, session.library,
                                       user_uuid=user.uuid if user else None)  # fmt: skip
        except Exception as exc:  # a clear message, never a traceback
            show_error(self, describe(exc))
            return
        self.status.setText(
            self.tr("Adopted from {n} visits ({form}, version {version}).").format(
                n=dyads, form=form[0], version=form[1]
            )
        )
        self.on_adopted()

    def confirm_adopt(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Adopt the clinic's reliabilities"),
            self.tr(
                "Replace the spread, reliability and patient–physician offset of the "
                "analysis thresholds with the clinic's own? Every dyad is analysed again."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- words ----------------------------------------------------------------------

    def _fill(self) -> None:
        self.table.setRowCount(len(self.stats))
        for row, s in enumerate(self.stats):
            cells = (
                s.form, str(s.version), s.subscale, str(s.n),
                _with_interval(s.alpha, s.alpha_ci), _with_interval(s.omega, s.omega_ci),
                _percent(s.floor_pct), _percent(s.ceiling_pct),
            )  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col not in (0, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def _describe_dyads(self) -> None:
        have, need = self.dyads
        if not self.stats:
            self.status.setText(self.tr("No completed questionnaire yet: nothing to describe."))
        elif have >= need:
            self.status.setText(
                self.tr("{n} visits have both sides complete: enough to adopt.").format(n=have)
            )
        else:
            self.status.setText(
                self.tr(
                    "{n} visits have both sides complete; adopting needs at least {need}."
                ).format(n=have, need=need)
            )

    def _name_toggle(self) -> None:
        shown = self.toggle.isChecked()
        self.toggle.setText(("▾ " if shown else "▸ ") + self.tr("The clinic's own data"))
        self.toggle.setAccessibleName(self.tr("The clinic's own data"))
        self.toggle.setToolTip(
            self.tr("Hide the clinic's own data")
            if shown
            else self.tr("Show the clinic's own data")
        )

    def retranslate(self) -> None:
        self._name_toggle()
        self.group.setTitle(self.tr("How the clinic's questionnaires behave"))
        self.intro.setText(
            self.tr(
                "Computed from the clinic's completed questionnaires, per form version and "
                "subscale. Nothing is shown of any one person."
            )
        )
        self.meaning.setText(
            self.tr(
                "α (Cronbach) and ω (McDonald) say how consistently the items of a subscale "
                "measure the same thing: 0.70 or more is usually enough, and the interval in "
                "brackets shows how sure the number is. Floor and ceiling: the share of "
                "answers at the lowest or highest end of the scale, where change cannot show."
            )
        )
        self.run_button.setText(self.tr("Compute from the clinic's data"))
        self.run_button.setAccessibleName(self.tr("Compute from the clinic's data"))
        self.adopt_button.setText(self.tr("Adopt these reliabilities"))
        self.adopt_button.setAccessibleName(self.tr("Adopt these reliabilities"))
        self.table.setAccessibleName(self.tr("Reliability per form version and subscale"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Form"), self.tr("Version"), self.tr("Subscale"), self.tr("n"),
            self.tr("α [95 % interval]"), self.tr("ω [95 % interval]"),
            self.tr("Floor"), self.tr("Ceiling"),
        ])  # fmt: skip
        if self.stats:
            self._fill()
            self._describe_dyads()
