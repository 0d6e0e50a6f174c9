"""Qt translations: find (or build) the compiled ``.qm`` catalogue and swap it live.

English is the source language of ``tr()`` strings; French comes from
``resources/i18n/dyade_fr.ts``. Bundles and wheels ship ``.qm`` files compiled at
build time; a source checkout compiles them on first use into the user cache
with PySide6's own ``lrelease``, so the app is bilingual however it is run.
Finding a catalogue is on the way to the first window: it costs a ``stat`` when
shipped, and in a checkout a checksum of the ``.ts`` and one folder look-up.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import ClassVar

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dyade.paths import resources_dir, user_cache_dir

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")


def ts_path(lang: str) -> Path:
    return resources_dir() / "i18n" / f"dyade_{lang}.ts"


def lrelease_binary() -> Path:
    return Path(PySide6.__file__).parent / "lrelease"


def compile_ts(ts: Path, qm: Path) -> Path:
    """Run Qt's lrelease on one catalogue (OSError when it fails)."""
    import subprocess  # a checkout's first start only

    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(lrelease_binary()), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        raise OSError(f"lrelease failed on {ts}: {exc.stderr!r}") from exc
    return qm


@cache
def qm_path(lang: str) -> Path | None:
    """The compiled catalogue for ``lang``: shipped, or compiled from the ``.ts`` now.

    Looked up once per process: the kiosk and the workspace switch languages often.
    """
    ts = ts_path(lang)
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    import zlib  # loaded by the interpreter already; hashlib would cost the start 3 ms

    # Named by the catalogue's content: two checkouts or versions never share a stale file.
    text = ts.read_bytes()
    digest = f"{zlib.crc32(text):08x}{len(text):x}"
    cache = user_cache_dir() / "i18n" / f"{shipped.stem}-{digest}.qm"
    if cache.exists():
        return cache
    try:
        return compile_ts(ts, cache)
    except OSError:
        log.exception("could not compile %s", ts)
        return None


class _Installed:
    """The one set of catalogues installed in this process, and its language."""

    translators: ClassVar[list[QTranslator]] = []
    language: ClassVar[str] = "en"


class Translations:
    """Swaps the installed catalogues so the language can change at run time.

    Installing a translator makes Qt send ``LanguageChange`` to every widget;
    widgets re-translate in ``changeEvent``. Qt's catalogues are global to the
    process, so every instance shares one state: the kiosk switching to the
    patient's language and the workspace switching back never stack catalogues
    (a French catalogue left installed would answer an English patient).
    """

    @property
    def language(self) -> str:
        return _Installed.language

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        app = QCoreApplication.instance()
        for translator in _Installed.translators:
            app.removeTranslator(translator)
        _Installed.translators = []
        _Installed.language = lang
        QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr" else QLocale.English))
        if lang == "en":
            return  # English is the source text; removing translators re-translated
        self._install(app, qm_path(lang))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._install(app, Path(qt_dir) / f"qtbase_{lang}.qm")

    def _install(self, app: QCoreApplication, qm: Path | None) -> None:
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            _Installed.translators.append(translator)
        else:
            log.warning("no translation catalogue loaded from %s", qm)


def current_language() -> str:
    """The language the app shows now."""
    return _Installed.language
