"""The patient kiosk's screens for ``tests/screenshots.py``: every screen a patient meets,
at 1366x768, 1920x1080 and 1280x800, at the default and the largest text size.

A stand-in voice makes the "Listen" buttons show as on a laptop with voices (the
machines that make these pictures often have none). Not a test: nothing is asserted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale

KIOSK_SIZES = ((1366, 768), (1920, 1080), (1280, 800))


class StandInVoice:
    """Speaks nothing; says it has French and English voices."""

    def availableLocales(self) -> list[QLocale]:
        return [QLocale("fr_CA"), QLocale("en_CA")]

    def setLocale(self, locale: QLocale) -> None:
        pass

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


def new_full_visit(db, library) -> str:
    """A fresh full visit of the demo's patient A-1042; its code."""
    from dyade.storage.dyads import dyads_for
    from dyade.storage.visits import FormRef, create_visit

    dyad = next(d for d in dyads_for(db, None) if d.patient_code == "A-1042")
    forms = [
        FormRef(side, f"dyade-full-{side}", library.get(f"dyade-full-{side}").version)
        for side in ("patient", "physician")
    ]
    return create_visit(db, dyad.uuid, forms, kind="full").code


def kiosk_side(app, db, library, out: Path, size: tuple[int, int], largest: bool) -> None:
    """One pass through the kiosk in French at ``size``; PNGs named by size and text."""
    from dyade.ui.i18n import Translations
    from dyade.ui.kiosk import KioskWindow
    from dyade.ui.kiosk.chrome import TEXT_SIZES
    from dyade.ui.questionnaire.speech import Reader

    tag = f"kiosk-{size[0]}x{size[1]}-{'largest' if largest else 'default'}"
    kiosk = KioskWindow(
        db,
        library,
        clinic_name="Cabinet des Tilleuls (démo)",
        translations=Translations(),
        lock=False,
        reader=Reader(engine=StandInVoice(), player=None),
    )
    kiosk.resize(*size)
    kiosk.show()
    if largest:
        kiosk.header.step_size(len(TEXT_SIZES))

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        kiosk.grab().save(str(out / f"{tag}-{name}.png"))

    shot("01-welcome")
    kiosk.welcome.buttons["fr"].click()
    kiosk.code_page.field.setText("7KQ")
    shot("02-code-keypad")
    kiosk.code_page.field.setText(new_full_visit(db, library))
    kiosk.code_page.go.click()
    view = kiosk.questionnaire
    shots = {0: "03-first-question", 1: "04-question"}
    while not view.on_review:
        ids = [v.item.id for v in view.items]
        name = shots.get(view.index) or next(
            (f"05-{i}" for i in ids if i in ("p_stage", "p_main_goal", "p_emotions", "p_comment")),
            None,
        )
        if name:
            shot(name)
        for item_view in view.items:
            if item_view.options is not None:
                item_view.options.buttons[-1].click()
            else:
                item_view.text_edit.setPlainText("Merci pour l’écoute.")
        view.next_screen()
    shot("06-review")
    kiosk.countdown.show_remaining(15)
    shot("07-idle-warning")
    kiosk.countdown.hide()
    view.next_screen()
    kiosk.thanks.show_remaining(12)
    shot("08-thank-you")
    kiosk.unlocked = True
    kiosk.close()
    kiosk.deleteLater()


def kiosk_screens(app, db_path: Path, out: Path) -> None:
    """Every size, default and largest text."""
    from dyade.demo import DEMO_PASSPHRASE
    from dyade.forms.library import installed_library
    from dyade.storage import open_database

    db = open_database(db_path, DEMO_PASSPHRASE)
    try:
        library = installed_library()
        for size in KIOSK_SIZES:
            for largest in (False, True):
                kiosk_side(app, db, library, out, size, largest)
    finally:
        db.close()
