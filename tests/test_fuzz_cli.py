"""Any command line: ``dyade.cli.main`` answers with exit 0, 1 or 2 and a message,
never an unexpected error.

Argument lists are drawn from the real subcommands and options, files that
exist and files that do not, and stray words. They run in this process, in a
scratch folder, with the database passphrase set; opening the app is replaced
by a stub (it would wait for a person).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dyade.launch
from dyade.cli import analysis_cmd, build_parser
from dyade.forms import default_library
from faults_support import PASSPHRASE, run_cli, scale, tally, unhandled

__all__ = ["tally"]
LIBRARY = default_library()
EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"
SLOW = {
    "self-check",
    "demo",
}  # whole-app checks and the demo clinic: seconds each, tested elsewhere


def _commands(parser: argparse.ArgumentParser, prefix=()) -> list[tuple[tuple[str, ...], list]]:
    """Every (sub)command path with its option strings."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name not in SLOW:
                    found += _commands(sub, (*prefix, name))
    options = [o for a in parser._actions for o in a.option_strings if o not in ("-h",)]
    return [(prefix, options), *found]


COMMANDS = _commands(build_parser())
words = st.text(
    st.characters(blacklist_characters="/\\~\x00", blacklist_categories=("Cs",)), max_size=12
)


@st.composite
def argv(draw, files: list[str]) -> list[str]:
    command, options = draw(st.sampled_from(COMMANDS))
    args = list(command)
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["option", "file", "word", "number", "choice"]))
        if kind == "option" and options:
            args.append(draw(st.sampled_from(options)))
        elif kind == "file":
            args.append(draw(st.sampled_from(files)))
        elif kind == "number":
            args.append(str(draw(st.integers(-5, 3000))))
        elif kind == "choice":
            args.append(draw(st.sampled_from(["fr", "en", "csv", "json", "physician", "full"])))
        else:
            args.append(draw(words))
    return args


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DYADE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DYADE_USER_PASSWORD", "a long enough password")
    monkeypatch.setattr(dyade.launch, "launch_app", lambda args: 0)
    monkeypatch.setattr(analysis_cmd, "_library", lambda: LIBRARY)
    (tmp_path / "garbage.bin").write_bytes(b"\x00\xff" * 50)
    (tmp_path / "answers.json").write_text(json.dumps({"form": "x"}), encoding="utf-8")
    return [
        str(EXAMPLES / "scenario-a-patient.json"),
        str(EXAMPLES / "scenario-a-physician.json"),
        str(EXAMPLES / "visits.csv"),
        str(tmp_path / "garbage.bin"),
        str(tmp_path / "answers.json"),
        str(tmp_path / "missing.db"),
        str(tmp_path / "out.pdf"),
        str(tmp_path),
    ]


@given(data=st.data())
@settings(
    max_examples=scale(30, 2500),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_command_line_gets_an_exit_code_and_a_message(scratch, capsys, tally, data):
    args = data.draw(argv(scratch))
    code, _out, err = run_cli(args, capsys)
    tally.add(fuzzed=1, unhandled=int(unhandled(code, err)))
    assert not unhandled(code, err), (args, err)
    if code == 2:
        assert err.strip(), args  # a refusal always says why
