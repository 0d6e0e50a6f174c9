"""The signed-in workspace: a column of sections on the left, the chosen section on the right.

Which sections appear depends on the role: reception books visits and hands
the kiosk (patients, pending questionnaires) but has no dashboard and no
review, since those show answers. Staff accounts are managed by physicians and
administrators, the roles that already let staff out of the kiosk: in a small
clinic the first physician is the only account and adds everyone else.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace.session import Session

SECTIONS_BY_ROLE = {
    "physician": ("dashboard", "patients", "pending", "settings", "users"),
    "admin": ("patients", "pending", "settings", "users"),
    "receptionist": ("patients", "pending"),
}


def _make(section: str, workspace: Workspace) -> QWidget:
    if section == "dashboard":
        from dyade.ui.workspace.dashboard import DashboardPage

        return DashboardPage(workspace)
    if section == "patients":
        from dyade.ui.workspace.patients import PatientsPage

        return PatientsPage(workspace)
    if section == "settings":
        from dyade.ui.workspace.settings_page import SettingsPage

        return SettingsPage(workspace)
    if section == "users":
        from dyade.ui.workspace.users import StaffPage

        return StaffPage(workspace)
    from dyade.ui.workspace.pending import PendingPage

    return PendingPage(workspace)


class Workspace(Retranslating, QWidget):
    """Holds the session and the windows opened from it (questionnaires, reviews)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.windows: list[QWidget] = []
        self.running: list = []  # background work (batch exports) to stop when locking
        self.last_export_folder: str | None = None
        self.sections = SECTIONS_BY_ROLE.get(session.user.role, ()) if session.user else ()
        layout = QHBoxLayout(self)
        nav = QVBoxLayout()
        self.nav_group = QButtonGroup(self)
        self.nav: dict[str, QPushButton] = {}
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        for section in self.sections:
            button = QPushButton(self)
            button.setCheckable(True)
            button.setObjectName(f"nav_{section}")
            button.clicked.connect(lambda _=False, s=section: self.show_section(s))
            self.nav_group.addButton(button)
            nav.addWidget(button)
            self.nav[section] = button
            self.pages[section] = _make(section, self)
            self.stack.addWidget(self.pages[section])
        nav.addStretch(1)
        layout.addLayout(nav)
        right = QVBoxLayout()
        self.notice = QLabel(self)  # what just happened (a questionnaire sent, an export written)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("What just happened"))
        self.notice.hide()
        right.addWidget(self.notice)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        if self.sections:
            self.show_section(self.sections[0])
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "dashboard": self.tr("Dashboard"),
            "patients": self.tr("Patients and visits"),
            "pending": self.tr("To fill in"),
            "settings": self.tr("Settings"),
            "users": self.tr("Staff accounts"),
        }
        for section, button in self.nav.items():
            button.setText(names[section])

    def notify(self, text: str) -> None:
        """Say what just happened above the current page, until the next section is chosen."""
        self.notice.setText(text)
        self.notice.show()

    def show_section(self, section: str) -> QWidget:
        self.notice.hide()
        page = self.pages[section]
        self.nav[section].setChecked(True)
        self.stack.setCurrentWidget(page)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        return page

    def keep(self, window: QWidget) -> QWidget:
        """Remember a window opened from here, so locking closes it."""
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        return window

    def close_windows(self) -> None:
        for work in list(self.running):
            work.wait()
        for window in self.windows:
            window.close()
        self.windows = []

    def refresh_all(self) -> None:
        for page in self.pages.values():
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()
