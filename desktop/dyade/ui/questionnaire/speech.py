"""Read aloud, for patients who read with difficulty: the question and its answers,
spoken in the person's language.

Two sources, the first one that exists for the item and the language wins:

- a recording that the clinic ships next to its form (the item's ``audio`` field),
  played with Qt Multimedia;
- the operating system's voices through Qt TextToSpeech (SAPI or WinRT on Windows,
  AVSpeechSynthesizer on macOS, speech-dispatcher on Linux).

Both Qt modules come with ``pyside6-addons`` and are loaded on first use only, so
the kiosk's welcome screen never waits for them. When neither can speak a language
(no module, no engine, no voice for it) the "Listen" button is not shown and the
log says why, once. Tests hand in fake engines (``engine=`` and ``player=``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QUrl

log = logging.getLogger(__name__)
UNSET: Any = object()  # not looked for yet (None: looked for, none there)


def _language(lang: str) -> QLocale.Language:
    return QLocale(lang).language()


class Reader(QObject):
    """Speaks text (system voice) or plays a recording (the form's own), one at a time."""

    def __init__(self, *, engine: Any = UNSET, player: Any = UNSET, parent=None) -> None:
        super().__init__(parent)
        self._engine, self._player = engine, player
        self._said: set[str] = set()  # the reasons already logged

    # ---- the system's voice ----------------------------------------------------

    def engine(self) -> Any | None:
        """The text-to-speech engine, created on first use; None if there is none."""
        if self._engine is UNSET:
            self._engine = self._make_engine()
        return self._engine

    def _make_engine(self) -> Any | None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # pyside6-addons missing, or a system library (libpulse)
            self._explain(f"Qt TextToSpeech cannot be loaded ({exc})")
            return None
        if not QTextToSpeech.availableEngines():
            self._explain("the system has no speech engine (speech-dispatcher, SAPI, ...)")
            return None
        engine = QTextToSpeech(self)
        if engine.state() == QTextToSpeech.State.Error:
            self._explain(f"the speech engine did not start: {engine.errorString()}")
            return None
        return engine

    def can_speak(self, lang: str) -> bool:
        """Is there a system voice for ``lang``? (Logs why not, once.)"""
        engine = self.engine()
        if engine is None:
            return False
        if any(loc.language() == _language(lang) for loc in engine.availableLocales()):
            return True
        self._explain(f"the system has no voice for {QLocale(lang).nativeLanguageName()}")
        return False

    def speak(self, parts: list[str], lang: str) -> None:
        """Say ``parts`` one after the other in ``lang`` (stops what was being said)."""
        engine = self.engine()
        if engine is None or not self.can_speak(lang):
            return
        self.stop()
        matching = [loc for loc in engine.availableLocales() if loc.language() == _language(lang)]
        engine.setLocale(matching[0])
        engine.say(".\n".join(p.strip().rstrip(".") for p in parts if p.strip()) + ".")

    # ---- recordings --------------------------------------------------------------

    def player(self) -> Any | None:
        """The media player for recordings, created on first use; None if there is none."""
        if self._player is UNSET:
            try:
                from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
            except ImportError as exc:
                self._explain(f"Qt Multimedia cannot be loaded for recordings ({exc})")
                self._player = None
            else:
                self._player = QMediaPlayer(self)
                self._player.setAudioOutput(QAudioOutput(self._player))
        return self._player

    def can_play(self, path: Path | None) -> bool:
        if path is None:
            return False
        if not path.is_file():
            self._explain(f"the recording {path} is missing")
            return False
        return self.player() is not None

    def play(self, path: Path) -> None:
        player = self.player()
        if player is None:
            return
        self.stop()
        player.setSource(QUrl.fromLocalFile(str(path)))
        player.play()

    # ---- both ------------------------------------------------------------------

    def stop(self) -> None:
        """Silence: a new screen, a reset, another Listen."""
        if self._engine not in (UNSET, None):
            self._engine.stop()
        if self._player not in (UNSET, None):
            self._player.stop()

    def _explain(self, why: str) -> None:
        if why not in self._said:
            self._said.add(why)
            log.info("read aloud: %s; the Listen button is not shown where it would need it", why)


def recording(form: Any, item: Any, lang: str) -> Path | None:
    """The item's recording in ``lang`` (the form's ``audio`` field), or None."""
    audio = getattr(item, "audio", None)
    name = audio.get(lang) if audio is not None else None
    if not name or form.source is None:
        return None
    return Path(form.source).parent / name
