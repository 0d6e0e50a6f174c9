"""Command-line entry point.

Each subsystem owns one module in this package that exposes
``register(subparsers)``; the module adds its parser and sets
``handler=<function(args) -> int>`` with ``set_defaults``. Handlers raise
:class:`dyade.errors.DyadeError` for expected failures: ``main`` prints the
message and returns its exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from dyade import __version__
from dyade.errors import DyadeError

log = logging.getLogger(__name__)

# Subcommand modules, in the order they appear in ``dyade --help``.
COMMAND_MODULES: tuple[str, ...] = (
    "dyade.cli.selfcheck_cmd",
    "dyade.cli.data_cmd",
    "dyade.cli.user_cmd",
    "dyade.cli.kiosk_cmd",
    "dyade.cli.forms_cmd",
    "dyade.cli.analysis_cmd",
    "dyade.cli.psychometrics_cmd",
    "dyade.cli.report_cmd",
    "dyade.cli.demo_cmd",
    "dyade.cli.hub_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """The whole CLI: global options open the app, subcommands do one job."""
    parser = argparse.ArgumentParser(
        prog="dyade",
        description="Dyade: the therapeutic alliance seen from both sides of a dyad.",
    )
    app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def app_options(parser: argparse.ArgumentParser) -> None:
    """The options of the app itself (no subcommand)."""
    parser.add_argument("--version", action="version", version=f"dyade {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="open this database instead of the default one"
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the database passphrase from FILE (else $DYADE_PASSPHRASE, else ask)",
    )
    parser.add_argument("--demo", action="store_true", help="open the app on the demo clinic")
    parser.add_argument("--kiosk", action="store_true", help="open straight on the patient kiosk")
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the app")
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="quit as soon as the first window is painted (to time a cold start)",
    )


# The app's own options (see app_options), read by hand in app_launch:
# flags, and options with one value (and the values they allow, if limited).
APP_FLAGS = {"--demo": "demo", "--kiosk": "kiosk", "--exit-when-shown": "exit_when_shown"}
APP_VALUES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--db": ("db", None),
    "--passphrase-file": ("passphrase_file", None),
    "--lang": ("lang", ("fr", "en")),
}


def app_launch(argv: Sequence[str]) -> argparse.Namespace | None:
    """The app's own options when no subcommand is asked for, else None.

    Opening the app is the common case and the one a person waits for: its few
    options are read here by hand. Building every command module's parser costs a
    start about 50 ms, and even a parser of these options alone 4 ms (argparse's
    words go through gettext, which looks for catalogues in each locale folder).
    Help, a subcommand, ``--version``, an abbreviation or a wrong value go to the
    whole parser, which answers them as it always did.
    """
    values: dict[str, object] = {dest: False for dest in APP_FLAGS.values()}
    values.update({dest: None for dest, _choices in APP_VALUES.values()})
    words = list(argv)
    while words:
        option, has_value, value = words.pop(0).partition("=")
        if option in APP_FLAGS and not has_value:
            values[APP_FLAGS[option]] = True
            continue
        if option not in APP_VALUES:
            return None
        if not has_value:
            if not words or words[0].startswith("-"):
                return None
            value = words.pop(0)
        dest, choices = APP_VALUES[option]
        if choices is not None and value not in choices:
            return None
        values[dest] = value
    return argparse.Namespace(**values, command=None)


def _pipe_closed() -> int:
    """The reader of our output went away (``dyade visit list | head -1``): stop quietly.

    Standard output is pointed at the null device so that Python's own flush at
    exit does not fail a second time and print a traceback."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    return 141  # 128 + SIGPIPE, what a command stopped by a closed pipe returns


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; with no subcommand, open the app."""
    from dyade.logs import buffer_logging, setup_logging

    buffer_logging()  # the app opens the file once its first window is painted
    argv = sys.argv[1:] if argv is None else list(argv)
    args = app_launch(argv) or build_parser().parse_args(argv)
    if args.command is not None:
        setup_logging()
    try:
        if args.command is None:
            from dyade.launch import launch_app

            return launch_app(args)
        code = int(args.handler(args) or 0)
        if sys.stdout is not None:  # none in a windowed bundle
            sys.stdout.flush()  # a closed pipe is met here, not at exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except DyadeError as exc:
        print(f"dyade: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: keep the traceback in the log, give the person a short line
        from dyade.logs import log_file

        log.exception("unexpected error in %s", args.command or "app")
        print(f"dyade: unexpected error, details in {log_file()}", file=sys.stderr)
        return 1
