"""``python -m dyade`` does what the ``dyade`` console script does; it is also the entry of
both bundled executables (``dyade``, windowed, and ``dyade-cli``, with a console)."""

import os
import sys

from dyade.cli import main

if __name__ == "__main__":
    if sys.stdout is None or sys.stderr is None:  # the windowed executable has no console
        quiet = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the whole run)
        sys.stdout, sys.stderr = sys.stdout or quiet, sys.stderr or quiet
    sys.exit(main())
