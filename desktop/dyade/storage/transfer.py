"""Bring two laptops' data together without a network: transfer files.

``write_transfer`` seals every record that travels (see ``TABLES``) as
compressed JSON lines; ``import_transfer`` merges such a file by UUID inside
one transaction. Merge rules, per record:
- absent here: added;
- identical: nothing to do (so importing twice changes nothing);
- the same record further along (a pending response now complete, an open
  visit now closed, a newer analysis): moved forward, counted as updated;
- accounts and dyad shares: the newer version wins, a revocation wins a tie,
  a revoked share stays as a tombstone (:mod:`dyade.storage.merge_rules`);
- anything else (same UUID, different content, or a clash on a unique code):
  kept aside in ``conflicts`` for a person to resolve, never overwritten.
Only files of this clinic are merged (:mod:`dyade.storage.clinic`).
``write_transfer_for`` writes only what changed since the last file for a
target (:mod:`dyade.storage.transfer_log`); such a file merges by the same
rules, once the changes before it are here.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlite_utils

from dyade.safe_write import writing
from dyade.storage import audit, clinic, logins, merge_rules, transfer_log
from dyade.storage.clinic import clinic_id
from dyade.storage.errors import TransferRefused
from dyade.storage.migrations import SCHEMA
from dyade.storage.records import new_uuid, now, to_json
from dyade.storage.sealed import seal, unseal
from dyade.storage.settings import laptop_uuid

# Parents before children, so foreign keys hold while importing.
TABLES: dict[str, tuple[str, ...]] = {
    "users": ("uuid",),
    "patients": ("uuid",),
    "dyads": ("uuid",),
    "dyad_access": ("dyad_uuid", "user_uuid"),
    "visits": ("uuid",),
    "responses": ("uuid",),
    "answers": ("response_uuid", "item_id"),
    "visit_results": ("visit_uuid",),
    "audit": ("uuid",),
}
LOCAL_ONLY = {"users": ("failed_attempts", "locked_until")}
_RANK = {
    "responses": {"pending": 0, "in_progress": 1, "complete": 2},
    "visits": {"open": 0, "complete": 1, "cancelled": 1},
}
_MUTABLE = {
    "responses": ("status", "language", "updated_at", "completed_at"),
    "visits": ("status",),
    "visit_results": ("computed_at", "attention", "summary"),
}


@dataclass
class ImportReport:
    source: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # table, key, reason
    # responses the file brought in complete (new, or further along): to complete here too
    completed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.conflicts)


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    skip = LOCAL_ONLY.get(table, ())
    return [c.name for c in db[table].columns if c.name not in skip]


@dataclass(frozen=True)
class Written:
    """A transfer file written whole: from which log position (None: the whole clinic)."""

    path: Path
    since: int | None
    records: int


def _lines(db: sqlite_utils.Database, part: dict[str, Any], count: list[int]) -> Iterator[bytes]:
    """The file's lines: a header naming the part of this laptop's log it holds
    (``since`` None: every record), the records parents first, a closing count."""
    head = {
        "format": 1,
        "schema": SCHEMA.current(db),
        "source": laptop_uuid(db),
        "clinic": clinic_id(db),
        "at": now(),
        **part,
    }
    yield (to_json(head) + "\n").encode()
    total = 0
    for table, keys in TABLES.items():
        columns = _columns(db, table)
        if part["since"] is None:
            rows: Iterable[tuple[Any, ...]] = db.execute(
                f"SELECT {', '.join(columns)} FROM {table}"
            )
        else:
            rows = transfer_log.logged_rows(db, table, keys, columns, part["since"], part["upto"])
        for row in rows:
            total += 1
            yield (to_json({"t": table, "r": dict(zip(columns, row, strict=True))}) + "\n").encode()
    count.append(total)
    yield (to_json({"end": total}) + "\n").encode()


def _compressed(parts: Iterator[bytes]) -> Iterator[bytes]:
    packer = zlib.compressobj(6)
    for part in parts:
        yield packer.compress(part)
    yield packer.flush()


def write_transfer(
    db: sqlite_utils.Database,
    out: str | os.PathLike[str],
    passphrase: str,
    *,
    by: str | None = None,
    log2_n: int | None = None,
    force: bool = False,
) -> Path:
    """Seal every travelling record into ``out`` (written whole or not at all; an
    existing file is replaced only with ``force``)."""
    written = write_transfer_for(
        db, out, passphrase, None, full=True, by=by, log2_n=log2_n, force=force
    )
    return written.path


def write_transfer_for(
    db: sqlite_utils.Database,
    out: str | os.PathLike[str],
    passphrase: str,
    target: str | None,
    *,
    full: bool = False,
    by: str | None = None,
    log2_n: int | None = None,
    force: bool = False,
) -> Written:
    """Seal into ``out`` what changed since the last file written for ``target``
    (everything the first time, with ``full``, or without a target); the target's
    watermark moves only once the file is whole on disk."""
    path, upto = Path(out), transfer_log.latest(db)
    last = transfer_log.mark(db, target) if target is not None and not full else None
    part: dict[str, Any] = {"since": None, "upto": upto, "target": target}
    if last is not None:
        part.update(since=last.upto, base_at=last.written_at)
    count: list[int] = []
    with writing(path, force=force, kind="transfer") as temp, open(temp, "wb") as handle:
        seal(_compressed(_lines(db, part, count)), handle, passphrase, log2_n)
    with db.atomic():
        details = {"kind": "transfer", "target": target, "since": part["since"], "upto": upto}
        audit.record(db, "exported", str(path), user_uuid=by, details=details)
        if target is not None:
            transfer_log.move_mark(db, target, upto, now())
    return Written(path, part["since"], count[0])


def _records(path: Path, passphrase: str) -> Iterator[dict[str, Any]]:
    """Decrypted, decompressed JSON lines; refuses a file that does not end properly."""
    unpacker, pending = zlib.decompressobj(), b""
    try:
        for chunk in unseal(path, passphrase):
            pending += unpacker.decompress(chunk)
            *lines, pending = pending.split(b"\n")
            for line in lines:
                yield json.loads(line)
        pending += unpacker.flush()
    except (zlib.error, ValueError) as exc:
        raise TransferRefused(
            f"{path} is damaged: its content cannot be read",
            fr=f"{path} est endommagé\u00a0: son contenu ne peut pas être lu",
        ) from exc
    if pending.strip() or not unpacker.eof:
        raise TransferRefused(
            f"{path} is damaged: it ends in the middle of a record",
            fr=f"{path} est endommagé\u00a0: il s’arrête au milieu d’un enregistrement",
        )


class _Merger:
    """Applies one transfer file's records to ``db`` (inside the caller's transaction)."""

    def __init__(self, db: sqlite_utils.Database, source: str) -> None:
        self.db, self.report = db, ImportReport(source)
        self.columns = {table: _columns(db, table) for table in TABLES}

    def merge(self, table: str, row: dict[str, Any]) -> None:
        if table not in TABLES or set(row) != set(self.columns[table]):
            raise TransferRefused(
                f"{self.report.source}: unexpected record for table {table!r}",
                fr=f"{self.report.source}\u00a0: enregistrement inattendu pour la table {table!r}",
            )
        keys = TABLES[table]
        where = " AND ".join(f"{k} = ?" for k in keys)
        cols = self.columns[table]
        local = self.db.execute(
            f"SELECT {', '.join(cols)} FROM {table} WHERE {where}", [row[k] for k in keys]
        ).fetchone()
        if table == "users" and logins.problem(row["login"]):
            self._conflict(table, row, "a login with invisible or look-alike characters")
        elif local is None:
            self._insert(table, row)
        else:
            self._compare(table, row, dict(zip(cols, local, strict=True)))

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        names = list(row)
        try:
            self.db.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names],
            )
        except sqlcipher3.IntegrityError as exc:
            reason = str(exc)
            if "FOREIGN KEY" in reason:
                reason = "refers to a record that is missing here or kept aside"
            self._conflict(table, row, f"cannot be added: {reason}")
            return
        self.report.added[table] = self.report.added.get(table, 0) + 1
        self._note_completed(table, row)

    def _compare(self, table: str, row: dict[str, Any], local: dict[str, Any]) -> None:
        if row == local:
            self.report.unchanged += 1
            return
        if table in merge_rules.VERSIONED:
            self._take_newer(table, row, local)
            return
        mutable = _MUTABLE.get(table, ())
        if any(row[c] != local[c] for c in row if c not in mutable) or not mutable:
            self._conflict(table, row, "same id, different content")
            return
        verdict = _progress(table, row, local)
        if verdict == "newer":
            self._update(table, row, list(mutable))
            self._note_completed(table, row)
        elif verdict == "older":
            self.report.unchanged += 1
        else:
            self._conflict(table, row, "same id, different content")

    def _note_completed(self, table: str, row: dict[str, Any]) -> None:
        if table == "responses" and row["status"] == "complete":
            self.report.completed.append(row["uuid"])

    def _take_newer(self, table: str, row: dict[str, Any], local: dict[str, Any]) -> None:
        """Accounts and shares: last writer wins, a revocation wins a tie (merge_rules)."""
        verdict = merge_rules.decide(table, row, local)
        if verdict == "conflict":
            self._conflict(table, row, "same id and version, different content")
        elif verdict == "local":
            self.report.unchanged += 1
        else:
            self._update(table, row, merge_rules.changed_columns(table, self.columns[table]))

    def _update(self, table: str, row: dict[str, Any], columns: list[str]) -> None:
        keys = TABLES[table]
        self.db.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} "
            f"WHERE {' AND '.join(f'{k} = ?' for k in keys)}",
            [row[c] for c in columns] + [row[k] for k in keys],
        )
        self.report.updated[table] = self.report.updated.get(table, 0) + 1

    def _conflict(self, table: str, row: dict[str, Any], reason: str) -> None:
        key = to_json([row[k] for k in TABLES[table]])
        incoming = to_json(row)
        self.report.conflicts.append((table, key, reason))
        known = self.db.execute(
            "SELECT 1 FROM conflicts WHERE table_name = ? AND record_key = ? AND incoming = ? "
            "AND resolved_at IS NULL",
            [table, key, incoming],
        ).fetchone()
        if known is None:
            self.db.execute(
                "INSERT INTO conflicts (uuid, found_at, source, table_name, record_key, reason, "
                "incoming) VALUES (?,?,?,?,?,?,?)",
                [new_uuid(), now(), self.report.source, table, key, reason, incoming],
            )


def _progress(table: str, row: dict[str, Any], local: dict[str, Any]) -> str:
    """'newer', 'older' or 'conflict': is the incoming record the same one, further along?"""
    if table == "visit_results":
        return "newer" if row["computed_at"] > local["computed_at"] else "older"
    rank = _RANK[table]
    mine, theirs = rank[local["status"]], rank[row["status"]]
    if theirs != mine:
        return "newer" if theirs > mine else "older"
    if table == "responses" and row["status"] != "complete":
        return "newer" if row["updated_at"] > local["updated_at"] else "older"
    return "conflict"


# What a well-sealed file with made-up content raises while being merged
# (found by tests/test_fuzz_transfer.py); the transaction undoes any part applied.
_MALFORMED = (
    AttributeError,
    KeyError,
    TypeError,
    ValueError,
    OverflowError,
    sqlcipher3.InterfaceError,
    sqlcipher3.ProgrammingError,
)


def import_transfer(
    db: sqlite_utils.Database,
    path: str | os.PathLike[str],
    passphrase: str,
    *,
    by: str | None = None,
) -> ImportReport:
    """Merge a transfer file into ``db``: all of it, or (if refused) nothing."""
    path = Path(path)
    if not path.is_file():
        raise TransferRefused(
            f"no transfer file at {path}", fr=f"aucun fichier de transfert à l’emplacement {path}"
        )
    with db.atomic():
        try:
            report = _apply(db, path, passphrase, by)
        except _MALFORMED as exc:  # sealed with the passphrase, yet not what Dyade writes
            cause = f"{type(exc).__name__}: {exc}"
            raise TransferRefused(
                f"{path} holds records this Dyade cannot read ({cause}); "
                "nothing was imported. Write a new transfer file with Dyade on the other laptop",
                fr=f"{path} contient des enregistrements que ce Dyade ne sait pas lire ({cause})"
                "\u00a0; rien n’a été importé. Écrivez un nouveau fichier de transfert avec "
                "Dyade sur l’autre ordinateur portable",
            ) from exc
        details = {
            "added": report.added,
            "updated": report.updated,
            "conflicts": len(report.conflicts),
        }
        audit.record(db, "imported", str(path), user_uuid=by, details=details)
    return report


def _apply(db: sqlite_utils.Database, path: Path, passphrase: str, by: str | None) -> ImportReport:
    records = _records(path, passphrase)
    head = next(records, None)
    if not head or head.get("format") != 1:
        raise TransferRefused(
            f"{path} has no valid transfer header",
            fr=f"{path} n’a pas d’en-tête de transfert valable",
        )
    if head.get("schema", 0) > SCHEMA.latest:
        raise TransferRefused(
            f"{path} was written by a newer Dyade; update this one first",
            fr=f"{path} a été écrit par un Dyade plus récent\u00a0; mettez d’abord celui-ci à jour",
        )
    _same_clinic(db, path, head.get("clinic"), by)
    transfer_log.check_base(db, path, head, laptop_uuid(db))
    merger = _Merger(db, f"{path.name} from laptop {head.get('source')}")
    for seen, record in enumerate(records):
        if "end" in record:
            if record["end"] != seen or next(records, None) is not None:
                raise TransferRefused(
                    f"{path} is incomplete or altered ({seen} records read)",
                    fr=f"{path} est incomplet ou modifié ({seen} enregistrements lus)",
                )
            if isinstance(head.get("upto"), int) and isinstance(head.get("source"), str):
                transfer_log.note_received(db, head["source"], head["upto"])
            return merger.report
        merger.merge(str(record.get("t")), record.get("r") or {})
    raise TransferRefused(
        f"{path} is truncated (its closing record is missing)",
        fr=f"{path} est tronqué (son enregistrement de fin manque)",
    )


def _same_clinic(db: sqlite_utils.Database, path: Path, theirs: Any, by: str | None) -> None:
    """Accept only this clinic's files; a laptop still being set up joins the file's clinic."""
    if theirs == clinic_id(db):
        return
    if not isinstance(theirs, str) or not theirs:
        raise TransferRefused(
            f"{path} does not say which clinic it comes from (an older Dyade wrote it); "
            "update Dyade on the other laptop and write a new transfer file",
            fr=f"{path} n’indique pas de quel cabinet il vient (un Dyade plus ancien l’a "
            "écrit)\u00a0; mettez Dyade à jour sur l’autre ordinateur portable et écrivez un "
            "nouveau fichier de transfert",
        )
    if not clinic.may_join(db):
        raise TransferRefused(
            f"{path} comes from another clinic's database; nothing was imported. Only the "
            "laptops and backups of this clinic can be merged into it",
            fr=f"{path} vient de la base d’un autre cabinet\u00a0; rien n’a été importé. Seuls "
            "les ordinateurs portables et les sauvegardes de ce cabinet peuvent y être fusionnés",
        )
    clinic.join(db, theirs, by=by)
