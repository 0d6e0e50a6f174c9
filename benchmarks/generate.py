"""Generate a large clinic in an encrypted database, for the scale benchmarks.

``python -m benchmarks.generate --out PATH --patients 20000 --visits 200000``
makes about 8 million answers. The database is a normal Dyade database (made
by ``dyade.storage.open_database``, so it has the schema of its migrations and
is keyed with ``DYADE_PASSPHRASE`` or ``--passphrase-file``); rows go in by
bulk inserts in large transactions, answers in primary-key order, with
journaling and foreign-key checks off while loading and WAL back on at the end.
No ``ANALYZE`` is run: the measured queries see what a clinic's file would.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.clinic_rows import (
    PATIENTS_PER_PHYSICIAN,
    PlannedVisit,
    answer_pool,
    dyad_rows,
    patient_rows,
    physician_rows,
    plan_visits,
    uuid_from,
)
from dyade.errors import DyadeError

CHUNK = 100_000
Progress = Callable[[str], None]

_SQL = {
    "users": "INSERT INTO users (uuid, login, display_name, role, language, password_hash, "
    "created_at) VALUES (?,?,?,?,?,?,?)",
    "patients": "INSERT INTO patients (uuid, code, name, birth_year, language, created_at) "
    "VALUES (?,?,?,?,?,?)",
    "dyads": "INSERT INTO dyads (uuid, patient_uuid, physician_uuid, created_at) VALUES (?,?,?,?)",
    "visits": "INSERT INTO visits (uuid, dyad_uuid, date, code, kind, status, created_at) "
    "VALUES (?,?,?,?,?,?,?)",
    "responses": "INSERT INTO responses (uuid, visit_uuid, respondent, form_id, form_version, "
    "language, status, created_at, updated_at, completed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
    "answers": "INSERT INTO answers (response_uuid, item_id, value, answered_at) VALUES (?,?,?,?)",
    "visit_results": "INSERT INTO visit_results (visit_uuid, computed_at, attention, summary) "
    "VALUES (?,?,?,?)",
    "audit": "INSERT INTO audit (uuid, at, user_uuid, action, target) VALUES (?,?,NULL,?,?)",
}


def _insert(db: Any, table: str, rows: Iterator[tuple] | list[tuple]) -> int:
    """Insert in transactions of ``CHUNK`` rows; return how many went in."""
    total, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            total += _commit(db, table, batch)
            batch = []
    return total + (_commit(db, table, batch) if batch else 0)


def _commit(db: Any, table: str, batch: list[tuple]) -> int:
    db.conn.execute("BEGIN")
    db.conn.executemany(_SQL[table], batch)
    db.conn.execute("COMMIT")
    return len(batch)


def _bulk_mode(db: Any, on: bool) -> None:
    """Loading settings (no journal, no fsync, big cache) or back to the app's own."""
    for pragma in (
        ("journal_mode = OFF", "synchronous = OFF", "foreign_keys = OFF", "cache_size = -262144")
        if on
        else ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "cache_size = -2000")
    ):
        db.conn.execute(f"PRAGMA {pragma}").fetchall()


def _response_rows(planned: list[PlannedVisit], rng: random.Random) -> list[tuple]:
    rows = []
    for visit in planned:
        uuid_, _, _, _, _, status, created = visit.row
        done = status == "complete"
        for side in ("physician", "patient"):
            form_id, version = visit.pooled.forms[side]
            rows.append(
                (
                    uuid_from(rng),
                    uuid_,
                    side,
                    form_id,
                    version,
                    visit.languages[side],
                    "complete" if done else "pending",
                    created,
                    created,
                    created if done else None,
                )
            )
    return rows


def _answer_rows(responses: list[tuple], by_visit: dict[str, PlannedVisit]) -> Iterator[tuple]:
    """Every answer of every complete response, in primary-key order."""
    for response in sorted(r for r in responses if r[6] == "complete"):
        pooled = by_visit[response[1]].pooled
        for item_id, value in pooled.answers[response[2]]:
            yield (response[0], item_id, value, response[9])


