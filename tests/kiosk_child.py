"""A patient at the real kiosk, for the crash tests to kill.

Run as ``python kiosk_child.py DB PASSPHRASE CODE SEED``. It opens the clinic
database, shows the real :class:`~dyade.ui.kiosk.KioskWindow` (Qt offscreen),
chooses a language, types the visit code and answers with the mouse and the
keyboard as a person would (QTest), now and then going back, changing an
answer or switching language. Each line it prints is flushed at once:

- ``resume INDEX ITEM``: the screen the kiosk opened on and the item that has
  the keyboard focus (``-`` on the review);
- ``try [ITEM, VALUE]`` before a click or a Next that saves an answer, then
  ``answer [ITEM, VALUE]`` once the kiosk has saved it;
- ``try-lang CODE`` before choosing a language, ``lang CODE`` once it is saved;
- ``submitted`` on the thank-you screen, or ``already-completed`` when the
  kiosk says the questionnaire was sent already.

Any refusal or unexpected exception ends the process with status 3.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from dyade.fill import AlreadyCompleted, toggled
from dyade.forms import default_library
from dyade.storage.connection import open_database
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.kiosk import KioskWindow

KDF = 2_000
LEFT = Qt.MouseButton.LeftButton
WORDS = ("bien", "fatigué ce matin", "Ça va, merci", "rien à ajouter")


def say(*parts: object) -> None:
    print(*parts, flush=True)


def fail(message: str) -> None:
    say(f"refused {message}")
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    os._exit(3)


def _excepthook(kind, value, tb) -> None:
    """An exception in a Qt slot: print it and stop (a dialog would wait forever)."""
    sys.stderr.write("".join(traceback.format_exception(kind, value, tb)))
    sys.stderr.flush()
    os._exit(3)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, LEFT)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks knows ASCII only, not "é" or "Ç")."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class Patient:
    """Drives one kiosk through one questionnaire."""

    def __init__(self, kiosk: KioskWindow, rng: random.Random) -> None:
        self.kiosk, self.rng = kiosk, rng

    @property
    def view(self):
        return self.kiosk.questionnaire

    def saved(self, item_id: str, value: object) -> None:
        stored = self.view.session.answers.get(item_id, ...)
        if stored != value:
            fail(f"{item_id}: the kiosk shows {stored!r}, {value!r} was given")
        say("answer " + json.dumps([item_id, value], ensure_ascii=False))

    def choose(self, item_view) -> None:
        """One click on an option (or on "I prefer not to answer") of an item."""
        item = item_view.item
        if item.optional and item.kind != "text" and self.rng.random() < 0.1:
            button, value = item_view.skip_button, None
        else:
            index = self.rng.randrange(len(item_view.options.buttons))
            button, code = item_view.options.buttons[index], item_view.options.values[index]
            value = code
            if item.kind == "multi":
                current = self.view.session.answers.get(item.id)
                value = toggled(item, current if isinstance(current, list) else [], code)
        say("try " + json.dumps([item.id, value], ensure_ascii=False))
        self.press(item_view, button)
        self.saved(item.id, value)

    def press(self, item_view, button: QWidget) -> None:
        """A click, or (one question on screen) the option's digit key."""
        buttons = item_view.options.buttons
        number = buttons.index(button) + 1 if button in buttons else 0
        if 0 < number <= 9 and len(self.view.items) == 1 and self.rng.random() < 0.3:
            target = QApplication.focusWidget() or self.view
            QTest.keyClick(target, Qt.Key(Qt.Key.Key_0 + number))
        else:
            click(button)

    def answer(self, item_view) -> None:
        """Answer (or change) one item; text is typed and saved by Next."""
        item = item_view.item
        if item.kind == "text":
            item_view.text_edit.clear()
            type_text(item_view.text_edit, self.rng.choice(WORDS))
            return
        self.choose(item_view)
        while item.kind == "multi" and not self.view.session.is_answered(item.id):
            self.choose(item_view)  # a checklist emptied again: tick another box

    def next(self) -> None:
        """Next (a click, or Enter); typed text is saved on the way."""
        typed = [
            (v.item.id, v.text_value())
            for v in self.view.items
            if v.item.kind == "text" and v.text_value() != self.view.session.answers.get(v.item.id)
        ]
        for item_id, value in typed:
            say("try " + json.dumps([item_id, value], ensure_ascii=False))
        if typed or self.rng.random() < 0.5:  # Enter in a text box is a new line
            click(self.view.next_button)
        else:
            QTest.keyClick(QApplication.focusWidget() or self.view, Qt.Key.Key_Return)
        for item_id, value in typed:
            self.saved(item_id, value)

    def switch_language(self) -> None:
        lang = "en" if self.kiosk.translations.language == "fr" else "fr"
        say(f"try-lang {lang}")
        click(self.kiosk.header.languages[lang])
        if self.view.session.language != lang:
            fail(f"language {lang} not taken")
        say(f"lang {lang}")

    def screen(self) -> None:
        """Answer the open items of the screen shown (sometimes change one), then go on."""
        roll = self.rng.random()
        if roll < 0.05 and self.view.index > 0:
            click(self.view.back_button)
            return
        if roll < 0.09:
            self.switch_language()
        for item_view in self.view.items:
            answered = self.view.session.is_answered(item_view.item.id)
            if not answered or self.rng.random() < 0.1:
                self.answer(item_view)
        self.next()

    def fill(self) -> None:
        while self.kiosk.pages.currentWidget() is not self.kiosk.thanks:
            if self.view is None:
                fail("the questionnaire closed before it was sent")
            if self.view.on_review:
                click(self.view.next_button)
            else:
                self.screen()
        say("submitted")


def focused_item(kiosk: KioskWindow) -> str:
    focus = QApplication.focusWidget()
    for view in kiosk.questionnaire.items:
        if focus is not None and view.isAncestorOf(focus):
            return view.item.id
    return "-"


def open_code(kiosk: KioskWindow, code: str, lang: str) -> bool:
    """Welcome -> language -> code, typed and entered; False if the kiosk refused it."""
    say(f"try-lang {lang}")  # saved with the response once the code opens it
    click(kiosk.welcome.buttons[lang])
    QTest.keyClicks(kiosk.code_page.field, code)
    QTest.keyClick(kiosk.code_page.field, Qt.Key.Key_Return)
    if kiosk.questionnaire is not None:
        return True
    if kiosk.code_page.error.text() == AlreadyCompleted.messages[lang]:
        say("already-completed")
        return False
    fail(f"code {code} refused: {kiosk.code_page.error.text()}")
    return False


def main(db_path: str, passphrase: str, code: str, seed: str) -> None:
    rng = random.Random(int(seed))
    db = open_database(db_path, passphrase, kdf_iter=KDF)
    app = make_application()
    sys.excepthook = _excepthook
    kiosk = KioskWindow(
        db, default_library(), idle_seconds=3600, translations=Translations(), language="fr"
    )
    kiosk.resize(1024, 768)
    kiosk.show()
    kiosk.activateWindow()
    give_up = time.monotonic() + 30
    while QApplication.activeWindow() is not kiosk:
        if time.monotonic() > give_up:
            fail("the kiosk window never became active")
        app.processEvents()
    lang = rng.choice(["fr", "en"])
    if open_code(kiosk, code, lang):
        view = kiosk.questionnaire
        say(f"lang {lang}")
        say(f"resume {view.index} {focused_item(kiosk)}")
        Patient(kiosk, rng).fill()
    kiosk.unlocked = True
    kiosk.close()
    db.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
