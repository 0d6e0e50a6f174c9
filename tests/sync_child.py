"""A laptop syncing in a child process, killed (SIGKILL) at a chosen point or from outside.

Usage: python sync_child.py DB_PATH POINT
POINT: "sealed" (changes sealed, none sent), "pushed" (the hub committed, the
laptop has not noted it), "pulling" (in the second page of a pull), or
"none" (run to the end; the parent may kill it at any moment). Small batches
and pages make each phase last several steps.
"""

from __future__ import annotations

import os
import signal
import sys

from dyade.storage import connection, outbox
from dyade.sync import engine
from storage_fixtures import FAST_KDF_ITER, PASSPHRASE


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(path: str, point: str) -> None:
    connection.DEFAULT_KDF_ITER = FAST_KDF_ITER
    outbox.BATCH, engine.PULL_PAGE = 3, 2
    if point == "sealed":
        real_seal = outbox.seal_outbox
        outbox.seal_outbox = lambda *a, **k: (real_seal(*a, **k), _die())
    elif point == "pushed":
        outbox.forget_pushed = lambda *a, **k: _die()
    elif point == "pulling":  # the first page is committed, the second is being applied
        real_apply, calls = outbox.apply_changes, []

        def apply_then_die(*args, **kwargs):
            calls.append(1)
            result = real_apply(*args, **kwargs)
            if len(calls) == 2:
                _die()
            return result

        outbox.apply_changes = apply_then_die
    db = connection.open_database(path, PASSPHRASE)
    engine.sync(db)
    print("synced", flush=True)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
