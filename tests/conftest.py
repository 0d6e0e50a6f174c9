"""Shared fixtures. Qt runs offscreen; every test gets its own user folders and the
cheap key derivation (``storage_fixtures.fast_crypto``); a test that leaves a window
open fails. ``DYADE_TESTS_WITHOUT_QT=1`` makes Qt unimportable, to show that the core's
tests need none of it (``tests/test_layers.py`` runs them so)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("DYADE_TESTS_WITHOUT_QT"):
    sys.modules["PySide6"] = None  # type: ignore[assignment]  # any import of Qt now fails

import pytest

# The clinic database fixtures (db, db_path, clinic, dyade) for any test;
# a throwaway PostgreSQL cluster for the sync tests (pg, hub_dsn).
pytest_plugins = ("storage_fixtures", "pg_support")


@pytest.fixture(autouse=True)
def dyade_home(tmp_path_factory, monkeypatch):
    """Point Dyade's user folders (database, logs, clinic forms) at a fresh folder."""
    home = tmp_path_factory.mktemp("dyade-home")
    monkeypatch.setenv("DYADE_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def qt_errors_fail_tests(monkeypatch):
    """Keep pytest-qt's capture of exceptions raised in Qt slots.

    The app replaces ``sys.excepthook`` with one that shows a modal message;
    in a test that dialog would wait forever for a click. Left to pytest-qt,
    the same exception fails the test that raised it. A test that never
    loaded Qt (the core's) is left alone, so it runs without Qt.
    """
    if "PySide6.QtWidgets" not in sys.modules:
        yield
        return
    import dyade.ui.app

    monkeypatch.setattr(dyade.ui.app, "install_excepthook", lambda: None)
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)  # no worker outlives its test


@pytest.fixture(autouse=True)
def no_window_left_open(request):
    """Fail a test that leaves a window shown (a locked kiosk, a forgotten dialog): it
    would cover the next test's windows and take their keys. The window is closed."""
    yield
    kiosks = sys.modules.get("kiosk_support")
    if kiosks is not None:
        kiosks.close_opened()  # what the test opened through kiosk_support is closed for it
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is None:
        return
    left = [w for w in app.topLevelWidgets() if w.isVisible()]
    for window in left:
        close_window(window)
    if left:
        names = ", ".join(sorted({type(w).__name__ for w in left}))
        pytest.fail(f"{request.node.name} left windows open: {names}", pytrace=False)


def close_window(window) -> None:
    """Close a window, a locked kiosk too, and give the app back its first language."""
    if hasattr(window, "unlocked"):
        window.unlocked = True  # a locked kiosk refuses to close otherwise
    translations = getattr(window, "translations", None)
    window.close()
    if translations is not None:
        translations.set_language("en")
    window.deleteLater()
