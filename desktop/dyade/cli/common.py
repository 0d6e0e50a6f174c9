"""What several command modules share: opening the clinic's database, reading answer files.

The database passphrase comes from ``--passphrase-file``, else
``$DYADE_PASSPHRASE``, else a prompt (only on a terminal).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyade import jsontext
from dyade.errors import DyadeError

if TYPE_CHECKING:
    from dyade.forms.library import FormLibrary
    from dyade.forms.schema import Form


def add_csv_options(parser: argparse.ArgumentParser, default: str) -> None:
    """``--sep`` and ``--plain``: how the CSV files a command writes are laid out."""
    parser.add_argument(
        "--sep",
        choices=("comma", "semicolon", "tab"),
        help=f"CSV separator (default: {default}; semicolons are what French Excel opens)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="CSV without the byte-order mark that makes Excel read UTF-8 (for scripts)",
    )


def db_path(args: argparse.Namespace) -> Path:
    """``--db`` when given, else the default database of this computer's user."""
    from dyade.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def ask(prompt: str, *, twice: bool = False) -> str:
    """A secret typed at the terminal; refused when input is not a terminal."""
    if not sys.stdin.isatty():
        raise DyadeError(f"{prompt.rstrip(': ')}: none given (not asking: input is not a terminal)")
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("again: ") != first:
        raise DyadeError("the two entries differ")
    return first


def passphrase(args: argparse.Namespace, *, new: bool = False) -> str:
    """The database passphrase (asked twice when it creates a new database)."""
    from dyade.storage import passphrase_from_env_or_file

    given = passphrase_from_env_or_file(getattr(args, "passphrase_file", None))
    return given or ask("database passphrase: ", twice=new)


@contextmanager
def open_db(args: argparse.Namespace, *, create: bool = False) -> Iterator[Any]:
    """The clinic's database, open for the ``with`` block and closed after it."""
    from dyade.storage import open_database

    path = db_path(args)
    new = create and not path.exists()
    db = open_database(path, passphrase(args, new=new), create=create)
    try:
        yield db
    finally:
        db.close()


def read_answer_file(path: Path, library: FormLibrary, role: str) -> tuple[Form, dict[str, Any]]:
    """``{"form": ID, "answers": {ITEM: value}}`` -> (form, answers)."""
    try:
        data = jsontext.loads(path.read_text(encoding="utf-8"), path)
    except OSError as exc:
        raise DyadeError(f"{path}: cannot read the {role}'s answer file ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise DyadeError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("form"), str):
        raise DyadeError(f'{path}: expected {{"form": ID, "answers": {{...}}}}, no "form" found')
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise DyadeError(f'{path}: "answers" must be an object of item ids and values')
    version = data.get("version")  # answers of an earlier version of the form
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise DyadeError(f'{path}: "version" must be a whole number (the form\'s version)')
    try:
        form = library.require(data["form"], version)
    except DyadeError as exc:
        raise DyadeError(f"{path}: {exc}") from None
    return form, answers
