"""A Dyade process for the crash tests to kill: fills, imports, backs up, restores, or
writes an export, a report, a transfer file or an analysis.

Run as ``python crash_child.py MODE ...``. It prints one line per step that
is done (flushed at once), so the parent knows what was confirmed before it
sent SIGKILL. With ``DYADE_CRASH_AT=N`` the process kills itself just before
its N-th file operation (rename, fsync, unlink, link), to stop at every step
of a backup or a restore in turn.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time

from dyade.fill import FillSession
from dyade.forms import default_library
from dyade.storage import sealed
from dyade.storage.connection import open_database

KDF = 2_000
# Transfer files keyed as the parent test's (fast_crypto): a reader accepts only the
# key settings this process writes.
sealed.SCRYPT_LOG2_N = sealed.MIN_LOG2_N


def crash_at_step() -> None:
    """Wrap the file operations that matter so the N-th one never happens."""
    limit = int(os.environ.get("DYADE_CRASH_AT", "0"))
    if not limit:
        return
    seen = [0]

    def wrap(module, name):
        real = getattr(module, name)

        def counted(*args, **kwargs):
            seen[0] += 1
            print(f"op {seen[0]} {name}", flush=True)
            if seen[0] >= limit:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        setattr(module, name, counted)

    for name in ("replace", "rename", "fsync", "unlink", "link"):
        wrap(os, name)


def value_for(session: FillSession, item, rng: random.Random):
    """A valid answer to ``item`` (now and then "prefer not to answer" where allowed)."""
    if item.optional and rng.random() < 0.15:
        return None
    if item.kind == "scale":
        return rng.choice(list(session.form.scale_of(item).points()))
    if item.kind == "choice":
        return rng.choice(item.codes())
    if item.kind == "multi":
        plain = [o.code for o in item.options if not o.exclusive]
        chosen = set(rng.sample(plain, rng.randint(1, 2)))
        return [c for c in item.codes() if c in chosen]
    return rng.choice(["bien", "fatigué ce matin", "Ça va, merci", "rien à ajouter"])


def fill(db_path: str, passphrase: str, code: str, seed: str) -> None:
    rng = random.Random(int(seed))
    db = open_database(db_path, passphrase, kdf_iter=KDF)
    session = FillSession.open_visit_code(db, default_library(), code)
    print(f"resume {session.resume_screen()}", flush=True)
    for screen in session.screens[session.resume_screen() :]:
        for item in screen.items:
            if session.is_answered(item.id):
                continue
            value = value_for(session, item, rng)
            session.answer(item.id, value)
            print("answer " + json.dumps([item.id, value]), flush=True)
            time.sleep(rng.random() * 0.004)
    session.submit()
    print("submitted", flush=True)
    db.close()


def import_file(db_path: str, passphrase: str, transfer: str) -> None:
    from dyade.storage.transfer import import_transfer

    db = open_database(db_path, passphrase, kdf_iter=KDF)
    print("ready", flush=True)
    import_transfer(db, transfer, passphrase)
    print("done", flush=True)
    db.close()


def backup_to(db_path: str, passphrase: str, out: str) -> None:
    from dyade.storage.backup import backup

    db = open_database(db_path, passphrase, kdf_iter=KDF)
    print("ready", flush=True)
    backup(db, out)
    print("done", flush=True)
    db.close()


def restore_from(source: str, target: str, passphrase: str) -> None:
    from dyade.storage.backup import restore

    print("ready", flush=True)
    restore(source, target, passphrase, kdf_iter=KDF)
    print("done", flush=True)


EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "docs", "examples")


def _report(out: str) -> None:
    from pathlib import Path

    from dyade.analysis import analyse_visit
    from dyade.cli.common import read_answer_file
    from dyade.forms import default_library
    from dyade.reports import ReportContext, visit_summary

    library = default_library()
    sides = [
        read_answer_file(Path(EXAMPLES, f"scenario-a-{who}.json"), library, who)
        for who in ("patient", "physician")
    ]
    analysis = analyse_visit(*sides[0], *sides[1])
    context = ReportContext(clinic="", patient_code="P-001", physician="", visit_date=None,
                            forms=(sides[0][0], sides[1][0]))  # fmt: skip
    visit_summary(analysis, context, lang="fr", out=out)


def _analyse(out: str) -> None:
    from pathlib import Path

    from dyade.analysis.batch_stream import stream
    from dyade.analysis.csv_batch import BatchRun
    from dyade.forms import default_library

    stream(BatchRun(Path(EXAMPLES, "visits.csv"), default_library().forms), Path(out))


def write(kind: str, db_path: str, passphrase: str, out: str) -> None:
    """Write one file the way Dyade does (through its safe writer) while the clinic is open."""
    from dyade.storage.backup import backup
    from dyade.storage.export import export_csv, export_json
    from dyade.storage.export_fhir import export_fhir
    from dyade.storage.transfer import write_transfer, write_transfer_for

    db = open_database(db_path, passphrase, kdf_iter=KDF)
    print("ready", flush=True)
    {
        "csv": lambda: export_csv(db, out),
        "json": lambda: export_json(db, out),
        "fhir": lambda: export_fhir(db, out),
        "backup": lambda: backup(db, out),
        "transfer": lambda: write_transfer(db, out, passphrase),
        "transfer-usb": lambda: write_transfer_for(db, out, passphrase, "usb"),
        "report": lambda: _report(out),
        "analyse": lambda: _analyse(out),
    }[kind]()
    print("done", flush=True)
    db.close()


def hold(db_path: str, passphrase: str, kdf: str) -> None:
    """Keep the database open (a second Dyade window) until killed."""
    db = open_database(db_path, passphrase, kdf_iter=int(kdf))
    print("ready", flush=True)
    time.sleep(120)
    db.close()


MODES = {
    "hold": hold,
    "fill": fill,
    "import": import_file,
    "backup": backup_to,
    "restore": restore_from,
    "write": write,
}

if __name__ == "__main__":
    crash_at_step()
    MODES[sys.argv[1]](*sys.argv[2:])
    sys.stdout.flush()
