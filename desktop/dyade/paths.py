"""Where Dyade finds its shipped data and keeps the user's.

One place answers "where is ``forms/`` and ``resources/``" for the three ways
Dyade runs: a PyInstaller bundle, an installed wheel (data copied into
``dyade/_bundled``), and a source checkout (``desktop/dyade`` two levels under
the repository root).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "Dyade"


@cache
def data_root() -> Path:
    """The folder that holds ``forms/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    here = Path(__file__).resolve().parent
    bundled = here / "_bundled"
    if (bundled / "forms").is_dir():
        return bundled
    return here.parents[1]


def forms_dir() -> Path:
    """The questionnaires shipped with Dyade."""
    return data_root() / "forms"


def resources_dir() -> Path:
    """Icons, style sheets, fonts and translations."""
    return data_root() / "resources"


def _user_dir(kind: str) -> Path:
    override = os.environ.get("DYADE_HOME")
    if override:
        path = Path(override) / kind
    else:
        import platformdirs  # here, not at start-up: the first window needs no user folder

        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        path = Path(getattr(dirs, f"user_{kind}_dir"))  # data, log or cache
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_data_dir() -> Path:
    """Per-user data: the default database, backups, the clinic's own forms.

    ``DYADE_HOME`` moves everything (tests, portable installs).
    """
    return _user_dir("data")


def user_log_dir() -> Path:
    """Per-user rotating log files."""
    return _user_dir("log")


def user_cache_dir() -> Path:
    """What can be made again (a checkout's compiled translations)."""
    return _user_dir("cache")


def default_db_path() -> Path:
    return user_data_dir() / "dyade.db"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.db"


def user_forms_dir() -> Path:
    """A clinic drops its own questionnaire files here."""
    path = user_data_dir() / "forms"
    path.mkdir(parents=True, exist_ok=True)
    return path
