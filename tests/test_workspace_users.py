"""The staff accounts page: add, reset a password, change a role, deactivate; who sees it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dyade.storage import audit
from dyade.storage.errors import AccessDenied, LoginRefused
from dyade.storage.users import authenticate, create_user, find_user, set_active
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace
from dyade.ui.workspace.users import StaffPage
from dyade.ui.workspace.users_dialogs import NewAccountDialog

NEW_PASSWORD = "tilleul-couloir-42"


@pytest.fixture
def english():
    make_application()
    Translations().set_language("en")


def workspace_for(qtbot, db, db_path, user) -> Workspace:
    space = Workspace(Session(db=db, path=db_path, user=user))
    qtbot.addWidget(space)
    return space


def page_for(qtbot, db, db_path, user) -> StaffPage:
    return workspace_for(qtbot, db, db_path, user).show_section("users")


def on_next_modal(act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the next modal window; close it if ``act`` fails, so nothing hangs."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(0, poll)


def fill_account(dialog, login: str, role: str, password: str, again: str | None = None):
    dialog.display_name.setText("Accueil du matin")
    dialog.login.setText(login)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.password.setText(password)
    dialog.again.setText(password if again is None else again)


def cells_of(page: StaffPage) -> list[str]:
    """The selected row as the table shows it."""
    row = page.model.rows.index(page.selected())
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def test_an_administrator_adds_a_receptionist_who_signs_in_without_a_dashboard(
    qtbot, english, db, db_path, clinic
):
    page = page_for(qtbot, db, db_path, clinic.admin)
    seen = {}

    def act(dialog: NewAccountDialog) -> None:
        fill_account(dialog, "matin", "receptionist", NEW_PASSWORD, again="tilleul-couloir-4")
        seen["mismatch"] = dialog.hint.text()
        seen["ok_while_mismatched"] = dialog.ok_button().isEnabled()
        dialog.again.setText(NEW_PASSWORD)
        dialog.ok_button().click()

    on_next_modal(act)
    dialog = page.add_account()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert seen == {
        "mismatch": "The two passwords are not the same.",
        "ok_while_mismatched": False,
    }
    assert page.selected().login == "matin"
    assert cells_of(page) == ["Accueil du matin", "matin", "Reception", "active", "never"]
    user = authenticate(db, "matin", NEW_PASSWORD)
    assert (user.role, user.display_name, user.active) == ("receptionist", "Accueil du matin", True)
    page.refresh()
    assert page.selected().login == "matin" and str(date.today().year) in cells_of(page)[4]
    created = [e for e in audit.entries(db) if e.target == f"user:{user.uuid}"]
    assert [(e.action, e.user_uuid) for e in created if e.action == "created"] == [
        ("created", clinic.admin.uuid)
    ]
    raw = db.execute("SELECT group_concat(coalesce(details, ''), ' ') FROM audit").fetchone()[0]
    assert NEW_PASSWORD not in raw

    space = workspace_for(qtbot, db, db_path, user)
    assert "dashboard" not in space.pages and "users" not in space.pages


def test_a_login_already_taken_is_refused_in_the_dialog_with_nothing_lost(
    qtbot, english, db, db_path, clinic
):
    page = page_for(qtbot, db, db_path, clinic.physician)
    seen = {}

    def act(dialog: NewAccountDialog) -> None:
        fill_account(dialog, "Nguyen", "physician", NEW_PASSWORD)  # letter case ignored
        dialog.ok_button().click()
        seen["visible"] = dialog.isVisible()
        seen["hint"] = dialog.hint.text()
        seen["kept"] = (dialog.login.text(), dialog.password.text(), dialog.again.text())
        seen["focus"] = dialog.focusWidget() is dialog.login
        dialog.reject()

    on_next_modal(act)
    page.add_account()
    assert seen["visible"] is True
    assert seen["hint"] == "The login Nguyen is already taken: choose another one."
    assert seen["kept"] == ("Nguyen", NEW_PASSWORD, NEW_PASSWORD)
    assert seen["focus"]
    assert authenticate(db, "nguyen", "password-2").display_name == "Dr Nguyen"


def test_a_short_password_keeps_ok_off_with_the_wizard_message(qtbot, english, db, db_path, clinic):
    page = page_for(qtbot, db, db_path, clinic.physician)
    dialog = NewAccountDialog(page._create, "en", page)
    qtbot.addWidget(dialog)
    assert dialog.hint.text() == "Choose a login: one word, without spaces."
    fill_account(dialog, "two words", "physician", NEW_PASSWORD)
    assert dialog.hint.text() == "Choose a login: one word, without spaces."
    fill_account(dialog, "dupont", "physician", "short")
    assert dialog.hint.text() == "The password needs at least 8 characters."
    assert not dialog.ok_button().isEnabled()
    dialog.accept()  # Enter with OK off does nothing
    assert find_user(db, "dupont") is None


def test_a_reset_password_replaces_the_old_one(qtbot, english, db, db_path, clinic):
    page = page_for(qtbot, db, db_path, clinic.admin)
    page.select("nguyen")

    def act(dialog) -> None:
        dialog.password.setText(NEW_PASSWORD)
        dialog.again.setText(NEW_PASSWORD)
        dialog.ok_button().click()

    on_next_modal(act)
    assert page.reset_password().result() == QDialog.DialogCode.Accepted
    assert authenticate(db, "nguyen", NEW_PASSWORD).login == "nguyen"
    with pytest.raises(LoginRefused):
        authenticate(db, "nguyen", "password-2")
    changed = [e for e in audit.entries(db) if e.target == f"user:{clinic.colleague.uuid}"]
    assert any(
        e.action == "changed"
        and e.details == {"password": True}
        and e.user_uuid == clinic.admin.uuid
        for e in changed
    )


def test_a_deactivated_account_cannot_sign_in_until_reactivated(
    qtbot, english, db, db_path, clinic
):
    page = page_for(qtbot, db, db_path, clinic.physician)
    page.select("accueil")
    assert page.active_button.text() == "Deactivate…"

    def confirm(box: QMessageBox) -> None:
        assert "Their dyads and history stay" in box.text()
        next(b for b in box.buttons() if b.text() == "Deactivate").click()

    on_next_modal(confirm)
    assert page.toggle_active()
    with pytest.raises(LoginRefused):
        authenticate(db, "accueil", "password-3")
    assert page.selected().login == "accueil" and not page.selected().active
    assert cells_of(page)[3] == "deactivated"
    assert page.active_button.text() == "Reactivate" and not page.role_button.isEnabled()

    assert page.toggle_active()  # reactivating asks nothing
    assert authenticate(db, "accueil", "password-3").active
    details = [
        e.details for e in audit.entries(db) if e.target == f"user:{clinic.receptionist.uuid}"
    ]
    assert {"active": False} in details and {"active": True} in details


def test_cancelling_the_confirmation_keeps_the_account(qtbot, english, db, db_path, clinic):
    page = page_for(qtbot, db, db_path, clinic.physician)
    page.select("nguyen")
    on_next_modal(lambda box: box.reject())
    assert page.toggle_active() is False
    assert authenticate(db, "nguyen", "password-2").active


def test_the_last_physician_or_administrator_stays_active_and_keeps_its_rights(
    qtbot, english, db, db_path, clinic
):
    for other in (clinic.colleague, clinic.admin):
        set_active(db, other.uuid, False)
    page = page_for(qtbot, db, db_path, clinic.physician)
    page.select("martin")
    assert page.selected().display_name == "Dr Martin"
    assert not page.active_button.isEnabled() and not page.role_button.isEnabled()
    assert page.notice.text().startswith("This is your own account")
    assert page.toggle_active() is False and page.change_role() is None
    assert authenticate(db, "martin", "password-1").active

    # The other physician, reactivated, could not take the last rights away from Dr Martin
    # either: the page asks the storage, which counts who stays.
    page.select("admin")
    assert page.active_button.text() == "Reactivate" and page.active_button.isEnabled()
    assert page.refusal(find_user(db, "martin"), active=False).startswith("This is your own")
    assert page.refusal(find_user(db, "accueil"), role="admin") == ""


def test_the_last_manager_refusal_is_worded_for_the_person(qtbot, english, db, db_path, clinic):
    """Another laptop or the command line deactivated everyone else while this page was open."""
    page = page_for(qtbot, db, db_path, clinic.admin)
    for other in (clinic.colleague, clinic.admin):
        set_active(db, other.uuid, False)
    page.refresh()
    page.select("martin")
    assert "Dr Martin is the only active physician or administrator account" in (page.notice.text())
    assert not page.active_button.isEnabled()
    assert page.toggle_active() is False
    assert authenticate(db, "martin", "password-1").active


def test_a_role_change_is_stored_audited_and_refused_for_oneself(
    qtbot, english, db, db_path, clinic
):
    page = page_for(qtbot, db, db_path, clinic.admin)
    page.select("accueil")

    def act(dialog) -> None:
        assert not dialog.ok_button().isEnabled()  # same role: nothing to change
        dialog.role.setCurrentIndex(dialog.role.findData("physician"))
        assert "Manages staff accounts" in dialog.role_help.text()
        dialog.ok_button().click()

    on_next_modal(act)
    assert page.change_role().result() == QDialog.DialogCode.Accepted
    assert find_user(db, "accueil").role == "physician"
    assert any(
        e.details == {"role": "physician"} and e.user_uuid == clinic.admin.uuid
        for e in audit.entries(db)
    )
    page.select("admin")
    assert page.selected().display_name == "admin"
    assert cells_of(page)[0] == "admin (you)"
    assert not page.role_button.isEnabled() and not page.active_button.isEnabled()


def test_reception_does_not_see_the_page_and_the_storage_refuses_it(
    qtbot, english, db, db_path, clinic
):
    for user in (clinic.physician, clinic.admin, clinic.receptionist):
        space = workspace_for(qtbot, db, db_path, user)
        shown = user.role != "receptionist"
        assert ("users" in space.pages) is shown and ("users" in space.nav) is shown
    with pytest.raises(AccessDenied):
        create_user(db, "intrus", "admin", NEW_PASSWORD, by=clinic.receptionist.uuid)


def test_the_page_and_its_dialog_speak_french(qtbot, db, db_path, clinic):
    make_application()
    translations = Translations()
    translations.set_language("fr")
    try:
        page = page_for(qtbot, db, db_path, clinic.physician)
        assert page.title.text() == "Comptes du personnel"
        dialog = NewAccountDialog(page._create, "fr", page)
        qtbot.addWidget(dialog)
        fill_account(dialog, "nguyen", "physician", NEW_PASSWORD)
        dialog.ok_button().click()
        taken = "L’identifiant nguyen est déjà pris\u00a0: choisissez-en un autre."
        assert dialog.hint.text() == taken
        dialog.password.setText("court")
        assert dialog.hint.text() == "Le mot de passe doit compter au moins 8 caractères."
    finally:
        translations.set_language("en")


def test_a_longer_role_help_or_message_grows_the_dialog_instead_of_being_cut(
    qtbot, english, db, db_path, clinic
):
    page = page_for(qtbot, db, db_path, clinic.physician)
    dialog = NewAccountDialog(page._create, "fr", page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for role in ("physician", "admin", "receptionist"):
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        assert dialog.height() >= dialog.form.totalHeightForWidth(dialog.width())
    dialog.show_hint("A long refusal from the storage. " * 8)
    assert dialog.height() >= dialog.form.totalHeightForWidth(dialog.width())
