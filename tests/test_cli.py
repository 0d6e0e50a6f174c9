"""The CLI skeleton: version, help for every subcommand, self-check."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dyade import __version__
from dyade.cli import build_parser, main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dyade", *args], capture_output=True, text=True, timeout=120
    )


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dyade {__version__}"


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert f"dyade {command}" in out


def test_every_subcommand_is_documented_in_readme():
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [c for c in subcommands() if f"dyade {c}" not in readme]
    assert missing == [], f"subcommands missing from README.md: {missing}"


def test_self_check_passes():
    result = run_cli("self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all checks passed" in result.stdout
    assert "ok    qt" in result.stdout


def test_the_app_options_read_by_hand_are_the_parsers_own():
    """``app_launch`` reads the app's options without argparse: the same options, values
    and results as the whole parser, which ``dyade --help`` shows."""
    import argparse

    from dyade.cli import APP_FLAGS, APP_VALUES, app_launch, app_options, build_parser

    parser = argparse.ArgumentParser(add_help=False)
    app_options(parser)
    actions = {a.option_strings[0]: a for a in parser._actions if a.dest != "version"}
    assert set(actions) == set(APP_FLAGS) | set(APP_VALUES)
    assert {o: actions[o].dest for o in APP_FLAGS} == APP_FLAGS
    assert all(actions[o].nargs == 0 for o in APP_FLAGS)
    assert {o: (a.dest, a.choices) for o, a in actions.items() if o in APP_VALUES} == APP_VALUES
    full = build_parser()
    for argv in (
        [],
        ["--kiosk"],
        ["--db=x.db", "--lang", "en"],
        ["--demo", "--passphrase-file", "p.txt", "--exit-when-shown"],
        ["--db", "a.db", "--db", "b.db", "--lang=fr", "--db="],
    ):
        assert vars(app_launch(argv)) == vars(full.parse_args(argv)), argv


def test_opening_the_app_parses_its_options_without_the_command_modules():
    """The common case, a person opening the app, skips building every subcommand's parser."""
    from dyade.cli import app_launch

    args = app_launch(["--db", "clinic.db", "--lang", "fr", "--exit-when-shown"])
    assert (args.db, args.lang, args.exit_when_shown, args.command) == (
        "clinic.db",
        "fr",
        True,
        None,
    )
    others = (["forms", "list"], ["--help"], ["--lang", "de"], ["--db"], ["--nope"], ["--kio"])
    others += (["--version"], ["--db", "--kiosk"], ["--kiosk=yes"], ["--lang=de"])
    for other in others:
        assert app_launch(other) is None, other  # the whole parser answers these
    script = (
        "import sys; from dyade.cli import app_launch; app_launch(['--demo']); "
        "print(sorted(m for m in sys.modules if m.endswith('_cmd') or m == 'locale'))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
