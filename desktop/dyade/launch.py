"""Open the desktop app from parsed CLI arguments.

Kept outside ``dyade.ui`` so that ``dyade --help`` and every subcommand start
without loading Qt; Qt is imported only when a window is really opened.
"""

from __future__ import annotations

import argparse


def launch_app(args: argparse.Namespace) -> int:
    from dyade.ui.app import run_app

    return run_app(args)
