"""Loading form files: the malformed catalogue, clinic forms, and the library's pairing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyade.cli import main
from dyade.forms import (
    FormFileError,
    default_library,
    load_form,
    load_library,
)
from dyade.paths import forms_dir, user_forms_dir

BAD_FORMS = sorted((Path(__file__).parent / "data" / "bad_forms").glob("*.yaml"))


def _expected(path: Path) -> list[str]:
    """The ``# expect:`` lines a catalogue file carries at its top."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


@pytest.fixture(scope="module")
def shipped():
    return load_library([forms_dir()]).forms


def test_catalogue_has_at_least_fifteen_cases():
    assert len(BAD_FORMS) >= 15
    assert all(_expected(path) for path in BAD_FORMS)


@pytest.mark.parametrize("path", BAD_FORMS, ids=lambda p: p.stem)
def test_malformed_form_gives_its_expected_message(path: Path, shipped):
    library = load_library([path], reference=shipped)
    assert library.forms == {}
    [error] = library.errors
    assert isinstance(error, FormFileError)
    assert error.file.endswith(path.name)
    got = [str(problem)[len(problem.file) :].lstrip(",: ") for problem in error.problems]
    assert got == _expected(path)
    assert str(error).splitlines() == [str(p) for p in error.problems]


@pytest.mark.parametrize("path", BAD_FORMS[:4], ids=lambda p: p.stem)
def test_forms_check_reports_without_traceback(path: Path, capsys):
    assert main(["forms", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert path.name in err
    assert "Traceback" not in err
    assert _expected(path)[0] in err


def test_forms_check_accepts_the_shipped_forms(capsys):
    assert main(["forms", "check", str(forms_dir())]) == 0
    out = capsys.readouterr().out
    assert out.count("ok ") == len(list(forms_dir().glob("*.yaml")))


def test_forms_check_missing_path_is_an_error(tmp_path, capsys):
    assert main(["forms", "check", str(tmp_path / "nope.yaml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_load_form_records_lines_and_source():
    form = load_form(forms_dir() / "dyade-brief-patient.yaml")
    text = (forms_dir() / "dyade-brief-patient.yaml").read_text(encoding="utf-8").splitlines()
    index = next(i for i, item in enumerate(form.items) if item.mirror)
    line = form.line_of(("items", index, "mirror"))
    assert line is not None
    assert f"mirror: {form.items[index].mirror}" in text[line - 1]
    assert form.source == forms_dir() / "dyade-brief-patient.yaml"


def test_unreadable_bytes_are_reported(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(FormFileError, match="not UTF-8"):
        load_form(path)


def test_several_problems_are_all_reported(tmp_path):
    source = (forms_dir() / "dyade-brief-patient.yaml").read_text(encoding="utf-8")
    bad = source.replace(
        "scale: extent5\n    construct: bond", "scale: agree9\n    construct: bond"
    )
    bad = bad.replace("min_answered: 1", "min_answered: 4", 1)
    path = tmp_path / "two.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(FormFileError) as caught:
        load_form(path)
    messages = [p.message for p in caught.value.problems]
    assert any("'agree9' is not a scale" in m for m in messages)
    assert any("min_answered (4)" in m for m in messages)
    assert [p.line for p in caught.value.problems] == sorted(p.line for p in caught.value.problems)


def _write_clinic_pair(folder: Path, *, break_physician: bool = False) -> None:
    """Copy the brief pair under new ids, as a clinic would adapt it."""
    for side, other in (("patient", "physician"), ("physician", "patient")):
        text = (forms_dir() / f"dyade-brief-{side}.yaml").read_text(encoding="utf-8")
        text = text.replace(f"id: dyade-brief-{side}", f"id: clinic-check-{side}")
        text = text.replace(f"pair: dyade-brief-{other}", f"pair: clinic-check-{other}")
        if break_physician and side == "physician":
            text = text.replace("kind: scale", "kind: slider", 1)
        (folder / f"clinic-check-{side}.yaml").write_text(text, encoding="utf-8")


def test_default_library_adds_the_clinic_forms():
    _write_clinic_pair(user_forms_dir())
    library = default_library()
    assert library.errors == []
    assert {"clinic-check-patient", "clinic-check-physician"} <= set(library.forms)
    patient = library.require("clinic-check-patient")
    assert library.pair_of(patient) is library.get("clinic-check-physician")


def test_bad_clinic_form_is_refused_and_the_good_forms_still_load():
    _write_clinic_pair(user_forms_dir(), break_physician=True)
    (user_forms_dir() / "notes.txt").write_text("not a form", encoding="utf-8")
    library = default_library()
    shipped_ids = {p.stem for p in forms_dir().glob("*.yaml")}
    assert shipped_ids <= set(library.forms)
    assert "clinic-check-physician" not in library.forms
    # Its pair cannot be compared with anything, so it is refused too, saying why.
    assert "clinic-check-patient" not in library.forms
    text = "\n".join(str(e) for e in library.errors)
    assert "clinic-check-physician.yaml, line" in text
    assert "'slider' is not allowed" in text
    assert "the pair form 'clinic-check-physician' is not available" in text


def test_duplicate_form_id_keeps_the_first(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(forms_dir() / "dyade-brief-patient.yaml", tmp_path / name)
    shutil.copy(forms_dir() / "dyade-brief-physician.yaml", tmp_path / "c.yaml")
    library = load_library([tmp_path])
    assert library.get("dyade-brief-patient").source.name == "a.yaml"
    [error] = library.errors
    assert error.file.endswith("b.yaml")
    assert "is already used by" in str(error) and "a.yaml" in str(error)


def test_require_names_the_known_forms():
    from dyade.errors import DyadeError

    with pytest.raises(DyadeError, match=r"known forms: .*dyade-brief-patient"):
        default_library().require("nope")
    assert default_library().get("nope") is None


def test_readme_example_is_a_valid_form(tmp_path):
    """The complete example in forms/README.md stays true to the engine."""
    readme = (forms_dir() / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "clinic-mini-patient.yaml"
    path.write_text(example, encoding="utf-8")
    form = load_form(path)
    assert form.id == "clinic-mini-patient"
    assert [item.id for item in form.items] == ["p_listened", "p_plan"]
    assert form.item("p_plan").reverse
