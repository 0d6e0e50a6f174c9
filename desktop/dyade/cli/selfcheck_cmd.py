"""``dyade self-check``: prove each subsystem present works on this machine."""

from __future__ import annotations

import argparse

from dyade import __version__


def _print(name: str, ok: bool, detail: str) -> None:
    print(f"  {'ok  ' if ok else 'FAIL'}  {name}: {detail}")


def _run(args: argparse.Namespace) -> int:
    from dyade.cli.selfcheck import run_checks

    print(f"dyade {__version__} self-check")
    failures = run_checks(_print)
    print("all checks passed" if not failures else f"{failures} check(s) failed")
    return 1 if failures else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("self-check", help="check that every part of Dyade works here")
    p.set_defaults(handler=_run)
