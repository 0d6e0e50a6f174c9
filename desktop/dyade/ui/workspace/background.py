"""Database work off the UI thread with a modal progress dialog (the analysis, the backup).

The re-analysis shares the app's connection (opened with ``check_same_thread=False``
on a thread-safe SQLCipher) behind a modal dialog and holds the session's
``db_lock`` around each transaction. The backup, which runs while people keep
working, reads through a connection of its own and writes nothing.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from dyade.ui.errors import describe, show_error

if TYPE_CHECKING:
    from pathlib import Path

    from dyade.ui.ops import Op, OpContext
    from dyade.ui.workspace.session import Session
    from dyade.ui.workspace.shell import Workspace

log = logging.getLogger(__name__)


def reanalyse(session: Session, context: OpContext | None = None) -> int:
    """Analyse every dyad again with the clinic's thresholds; return how many."""
    from dyade.dyad_analysis import all_dyads, refresh_dyad

    with session.db_lock:
        uuids = all_dyads(session.db)
    for done, uuid in enumerate(uuids):
        if context is not None:
            context.progress(done, len(uuids))
        with session.db_lock:
            refresh_dyad(session.db, session.library, uuid)
    return len(uuids)


class ReanalyseDialog(QProgressDialog):
    """The progress of analysing every dyad again; ``result_count`` once done."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.result_count: int | None = None
        self.op: Op | None = None  # the running analysis


def reanalyse_all(workspace: Workspace) -> ReanalyseDialog:
    """After the thresholds changed: every stored result follows the new numbers."""
    from dyade.ui.ops import run_op

    dialog = ReanalyseDialog(workspace)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setLabelText(
        QCoreApplication.translate(
            "Background", "Analysing every dyad again with the new thresholds…"
        )
    )

    def done(count: int) -> None:
        dialog.result_count = count
        dialog.close()
        workspace.refresh_all()

    def failed(exc: BaseException) -> None:
        dialog.close()
        show_error(workspace, describe(exc))

    dialog.op = run_op(
        lambda context: reanalyse(workspace.session, context),
        on_done=done,
        on_failed=failed,
        on_progress=lambda n, total: (dialog.setMaximum(total), dialog.setValue(n)),
    )
    return dialog


def daily_backup(session: Session, folder: Path, day: date | None = None) -> Op:
    """The backup of ``day`` (default today), copied off the UI thread.

    The worker reads through its own connection (``ClinicDatabase.reader``),
    so saves on the UI thread go on while the copy is made; the audit entry is
    written afterwards on the UI thread, the only one writing to the database.
    """
    from dyade.storage.backup import daily_copy
    from dyade.ui.ops import run_op

    def work(_context: Any) -> Any:
        folder.mkdir(parents=True, exist_ok=True)
        reader = session.db.reader()
        try:
            return daily_copy(reader, session.path.stem, folder, day=day)
        finally:
            reader.conn.close()

    return run_op(  # the window waits on its ``finished`` before closing the database
        work,
        on_done=lambda made: _made(session, made),
        on_failed=lambda exc: log.warning("daily backup failed: %s", exc),
    )


def _made(session: Session, made: Path | None) -> None:
    """Note the finished backup in the audit (the app may have closed the database since)."""
    if made is None:
        return
    log.info("daily backup written: %s", made)
    from dyade.storage.backup import record_backup

    try:
        record_backup(session.db, made)
    except Exception as exc:  # closed meanwhile: the file is written, only the note is lost
        log.warning("the backup %s was not noted in the audit: %s", made, exc)
