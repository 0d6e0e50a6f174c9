"""Every kiosk screen speaks one language: no English left in French, nor the reverse."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from dyade.fill import AlreadyCompleted, UnknownVisitCode, patient_prompts
from dyade.ui.i18n import ts_path
from kiosk_support import open_kiosk, settle, walk_every_screen


def pattern(text: str) -> re.Pattern | None:
    """``text`` as a full-match pattern, ``{placeholders}`` matching anything."""
    plain = re.sub(r"\{\w+\}", "", text).replace("&", "")
    if sum(ch.isalpha() for ch in plain) < 3:
        return None
    parts = re.split(r"\{\w+\}", text.replace("&", ""))
    return re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL)


def wording_pairs(library) -> list[tuple[str, str]]:
    """(English, French) of every string the kiosk can show."""
    pairs = []
    for message in ET.parse(ts_path("fr")).getroot().iter("message"):
        pairs.append((message.findtext("source"), message.findtext("translation") or ""))
    form = library.get("dyade-full-patient")
    texts = [form.title, form.instructions]
    for item in form.items:
        texts.append(item.text)
        texts += [o.label for o in item.options or []]
    texts += [label for scale in form.scales.values() for label in scale.labels.values()]
    pairs += [(t.en, t.fr) for t in texts]
    for error in (UnknownVisitCode, AlreadyCompleted):
        pairs.append((error.messages["en"], error.messages["fr"]))
    pairs += list(zip(patient_prompts("en"), patient_prompts("fr"), strict=True))
    return [(en, fr) for en, fr in pairs if en != fr]


@pytest.mark.parametrize(("lang", "other"), [("fr", "en"), ("en", "fr")])
def test_every_kiosk_screen_is_in_one_language(qtbot, tmp_path, monkeypatch, lang, other):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full", language=lang)
    pairs = wording_pairs(clinic.library)
    wrong = [pattern(en if other == "en" else fr) for en, fr in pairs]
    wrong = [p for p in wrong if p is not None]
    screens = walk_every_screen(qtbot, kiosk, clinic, lang)
    problems = []
    for screen, texts in screens.items():
        for text in texts:
            for line in text.replace("\u2022 ", "").splitlines():
                if any(p.fullmatch(line.strip()) for p in wrong):
                    problems.append(f"{screen}: {line.strip()!r}")
    assert problems == [], f"text left in {other}:\n" + "\n".join(sorted(set(problems)))
    assert any("Question" in t for t in screens["screen 1"])


@pytest.mark.parametrize("default", ["fr", "en"])
def test_text_size_buttons_speak_both_languages_until_one_is_chosen(
    qtbot, tmp_path, monkeypatch, default
):
    _clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, language=default)
    header = kiosk.header
    for button in (header.smaller, header.larger):
        assert button.text() == "" and not button.icon().isNull()  # A−, A+: no words
        assert "Texte plus" in button.accessibleName() and "text" in button.accessibleName()
        assert "\u2022" in button.accessibleDescription()
    kiosk.welcome.buttons["en"].click()
    assert header.larger.accessibleName() == "Larger text"
    assert header.smaller.accessibleDescription() == "Make the text on screen smaller"
    kiosk.switch_language("fr")
    settle(qtbot)  # Qt posts the language change to every widget
    assert header.larger.accessibleName() == "Texte plus grand"
    kiosk.reset()
    assert "\u2022" in header.larger.accessibleName()


@pytest.mark.parametrize("default", ["fr", "en"])
def test_the_staff_button_speaks_both_languages_until_one_is_chosen(
    qtbot, tmp_path, monkeypatch, default
):
    _clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, language=default)
    staff = kiosk.header.staff

    def words() -> tuple[str, str, str]:
        return staff.text(), staff.accessibleName(), staff.accessibleDescription()

    both = words()
    assert staff.isVisible() and both[0] == "Personnel \u2022 Staff"
    kiosk.welcome.buttons["en"].click()
    english = words()
    assert english[:2] == ("Staff", "Staff only")
    kiosk.switch_language("fr")
    settle(qtbot)  # Qt posts the language change to every widget
    french = words()
    assert french[:2] == ("Personnel", "Réservé au personnel")
    # the welcome's wording is the catalogue's, French first, whatever the default
    assert both == tuple(f"{fr} \u2022 {en}" for fr, en in zip(french, english, strict=True))
    kiosk.reset()
    assert words() == both
