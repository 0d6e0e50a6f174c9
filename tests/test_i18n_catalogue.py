"""Finding the compiled French catalogue: shipped, or compiled once from a checkout's
``.ts`` into the user cache folder, named by the catalogue's content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from dyade.paths import resources_dir
from dyade.ui import i18n


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A resources folder holding the French .ts and no compiled catalogue."""
    folder = tmp_path / "resources" / "i18n"
    folder.mkdir(parents=True)
    shutil.copy(resources_dir() / "i18n" / "dyade_fr.ts", folder)
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path / "resources")
    i18n.qm_path.cache_clear()
    yield folder
    i18n.qm_path.cache_clear()


def french_of(qm: Path, english: str, context: str = "UnlockPage") -> str:
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator.translate(context, english)


def test_a_checkout_compiles_its_catalogue_once_into_the_cache_folder(checkout):
    qm = i18n.qm_path("fr")
    assert qm.parent == Path(os.environ["DYADE_HOME"]) / "cache" / "i18n"
    assert french_of(qm, "Unlock") == "Déverrouiller"
    made = qm.stat().st_mtime_ns
    assert i18n.qm_path("fr") == qm  # asked again (the kiosk switches often): same file
    i18n.qm_path.cache_clear()
    assert i18n.qm_path("fr") == qm and qm.stat().st_mtime_ns == made  # a new start: reused


def test_an_edited_catalogue_gets_a_new_compiled_file(checkout):
    first = i18n.qm_path("fr")
    ts = checkout / "dyade_fr.ts"
    ts.write_text(
        ts.read_text(encoding="utf-8").replace(">Déverrouiller<", ">Ouvrir<", 1), encoding="utf-8"
    )
    i18n.qm_path.cache_clear()
    second = i18n.qm_path("fr")
    assert second != first and french_of(second, "Unlock") == "Ouvrir"
    assert french_of(first, "Unlock") == "Déverrouiller"


def test_a_shipped_catalogue_newer_than_its_source_is_used_as_it_is(checkout):
    shipped = checkout / "dyade_fr.qm"
    i18n.compile_ts(checkout / "dyade_fr.ts", shipped)
    assert i18n.qm_path("fr") == shipped
    assert not (Path(os.environ["DYADE_HOME"]) / "cache").exists()


def test_a_failing_compiler_is_an_os_error_the_app_survives(checkout, monkeypatch):
    monkeypatch.setattr(i18n, "lrelease_binary", lambda: Path("/bin/false"))
    with pytest.raises(OSError, match="lrelease failed"):
        i18n.compile_ts(checkout / "dyade_fr.ts", checkout / "out.qm")
    assert i18n.qm_path("fr") is None  # English shown, the failure logged
