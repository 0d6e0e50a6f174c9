"""``python -m dyade`` does what the ``dyade`` console script does; it is also the entry of
both bundled executables (``dyade``, windowed, and ``dyade-cli``, with a console)."""

import io
import sys

from dyade.cli import main


class _Nowhere(io.TextIOBase):
    """Where the windowed executable's output goes: it has no console to print to."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


if __name__ == "__main__":
    if sys.stdout is None or sys.stderr is None:  # the windowed executable has no console
        sys.stdout, sys.stderr = sys.stdout or _Nowhere(), sys.stderr or _Nowhere()
    sys.exit(main())
