"""The settings page: defaults shown, values saved and put to work, bad folders refused."""

from __future__ import annotations

import pytest

from dyade.analysis import Thresholds
from dyade.clinic import clinic_thresholds
from dyade.storage.settings import get_setting
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace import settings_page, settings_values
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.setup_wizard import create_clinic
from dyade.ui.workspace.shell import Workspace
from storage_fixtures import clinic, db, db_path  # noqa: F401


@pytest.fixture
def workspace(qtbot, db, db_path, clinic):  # noqa: F811
    make_application()
    Translations().set_language("en")
    space = Workspace(Session(db=db, path=db_path, user=clinic.physician))
    qtbot.addWidget(space)
    return space


def test_roles_that_see_the_settings(qtbot, db, db_path, clinic):  # noqa: F811
    make_application()
    for user, shown in (
        (clinic.physician, True),
        (clinic.admin, True),
        (clinic.receptionist, False),
    ):
        space = Workspace(Session(db=db, path=db_path, user=user))
        qtbot.addWidget(space)
        assert ("settings" in space.pages) is shown


def test_page_shows_the_defaults_and_saves_what_changed(workspace, tmp_path):
    page = workspace.show_section("settings")
    assert page.idle_minutes.value() == 10 and page.kiosk_seconds.value() == 120
    assert page.page_size.currentData() == "a4" and page.backups_kept.value() == 14
    assert page.full_forms.currentData()[:3] == ("dyade-full-patient", 2, "dyade-full-physician")
    assert page.brief_forms.currentData()[0] == "dyade-brief-patient"
    label = page.labels["t_z_critical"].text()
    assert "(default: 1.96)" in label and page.threshold_boxes["z_critical"].value() == 1.96
    assert "Every form file was loaded." in page.form_errors.text()

    page.idle_minutes.setValue(3)
    page.kiosk_seconds.setValue(90)
    page.page_size.setCurrentIndex(1)
    page.language.setCurrentIndex(1)
    page.backup_folder.setText(str(tmp_path))
    page.backups_kept.setValue(5)
    page.brief_forms.setCurrentIndex(page.full_forms.currentIndex())  # full forms for both
    assert page.save()
    base = workspace.session.db
    assert get_setting(base, "idle_lock_minutes") == 3
    assert get_setting(base, "kiosk_idle_seconds") == 90
    assert get_setting(base, "report_page_size") == "letter"
    assert get_setting(base, "language") == "en" and settings_values.remembered_language() == "en"
    assert get_setting(base, "backup_folder") == str(tmp_path)
    assert get_setting(base, "daily_backups_kept") == 5
    assert get_setting(base, "visit_forms")["brief"]["patient"] == ["dyade-full-patient", 2]
    assert get_setting(base, "thresholds") == {}  # nothing changed, nothing overridden
    assert settings_values.backup_folder(base, workspace.session.path) == tmp_path
    assert page.status.text() == "Settings saved."


def test_thresholds_are_saved_as_overrides_used_by_the_analysis_and_reset(
    qtbot, workspace, monkeypatch
):
    page = workspace.show_section("settings")
    page.threshold_boxes["z_critical"].setValue(2.5)
    page.threshold_boxes["recovery_visits"].setValue(4)
    analysed = []
    # Recorded, not run: a real re-analysis would outlive the test's database.
    monkeypatch.setattr(
        "dyade.ui.workspace.background.reanalyse_all",
        lambda space: analysed.append(space),
    )
    assert page.save()
    base = workspace.session.db
    assert get_setting(base, "thresholds") == {"z_critical": 2.5, "recovery_visits": 4}
    used = clinic_thresholds(base)
    assert used.z_critical == 2.5 and used.recovery_visits == 4 and used.sd_patient == 0.67
    assert analysed == [workspace]  # every dyad is analysed again with the new numbers
    assert page.threshold_boxes["z_critical"].suffix().strip() == "✎"  # changed is marked
    page.reset_thresholds()
    assert page.threshold_boxes["z_critical"].value() == Thresholds().z_critical
    page.save()
    assert get_setting(base, "thresholds") == {} and clinic_thresholds(base) == Thresholds()


