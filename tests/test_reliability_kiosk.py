"""Killed at any moment, the kiosk loses no answer it showed as saved, and resumes there.

``kiosk_child.py`` runs the real kiosk window (Qt offscreen) on a clinic
database and answers like a patient: language, visit code, clicks and digit
keys, a typed comment, Back, a language switch, a changed answer. It prints a
line once each answer is saved. The test kills it with SIGKILL at a random
moment, then checks the file (``PRAGMA integrity_check``), that every answer
the kiosk had saved is there (or, for the one being clicked, its new value),
that nothing else was written, and restarts the kiosk: it must open on the
first screen with an open question, the keyboard on that question, and let
the patient finish.
"""

from __future__ import annotations

import json
import random
import shutil
import time

from dyade.forms import default_library
from dyade.storage.connection import open_database
from dyade.storage.responses import Response, load_answers, responses_of_visit
from faults_support import (
    KDF,
    KIOSK_CHILD,
    PASSPHRASE,
    check_integrity,
    child,
    clinic_file,
    kill,
    run,
    scale,
    tally,
)

__all__ = ["clinic_file", "tally"]
FORM = default_library().get("dyade-full-patient")


class Shown:
    """What the kiosk said it saved (the last value of each item, and its language),
    and what it was saving when it was killed."""

    def __init__(self, lines: list[str]) -> None:
        self.answers: dict[str, object] = {}
        self.pending: dict[str, object] = {}
        self.language: str | None = None
        self.pending_language: str | None = None
        for line in lines:
            word, _, rest = line.partition(" ")
            if word == "try":
                item, value = json.loads(rest)
                self.pending[item] = value
            elif word == "answer":
                item, value = json.loads(rest)
                self.answers[item] = value
                self.pending.pop(item, None)
            elif word == "try-lang":
                self.pending_language = rest
            elif word == "lang":
                self.language, self.pending_language = rest, None

    def lost(self, saved: dict[str, object]) -> list[str]:
        """Items whose shown value is not in the database (the one in flight may be newer)."""
        return [
            item
            for item, value in self.answers.items()
            if saved.get(item, ...) != value
            and not (item in self.pending and saved.get(item, ...) == self.pending[item])
        ]

    def unexpected(self, saved: dict[str, object]) -> list[str]:
        """Items saved with a value the kiosk never gave."""
        given = {item: [self.answers.get(item, ...), self.pending.get(item, ...)] for item in saved}
        return [item for item, value in saved.items() if value not in given[item]]


def _answered(item, saved: dict[str, object]) -> bool:
    if item.id not in saved:
        return False
    value = saved[item.id]
    return value is None or (value != [] and value != "")


def _where_to_resume(saved: dict[str, object]) -> str:
    """``resume SCREEN ITEM`` as the kiosk should print it: each question is its own
    screen in the full form, so the first open question names both."""
    assert all(item.screen is None for item in FORM.items)  # one question per screen
    for index, item in enumerate(FORM.items):
        if not _answered(item, saved):
            return f"resume {index} {item.id}"
    return f"resume {len(FORM.items)} -"


def _patient_side(path, visit) -> tuple[Response, dict[str, object]]:
    db = open_database(path, PASSPHRASE, kdf_iter=KDF)
    try:
        response = next(r for r in responses_of_visit(db, visit.uuid) if r.respondent == "patient")
        return response, load_answers(db, response.uuid)
    finally:
        db.close()


def _check_after_kill(path, visit, lines: list[str]) -> tuple[int, Response, dict]:
    """The file is sound and holds what the kiosk showed; how many answers were lost."""
    assert check_integrity(path) == []
    shown = Shown(lines)
    response, saved = _patient_side(path, visit)
    assert shown.unexpected(saved) == [], (saved, lines)
    if shown.language is not None:
        assert response.language in (shown.language, shown.pending_language)
    if "submitted" in lines:
        assert response.status == "complete"
    return len(shown.lost(saved)), response, saved


def _read_until(proc, answers: int) -> list[str]:
    """The child's lines until it has saved ``answers`` answers (or ended)."""
    lines: list[str] = []
    while sum(line.startswith("answer ") for line in lines) < answers:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    return lines


def test_kiosk_killed_at_random_moments_loses_nothing_and_resumes(clinic_file, tmp_path, tally):
    base, clinic = clinic_file
    visit = clinic.visit
    rng = random.Random(20261122)
    for trial in range(scale(3, 50)):
        path = tmp_path / f"kiosk-{trial}.db"
        shutil.copy(base, path)
        args = (str(path), PASSPHRASE, visit.code, str(trial))
        proc = child(*args, script=KIOSK_CHILD)
        read = _read_until(proc, rng.randint(0, len(FORM.items) + 2))
        time.sleep(rng.random() * 0.01)
        rest, err = kill(proc)
        lines = read + rest
        assert "Traceback" not in err and not any(x.startswith("refused") for x in lines), err
        lost, response, saved = _check_after_kill(path, visit, lines)
        code, again, err = run(*args, script=KIOSK_CHILD)
        assert code == 0, (err, lines, again)
        if response.status == "complete":  # killed after the questionnaire was sent
            assert again[-1] == "already-completed"
        else:
            assert [x for x in again if x.startswith("resume ")] == [_where_to_resume(saved)]
            assert again[-1] == "submitted"
            assert _patient_side(path, visit)[0].status == "complete"
        tally.add(trials=1, faults=int(proc.returncode < 0), lost=lost)
        assert lost == 0, lines
