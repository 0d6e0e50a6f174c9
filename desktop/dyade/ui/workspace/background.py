"""Database work off the UI thread with a modal progress dialog (the analysis, the backup).

Workers share the app's one connection (opened with ``check_same_thread=False``
on a thread-safe SQLCipher) and hold the session's ``db_lock`` around each
transaction, so their writes never interleave with another worker's.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from dyade.ui.errors import describe, show_error

log = logging.getLogger(__name__)


def reanalyse(session: Any, context: Any = None) -> int:
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


def reanalyse_all(workspace: Any) -> QProgressDialog:
    """After the thresholds changed: every stored result follows the new numbers."""
    from dyade.ui.ops import run_op

    dialog = QProgressDialog(workspace)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setLabelText(
        QCoreApplication.translate(
            "Background", "Analysing every dyad again with the new thresholds…"
        )
    )
    dialog.result_count = None

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


def daily_backup(session: Any, folder: Any) -> Any:
    """The day's backup (the first use of the day makes it), off the UI thread."""
    from dyade.storage.backup import maybe_daily_backup
    from dyade.ui.ops import run_op

    finished = threading.Event()

    def work(_context: Any) -> Any:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with session.db_lock:
                return maybe_daily_backup(session.db, folder)
        finally:
            finished.set()

    op = run_op(
        work,
        on_done=lambda made: made and log.info("daily backup written: %s", made),
        on_failed=lambda exc: log.warning("daily backup failed: %s", exc),
    )
    op.finished = finished  # the window waits on it before closing the database
    return op
