"""PDF exports from the workspace: one visit, one dyad's history, a batch of dyads.

The PDFs are made by :mod:`dyade.reports.from_storage`, which also writes each
export to the audit log. A file is never replaced without asking: the single
exports ask when the chosen file exists, the batch asks once for all the files
that already exist in the chosen folder.

The batch runs on a worker thread (:func:`dyade.ui.ops.run_op`) over the app's
own connection: the storage opens it with ``check_same_thread=False`` and
SQLCipher is built thread-safe (``THREADSAFE=1``, serialized), and only one
connection may hold the clinic's lock file. Transactions are serialised by the
session's ``db_lock``, and the progress dialog is application-modal, so the
person starts no other database work while the batch runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from dyade.errors import DyadeError
from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.window_fit import SizedToContent
from dyade.ui.workspace.words import current_language

LANGUAGES = (("fr", "Français"), ("en", "English"))


def safe_name(text: str) -> str:
    """A file-name-safe version of a patient code or a date."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "dyade"


def visit_file_name(patient_code: str, date: str, lang: str) -> str:
    return f"dyade-{safe_name(patient_code)}-{safe_name(date)}-{lang}.pdf"


def history_file_name(patient_code: str, lang: str) -> str:
    return f"dyade-{safe_name(patient_code)}-history-{lang}.pdf"


def page_size(session: Any) -> str:
    from dyade.storage.settings import get_setting

    size = get_setting(session.db, "report_page_size")
    return size if size in ("a4", "letter") else "a4"


def export_folder(workspace: Any) -> Path:
    """The folder used last in this session, else the documents folder, else home.

    Only a folder that exists: a fresh system may name a Documents folder it never made,
    and the first export then failed on "the folder does not exist".
    """
    last = workspace.last_export_folder
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (last, docs):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


# -- the work itself (no widgets: the batch runs it on a worker thread) ------------------


def export_visit(session: Any, code: str, out: Path, lang: str, *, overwrite: bool) -> Path:
    from dyade.reports.from_storage import stored_visit_summary

    with session.db_lock:
        return stored_visit_summary(session.db, code, out, lang=lang, page_size=page_size(session),
                                    overwrite=overwrite, user=session.user)  # fmt: skip


def export_history(session: Any, dyad_uuid: str, out: Path, lang: str, *, overwrite: bool) -> Path:
    from dyade.reports.from_storage import stored_dyad_history

    with session.db_lock:
        return stored_dyad_history(session.db, dyad_uuid, out, lang=lang,
                                   page_size=page_size(session), overwrite=overwrite,
                                   user=session.user)  # fmt: skip


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (patient code, why)


def batch_targets(dyads: list[Any], folder: Path, lang: str) -> list[tuple[Any, Path]]:
    return [(d, folder / history_file_name(d.patient_code, lang)) for d in dyads]


def batch_export(session, targets, lang: str, overwrite: bool, context=None) -> BatchResult:
    """Write each dyad's history; a dyad that cannot be exported is listed, not fatal.

    Existing files are skipped unless ``overwrite``. ``context`` (an ``OpContext``)
    reports progress and raises ``Cancelled`` when the person pressed Cancel.
    """
    result = BatchResult()
    for done, (dyad, out) in enumerate(targets):
        if context is not None:
            context.progress(done, len(targets))
        if out.exists() and not overwrite:
            result.skipped.append((dyad.patient_code, "exists"))
            continue
        try:
            result.written.append(
                export_history(session, dyad.uuid, out, lang, overwrite=overwrite)
            )
        except DyadeError as exc:
            result.skipped.append((dyad.patient_code, describe(exc)))
    if context is not None:
        context.progress(len(targets), len(targets))
    return result


# -- dialogs --------------------------------------------------------------------------------