def test_reanalyse_all_runs_in_the_background(qtbot, workspace):
    from dyade.ui.workspace.background import reanalyse_all

    dialog = reanalyse_all(workspace)
    qtbot.waitUntil(lambda: dialog.result_count is not None, timeout=20_000)
    assert dialog.result_count == 1  # the fixture clinic has one dyad


def test_bad_folders_are_refused_and_broken_clinic_forms_are_listed(
    workspace, tmp_path, monkeypatch
):
    page = workspace.show_section("settings")
    shown = []
    monkeypatch.setattr(settings_page, "show_error", lambda _w, text: shown.append(text))
    page.backup_folder.setText(str(tmp_path / "nowhere"))
    assert not page.save()
    assert "nowhere" in shown[0] and "does not exist" in shown[0]
    assert get_setting(workspace.session.db, "backup_folder") == ""
    page.backup_folder.clear()
    own = tmp_path / "forms"
    own.mkdir()
    (own / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    page.forms_folder.setText(str(own))
    assert page.save()
    assert get_setting(workspace.session.db, "clinic_forms_folder") == str(own)
    assert "broken.yaml" in page.form_errors.text()
    assert "could not be loaded" in page.form_errors.text()


def test_the_wizard_remembers_the_clinic_language_for_the_first_screen(tmp_path):
    session = create_clinic(
        tmp_path / "c.db", clinic_name="Lilas", language="fr", passphrase="a long passphrase",
        login="anne", display_name="Anne", password="a-good-password",
    )  # fmt: skip
    assert get_setting(session.db, "language") == "fr"
    assert settings_values.remembered_language() == "fr"
    session.close()


def test_daily_backup_goes_to_the_configured_folder_off_the_ui_thread(qtbot, workspace, tmp_path):
    from dyade.storage.backup import daily_backups
    from dyade.storage.settings import set_setting
    from dyade.ui.main_window import start_daily_backup

    session = workspace.session
    folder = tmp_path / "saved"
    set_setting(session.db, "backup_folder", str(folder))
    op = start_daily_backup(session)
    assert op.finished.wait(20)  # set by the worker when the backup is done
    made = daily_backups(folder, session.path.stem)
    assert len(made) == 1 and made[0].stat().st_size > 0
    again = start_daily_backup(session)  # once a day: the second call writes nothing
    assert again.finished.wait(20)
    assert daily_backups(folder, session.path.stem) == made


def test_thresholds_wait_under_a_collapsed_advanced_section_with_plain_words(qtbot, workspace):
    from PySide6.QtCore import Qt

    page = workspace.show_section("settings")
    group = page.groups["thresholds"]
    assert group.isHidden() and page.advanced_button.text().startswith("▸ Advanced")
    qtbot.mouseClick(page.advanced_button, Qt.MouseButton.LeftButton)
    assert not group.isHidden() and page.advanced_button.text().startswith("▾")
    for name in page.threshold_boxes:
        assert page.explanations[name].text(), f"{name} has no plain explanation"
        assert not page.labels[f"t_{name}"].text().startswith(name)  # a name, not a code
    assert "95% sure" in page.explanations["z_critical"].text()
    qtbot.mouseClick(page.advanced_button, Qt.MouseButton.LeftButton)
    assert group.isHidden()


def test_numbers_follow_the_language_in_the_labels_and_in_the_fields(qtbot, workspace):
    page = workspace.show_section("settings")
    box = page.threshold_boxes["sd_patient"]
    assert "(default: 0.67)" in page.labels["t_sd_patient"].text() and box.text() == "0.67"
    Translations().set_language("fr")
    try:
        qtbot.waitUntil(lambda: "0,67" in page.labels["t_sd_patient"].text())
        assert "(par défaut\u00a0: 0,67)" in page.labels["t_sd_patient"].text()
        assert box.text() == "0,67" and box.value() == 0.67  # the field agrees with the label
        assert "(par défaut\u00a0: 3)" in page.labels["t_recovery_visits"].text()
    finally:
        Translations().set_language("en")
