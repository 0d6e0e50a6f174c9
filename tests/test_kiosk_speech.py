"""Read aloud: a "Listen" button on each question where a voice (or a recording) exists,
in the language chosen; hidden, with the reason in the log, where none does."""

from __future__ import annotations

import logging
import shutil
import sys

from PySide6.QtCore import Qt, QUrl

from dyade.forms import load_form
from dyade.paths import forms_dir
from dyade.ui.questionnaire.item_view import ItemView
from dyade.ui.questionnaire.speech import Reader
from kiosk_support import FakeEngine, key, open_kiosk

K = Qt.Key
LEFT = Qt.MouseButton.LeftButton


class FakePlayer:
    def __init__(self) -> None:
        self.played: list[str] = []

    def setSource(self, url: QUrl) -> None:
        self.source = url.toLocalFile()

    def play(self) -> None:
        self.played.append(self.source)

    def stop(self) -> None:
        pass


def start(qtbot, kiosk, clinic, lang_key=K.Key_1) -> None:
    key(qtbot, lang_key)
    qtbot.keyClicks(kiosk.code_page.field, clinic.visit.code)
    key(qtbot, K.Key_Return)


def test_listen_reads_the_question_and_its_answers_in_the_chosen_language(
    qtbot, tmp_path, monkeypatch
):
    engine = FakeEngine("fr_CA", "en_CA")
    reader = Reader(engine=engine, player=None)
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, reader=reader)
    start(qtbot, kiosk, clinic)
    item = kiosk.questionnaire.items[0]
    assert item.listen.isVisible() and item.listen.height() >= 48
    qtbot.mouseClick(item.listen, LEFT)
    locale, text = engine.said[-1]
    assert locale == "fr_CA"
    assert text.startswith(item.item.text.fr)
    assert "1: Pas du tout" in text and "Je préfère ne pas répondre" in text
    assert not any(b.isChecked() for b in item.options.buttons)  # listening answers nothing
    qtbot.mouseClick(kiosk.header.languages["en"], LEFT)
    qtbot.mouseClick(item.listen, LEFT)
    locale, text = engine.said[-1]
    assert locale == "en_CA" and text.startswith(item.item.text.en)
    assert "1: Not at all" in text
    stops = engine.stops
    key(qtbot, K.Key_3)
    key(qtbot, K.Key_Return)  # a new screen silences the old one
    assert engine.stops > stops


def test_no_voice_for_the_language_hides_the_button_and_says_why(
    qtbot, tmp_path, monkeypatch, caplog
):
    reader = Reader(engine=FakeEngine("en_US"), player=None)  # an English-only system
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, reader=reader)
    with caplog.at_level(logging.INFO, logger="dyade.ui.questionnaire.speech"):
        start(qtbot, kiosk, clinic)
    item = kiosk.questionnaire.items[0]
    assert not item.listen.isVisible()
    assert "no voice for français" in caplog.text
    qtbot.mouseClick(kiosk.header.languages["en"], LEFT)
    assert item.listen.isVisible()


def test_without_qt_text_to_speech_no_button_and_the_log_says_why(
    qtbot, tmp_path, monkeypatch, caplog
):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # not installed
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, reader=Reader(player=None))
    with caplog.at_level(logging.INFO, logger="dyade.ui.questionnaire.speech"):
        start(qtbot, kiosk, clinic, K.Key_2)
    assert not kiosk.questionnaire.items[0].listen.isVisible()
    assert "Qt TextToSpeech cannot be loaded" in caplog.text


def test_a_recording_shipped_with_the_form_is_played_instead(qtbot, tmp_path):
    folder = tmp_path / "forms"
    folder.mkdir()
    source = (forms_dir() / "dyade-brief-patient.yaml").read_text(encoding="utf-8")
    first = source.index("    kind: scale")  # the first item
    source = source[:first] + '    audio: {fr: "audio/q1-fr.ogg"}\n' + source[first:]
    (folder / "dyade-brief-patient.yaml").write_text(source, encoding="utf-8")
    (folder / "audio").mkdir()
    shutil.copyfile(forms_dir() / "README.md", folder / "audio" / "q1-fr.ogg")  # any bytes
    form = load_form(folder / "dyade-brief-patient.yaml")
    player = FakePlayer()
    reader = Reader(engine=None, player=player)  # no system voice at all
    with_audio = ItemView(form, form.items[0], None, "fr", reader=reader)
    without = ItemView(form, form.items[1], None, "fr", reader=reader)
    qtbot.addWidget(with_audio)
    qtbot.addWidget(without)
    with_audio.show()
    without.show()
    assert with_audio.listen.isVisible() and not without.listen.isVisible()
    qtbot.mouseClick(with_audio.listen, LEFT)
    assert player.played == [str(folder / "audio" / "q1-fr.ogg")]
    with_audio.set_language("en")  # no English recording, no voice
    assert not with_audio.listen.isVisible()
