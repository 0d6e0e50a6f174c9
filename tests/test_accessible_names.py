"""Every control of every window has a name a screen reader can say: the physician's
windows and dialogs, the charts (with a text alternative), and the kiosk's screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from accessible_support import spoken_name, unnamed
from dyade.demo import DEMO_PASSPHRASE
from dyade.ui.workspace.formats import number_text
from kiosk_support import full_kiosk, settle  # noqa: F401
from test_workspace_exports import review_of

pytest_plugins = ("test_workspace_exports",)  # the demo clinic, signed in as Dr Martin


def test_the_physicians_windows_and_dialogs_name_every_control(qtbot, workspace, tmp_path):
    from dyade.ui.login_dialog import LoginDialog
    from dyade.ui.main_window import MainWindow
    from dyade.ui.workspace.dialogs import (
        DyadDialog,
        PatientDialog,
        ShareDialog,
        VisitCodeDialog,
        VisitDateDialog,
    )
    from dyade.ui.workspace.exports import ExportDialog
    from dyade.ui.workspace.login import LoginPage
    from dyade.ui.workspace.setup_wizard import SetupWizard
    from dyade.ui.workspace.users_dialogs import NewAccountDialog, PasswordDialog, RoleDialog

    missing: list[str] = []
    session = workspace.session
    main = MainWindow("en")
    qtbot.addWidget(main)
    main.show_unlock(session.path, demo_passphrase=DEMO_PASSPHRASE)
    missing += unnamed(main, "unlock")
    sign_in = LoginPage(session)  # the clinic is open already: the page on its own
    qtbot.addWidget(sign_in)
    missing += unnamed(sign_in, "sign-in")
    for section in workspace.sections:
        workspace.show_section(section)
        missing += unnamed(workspace, section)
    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    missing += unnamed(window, "review")
    user = session.user
    for name, dialog in (
        ("add patient", PatientDialog()),
        ("new dyad", DyadDialog([user], user.uuid)),
        ("share", ShareDialog([user], set(), "A-1042")),
        ("visit code", VisitCodeDialog("K7PM2Q", "A-1042")),
        ("export", ExportDialog("visit", Path(tmp_path / "a.pdf"))),
        ("staff sign-in", LoginDialog(session.db)),
        ("visit date", VisitDateDialog("A-1042", "2026-03-02")),
        ("new account", NewAccountDialog(lambda _d: "", "fr")),
        ("password", PasswordDialog(lambda _d: "", "Dr Claire Martin")),
        ("role", RoleDialog(lambda _d: "", lambda *_a, **_k: "", user)),
        ("first run", SetupWizard(tmp_path / "new.db", "en")),
    ):
        qtbot.addWidget(dialog)
        missing += unnamed(dialog, name)
    main.close()
    assert missing == [], "\n".join(missing)


def test_the_charts_say_what_they_show(qtbot, workspace):
    window = review_of(workspace, "A-1042")
    qtbot.addWidget(window)
    chart = window.visit_view.chart
    assert spoken_name(chart) == "Scores of both sides, by subscale"
    text = chart.accessibleDescription()
    first = chart.blocks[0][1][0]
    said = f"{first.label}: patient {number_text(first.patient)}, physician "
    assert said + number_text(first.physician) in text
    for block in chart.blocks:
        assert all(row.label in text for row in block[1])  # every bar is in the words
    history = window.history.chart
    assert spoken_name(history) == "Course over the visits: the bond"
    described = history.accessibleDescription()
    visits = window.review.history.visits
    assert described.count("Visit of ") == len(visits)
    assert window.history.summary.text().split("<br/>")[0] in described
    dashboard = workspace.pages["dashboard"]
    assert spoken_name(dashboard.view)


def test_every_kiosk_screen_names_every_control(qtbot, full_kiosk):  # noqa: F811
    clinic, kiosk = full_kiosk
    missing = unnamed(kiosk, "welcome")
    kiosk.code_page.field.setText(clinic.visit.code)
    kiosk.code_page.go.click()
    view = kiosk.questionnaire
    while not view.on_review:
        settle(qtbot)
        missing += unnamed(kiosk, f"screen {view.index + 1}")
        for item_view in view.items:
            if item_view.options is not None:
                item_view.options.buttons[0].click()
        view.next_screen()
    missing += unnamed(kiosk, "review")
    view.next_screen()
    settle(qtbot)
    missing += unnamed(kiosk, "thank you")
    QApplication.processEvents()
    assert missing == []
