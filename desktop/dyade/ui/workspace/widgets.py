"""Widgets every workspace page shares: its lists, its page headings, the attention badges.

Kept apart from the pages, so a page that uses them does not depend on another page.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from dyade.vocabulary import Category

# attention category -> symbol, colour (AA on white)
BADGES = {
    Category.ONE_SIDED: ("⚠", "#A1261B"),
    Category.UNRESOLVED: ("◔", "#8A4B00"),
    Category.SHARED: ("●", "#7A5200"),
    Category.MISMATCH: ("≠", "#5B4A8A"),
    Category.MILD: ("▽", "#3F5873"),
    Category.NOTHING: ("✓", "#1E6B34"),
}


def table(parent: QWidget, model: QAbstractItemModel, stretch: int = -1) -> QTableView:
    """A read-only, row-selecting table as every list of the workspace uses it.

    Columns fit their header and cells (never a cut header: "…ière visite anal…"
    is unreadable); the ``stretch`` column, by default the last shown, takes what is left.
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)  # the last shown column, even if one is hidden
    return view


def heading(parent: QWidget) -> tuple[QLabel, QLabel]:
    """A list page's title and its muted, wrapping one-line explanation."""
    title, intro = QLabel(parent), QLabel(parent)
    title.setObjectName("pageTitle")
    intro.setWordWrap(True)
    intro.setProperty("role", "muted")
    return title, intro
