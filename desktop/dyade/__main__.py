"""``python -m dyade`` does what the ``dyade`` console script does."""

import sys

from dyade.cli import main

if __name__ == "__main__":
    sys.exit(main())
