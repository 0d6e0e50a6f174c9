"""Sync with the clinic's hub in the background, and the status line that tells about it.

The work runs off the UI thread through :func:`dyade.ui.ops.run_op` on a second
connection of its own (``ClinicDatabase.companion``), so saving an answer or
opening a screen never waits for the network: every few minutes, and soon after
a response is completed. A failure is logged and shown in the status line
("offline since 09:12"), never as a dialog: nothing is lost, the next try sends it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from dyade.storage.responses import latest_completion
from dyade.sync.status import SYNC_EVERY_SECONDS, SyncStatus, sync_status
from dyade.ui.retranslate import Retranslating

log = logging.getLogger(__name__)
WATCH_SECONDS = 20  # how soon a completed response is sent


class WithStatusBar(Protocol):
    """A window with a status bar (a QMainWindow, or Dyade's main window)."""

    def statusBar(self) -> QStatusBar: ...


class BackgroundSync(QObject):
    """One clinic's syncs: never two at once, never on the UI thread."""

    changed = Signal()

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.running, self.error = session, None, None
        self.label: SyncStatusLabel | None = None  # shown once the laptop is linked
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_EVERY_SECONDS * 1000)
        self.timer.timeout.connect(self.sync_now)
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_SECONDS * 1000)
        self.watch.timeout.connect(self._after_completion)
        self.completed = self._latest_completion()

    def status(self) -> SyncStatus:
        return sync_status(self.session.db)

    def start(self) -> None:
        """Begin syncing if this laptop is linked to a hub (else nothing runs)."""
        if self.status().paired:
            self.timer.start()
            self.watch.start()
            self.sync_now()

    def stop(self) -> None:
        self.timer.stop()
        self.watch.stop()

    def show_in(self, window: WithStatusBar) -> None:
        """The status line in ``window``'s status bar, from the moment the laptop is
        linked (a laptop never linked keeps its window as it was)."""
        if self.label is None and self.status().paired:
            self.label = SyncStatusLabel(self, window.statusBar())
            window.statusBar().addPermanentWidget(self.label)

    def _latest_completion(self) -> str | None:
        return latest_completion(self.session.db)

    def _after_completion(self) -> None:
        latest = self._latest_completion()
        if latest != self.completed:
            self.completed = latest
            self.sync_now()

    def sync_now(
        self,
        conninfo: str | None = None,
        passphrase: str | None = None,
        on_done: Any = None,
        on_failed: Any = None,
    ) -> Any:
        """Start a sync (``conninfo`` and ``passphrase``: link this laptop first)."""
        from dyade.sync.engine import sync
        from dyade.ui.ops import run_op

        if self.running is not None:
            return None

        def work(_context: Any) -> Any:
            with self.session.db.companion() as db:
                return sync(db, conninfo, passphrase=passphrase)

        def done(report: Any) -> None:
            self.running, self.error = None, None
            self.changed.emit()
            if on_done:
                on_done(report)

        def failed(exc: BaseException) -> None:
            log.warning("sync failed: %s", exc)
            self.running, self.error = None, exc
            self.changed.emit()
            if on_failed:
                on_failed(exc)

        self.running = run_op(work, on_done=done, on_failed=failed)
        self.changed.emit()
        if conninfo:
            self.timer.start()
            self.watch.start()
        return self.running


def _clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def status_text(status: SyncStatus, running: bool, now: datetime | None = None) -> str:
    """ "Synced 2 min ago", "Offline since 09:12", "3 changes waiting"; empty when unlinked."""
    if not status.paired:
        return ""
    translate = QCoreApplication.translate
    now = now or datetime.now(UTC)
    if running:
        head = translate("SyncStatus", "Syncing…")
    elif status.offline_since is not None:
        head = translate("SyncStatus", "Offline since {time}")
        head = head.format(time=_clock(status.offline_since))
    elif status.last_sync_at is None:
        head = translate("SyncStatus", "Not synced yet")
    else:
        minutes = int((now - status.last_sync_at).total_seconds() // 60)
        if minutes < 1:
            head = translate("SyncStatus", "Synced just now")
        elif minutes < 60:
            head = translate("SyncStatus", "Synced {n} min ago").format(n=minutes)
        else:
            head = translate("SyncStatus", "Synced at {time}")
            head = head.format(time=_clock(status.last_sync_at))
    parts = [head]
    if status.waiting == 1:
        parts.append(translate("SyncStatus", "1 change waiting"))
    elif status.waiting > 1:
        parts.append(translate("SyncStatus", "{n} changes waiting").format(n=status.waiting))
    if status.conflicts == 1:
        parts.append(translate("SyncStatus", "1 conflict kept aside"))
    elif status.conflicts > 1:
        text = translate("SyncStatus", "{n} conflicts kept aside")
        parts.append(text.format(n=status.conflicts))
    return " · ".join(parts)


class SyncStatusLabel(Retranslating, QLabel):
    """The status line's sync part, kept current by the sync and by a slow clock."""

    def __init__(self, background: BackgroundSync, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setProperty("role", "muted")
        self.background = background
        background.changed.connect(self.refresh)
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self.refresh)
        self.clock.start()
        self.retranslate()

    def refresh(self) -> None:
        try:
            text = status_text(self.background.status(), self.background.running is not None)
        except Exception as exc:  # the database closed meanwhile: nothing to tell
            log.debug("sync status not read: %s", exc)
            return
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def retranslate(self) -> None:
        self.refresh()


def attach_sync(window: WithStatusBar, session: Any) -> BackgroundSync:
    """Sync ``session``'s clinic in the background and show it in ``window``'s status bar."""
    background = BackgroundSync(session, window)
    session.sync = background
    background.changed.connect(lambda: background.show_in(window))
    background.show_in(window)
    background.start()
    return background
