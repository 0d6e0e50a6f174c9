"""Unexpected errors in the UI: logged with their traceback, shown as one short line."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from dyade.errors import DyadeError
from dyade.logs import log_file
from dyade.ui.i18n import current_language

log = logging.getLogger("dyade.ui")


def show_error(parent, message: str) -> None:
    """A modal message for a person: what went wrong, never a traceback.

    Called with ``str(exc)`` while handling a :class:`DyadeError`, it shows that
    error in the app's language (as :func:`describe` would).
    """
    from PySide6.QtWidgets import QMessageBox  # when needed: not on the way to a first window

    message = _in_app_language(message)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Dyade"),
        message,
        parent=parent,
    )
    box.setAccessibleName(QCoreApplication.translate("Errors", "Error"))
    box.exec()


def _in_app_language(message: str) -> str:
    """The handled error's own message, in the app's language; any other text as given."""
    handled = sys.exc_info()[1]
    if isinstance(handled, DyadeError) and message == str(handled):
        return describe(handled)
    return message


def describe(exc: BaseException) -> str:
    """What to tell a person about ``exc``, in the language the app shows now."""
    if isinstance(exc, DyadeError):
        return exc.text(current_language())
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
