"""The unattended kiosk's passphrase in the system keyring (an in-memory keyring here)."""

from __future__ import annotations

import argparse

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null
from keyring.errors import PasswordDeleteError

from dyade import kiosk_passphrase
from dyade.ui.app import make_application, start_window
from dyade.ui.kiosk import KioskWindow
from dyade.ui.main_window import MainWindow
from storage_fixtures import PASSPHRASE, open_clinic

PHRASE = PASSPHRASE  # the clinic's (storage_fixtures.open_clinic)


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict: what the tests may look into."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def clinic_file(tmp_path, monkeypatch):
    clinic = open_clinic(tmp_path)
    clinic.db.close()
    monkeypatch.delenv("DYADE_PASSPHRASE", raising=False)
    return clinic, tmp_path / "clinic.db"


def _cli(capsys, *argv):
    from dyade.cli import main

    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_store_keeps_a_passphrase_that_opens_the_database_and_forget_removes_it(
    clinic_file, memory_keyring, monkeypatch, capsys
):
    _clinic, path = clinic_file
    monkeypatch.setenv("DYADE_PASSPHRASE", "not the passphrase")
    code, text = _cli(capsys, "--db", str(path), "kiosk-passphrase", "store")
    assert code == 2 and "passphrase" in text and memory_keyring.secrets == {}
    monkeypatch.setenv("DYADE_PASSPHRASE", PHRASE)
    code, text = _cli(capsys, "--db", str(path), "kiosk-passphrase", "store")
    assert code == 0 and "keyring" in text
    assert kiosk_passphrase.lookup(path) == PHRASE
    code, text = _cli(capsys, "--db", str(path), "kiosk-passphrase", "forget")
    assert code == 0 and kiosk_passphrase.lookup(path) is None
    code, text = _cli(capsys, "--db", str(path), "kiosk-passphrase", "forget")
    assert code == 0 and "no kiosk passphrase" in text


def test_without_a_keyring_store_says_what_to_do_instead(clinic_file, monkeypatch, capsys):
    _clinic, path = clinic_file
    before = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        monkeypatch.setenv("DYADE_PASSPHRASE", PHRASE)
        code, text = _cli(capsys, "--db", str(path), "kiosk-passphrase", "store")
        assert code == 2 and "no system keyring" in text and "--passphrase-file" in text
        assert kiosk_passphrase.lookup(path) is None
    finally:
        keyring.set_keyring(before)


def test_a_kiosk_start_uses_the_kept_passphrase(qtbot, clinic_file, memory_keyring):
    """No file, no environment variable: ``--kiosk`` opens the clinic with the keyring's."""
    _clinic, path = clinic_file
    kiosk_passphrase.store(path, PHRASE)
    make_application()
    window = MainWindow("en")
    qtbot.addWidget(window)
    args = argparse.Namespace(demo=False, db=str(path), kiosk=True, passphrase_file=None)
    kiosk = start_window(window, args, "en")
    try:
        assert isinstance(kiosk, KioskWindow)
        qtbot.waitUntil(lambda: kiosk.db is not None)
        assert window.session is not None and window.session.path == path
    finally:
        kiosk.unlocked = True
        kiosk.close()
        kiosk.translations.set_language("en")
        window.close()
