"""``python -m benchmarks [--quick] [--only NAME] [--workdir DIR]``: print the table."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.context import FULL, QUICK, Context, passphrase_from_env
from benchmarks.runner import GROUPS, header, run_groups
from benchmarks.table import render


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure Dyade's speed against floors taken in the same run.",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke test)")
    parser.add_argument(
        "--only",
        action="append",
        choices=list(GROUPS),
        metavar="NAME",
        help=f"measure only this group (repeatable): {', '.join(GROUPS)}",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        metavar="DIR",
        help="where databases and files go; the generated clinic is kept there and reused "
        "(default: a temporary folder for --quick, else <tmp>/dyade-bench)",
    )
    parser.add_argument("--out", type=Path, metavar="FILE", help="also write the table here")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    names = args.only or list(GROUPS)
    with tempfile.TemporaryDirectory(prefix="dyade-bench-") as scratch:
        default = Path(scratch) if args.quick else Path(tempfile.gettempdir()) / "dyade-bench"
        workdir = args.workdir or default
        workdir.mkdir(parents=True, exist_ok=True)
        ctx = Context(QUICK if args.quick else FULL, workdir, passphrase_from_env(), args.quick)
        print(header(ctx), flush=True)
        figures = run_groups(ctx, names, lambda n: print(f"measuring {n}...", file=sys.stderr))
        text = header(ctx) + "\n\n" + render(figures)
        print("\n" + render(figures))
        if args.out:
            args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
