"""The settings page's hub box: which hub and device this laptop is, sync now, and for
an administrator, linking this laptop and enrolling or revoking devices.

Everything that talks to the hub runs off the UI thread (``dyade.ui.ops``); the
connection strings typed here are never shown back with their password.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.conflicts_dialog import ConflictsDialog
from dyade.ui.workspace.dialogs import intro_label, ok_cancel
from dyade.ui.workspace.sync_status import status_text

log = logging.getLogger(__name__)


class HubDialog(Retranslating, QDialog):
    """Two fields and OK: link this laptop (connection string, clinic passphrase),
    enrol a device or revoke one (administrator's connection string, device name)."""

    def __init__(self, mode: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.op: Any = None  # the hub operation running (dyade.ui.ops.Op)
        form = QFormLayout(self)
        self.intro = intro_label(self)
        form.addRow(self.intro)
        self.first, self.second = QLineEdit(self), QLineEdit(self)
        self.first.setObjectName("hubConnection")
        self.second.setObjectName("hubSecond")
        if mode == "link":
            self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self), QLabel(self)]
        for label, field in zip(self.labels, (self.first, self.second), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.result = QLineEdit(self)  # the new device's connection string, to copy
        self.result.setObjectName("hubResult")
        self.result.setReadOnly(True)
        self.result.setVisible(False)
        form.addRow(self.result)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)
        self.retranslate()

    def values(self) -> tuple[str, str]:
        return self.first.text().strip(), self.second.text().strip()

    def retranslate(self) -> None:
        texts = {
            "link": (
                self.tr("Link this laptop to the clinic's hub"),
                self.tr("Paste the connection string the administrator gave for this laptop, "
                        "and type the clinic passphrase."),
                self.tr("Connection string"),
                self.tr("Clinic passphrase"),
            ),
            "enrol": (
                self.tr("Enrol a device"),
                self.tr("With the hub administrator's connection string, create a device's "
                        "access. Give the connection string shown to that laptop only."),
                self.tr("Administrator's connection string"),
                self.tr("Device name"),
            ),
            "revoke": (
                self.tr("Revoke a device"),
                self.tr("A lost or stolen laptop: the hub refuses it from now on. The other "
                        "devices go on."),
                self.tr("Administrator's connection string"),
                self.tr("Device name"),
            ),
        }  # fmt: skip
        title, intro, first, second = texts[self.mode]
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.labels[0].setText(first)
        self.labels[1].setText(second)


class SyncBox(Retranslating, QGroupBox):
    """Hub, device and sync status; buttons for what the signed-in person may do."""

    def __init__(self, session: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBox")
        self.session = session
        self.dialog: HubDialog | None = None
        self.op: Any = None  # the enrolment or revocation running (dyade.ui.ops.Op)
        self.conflicts: ConflictsDialog | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("syncSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.sync_button, self.link_button = QPushButton(self), QPushButton(self)
        self.enrol_button, self.revoke_button = QPushButton(self), QPushButton(self)
        self.conflicts_button = QPushButton(self)
        for button, slot in (
            (self.sync_button, self._sync_now),
            (self.link_button, lambda: self._open("link")),
            (self.enrol_button, lambda: self._open("enrol")),
            (self.revoke_button, lambda: self._open("revoke")),
            (self.conflicts_button, self._show_conflicts),
        ):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        if session.sync is not None:
            session.sync.changed.connect(self.refresh)
        self.retranslate()

    def _status(self) -> Any:
        from dyade.sync.status import sync_status

        return sync_status(self.session.db)

    def refresh(self) -> None:
        try:
            status = self._status()
        except Exception as exc:  # the clinic was closed meanwhile (a language change)
            log.debug("sync status not read: %s", exc)
            return
        admin = self.session.user is not None and self.session.user.role == "admin"
        running = self.session.sync is not None and self.session.sync.running is not None
        if status.paired:
            self.summary.setText(
                self.tr("Hub: {hub}\nThis device: {device}\n{state}").format(
                    hub=status.hub, device=status.device, state=status_text(status, running)
                )
            )
        else:
            self.summary.setText(self.tr("This laptop is not linked to a hub: it works alone "
                                         "and shares its work with transfer files."))  # fmt: skip
        self.sync_button.setVisible(status.paired and self.session.sync is not None)
        self.sync_button.setEnabled(not running)
        self.link_button.setVisible(admin and not status.paired and self.session.sync is not None)
        self.enrol_button.setVisible(admin)
        self.revoke_button.setVisible(admin)
        self.conflicts_button.setVisible(admin and status.conflicts > 0)
        self.conflicts_button.setText(
            self.tr("Conflicts kept aside ({n})…").format(n=status.conflicts)
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Clinic hub (sync)"))
        self.sync_button.setText(self.tr("Sync now"))
        self.link_button.setText(self.tr("Link to a hub…"))
        self.enrol_button.setText(self.tr("Enrol a device…"))
        self.revoke_button.setText(self.tr("Revoke a device…"))
        self.refresh()

    def _show_conflicts(self) -> None:
        self.conflicts = ConflictsDialog(self.session, self)
        self.conflicts.finished.connect(lambda _result: self.refresh())
        self.conflicts.open()

    def _sync_now(self) -> None:
        self.session.sync.sync_now()
        self.refresh()

    def _open(self, mode: str) -> None:
        self.dialog = HubDialog(mode, self)
        self.dialog.accepted.connect(self._run)
        self.dialog.open()

    def _run(self) -> None:
        """The dialog's OK: do it off the UI thread; show the outcome when it is done."""
        from dyade.sync import hub
        from dyade.ui.ops import run_op

        dialog, (first, second) = self.dialog, self.dialog.values()
        if dialog.mode == "link":
            self.session.sync.sync_now(first, second, on_failed=self._failed)
            return
        work = {
            "enrol": lambda _c: hub.enrol(first, second),
            "revoke": lambda _c: hub.revoke(first, second),
        }[dialog.mode]
        self.op = run_op(work, on_done=lambda made: self._done(dialog, made),
                         on_failed=self._failed)  # fmt: skip

    def _done(self, dialog: HubDialog, made: Any) -> None:
        if dialog.mode == "enrol":
            dialog.result.setText(made)
            dialog.result.setVisible(True)
            dialog.buttons.setVisible(False)
            dialog.show()  # stays open with the string to copy; Escape closes it
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        show_error(self, describe(exc))
