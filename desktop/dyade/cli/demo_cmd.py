"""``dyade demo``: write the demo clinic (invented people) to a new database file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def _run(args: argparse.Namespace) -> int:
    from dyade.demo import DEMO_PASSPHRASE, DEMO_PASSWORD, build_demo
    from dyade.paths import demo_db_path

    path = Path(args.demo_db or args.db or demo_db_path())
    passphrase = os.environ.get("DYADE_PASSPHRASE") or DEMO_PASSPHRASE
    build_demo(path, passphrase)
    shown = "$DYADE_PASSPHRASE" if os.environ.get("DYADE_PASSPHRASE") else passphrase
    print(f"demo clinic written to {path}")
    print(f"passphrase: {shown}; logins martin, nguyen, accueil, admin; password {DEMO_PASSWORD}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create the demo clinic (invented people) in a new file")
    p.add_argument(
        "--db",
        dest="demo_db",
        metavar="PATH",
        help="where to write it (default: the demo database); keyed with $DYADE_PASSPHRASE "
        "when set, else the published demo passphrase",
    )
    p.set_defaults(handler=_run)
