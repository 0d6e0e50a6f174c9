"""Dyade: measure the therapeutic alliance from both sides of a patient–physician dyad.

The package is split in two: a Qt-free core (forms, scoring, analysis, storage,
reports, CLI) and ``dyade.ui``, the only subpackage allowed to import PySide6.
"""

__version__ = "0.1.0"

from dyade import _no_numpy

_no_numpy.install()
