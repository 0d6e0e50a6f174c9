"""The Qt user interface: the only part of Dyade that imports PySide6."""
