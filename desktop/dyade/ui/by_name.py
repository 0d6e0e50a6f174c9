"""Alignment for the first window's widgets without PySide's ``Qt`` namespace.

The first time any enum of Qt's namespace (``Qt.AlignmentFlag``, ``Qt.Key``...)
is used from Python, PySide builds all of them, about a hundred enum classes:
16 ms of CPU, a tenth of a cold start. The physician's first window (the unlock
page) is painted without them. A label's alignment goes through Qt's property
system, which reads the flags' names itself; a widget is centred in a column
between two stretches, as ``Qt.AlignmentFlag.AlignHCenter`` would place it.
Later screens use ``Qt`` as usual.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QWidget


def align(label: QLabel, flags: str) -> None:
    """``label.setAlignment(Qt.AlignmentFlag.X | ...)`` from the flags' names, as in
    ``"AlignCenter"`` or ``"AlignLeft|AlignVCenter"``."""
    if not label.setProperty("alignment", flags):
        raise ValueError(f"not alignment flags: {flags!r}")


def add_centred(layout: QBoxLayout, widget: QWidget) -> QHBoxLayout:
    """Add ``widget`` to a vertical ``layout``, centred across its width (at the width
    it asks for, as with ``Qt.AlignmentFlag.AlignHCenter``)."""
    row = QHBoxLayout()
    # right to left: a pixel left over goes to the right, as AlignHCenter leaves it
    row.setDirection(QBoxLayout.Direction.RightToLeft)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    layout.addLayout(row)
    return row
