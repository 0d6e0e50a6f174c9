"""The one way Dyade writes a file of its own: exports, reports, backups, transfer files,
``dyade analyse`` output.

Every such file is written under a temporary name beside its target, created
0600 (exports and reports hold health data), flushed to the disk, then renamed:
the target is whole or absent, never half written. A failure (a full disk, a
read-only folder, a removed USB key) removes the temporary file and names the
file and the disk. The writer refuses, whatever ``force`` says, to write over an
open clinic database, its ``-wal``/``-shm`` files and lock, or (except for a
backup) into its backups folder; an existing file is replaced only with ``force``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Literal

from dyade.errors import DyadeError, os_reason
from dyade.temps import done, remove_stale, temp_beside

Kind = Literal["export", "report", "backup", "transfer", "analysis"]
FILE_MODE = 0o600
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")

# What each open database asks to keep: (its files, its backup folders).
Guard = Callable[[], tuple[Iterable[Path], Iterable[Path]]]
_guards: dict[int, Guard] = {}
_guards_lock = threading.Lock()


def guard(owner: object, guarded: Guard) -> None:
    """While ``owner`` (an open database) lives, refuse what ``guarded`` names."""
    with _guards_lock:
        _guards[id(owner)] = guarded


def unguard(owner: object) -> None:
    with _guards_lock:
        _guards.pop(id(owner), None)


def database_files(db_path: Path) -> list[Path]:
    """A database file and the files SQLite and Dyade keep beside it."""
    return [db_path, *(db_path.with_name(db_path.name + s) for s in SIDECAR_SUFFIXES)]


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _guarded() -> tuple[set[Path], set[Path]]:
    files: set[Path] = set()
    folders: set[Path] = set()
    with _guards_lock:
        guards = list(_guards.values())
    for guarded in guards:
        some_files, some_folders = guarded()
        files.update(_real(f) for f in some_files)
        folders.update(_real(f) for f in some_folders)
    return files, folders


def _looks_like_a_database(target: Path) -> bool:
    """A clinic database not open here: Dyade's lock file sits beside it, or the
    name is one of SQLite's own companions of a database beside it."""
    if target.with_name(target.name + ".lock").exists():
        return True
    for suffix in SIDECAR_SUFFIXES:
        if target.name.endswith(suffix) and target.with_name(target.name[: -len(suffix)]).exists():
            return True
    return False


def _refuse_database(out: Path) -> None:
    raise DyadeError(
        f"{out} is the clinic's database or one of its own files; writing there would "
        "destroy the clinic's records. Choose another file name",
        fr=f"{out} est la base du cabinet ou l’un de ses fichiers\u00a0; y écrire détruirait "
        "les dossiers du cabinet. Choisissez un autre nom de fichier",
    )


def _refuse_backups(out: Path, folder: Path) -> None:
    raise DyadeError(
        f"{out}: {folder} is the clinic's backups folder, kept for backups alone; "
        "choose another folder",
        fr=f"{out}\u00a0: {folder} est le dossier des sauvegardes du cabinet, réservé aux "
        "sauvegardes\u00a0; choisissez un autre dossier",
    )


def _refuse_existing(out: Path) -> None:
    raise DyadeError(
        f"{out}: the file already exists; choose another name or allow replacing it "
        "(--force on the command line)",
        fr=f"{out}\u00a0: le fichier existe déjà\u00a0; choisissez un autre nom ou acceptez de "
        "le remplacer (--force en ligne de commande)",
    )


