"""Alignment set by name (the first window paints without Qt's namespace enums): the
same as with the enums, to the pixel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dyade.ui.by_name import add_centred, align


def column(qtbot, centre) -> tuple[QWidget, QWidget]:
    """A window with a fixed-width box centred by ``centre(layout, box)``."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    box = QLabel("a box of fixed width", window)
    box.setFixedWidth(151)
    centre(layout, box)
    return window, box


def test_a_centred_widget_sits_where_align_hcenter_puts_it(qtbot):
    by_flag, flagged = column(
        qtbot, lambda lay, w: lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
    )
    by_name, named = column(qtbot, add_centred)
    for width in range(300, 306):  # odd and even room left over
        for window in (by_flag, by_name):
            window.resize(width, 120)
            window.show()
        qtbot.waitUntil(lambda w=width: by_flag.width() == w and by_name.width() == w)
        by_flag.layout().activate(), by_name.layout().activate()
        assert named.geometry() == flagged.geometry(), width


def test_alignment_flags_by_name(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    align(label, "AlignCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    align(label, "AlignRight|AlignVCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    with pytest.raises(ValueError, match="AlignMiddle"):
        align(QLabel(), "AlignMiddle")
