"""A crash mid-questionnaire loses at most the answer being clicked."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from dyade.storage.connection import open_database
from dyade.storage.responses import get_response, load_answers, responses_of_visit, save_answer
from storage_fixtures import FAST_KDF_ITER, PASSPHRASE, make_clinic

KIOSK = textwrap.dedent(
    """
    import sys, time
    from dyade.storage.connection import open_database
    from dyade.storage.responses import save_answer
    db = open_database(sys.argv[1], sys.argv[2], kdf_iter=int(sys.argv[3]))
    for n in range(1000):
        save_answer(db, sys.argv[4], f"item_{n:03}", n % 5 + 1)
        print(n, flush=True)
        time.sleep(0.01)
    """
)


def test_answers_survive_sigkill_and_the_questionnaire_resumes(tmp_path):
    path = tmp_path / "clinic.db"
    db = open_database(path, PASSPHRASE, create=True)
    clinic = make_clinic(db)
    response = next(
        r for r in responses_of_visit(db, clinic.visit.uuid) if r.respondent == "patient"
    )
    db.close()

    kiosk = subprocess.Popen(
        [sys.executable, "-c", KIOSK, str(path), PASSPHRASE, str(FAST_KDF_ITER), response.uuid],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    confirmed = -1
    try:
        while confirmed < 25:
            line = kiosk.stdout.readline()
            assert line, kiosk.stderr.read()
            confirmed = int(line)
    finally:
        kiosk.send_signal(signal.SIGKILL)
        kiosk.wait(timeout=30)
    assert kiosk.returncode == -signal.SIGKILL

    db = open_database(path, PASSPHRASE)  # the lock died with the process
    try:
        answers = load_answers(db, response.uuid)
        saved = len(answers)
        assert confirmed + 1 <= saved <= confirmed + 2  # at most the answer in flight
        assert answers == {f"item_{n:03}": n % 5 + 1 for n in range(saved)}
        assert get_response(db, response.uuid).status == "in_progress"
        save_answer(db, response.uuid, f"item_{saved:03}", 1)  # resumes where it stopped
        assert len(load_answers(db, response.uuid)) == saved + 1
    finally:
        db.close()
