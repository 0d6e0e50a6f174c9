"""All the forms Dyade can propose: the shipped ones and the clinic's own.

A bad file never stops the others: it lands in ``errors`` with its message and
the good forms load. A form is kept only when its pair is kept too and the two
mirror each other, since the analysis always compares the two sides.
"""

from __future__ import annotations

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
    """Valid forms by id, and the files that were refused with why."""

    forms: dict[str, Form] = field(default_factory=dict)
    errors: list[FormFileError] = field(default_factory=list)

    def get(self, form_id: str) -> Form | None:
        return self.forms.get(form_id)

    def require(self, form_id: str) -> Form:
        """The form with this id, or a :class:`DyadeError` naming the known ids."""
        form = self.forms.get(form_id)
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


def form_files(sources: Iterable[Path | str]) -> tuple[list[Path], list[FormFileError]]:
    """Files named directly, plus every ``*.yaml``/``*.yml`` of the folders named."""
    files: list[Path] = []
    errors: list[FormFileError] = []
    for source in map(Path, sources):
        if source.is_dir():
            files += sorted(p for p in source.iterdir() if is_form_file(p))
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
        if form.id in library.forms:
            library.errors.append(_duplicate_id(form, library.forms[form.id]))
            continue
        library.forms[form.id] = form
    _drop_unpaired(library, reference or {})
    return library


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
