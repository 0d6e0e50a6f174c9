"""Passphrase files as editors save them: Notepad's byte-order mark, PowerShell's UTF-16,
a trailing newline. What a person cannot type (NUL, control characters, bytes that are
not text) is refused with a message, never keyed into the database."""

from __future__ import annotations

import pytest

from dyade.errors import DyadeError
from dyade.storage import passphrase_from_env_or_file
from storage_fixtures import PASSPHRASE

PHRASE = "Cèdre bleu 7 étoiles"


@pytest.mark.parametrize(
    "content",
    [
        PHRASE.encode("utf-8"),
        PHRASE.encode("utf-8") + b"\n",
        PHRASE.encode("utf-8") + b"\r\n",
        b"\xef\xbb\xbf" + PHRASE.encode("utf-8") + b"\r\n",  # Notepad, UTF-8 with BOM
        PHRASE.encode("utf-16") + "\r\n".encode("utf-16-le"),  # PowerShell 5: UTF-16 LE, BOM
        b"\xfe\xff" + (PHRASE + "\n").encode("utf-16-be"),
    ],
    ids=["plain", "lf", "crlf", "utf8-bom", "utf16-le", "utf16-be"],
)
def test_the_passphrase_is_what_the_person_typed(tmp_path, content):
    path = tmp_path / "phrase.txt"
    path.write_bytes(content)
    assert passphrase_from_env_or_file(path) == PHRASE


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"secret\x00phrase", "U+0000"),
        (b"secret\tphrase", "U+0009"),
        (b"secret phrase\n\n", "U+000A"),
        (b"secret \xe9t\xe9", "not UTF-8"),
        (b"\xef\xbb\xbf\r\n", "empty"),
        (b"secret\xe2\x80\x8bphrase", "U+200B"),  # a zero-width space: invisible
    ],
    ids=["nul", "tab", "two-newlines", "latin1", "bom-only", "zero-width"],
)
def test_what_cannot_be_typed_is_refused_with_a_message(tmp_path, content, said):
    path = tmp_path / "phrase.txt"
    path.write_bytes(content)
    with pytest.raises(DyadeError) as refused:
        passphrase_from_env_or_file(path)
    assert said in str(refused.value) and str(path) in str(refused.value)
    assert refused.value.fr and str(path) in refused.value.text("fr")


def test_the_cli_opens_a_clinic_with_a_notepad_file_and_refuses_a_bad_one(dyade, tmp_path,
                                                                          monkeypatch):  # fmt: skip
    assert dyade("user", "add", "--login", "admin", "--role", "admin")[0] == 0
    monkeypatch.delenv("DYADE_PASSPHRASE")
    notepad = tmp_path / "notepad.txt"
    notepad.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")
    code, _, err = dyade("--passphrase-file", str(notepad), "visit", "list")
    assert code == 0, err
    broken = tmp_path / "broken.txt"
    broken.write_bytes(PASSPHRASE.encode("utf-16-le"))  # UTF-16 without its mark
    code, _, err = dyade("--passphrase-file", str(broken), "visit", "list")
    assert code == 2 and "unexpected error" not in err and str(broken) in err
