"""Time the clinic database's everyday operations in one process; print JSON.

Run as ``python -m benchmarks.scale_probe DB RUNS`` with ``DYADE_PASSPHRASE``
set. The parent measures this process's wall time and peak memory; here are
timed: opening the database as the app does (key, integrity check,
migrations), the "needs attention" list for several physicians, several
dyads' histories, saving answers one by one, and their floors on the same
file (a primary-key lookup, a bare one-row commit).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median_ms(calls: list[Callable[[], Any]]) -> float:
    return statistics.median(ms(call) for call in calls)


def _physicians(db: Any, runs: int) -> list[str]:
    rows = db.execute(
        "SELECT physician_uuid FROM dyads GROUP BY physician_uuid ORDER BY count(*) DESC LIMIT ?",
        [runs],
    ).fetchall()
    return [r[0] for r in rows] or ["nobody"]


def _dyads(db: Any, runs: int) -> list[str]:
    rows = db.execute(
        "SELECT dyad_uuid FROM visits GROUP BY dyad_uuid ORDER BY count(*) DESC LIMIT ?", [runs]
    ).fetchall()
    return [r[0] for r in rows]


def _open_response(db: Any) -> tuple[str, list[str]] | None:
    """A pending patient response and the item ids of its form."""
    from dyade.forms import default_library

    row = db.execute(
        "SELECT uuid, form_id FROM responses WHERE status != 'complete' LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return row[0], [item.id for item in default_library().require(row[1]).items]


def _saves(db: Any, runs: int) -> dict[str, float]:
    from dyade.storage.responses import save_answer

    found = _open_response(db)
    if found is None:
        return {}
    response, items = found

    def bare_commit(i: int) -> None:
        with db.atomic():
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('bench', ?)", [str(i)])

    saves, floors = [], []
    for i in range(runs):  # alternate, so both see the same disk and the same load
        saves.append(ms(lambda i=i: save_answer(db, response, items[i % len(items)], None)))
        floors.append(ms(lambda i=i: bare_commit(i)))
    db.execute("DELETE FROM settings WHERE key = 'bench'")
    return {"save_ms": statistics.median(saves), "commit_floor_ms": statistics.median(floors)}


def main(path: str, runs: int) -> dict[str, float]:
    from dyade.storage import open_database
    from dyade.storage.dyads import get_dyad
    from dyade.storage.results import needs_attention
    from dyade.storage.visits import dyad_history

    passphrase = os.environ["DYADE_PASSPHRASE"]
    start = time.perf_counter()
    db = open_database(path, passphrase)
    result = {"open_ms": (time.perf_counter() - start) * 1000}
    try:
        physicians, dyads = _physicians(db, runs), _dyads(db, runs)
        result["attention_ms"] = median_ms([lambda p=p: needs_attention(db, p) for p in physicians])
        if dyads:
            result["history_ms"] = median_ms([lambda d=d: dyad_history(db, d) for d in dyads])
            result["lookup_floor_ms"] = median_ms([lambda d=d: get_dyad(db, d) for d in dyads])
            result["history_visits"] = len(dyad_history(db, dyads[0]))
        result |= _saves(db, max(runs, 5))
    finally:
        db.close()
    return result


if __name__ == "__main__":
    print("RESULT " + json.dumps(main(sys.argv[1], int(sys.argv[2]))))
