"""All the forms Dyade can propose: the shipped ones and the clinic's own.

A bad file never stops the others: it lands in ``errors`` with its message and
the good forms load. A form is kept only when its pair is kept too and the two
mirror each other, since the analysis always compares the two sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dyade.errors import DyadeError
from dyade.forms.loading import is_form_file, load_form
from dyade.forms.pairing import pair_problems
from dyade.forms.problems import FormFileError, FormProblem, display_path
from dyade.forms.schema import Form


@dataclass
class FormLibrary:
    """Valid forms by id (the latest version), earlier versions, and refused files.

    New questionnaires use the latest version of a form; a stored response keeps
    the version it was answered with and is read and scored with that version
    (``get(form_id, version)``), so older files stay loadable (``forms/v1/``).
    """

    forms: dict[str, Form] = field(default_factory=dict)
    errors: list[FormFileError] = field(default_factory=list)
    earlier: dict[tuple[str, int], Form] = field(default_factory=dict)

    def get(self, form_id: str, version: int | None = None) -> Form | None:
        """The latest form with this id, or the given version of it (None if unknown)."""
        form = self.forms.get(form_id)
        if version is None or form is None or form.version == version:
            return form
        return self.earlier.get((form_id, version))

    def versions(self, form_id: str) -> list[int]:
        latest = self.forms.get(form_id)
        found = {v for (i, v) in self.earlier if i == form_id}
        return sorted(found | ({latest.version} if latest else set()))

    def require(self, form_id: str, version: int | None = None) -> Form:
        """The form with this id (and version), or a :class:`DyadeError` naming what exists."""
        form = self.get(form_id, version)
        if form is None and form_id in self.forms:
            known = ", ".join(map(str, self.versions(form_id)))
            raise DyadeError(
                f"form '{form_id}' has no version {version} (versions installed: {known})",
                fr=f"le questionnaire '{form_id}' n’a pas de version {version} (versions "
                f"installées\u00a0: {known})",
            )
        if form is None:
            known = ", ".join(sorted(self.forms))
            raise DyadeError(
                f"no form with id '{form_id}' (known forms: {known or 'none'})",
                fr=f"aucun questionnaire n’a l’identifiant '{form_id}' (questionnaires "
                f"connus\u00a0: {known or 'aucun'})",
            )
        return form

    def pair_of(self, form: Form) -> Form | None:
        return self.forms.get(form.pair)

    def __iter__(self) -> Iterator[Form]:
        return iter(sorted(self.forms.values(), key=lambda f: f.id))

    def __len__(self) -> int:
        return len(self.forms)


_VERSION_DIR = re.compile(r"v\d+")  # forms/v1/: the files of an earlier version


def versioned_forms(library: FormLibrary) -> dict[str, Form]:
    """The latest forms by id, and earlier versions as ``"ID@VERSION"`` (the batch
    analysis reads a row with the version its ``form_version`` column names)."""
    out = dict(library.forms)
    out.update(
        {f"{form_id}@{version}": form for (form_id, version), form in library.earlier.items()}
    )
    return out


def form_files(sources: Iterable[Path | str]) -> tuple[list[Path], list[FormFileError]]:
    """Files named directly, plus every ``*.yaml``/``*.yml`` of the folders named."""
    files: list[Path] = []
    errors: list[FormFileError] = []
    for source in map(Path, sources):
        if source.is_dir():
            files += sorted(p for p in source.iterdir() if is_form_file(p))
            for older in sorted(p for p in source.iterdir() if _VERSION_DIR.fullmatch(p.name)):
                files += sorted(p for p in older.iterdir() if is_form_file(p))
        elif source.is_file():
            files.append(source)
        else:
            shown = display_path(source)
            missing = FormProblem(shown, "", None, "no such file", fr="fichier introuvable")
            errors.append(FormFileError(shown, [missing]))
    return files, errors


def load_library(
    sources: Iterable[Path | str], *, reference: Mapping[str, Form] | None = None
) -> FormLibrary:
    """Load every form found in ``sources`` (files or folders), in order.

    ``reference`` holds forms that a pair may point to without being part of
    the library (``dyade forms check`` uses the installed forms this way).
    """
    files, errors = form_files(sources)
    library = FormLibrary(errors=errors)
    for path in files:
        try:
            form = load_form(path)
        except FormFileError as exc:
            library.errors.append(exc)
            continue
        _add(library, form)
    _drop_unpaired(library, reference or {})
    _drop_unpaired_earlier(library)
    return library


def _add(library: FormLibrary, form: Form) -> None:
    """The latest version of an id in ``forms``, earlier ones in ``earlier``."""
    first = library.forms.get(form.id)
    if first is None:
        library.forms[form.id] = form
    elif first.version == form.version or (form.id, form.version) in library.earlier:
        library.errors.append(_duplicate_id(form, first))
    elif form.version > first.version:
        library.earlier[(form.id, first.version)] = first
        library.forms[form.id] = form
    else:
        library.earlier[(form.id, form.version)] = form


def _drop_unpaired_earlier(library: FormLibrary) -> None:
    """An earlier version pairs with its pair's form of the same version."""
    for key, form in list(library.earlier.items()):
        problems = pair_problems(form, library.get(form.pair, form.version))
        if problems:
            library.errors.append(FormFileError(problems[0].file, problems))
            del library.earlier[key]


def _duplicate_id(form: Form, first: Form) -> FormFileError:
    shown = display_path(form.source or form.id)
    first_file = display_path(first.source or first.id)
    message = f"form id '{form.id}' is already used by {first_file}"
    fr = f"l’identifiant de questionnaire '{form.id}' est déjà pris par {first_file}"
    line = form.line_of(("id",))
    return FormFileError(shown, [FormProblem(shown, "field 'id'", line, message, fr)])


def _drop_unpaired(library: FormLibrary, reference: Mapping[str, Form]) -> None:
    """Refuse forms whose pair is missing or does not mirror them, until all agree.

    Refusing one form can orphan its pair, so this repeats until nothing changes.
    """
    while True:
        refused: dict[str, FormFileError] = {}
        for form in library.forms.values():
            pair = library.forms.get(form.pair) or reference.get(form.pair)
            problems = pair_problems(form, pair)
            if problems:
                refused[form.id] = FormFileError(problems[0].file, problems)
        if not refused:
            return
        for form_id, error in refused.items():
            library.errors.append(error)
            del library.forms[form_id]


def default_library() -> FormLibrary:
    """Dyade's shipped forms, then the clinic's own from the user forms folder."""
    from dyade.paths import forms_dir, user_forms_dir

    return load_library([forms_dir(), user_forms_dir()])


def installed_library(own: Path | None = None) -> FormLibrary:
    """The installed forms (shipped and the clinic's own), read once per process.

    ``own`` is the clinic's forms folder (its ``clinic_forms_folder`` setting),
    the user forms folder when not given. Reading and checking every form file
    costs about 70 ms, which each report of a batch (or each export from the
    app) would otherwise pay again. The files are listed and stat'ed on each
    call (microseconds), so a form added, edited or removed is picked up by the
    next call.
    """
    from dyade.paths import forms_dir, user_forms_dir

    folders = (forms_dir(), own or user_forms_dir())
    files, _ = form_files(folders)
    stamps = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append((str(path), info.st_mtime_ns, info.st_size))
    return _library_of(tuple(map(str, folders)), tuple(stamps))


@lru_cache(maxsize=2)
def _library_of(folders: tuple[str, ...], stamps: tuple[tuple[str, int, int], ...]) -> FormLibrary:
    """The library of these folders as they were when ``stamps`` was taken."""
    return load_library([Path(f) for f in folders])
