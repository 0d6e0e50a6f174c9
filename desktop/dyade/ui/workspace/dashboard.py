"""Placeholder until the dashboard lands."""

from PySide6.QtWidgets import QWidget


class DashboardPage(QWidget):
    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