def _result_rows(planned: list[PlannedVisit]) -> Iterator[tuple]:
    for visit in planned:
        if visit.row[5] == "complete":
            yield (visit.row[0], visit.row[6], visit.pooled.attention, visit.pooled.summary)


def _audit_rows(responses: list[tuple], rng: random.Random) -> Iterator[tuple]:
    for response in responses:
        if response[6] == "complete":
            yield (uuid_from(rng), response[9], "completed", f"response:{response[0]}")


def _people(db: Any, patients: int, rng: random.Random, say: Progress) -> tuple[list, dict]:
    """Physicians, patients and dyads; return the dyads and each one's languages."""
    from dyade.storage.users import HASHER

    physicians = physician_rows(
        max(2, patients // PATIENTS_PER_PHYSICIAN), rng, HASHER.hash("dyade-bench-password")
    )
    people = patient_rows(patients, rng)
    dyads = dyad_rows(people, physicians, rng)
    _insert(db, "users", physicians)
    _insert(db, "patients", people)
    _insert(db, "dyads", dyads)
    lang = {row[0]: row[4] for row in physicians} | {row[0]: row[4] for row in people}
    languages = {d[0]: {"patient": lang[d[1]], "physician": lang[d[2]]} for d in dyads}
    say(f"{len(physicians)} physicians, {len(people)} patients, {len(dyads)} dyads")
    return dyads, languages


def generate_clinic(
    out: Path,
    passphrase: str,
    patients: int,
    visits: int,
    *,
    seed: int = 1,
    kdf_iter: int | None = None,
    say: Progress = lambda _: None,
) -> dict[str, int]:
    """Write a new clinic at ``out``; return how many rows of each kind it holds."""
    from dyade.forms import default_library
    from dyade.storage import open_database

    if out.exists():
        raise DyadeError(f"{out} already exists; choose another path or delete it first")
    rng = random.Random(seed)
    pool = answer_pool(default_library(), rng)
    db = open_database(out, passphrase, create=True, kdf_iter=kdf_iter)
    try:
        _bulk_mode(db, on=True)
        dyads, languages = _people(db, patients, rng, say)
        planned = plan_visits(dyads, languages, visits, pool, rng)
        counts = {"visits": _insert(db, "visits", (v.row for v in planned))}
        responses = _response_rows(planned, rng)
        counts["responses"] = _insert(db, "responses", responses)
        say(f"{counts['visits']} visits, {counts['responses']} responses")
        by_visit = {v.row[0]: v for v in planned}
        counts["answers"] = _insert(db, "answers", _answer_rows(responses, by_visit))
        say(f"{counts['answers']} answers")
        counts["visit_results"] = _insert(db, "visit_results", _result_rows(planned))
        counts["audit"] = _insert(db, "audit", _audit_rows(responses, rng))
        _bulk_mode(db, on=False)
    finally:
        db.close()
    return {"patients": patients, "dyads": len(dyads), **counts}


def main(argv: list[str] | None = None) -> int:
    from dyade.storage import passphrase_from_env_or_file

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Generate a large encrypted clinic for the scale benchmarks.",
    )
    parser.add_argument("--out", type=Path, required=True, help="the new database file")
    parser.add_argument("--patients", type=int, default=20_000)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1, help="same seed, same clinic")
    parser.add_argument("--passphrase-file", metavar="FILE", help="else $DYADE_PASSPHRASE")
    args = parser.parse_args(argv)
    try:
        passphrase = passphrase_from_env_or_file(args.passphrase_file)
        if not passphrase:
            raise DyadeError("give the passphrase in DYADE_PASSPHRASE or --passphrase-file")
        start = time.perf_counter()
        counts = generate_clinic(
            args.out,
            passphrase,
            args.patients,
            args.visits,
            seed=args.seed,
            say=lambda m: print(m, file=sys.stderr),
        )
    except DyadeError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return exc.exit_code
    made = ", ".join(f"{n:,} {what}" for what, n in counts.items())
    print(f"{args.out}: {made} in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
