"""Labels that name their fields for screen readers.

A label added to a ``QFormLayout`` is only placed beside its field: Qt's
accessibility layer reads a field's name from a label whose *buddy* it is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel


def buddy_rows(form: QFormLayout) -> None:
    """Make each row's label the buddy of its field (the first widget of a field row)."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or not isinstance(label.widget(), QLabel):
            continue
        target = field.widget()
        if target is None and field.layout() is not None and field.layout().count():
            target = field.layout().itemAt(0).widget()
        if target is not None:
            label.widget().setBuddy(target)