def check_target(
    out: str | os.PathLike[str], *, force: bool = False, kind: Kind = "export"
) -> Path:
    """Refuse at once what :func:`writing` would refuse, before any slow work."""
    out = Path(out)
    real = _real(out)
    files, folders = _guarded()
    if real in files or _looks_like_a_database(out):
        _refuse_database(out)
    if kind != "backup":
        for folder in folders:
            if real.parent == folder or folder in real.parents:
                _refuse_backups(out, folder)
    if out.is_dir():
        raise DyadeError(
            f"{out}: is a folder, not a file name",
            fr=f"{out}\u00a0: c’est un dossier, pas un nom de fichier",
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise DyadeError(
            f"{out}: the folder {folder} does not exist",
            fr=f"{out}\u00a0: le dossier {folder} n’existe pas",
        )
    if not force and (out.exists() or out.is_symlink()):
        _refuse_existing(out)
    return out


def _mount_point(path: Path) -> Path:
    here = _real(path)
    while not here.exists() and here != here.parent:
        here = here.parent
    while not os.path.ismount(here) and here != here.parent:
        here = here.parent
    return here


def _size(count: int, lang: str) -> str:
    units = ("B", "KB", "MB", "GB", "TB") if lang == "en" else ("o", "Ko", "Mo", "Go", "To")
    value, unit = float(count), 0
    while value >= 1000 and unit < len(units) - 1:
        value, unit = value / 1000, unit + 1
    text = f"{value:.0f}" if unit == 0 or value >= 10 else f"{value:.1f}"
    return f"{text.replace('.', ',') if lang == 'fr' else text} {units[unit]}"


def cannot_write(out: Path, exc: OSError) -> DyadeError:
    """The system refused to write ``out``: which file, why, and on which disk."""
    disk = _mount_point(out.parent)
    try:
        free = shutil.disk_usage(disk).free
    except OSError:
        free = None
    en_free = f", {_size(free, 'en')} free" if free is not None else ""
    fr_free = f", {_size(free, 'fr')} libres" if free is not None else ""
    return DyadeError(
        f"cannot write {out} ({exc.strerror or exc}) on the disk mounted at {disk}{en_free}; "
        "nothing was left there",
        fr=f"impossible d’écrire {out} ({os_reason(exc, 'fr')}) sur le disque monté en "
        f"{disk}{fr_free}\u00a0; rien n’y a été laissé",
    )


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (where the system allows it)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _move_into_place(temp: Path, out: Path, force: bool) -> None:
    """Rename the finished file; without ``force``, never replace one that appeared."""
    if force:
        os.replace(temp, out)
        return
    try:
        os.link(temp, out)  # fails if ``out`` exists: no window for a race
    except FileExistsError:
        _refuse_existing(out)
    except OSError:  # a file system without hard links (a FAT USB key)
        if out.exists():
            _refuse_existing(out)
        os.replace(temp, out)


@contextlib.contextmanager
def writing(
    out: str | os.PathLike[str], *, force: bool = False, kind: Kind = "export"
) -> Iterator[Path]:
    """Yield an empty 0600 temporary file beside ``out`` for the caller to fill.

    When the block ends normally the file is flushed to the disk and renamed to
    ``out``; when it raises, the temporary file is removed and an ``OSError``
    becomes a message naming the file and the disk.
    """
    out = check_target(out, force=force, kind=kind)
    remove_stale(out.parent, lambda target: target == out.name)  # a killed write's
    temp = temp_beside(out)
    try:
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
            yield temp
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.chmod(temp, FILE_MODE)  # in case a producer made the file anew
            _move_into_place(temp, out, force)
            _fsync_folder(out.parent)
        except OSError as exc:
            raise cannot_write(out, exc) from exc
    finally:
        temp.unlink(missing_ok=True)
        done(temp)


@contextlib.contextmanager
def open_for_writing(
    out: str | os.PathLike[str],
    *,
    force: bool = False,
    kind: Kind = "export",
    newline: str | None = None,
    encoding: str = "utf-8",
) -> Iterator[IO[str]]:
    """A text handle on a temporary file that becomes ``out`` when the block ends."""
    with (
        writing(out, force=force, kind=kind) as temp,
        open(temp, "w", encoding=encoding, newline=newline) as handle,
    ):
        yield handle


def write_text(
    out: str | os.PathLike[str], text: str, *, force: bool = False, kind: Kind = "export"
) -> Path:
    """Write ``text`` (UTF-8) to ``out`` through :func:`writing`; return ``out``."""
    with open_for_writing(out, force=force, kind=kind) as handle:
        handle.write(text)
    return Path(out)