class ExportDialog(SizedToContent, Retranslating, QDialog):
    """Where to write (a file, or a folder for a batch) and in which language."""

    def __init__(self, kind: str, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "visit", "history" or "batch"
        self.setMinimumWidth(620)
        form = QFormLayout(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(0 if current_language() == "fr" else 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.path = QLineEdit(str(target), self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.intro, self.language_label, self.path_label = QLabel(self), QLabel(self), QLabel(self)
        self.intro.setWordWrap(True)
        self.language_label.setBuddy(self.language)
        self.path_label.setBuddy(self.path)
        form.addRow(self.intro)
        form.addRow(self.language_label, self.language)
        form.addRow(self.path_label, row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.retranslate()

    @property
    def lang(self) -> str:
        return self.language.currentData()

    @property
    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _language_changed(self) -> None:
        """Keep a proposed file name in step with the language (…-fr.pdf / …-en.pdf)."""
        if self.kind == "batch":
            return
        name = self.target.name
        other = "en" if self.lang == "fr" else "fr"
        if name.endswith(f"-{other}.pdf"):
            self.path.setText(
                str(self.target.with_name(name[: -len(other) - 4] + f"{self.lang}.pdf"))
            )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export as PDF"))
        self.intro.setText(
            {
                "visit": self.tr("A summary of this visit: both sides' scores, what the "
                                 "comparison found, with its evidence and ways to repair."),
                "history": self.tr("This dyad's history: every complete visit, the "
                                   "rupture–repair episodes and the latest visit's summary."),
                "batch": self.tr("The history of each selected dyad, one PDF per dyad, in "
                                 "one folder. Dyads without a complete visit are listed "
                                 "and skipped."),
            }[self.kind]
        )  # fmt: skip
        self.language_label.setText(self.tr("Language of the PDF:"))
        self.path_label.setText(self.tr("Folder:") if self.kind == "batch" else self.tr("File:"))
        self.browse.setText(self.tr("Choose…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))

    def choose(self) -> None:
        if self.kind == "batch":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"),
                                                      str(self.target))  # fmt: skip
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the PDF as"), str(self.target), self.tr("PDF files (*.pdf)"),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )  # fmt: skip
        if chosen:
            self.path.setText(chosen)


def confirm_replace(parent: QWidget, names: list[str]) -> bool:
    """Ask before replacing existing files (one question for all of them)."""
    if not names:
        return True
    listed = "\n".join(names[:8]) + ("\n…" if len(names) > 8 else "")
    text = QCoreApplication.translate(
        "Exports", "These files already exist:\n{files}\n\nReplace them?"
    ).format(files=listed)
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Exports", "Replace files?"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


# -- the flows: a button on the review window, a button on the dashboard ------------------


class ExportBar(Retranslating, QWidget):
    """The review window's two export buttons."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.visit_button, self.history_button = QPushButton(self), QPushButton(self)
        self.visit_button.clicked.connect(lambda: self.ask("visit"))
        self.history_button.clicked.connect(lambda: self.ask("history"))
        row.addStretch(1)
        row.addWidget(self.visit_button)
        row.addWidget(self.history_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.visit_button.setText(self.tr("Export this visit as PDF…"))
        self.history_button.setText(self.tr("Export the history as PDF…"))
        self.visit_button.setEnabled(self.window_.current_visit() is not None)

    def proposal(self, kind: str) -> Path:
        """The file name proposed for this export, in the last folder used."""
        code, lang = self.window_.dyad.patient_code, current_language()
        visit = self.window_.current_visit()
        if kind == "visit" and visit is not None:
            name = visit_file_name(code, visit.entry.visit.date, lang)
        else:
            name = history_file_name(code, lang)
        return export_folder(self.window_.workspace) / name

    def ask(self, kind: str) -> Path | None:
        dialog = ExportDialog(kind, self.proposal(kind), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.export(kind, dialog.target, dialog.lang)

    def export(self, kind: str, out: Path, lang: str) -> Path | None:
        """Write the PDF (asking before replacing a file); the audit log records it."""
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        if out.exists() and not confirm_replace(self, [str(out)]):
            return None
        session = self.window_.workspace.session
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if kind == "visit":
                code = self.window_.current_visit().entry.visit.code
                path = export_visit(session, code, out, lang, overwrite=out.exists())
            else:
                path = export_history(session, self.window_.dyad.uuid, out, lang,
                                      overwrite=out.exists())  # fmt: skip
        except DyadeError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, describe(exc))
            return None
        QApplication.restoreOverrideCursor()
        self.window_.workspace.last_export_folder = str(path.parent)
        self.window_.show_saved(path)
        return path


class BatchExport(Retranslating, QProgressDialog):
    """Progress of a batch export, with Cancel; reports what was written and skipped."""

    def __init__(self, workspace: Any, dyads: list[Any], folder: Path, lang: str) -> None:
        super().__init__(workspace)
        self.workspace, self.folder, self.result = workspace, folder, None
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, len(dyads))
        self.targets = batch_targets(dyads, folder, lang)
        existing = [p.name for _d, p in self.targets if p.exists()]
        overwrite = confirm_replace(workspace, existing)
        self.retranslate()
        self.op = None
        self.start(lang, overwrite)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export as PDF"))
        self.setLabelText(self.tr("Writing the PDF of each selected dyad…"))
        self.setCancelButtonText(self.tr("Cancel"))

    def start(self, lang: str, overwrite: bool) -> None:
        from dyade.ui.ops import run_op

        session = self.workspace.session
        self.canceled.connect(self._cancel)
        self.op = run_op(
            lambda context: batch_export(session, self.targets, lang, overwrite, context),
            on_done=self._done,
            on_failed=self._failed,
            on_progress=lambda done, _total: self.setValue(done),
            on_cancelled=self._cancelled,
        )
        self.workspace.running.append(self)
        self.show()

    def _cancel(self) -> None:
        if self.op is not None:
            self.setLabelText(self.tr("Stopping after the current file…"))
            self.op.cancel()

    def _finish(self) -> None:
        self.op = None
        self.workspace.running = [r for r in self.workspace.running if r is not self]
        self.close()

    def _done(self, result: BatchResult) -> None:
        self.result = result
        self._finish()
        self.workspace.last_export_folder = str(self.folder)
        QMessageBox.information(self.workspace, self.tr("Export as PDF"), self.summary(result))

    def summary(self, result: BatchResult) -> str:
        lines = [self.tr("{n} PDF(s) written in {folder}.").format(
            n=len(result.written), folder=self.folder)]  # fmt: skip
        for code, why in result.skipped:
            why = self.tr("the file already exists") if why == "exists" else why
            lines.append(self.tr("Not exported: {code}: {why}").format(code=code, why=why))
        return "\n".join(lines)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        show_error(self.workspace, describe(exc))

    def _cancelled(self) -> None:
        self._finish()
        QMessageBox.information(
            self.workspace, self.tr("Export as PDF"),
            self.tr("Export stopped. The PDFs already written are kept in {folder}.").format(
                folder=self.folder),
        )  # fmt: skip

    def wait(self, timeout: float = 30.0) -> None:
        """Cancel and wait for the worker (the workspace is being locked)."""
        from PySide6.QtCore import QThreadPool

        if self.op is not None:
            self.op.cancel()
            QThreadPool.globalInstance().waitForDone(int(timeout * 1000))


def export_selected(workspace: Any, dyads: list[Any]) -> BatchExport | None:
    """Ask for a folder and a language, then export the dyads' histories in the background."""
    if not dyads:
        return None
    dialog = ExportDialog("batch", export_folder(workspace), workspace)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    folder = dialog.target
    if not folder.is_dir():
        show_error(workspace, QCoreApplication.translate(
            "Exports", "The folder {folder} does not exist.").format(folder=folder))  # fmt: skip
        return None
    return BatchExport(workspace, dyads, folder, dialog.lang)
