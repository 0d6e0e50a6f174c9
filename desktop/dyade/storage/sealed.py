"""A passphrase-sealed stream of bytes: the container of transfer files.

Layout (all integers big-endian)::

    magic "DYADE-TRANSFER\\0" | format 1 | salt 16 | log2(n) 1 | r 1 | p 1
    | nonce prefix 8 | key check 32 | chunks...
    chunk: last-flag 1 | length 4 | AES-256-GCM ciphertext of up to 1 MiB

The key comes from scrypt; each chunk's nonce is the prefix plus its index, and
its associated data is the whole header plus its index and last-flag, so a
reordered, dropped, truncated or edited chunk fails authentication. The key
check (a hash of a second derived key) tells a wrong passphrase apart from a
tampered file before any chunk is read.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from dyade.storage.errors import TransferRefused

MAGIC = b"DYADE-TRANSFER\x00"
FORMAT = 1
CHUNK = 1 << 20
_HEADER = struct.Struct(f">{len(MAGIC)}sB16sBBB8s32s")
_CHUNK_HEAD = struct.Struct(">BI")
SCRYPT_LOG2_N = 15  # 32 MiB of memory, about 0.1 s: slows guessing, not people
SCRYPT_R, SCRYPT_P = 8, 1
MIN_LOG2_N = 10  # the cheapest setting; tests write with it to stay fast


def accepted(log2_n: int, r: int, p: int) -> bool:
    """Only the key settings Dyade writes: a header is read before the passphrase is
    checked, so any other setting could make the reader spend gigabytes of memory."""
    return (log2_n, r, p) == (SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)


def _keys(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    derived = Scrypt(salt=salt, length=64, n=2**log2_n, r=r, p=p).derive(passphrase.encode())
    check = hashlib.sha256(b"dyade-transfer-key-check" + derived[32:]).digest()
    return derived[:32], check


def _aad(header: bytes, index: int, last: int) -> bytes:
    return header + struct.pack(">IB", index, last)


def _regroup(parts: Iterable[bytes]) -> Iterator[bytes]:
    """Cut any stream of byte strings into CHUNK-sized pieces (the last may be short)."""
    pending = bytearray()
    for part in parts:
        pending += part
        while len(pending) >= CHUNK:
            yield bytes(pending[:CHUNK])
            del pending[:CHUNK]
    yield bytes(pending)


def seal(parts: Iterable[bytes], out: BinaryIO, passphrase: str, log2_n: int | None = None):
    """Encrypt the concatenation of ``parts`` to ``out`` (``log2_n``: scrypt cost)."""
    log2_n = SCRYPT_LOG2_N if log2_n is None else log2_n
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    key, check = _keys(passphrase, salt, log2_n, SCRYPT_R, SCRYPT_P)
    header = _HEADER.pack(MAGIC, FORMAT, salt, log2_n, SCRYPT_R, SCRYPT_P, prefix, check)
    out.write(header)
    aes, index, previous = AESGCM(key), 0, None
    for piece in _regroup(parts):
        if previous is not None:
            _write_chunk(out, aes, header, prefix, index, 0, previous)
            index += 1
        previous = piece
    _write_chunk(out, aes, header, prefix, index, 1, previous or b"")


def _write_chunk(out, aes, header, prefix, index, last, data) -> None:
    sealed = aes.encrypt(prefix + struct.pack(">I", index), data, _aad(header, index, last))
    out.write(_CHUNK_HEAD.pack(last, len(sealed)))
    out.write(sealed)


def _read_header(handle: BinaryIO, passphrase: str, name: Path) -> tuple[bytes, AESGCM, bytes]:
    header = handle.read(_HEADER.size)
    if len(header) < _HEADER.size or not header.startswith(MAGIC):
        raise TransferRefused(
            f"{name} is not a Dyade transfer file",
            fr=f"{name} n’est pas un fichier de transfert Dyade",
        )
    _magic, version, salt, log2_n, r, p, prefix, check = _HEADER.unpack(header)
    if version != FORMAT:
        raise TransferRefused(
            f"{name} uses transfer format {version}; update Dyade to read it",
            fr=f"{name} utilise le format de transfert {version}\u00a0; mettez Dyade à jour pour "
            "le lire",
        )
    if not accepted(log2_n, r, p):
        raise TransferRefused(
            f"{name} was not written by this Dyade or was tampered with (its key settings, "
            f"scrypt N=2^{log2_n} r={r} p={p}, are not the ones Dyade uses); nothing was read",
            fr=f"{name} n’a pas été écrit par ce Dyade ou a été modifié (ses réglages de clé, "
            f"scrypt N=2^{log2_n} r={r} p={p}, ne sont pas ceux de Dyade)\u00a0; rien n’a été lu",
        )
    key, expected = _keys(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(check, expected):
        raise TransferRefused(
            f"the passphrase does not open the transfer file {name}",
            fr=f"la phrase secrète n’ouvre pas le fichier de transfert {name}",
        )
    return header, AESGCM(key), prefix


def unseal(path: str | os.PathLike[str], passphrase: str) -> Iterator[bytes]:
    """Yield the decrypted chunks of a sealed file, refusing anything not intact.

    A caller applying chunks as they come must be able to undo them: the
    refusal may come after earlier chunks were yielded (use a transaction).
    """
    name = Path(path)
    with open(name, "rb") as handle:
        header, aes, prefix = _read_header(handle, passphrase, name)
        index = 0
        while True:
            head = handle.read(_CHUNK_HEAD.size)
            if len(head) < _CHUNK_HEAD.size:
                raise TransferRefused(
                    f"{name} is truncated (it stops before its end)",
                    fr=f"{name} est tronqué (il s’arrête avant sa fin)",
                )
            last, length = _CHUNK_HEAD.unpack(head)
            body = handle.read(length)
            if len(body) < length or last not in (0, 1):
                raise TransferRefused(
                    f"{name} is truncated or damaged (chunk {index})",
                    fr=f"{name} est tronqué ou endommagé (bloc {index})",
                )
            try:
                nonce = prefix + struct.pack(">I", index)
                yield aes.decrypt(nonce, body, _aad(header, index, last))
            except InvalidTag:
                raise TransferRefused(
                    f"{name} was changed or damaged after it was written (chunk {index} fails "
                    "its authentication); ask for a new transfer file",
                    fr=f"{name} a été modifié ou endommagé après son écriture (le bloc {index} "
                    "échoue à son authentification)\u00a0; demandez un nouveau fichier de "
                    "transfert",
                ) from None
            if last:
                break
            index += 1
        if handle.read(1):
            raise TransferRefused(
                f"{name} has extra bytes after its end; it was tampered with",
                fr=f"{name} a des octets en trop après sa fin\u00a0; il a été modifié",
            )


# --- single records (sync): the same key derivation and AES-256-GCM ------------------

RECORD_FORMAT = 1


def clinic_key(passphrase: str, salt: bytes, log2_n: int) -> tuple[bytes, bytes]:
    """The clinic key and its check value, as transfer files derive theirs (and, as
    for them, only with the cost Dyade writes: the caller names the source it refuses)."""
    if not accepted(log2_n, SCRYPT_R, SCRYPT_P):
        raise ValueError(f"scrypt N=2^{log2_n} is not a key setting Dyade uses")
    return _keys(passphrase, salt, log2_n, SCRYPT_R, SCRYPT_P)


def seal_record(key: bytes, data: bytes, place: bytes) -> bytes:
    """Encrypt one record; ``place`` (authenticated, not stored) binds it to where it belongs."""
    nonce = secrets.token_bytes(12)
    return bytes([RECORD_FORMAT]) + nonce + AESGCM(key).encrypt(nonce, data, place)


def open_record(key: bytes, sealed: bytes, place: bytes) -> bytes | None:
    """The record sealed by :func:`seal_record` at ``place``, or None if it fails its check."""
    if len(sealed) < 29 or sealed[0] != RECORD_FORMAT:
        return None
    try:
        return AESGCM(key).decrypt(sealed[1:13], sealed[13:], place)
    except InvalidTag:
        return None
