"""Placeholder until the settings page lands."""

from PySide6.QtWidgets import QWidget


class SettingsPage(QWidget):
    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
