"""A laptop syncing in a child process, killed (SIGKILL) at a chosen point or from outside.

Usage: python sync_child.py DB_PATH POINT
POINT: "sealed" (changes sealed, none sent), "pushed" (the hub committed, the
laptop has not noted it), "pulling" (in the second page of a pull), "repulling"
(in the second page of the log read again after migration 6), or
"none" (run to the end; the parent may kill it at any moment). Small batches
and pages make each phase last several steps.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

from dyade.storage import connection, outbox, repull
from dyade.sync import engine
from storage_fixtures import FAST_KDF_ITER, PASSPHRASE


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _dying_on(real: Callable, call: int) -> Callable:
    """``real``, killing this process once its ``call``-th call has run (uncommitted)."""
    calls = []

    def then_die(*args, **kwargs):
        calls.append(1)
        result = real(*args, **kwargs)
        if len(calls) == call:
            _die()
        return result

    return then_die


def main(path: str, point: str) -> None:
    connection.DEFAULT_KDF_ITER = FAST_KDF_ITER
    outbox.BATCH, engine.PULL_PAGE = 3, 2
    if point == "sealed":
        real_seal = outbox.seal_outbox
        outbox.seal_outbox = lambda *a, **k: (real_seal(*a, **k), _die())
    elif point == "pushed":
        outbox.forget_pushed = lambda *a, **k: _die()
    elif point == "pulling":  # the first page is committed, the second is being applied
        outbox.apply_changes = _dying_on(outbox.apply_changes, 2)
    elif point == "repulling":
        repull.apply_page = _dying_on(repull.apply_page, 2)
    db = connection.open_database(path, PASSPHRASE)
    engine.sync(db)
    print("synced", flush=True)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
