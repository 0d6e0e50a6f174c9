"""A sentence instead of Qt's abort when the window system cannot start.

Without a display, or with a system library missing (libxcb-cursor0 on a bare
Linux), Qt prints a few warnings and aborts the process from inside the
QApplication constructor ("no Qt platform plugin could be initialized"), which
Python cannot catch. A message handler installed before the constructor sees
those warnings, and on Qt's fatal message writes what is wrong and what to do
to stderr and to the log, in the person's language, then ends the process with
:data:`EXIT_NO_DISPLAY` before Qt aborts. Once the application exists the
handler is removed: later Qt messages go their usual way.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from dyade.errors import DyadeError

log = logging.getLogger(__name__)

EXIT_NO_DISPLAY = 3
_MISSING_PLUGIN = re.compile(r'Could not find the Qt platform plugin "([^"]*)"')
_LIBRARY = re.compile(r"(\S+) or (\S+) is needed to load the Qt (\S+) platform plugin")
_AVAILABLE = re.compile(r"Available platform plugins are: ([^.\n]*)")


def explain(messages: list[str]) -> DyadeError:
    """What stopped Qt, in words a person can act on (from Qt's own messages)."""
    text = "\n".join(messages)
    available = _AVAILABLE.search(text)
    choices = available.group(1).strip() if available else "?"
    plugin = _MISSING_PLUGIN.search(text)
    library = _LIBRARY.search(text)
    if plugin:
        name = plugin.group(1)
        return DyadeError(
            f"Dyade cannot open its window: the display system {name!r} (QT_QPA_PLATFORM) "
            f"does not exist here. Available: {choices}.",
            fr=f"Dyade ne peut pas ouvrir sa fenêtre\u00a0: le système d’affichage {name!r} "
            f"(QT_QPA_PLATFORM) n’existe pas ici. Disponibles\u00a0: {choices}.",
        )
    if "could not connect to display" in text or not _has_display():  # Qt then also
        # blames xcb-cursor0 whatever the cause: no display comes first
        return DyadeError(
            "Dyade cannot open its window: no display was found. Start it from a desktop "
            "session (or set DISPLAY); the command-line tools (dyade --help) work without one.",
            fr="Dyade ne peut pas ouvrir sa fenêtre\u00a0: aucun écran n’a été trouvé. Lancez-le "
            "depuis une session de bureau (ou définissez DISPLAY)\u00a0; les outils en ligne de "
            "commande (dyade --help) fonctionnent sans écran.",
        )
    if library:
        package = library.group(2)
        return DyadeError(
            f"Dyade cannot open its window: a system library is missing ({package}). "
            f"Install it (for example: sudo apt install {package}) and start Dyade again.",
            fr=f"Dyade ne peut pas ouvrir sa fenêtre\u00a0: une bibliothèque du système manque "
            f"({package}). Installez-la (par exemple\u00a0: sudo apt install {package}) puis "
            "relancez Dyade.",
        )
    return DyadeError(
        f"Dyade cannot open its window: Qt could not start ({messages[-1] if messages else '?'}).",
        fr="Dyade ne peut pas ouvrir sa fenêtre\u00a0: Qt n’a pas pu démarrer "
        f"({messages[-1] if messages else '?'}).",
    )


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class StartWatch:
    """Watches Qt's messages while the application is being built."""

    def __init__(self, lang: str, exit_: Callable[[int], None] = os._exit) -> None:
        self.lang, self.exit_ = lang, exit_
        self.messages: list[str] = []

    def __enter__(self) -> StartWatch:
        self.previous = qInstallMessageHandler(self.handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        qInstallMessageHandler(self.previous)

    def handle(self, kind: QtMsgType, _context: object, message: str) -> None:
        self.messages.append(message)
        if kind != QtMsgType.QtFatalMsg:
            return
        problem = explain(self.messages)
        say_and_log(problem, self.messages, self.lang)
        self.exit_(EXIT_NO_DISPLAY)  # before Qt's abort(): a clear exit status, no core dump


def say_and_log(problem: DyadeError, messages: list[str], lang: str) -> None:
    """The sentence on stderr in the person's language; the sentence and Qt's words in the log."""
    sys.stderr.write(problem.text(lang) + "\n")
    sys.stderr.flush()
    try:
        from dyade.logs import log_file, setup_logging

        setup_logging()
        log.error("%s\nQt said:\n%s", problem, "\n".join(messages))
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stderr.write(f"({log_file()})\n")
    except OSError:  # no log folder: the message on stderr is what counts
        pass
