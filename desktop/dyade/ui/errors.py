"""Unexpected errors in the UI: logged with their traceback, shown as one short line."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from dyade.errors import DyadeError
from dyade.logs import log_file

log = logging.getLogger("dyade.ui")


def show_error(parent, message: str) -> None:
    """A modal message for a person: what went wrong, never a traceback."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Dyade"),
        message,
        parent=parent,
    )
    box.setAccessibleName(QCoreApplication.translate("Errors", "Error"))
    box.exec()


def describe(exc: BaseException) -> str:
    """What to tell a person about ``exc``."""
    if isinstance(exc, DyadeError):
        return str(exc)
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong and Dyade could not finish this action. Your saved answers are "
        "safe. The details are in the log file: {path}",
    ).format(path=log_file())


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Keep the app running: log the traceback, show a short translated message."""
    log.error("uncaught exception", exc_info=(kind, exc, tb))
    if QApplication.instance() is not None:
        show_error(QApplication.activeWindow(), describe(exc))


def install_excepthook() -> None:
    sys.excepthook = excepthook
