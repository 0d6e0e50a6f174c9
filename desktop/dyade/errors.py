"""Errors that carry a message meant for a person, not a traceback."""

from __future__ import annotations

import errno


class DyadeError(Exception):
    """An expected failure: bad input, wrong passphrase, a damaged file.

    The message names what is wrong and where; the CLI prints it and exits
    non-zero, the UI shows it in a dialog. Never used for programming errors.
    ``str(exc)`` is the English message (the CLI and the log use it); a message
    a person can meet in the app also carries its French, ``fr=``, and the UI
    asks for the app's language with :meth:`text`.
    """

    exit_code = 2

    def __init__(self, *args: object, fr: str | None = None) -> None:
        super().__init__(*args)
        self.fr = fr

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``fr`` or ``en``); English when no French was given."""
        if lang == "fr" and self.fr is not None:
            return self.fr
        return str(self)


# The system's reasons (``OSError.strerror`` is English) a person meets most, in French.
_OS_REASONS_FR = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "disque en lecture seule",
    errno.EISDIR: "c’est un dossier",
    errno.ENOTDIR: "ce n’est pas un dossier",
    errno.EEXIST: "le fichier existe déjà",
    errno.EIO: "erreur de lecture ou d’écriture sur le disque",
    errno.EBUSY: "fichier occupé",
    errno.ENAMETOOLONG: "nom de fichier trop long",
}


def os_reason(exc: OSError, lang: str) -> str:
    """Why the system refused (``exc.strerror``), in ``lang`` when it is a common reason."""
    english = exc.strerror or str(exc)
    if lang != "fr" or exc.errno is None:
        return english
    return _OS_REASONS_FR.get(exc.errno, english)
