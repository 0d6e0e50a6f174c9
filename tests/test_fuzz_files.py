"""Bad files from outside never crash Dyade: form files, answer files, the analysis CSV,
threshold files. Each is either accepted or refused with a message naming the file.

Inputs are real files mutated at random (lines dropped or doubled, values
replaced, cells garbled, bytes cut) and made-up documents; hypothesis draws
them, ``faults_support.scale`` says how many.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyade.cli import analysis_cmd
from dyade.errors import DyadeError
from dyade.forms import default_library
from dyade.forms.loading import load_form
from dyade.paths import forms_dir
from faults_support import run_cli, scale, tally, unhandled

__all__ = ["tally"]
LIBRARY = default_library()
FORM_FILE = forms_dir() / "dyade-brief-patient.yaml"
FORM_LINES = FORM_FILE.read_text(encoding="utf-8").splitlines()
CSV_TEXT = (Path(__file__).parents[1] / "docs" / "examples" / "visits.csv").read_text("utf-8")
EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"
FUZZ = settings(
    max_examples=scale(20, 1500),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
tokens = st.sampled_from(
    ["", "null", "[]", "{}", "-1", "99", "1.5", "yes", "&a", "*emotions", "'", '"', "- x", "{a: 1"]
) | st.text(max_size=12)


@st.composite
def mutated_form(draw) -> str:
    lines = list(FORM_LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "double", "value", "indent", "token"]))
        line = lines[at]
        if action == "drop":
            del lines[at]
        elif action == "double":
            lines.insert(at, line)
        elif action == "value" and ":" in line:
            lines[at] = line.split(":", 1)[0] + ": " + draw(tokens)
        elif action == "indent":
            lines[at] = " " * draw(st.integers(0, 9)) + line.lstrip()
        else:
            lines.insert(at, draw(tokens))
    return "\n".join(lines)


form_documents = (
    mutated_form()
    | json_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))
    | st.text(max_size=200)
)


@FUZZ
@given(text=form_documents)
def test_form_files_load_or_are_refused_with_their_name(tmp_path, tally, text):
    path = tmp_path / "clinic-form.yaml"
    path.write_text(text, encoding="utf-8")
    tally.add(fuzzed=1)
    try:
        load_form(path)
    except DyadeError as exc:
        assert "clinic-form.yaml" in str(exc)


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path, tally):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join([*lines, "id: bomb", "items: *a8"]), encoding="utf-8")
    tally.add(fuzzed=1)
    try:
        load_form(path)
    except DyadeError as exc:
        assert "bomb.yaml" in str(exc)


@st.composite
def answer_file(draw, side: str) -> str:
    form_id = draw(st.sampled_from([f"dyade-brief-{side}", f"dyade-full-{side}", "nope"]))
    form = LIBRARY.get(form_id)
    ids = [item.id for item in form.items] if form else ["x"]
    answers = draw(st.dictionaries(st.sampled_from(ids) | st.text(max_size=6), json_values))
    doc = draw(
        st.sampled_from(["ok", "no-form", "list-answers", "raw"]),
    )
    if doc == "raw":
        return draw(st.text(max_size=80))
    data = {"form": form_id, "answers": answers}
    if doc == "no-form":
        data.pop("form")
    elif doc == "list-answers":
        data["answers"] = list(answers)
    return json.dumps(data, ensure_ascii=False)


@FUZZ
@given(patient=answer_file("patient"), physician=answer_file("physician"), as_json=st.booleans())
def test_answer_files_for_compare(
    tmp_path, capsys, monkeypatch, tally, patient, physician, as_json
):
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    p, d = tmp_path / "p.json", tmp_path / "d.json"
    p.write_text(patient, encoding="utf-8")
    d.write_text(physician, encoding="utf-8")
    argv = ["compare", "--patient", str(p), "--physician", str(d)] + (["--json"] * as_json)
    code, _out, err = run_cli(argv, capsys)
    tally.add(fuzzed=1, unhandled=int(unhandled(code, err)))
    assert not unhandled(code, err), err
    if code:  # names the file, or the forms the two files name
        assert "p.json" in err or "d.json" in err or "form" in err, err


@st.composite
def mutated_csv(draw) -> bytes:
    rows = [line.split(",") for line in CSV_TEXT.splitlines()]
    for _ in range(draw(st.integers(1, 5))):
        r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, max(0, len(rows[r]) - 1)))
        action = draw(st.sampled_from(["cell", "drop", "extra", "row"]))
        if action == "cell" and rows[r]:
            rows[r][c] = draw(tokens | st.sampled_from(["1e309", "nan", "3;3", '"a,b"', "\x00"]))
        elif action == "drop" and rows[r]:
            del rows[r][c]
        elif action == "extra":
            rows[r].append(draw(tokens))
        else:
            rows.insert(r, draw(st.lists(tokens, max_size=6)))
    data = "\n".join(",".join(row) for row in rows).encode("utf-8")
    cut = draw(st.none() | st.integers(0, len(data)))
    if draw(st.booleans()):
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b""])) + data
    return data if cut is None else data[:cut]


@FUZZ
@given(data=mutated_csv() | st.binary(max_size=200))
def test_analysis_csv(tmp_path, capsys, monkeypatch, tally, data):
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    path = tmp_path / "visits.csv"
    path.write_bytes(data)
    code, _out, err = run_cli(["analyse", str(path)], capsys)
    tally.add(fuzzed=1, unhandled=int(unhandled(code, err)))
    assert not unhandled(code, err), err
    if code:
        assert "visits.csv" in err, err


@FUZZ
@given(data=json_values | st.dictionaries(st.text(max_size=20), json_values))
def test_threshold_files(tmp_path, capsys, monkeypatch, tally, data):
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    path = tmp_path / "limits.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    argv = ["compare", "--patient", str(EXAMPLES / "scenario-a-patient.json")]
    argv += ["--physician", str(EXAMPLES / "scenario-a-physician.json"), "--thresholds", str(path)]
    code, _out, err = run_cli(argv, capsys)
    tally.add(fuzzed=1, unhandled=int(unhandled(code, err)))
    assert not unhandled(code, err), err
    if code:
        assert "limits.json" in err, err
