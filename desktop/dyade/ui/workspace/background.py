"""Database work off the UI thread with a modal progress dialog (the analysis, the backup).

The re-analysis shares the app's connection (opened with ``check_same_thread=False``
on a thread-safe SQLCipher) behind a modal dialog and holds the session's
``db_lock`` around each transaction. The backup, which runs while people keep
working, reads through a connection of its own and writes nothing.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
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


def daily_backup(session: Any, folder: Any, day: date | None = None) -> Any:
    """The backup of ``day`` (default today), copied off the UI thread.

    The worker reads through its own connection (``ClinicDatabase.reader``),
    so saves on the UI thread go on while the copy is made; the audit entry is
    written afterwards on the UI thread, the only one writing to the database.
    """
    from dyade.storage.backup import daily_copy
    from dyade.ui.ops import run_op

    finished = threading.Event()

    def work(_context: Any) -> Any:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            reader = session.db.reader()
            try:
                return daily_copy(reader, session.path.stem, folder, day=day)
            finally:
                reader.conn.close()
        finally:
            finished.set()

    op = run_op(
        work,
        on_done=lambda made: _made(session, made, op),
        on_failed=lambda exc: log.warning("daily backup failed: %s", exc),
    )
    op.finished, op.made = finished, None  # the window waits on it before closing the database
    return op


def _made(session: Any, made: Any, op: Any) -> None:
    """Note the finished backup in the audit (the app may have closed the database since)."""
    op.made = made
    if made is None:
        return
    log.info("daily backup written: %s", made)
    from dyade.storage.backup import record_backup

    try:
        record_backup(session.db, made)
    except Exception as exc:  # closed meanwhile: the file is written, only the note is lost
        log.warning("the backup %s was not noted in the audit: %s", made, exc)
