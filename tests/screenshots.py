"""Every screen of the physician's side and of the patient kiosk on the demo clinic, as PNGs.

Run: ``python tests/screenshots.py OUT_DIR [--size 1366x768] [--only physician|kiosk]``.
The kiosk's screens (``screenshots_kiosk.py``) come at 1366x768, 1920x1080 and
1280x800, at the default and the largest text size. Renders offscreen
(no display needed), so the pictures can be looked at one by one before a release:
unlock, sign-in, dashboard, patients, questionnaires to fill in, settings, staff,
the dyad review (top, details, item table), its history, the physician's
questionnaire and the small dialogs. Not a test: nothing is asserted here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(app, widget, out: Path, name: str) -> None:
    settle(app)
    widget.grab().save(str(out / f"{name}.png"))


def physician_side(app, lang: str, db_path: Path, out: Path, size: tuple[int, int]) -> None:
    from dyade.demo import DEMO_PASSPHRASE
    from dyade.storage.dyads import dyads_for
    from dyade.ui.i18n import Translations
    from dyade.ui.main_window import MainWindow
    from dyade.ui.workspace.dialogs import DyadDialog, PatientDialog, VisitCodeDialog
    from dyade.ui.workspace.exports import ExportDialog
    from dyade.ui.workspace.questionnaire import open_physician_questionnaire
    from dyade.ui.workspace.review_window import open_review

    Translations().set_language(lang)
    window = MainWindow(lang)
    window.resize(*size)
    window.show()
    window.show_unlock(db_path, demo_passphrase=DEMO_PASSPHRASE)
    shoot(app, window, out, f"{lang}-01-unlock")
    window.unlock_page.passphrase.setText("not the passphrase")
    window.unlock_page.try_unlock()
    shoot(app, window, out, f"{lang}-02-unlock-wrong")
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.try_unlock()
    shoot(app, window, out, f"{lang}-03-sign-in")
    window.login_page.login.setText("martin")
    window.login_page.password.setText("demo-dyade")
    window.login_page.try_login()
    Translations().set_language(lang)  # the demo physician's own language would win
    workspace = window.workspace
    for index, section in enumerate(workspace.sections, start=4):
        workspace.show_section(section)
        page = workspace.pages[section]
        if section == "patients":
            page.patient_view.selectRow(0)
        shoot(app, window, out, f"{lang}-{index:02d}-{section}")
    session = workspace.session
    dyad = next(d for d in dyads_for(session.db, session.user) if d.patient_code == "A-1042")
    review = open_review(workspace, dyad)
    review.resize(size[0] - 80, size[1] - 60)
    shoot(app, review, out, f"{lang}-20-review-top")
    area = review.visit_view.layout().itemAt(0).widget()
    bar = area.verticalScrollBar()
    for step, name in ((0.35, "details"), (1.0, "items")):
        bar.setValue(int(bar.maximum() * step))
        shoot(app, review, out, f"{lang}-21-review-{name}")
    review.tabs.setCurrentIndex(1)
    shoot(app, review, out, f"{lang}-22-review-history")
    dialog = ExportDialog("visit", Path.home() / "dyade-A-1042.pdf", review)
    dialog.show()
    shoot(app, dialog, out, f"{lang}-23-export-dialog")
    dialog.close()
    review.close()
    pending = workspace.pages["pending"]
    mine = [r for r in pending.model.rows if r.respondent == "physician"]
    if mine:
        questionnaire = open_physician_questionnaire(workspace, mine[0].response_uuid)
        shoot(app, questionnaire, out, f"{lang}-30-physician-questionnaire")
        questionnaire.close()
    for name, made in (
        ("31-add-patient", PatientDialog()),
        ("32-new-dyad", DyadDialog([session.user], session.user.uuid)),
        ("33-visit-code", VisitCodeDialog("K7PM2Q", "A-1042")),
    ):
        made.show()
        shoot(app, made, out, f"{lang}-{name}")
        made.close()
    share = workspace.show_section("patients").share_dyad()
    if share is not None:
        shoot(app, share, out, f"{lang}-34-share")
        share.reject()
    everyday_screens(app, window, out, lang)
    window.lock()
    shoot(app, window, out, f"{lang}-40-locked")
    window.login_page.login.setText("accueil")
    window.login_page.password.setText("demo-dyade")
    window.login_page.try_login()
    Translations().set_language(lang)
    for index, section in enumerate(window.workspace.sections, start=41):
        window.workspace.show_section(section)
        shoot(app, window, out, f"{lang}-{index:02d}-reception-{section}")
    window.close()


def everyday_screens(app, window, out: Path, lang: str) -> None:
    """Editing a patient, a problem inside the dialog, moving or cancelling a visit, and
    the settings' Advanced section open."""
    from PySide6.QtWidgets import QScrollArea

    workspace = window.workspace
    patients = workspace.show_section("patients")
    patients.select_patient("A-1042")
    for name, dialog in (("35-edit-patient", patients.edit_patient()), ("36-code-taken", None)):
        if dialog is None:
            dialog = patients.add_patient()
            dialog.code.setText("A-1042")
            dialog.accept()  # refused: the sentence shows inside the dialog
        shoot(app, dialog, out, f"{lang}-{name}")
        dialog.reject()
    pending = workspace.show_section("pending")
    pending.view.selectRow(0)
    for name, dialog in (("37-visit-date", pending.change_date()),
                         ("38-cancel-visit", pending.cancel_visit())):  # fmt: skip
        shoot(app, dialog, out, f"{lang}-{name}")
        dialog.reject()
    settings = workspace.show_section("settings")
    settings.advanced_button.setChecked(True)
    bar = settings.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    shoot(app, window, out, f"{lang}-39-settings-advanced")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument(
        "--only", choices=("physician", "kiosk"), help="one side (the kiosk: three sizes)"
    )
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["DYADE_HOME"] = home
        from dyade.demo import build_demo
        from dyade.ui.app import make_application

        db_path = build_demo(Path(home) / "demo.db")
        app = make_application()
        if args.only != "kiosk":
            for lang in ("fr", "en"):
                physician_side(app, lang, db_path, args.out, (width, height - 28))
        if args.only != "physician":
            from screenshots_kiosk import kiosk_screens

            kiosk_screens(app, db_path, args.out)
    print(f"screens written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
