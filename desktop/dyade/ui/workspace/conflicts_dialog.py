"""What merges kept aside, for an administrator to decide on: keep ours or take theirs.

Each line names the kind of record, what differs (ours → theirs) and why it was
kept aside; the decision goes through :func:`dyade.storage.conflicts.resolve`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from dyade.errors import DyadeError
from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.dialogs import intro_label

log = logging.getLogger(__name__)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def differences(local: dict[str, Any] | None, incoming: dict[str, Any]) -> str:
    """``field: ours → theirs`` for each field that differs (all of theirs without ours)."""
    if local is None:
        return ", ".join(f"{k}: {_short(v)}" for k, v in incoming.items() if v is not None)
    return ", ".join(
        f"{k}: {_short(local.get(k))} → {_short(v)}"
        for k, v in incoming.items()
        if local.get(k) != v
    )


class ConflictsDialog(Retranslating, QDialog):
    """The open conflicts, one per line, and the two decisions."""

    def __init__(self, session: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.intro = intro_label(self)
        self.items = QListWidget(self)
        self.items.setObjectName("conflictList")
        self.items.setWordWrap(True)
        self.keep, self.take = QPushButton(self), QPushButton(self)
        self.keep.clicked.connect(lambda: self._decide(False))
        self.take.clicked.connect(lambda: self._decide(True))
        row = QHBoxLayout()
        row.addWidget(self.keep)
        row.addWidget(self.take)
        row.addStretch(1)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        self.resize(720, 420)
        self.retranslate()

    def _names(self) -> dict[str, str]:
        return {
            "users": self.tr("Staff account"),
            "patients": self.tr("Patient"),
            "dyads": self.tr("Dyad"),
            "dyad_access": self.tr("Shared dyad"),
            "visits": self.tr("Visit"),
            "responses": self.tr("Questionnaire answered"),
            "answers": self.tr("Answer"),
            "visit_results": self.tr("Analysis"),
            "audit": self.tr("Audit entry"),
        }

    def _reason(self, reason: str) -> str:
        """The merge's reason in the reader's language (the stored one is English)."""
        if "different content" in reason:
            return self.tr("the same record with different content")
        if "UNIQUE" in reason:
            return self.tr("the same code is already used here")
        if "refers to" in reason:
            return self.tr("it refers to a record missing here")
        return reason

    def load(self) -> None:
        from dyade.storage.conflicts import open_conflicts

        self.items.clear()
        names = self._names()
        for conflict in open_conflicts(self.session.db):
            text = self.tr("{kind}: {changes}\n({reason})").format(
                kind=names.get(conflict.table, conflict.table),
                changes=differences(conflict.local, conflict.incoming),
                reason=self._reason(conflict.reason),
            )
            item = QListWidgetItem(text, self.items)
            item.setData(Qt.ItemDataRole.UserRole, conflict.uuid)
        if self.items.count():
            self.items.setCurrentRow(0)
        self.keep.setEnabled(self.items.count() > 0)
        self.take.setEnabled(self.items.count() > 0)

    def _decide(self, take_incoming: bool) -> None:
        from dyade.storage.conflicts import resolve

        item = self.items.currentItem()
        if item is None:
            return
        user = self.session.user.uuid if self.session.user else None
        try:
            uuid = item.data(Qt.ItemDataRole.UserRole)
            resolve(self.session.db, uuid, take_incoming=take_incoming, by=user)
        except DyadeError as exc:
            show_error(self, describe(exc))
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflicts kept aside"))
        self.intro.setText(
            self.tr(
                "Records that arrived from another laptop but differ from this one's. Nothing "
                "was overwritten: keep this laptop's record, or take the one that arrived "
                "(ours → theirs)."
            )
        )
        self.keep.setText(self.tr("Keep ours"))
        self.take.setText(self.tr("Take theirs"))
        try:
            self.load()
        except Exception as exc:  # the clinic was closed meanwhile (a language change)
            log.debug("conflicts not read: %s", exc)
