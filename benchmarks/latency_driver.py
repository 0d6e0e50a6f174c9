"""Answer latency: click answers in the real questionnaire widget, time each to its paint.

Run as ``python -m benchmarks.latency_driver WORKDIR CLICKS`` (offscreen Qt,
``DYADE_PASSPHRASE`` set). A small encrypted clinic gets an open visit with
the full forms; ``QuestionnaireView`` fills the patient's response as the
kiosk does (each answer saved at once). One sample is the time from the click
on an answer until the next question has been painted: on a screen with more
questions that is the repaint after the click; on a finished screen it adds
the click on Next and the paint of the next screen (the person's own pause
between the two clicks is not counted). Qt is imported inside ``main``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def open_response(workdir: Path, passphrase: str) -> tuple[Any, Any, str]:
    """A tiny clinic with one open full visit: (db, library, patient response uuid)."""
    from benchmarks.generate import generate_clinic
    from dyade.forms import default_library
    from dyade.storage import open_database
    from dyade.storage.responses import responses_of_visit
    from dyade.storage.visits import FormRef, create_visit

    path = workdir / "latency.db"
    for old in workdir.glob("latency.db*"):
        old.unlink()
    generate_clinic(path, passphrase, patients=2, visits=2)
    db = open_database(path, passphrase)
    library = default_library()
    dyad = db.execute("SELECT uuid FROM dyads LIMIT 1").fetchone()[0]
    forms = [
        FormRef(side, f"dyade-full-{side}", library.require(f"dyade-full-{side}").version)
        for side in ("patient", "physician")
    ]
    visit = create_visit(db, dyad, forms)
    patient = next(r for r in responses_of_visit(db, visit.uuid) if r.respondent == "patient")
    return db, library, patient.uuid


class Painted:
    """Counts the repaints of one top-level window.

    Qt paints a window's dirty widgets while it handles the window's
    ``UpdateRequest`` event, so once ``processEvents`` returns after that event
    the new content has been painted. Watching the window alone (not every
    event of the application) keeps the probe's own cost out of the figure.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject

        outer = self
        kinds = (QEvent.Type.UpdateRequest, QEvent.Type.Paint)

        class Filter(QObject):
            def eventFilter(self, watched, event):
                if event.type() in kinds:
                    outer.count += 1
                return False

        self.count = 0
        self.filter = Filter()
        # PySide6 6.12's QCoreApplication.processEvents() drops a reference to
        # None on each call; a tight wait loop then aborts Python. A local event
        # loop's processEvents() does the same work without that leak.
        self.loop = QEventLoop()

    def watch(self, window: Any) -> None:
        window.installEventFilter(self.filter)

    def wait(self, app: Any, since: int, limit_s: float = 2.0) -> None:
        deadline = time.perf_counter() + limit_s
        while self.count == since and time.perf_counter() < deadline:
            self.loop.processEvents()


def _click_answer(view: Any) -> None:
    """Answer the first question of the screen that is open (else change the first)."""
    open_items = [v for v in view.items if not view.session.is_answered(v.item.id)]
    target = (open_items or view.items)[0]
    if target.options is not None:
        buttons = target.options.buttons
        current = view.session.answers.get(target.item.id)
        values = target.options.values
        choice = next((b for b, v in zip(buttons, values, strict=True) if v != current), buttons[0])
        choice.click()
    else:
        target.skip_button.click()


def sample(app: Any, view: Any, painted: Painted) -> float:
    """One click on an answer until the next question is painted, in ms."""
    app.processEvents()
    start, seen = time.perf_counter(), painted.count
    _click_answer(view)
    if view.session.screen_done(view.index):
        painted.wait(app, seen)
        seen = painted.count
        view.next_button.click()
    painted.wait(app, seen)
    return (time.perf_counter() - start) * 1000


def floor_ms(app: Any, painted: Painted, clicks: int) -> float:
    """The floor: a bare button whose click changes a label's text, until painted."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    label, button = QLabel("0", window), QPushButton("next", window)
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    layout.addWidget(button)
    button.clicked.connect(lambda: label.setText(str(int(label.text()) + 1)))
    window.resize(1024, 768)
    painted.watch(window)
    window.show()
    painted.wait(app, painted.count)
    times = []
    for _ in range(clicks):
        app.processEvents()
        start, seen = time.perf_counter(), painted.count
        button.click()
        painted.wait(app, seen)
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return statistics.median(times)


def main(workdir: Path, clicks: int, passphrase: str) -> dict[str, float]:
    from dyade.fill import FillSession
    from dyade.ui.app import make_application
    from dyade.ui.questionnaire import QuestionnaireView

    app = make_application()
    db, library, response = open_response(workdir, passphrase)
    session = FillSession.open_response(db, library, response)
    view = QuestionnaireView(session)
    view.resize(1024, 768)
    painted = Painted()
    floor = floor_ms(app, painted, clicks)
    painted.watch(view)
    view.show()
    painted.wait(app, painted.count)
    times = []
    for _ in range(clicks + 3):  # the first three warm caches and are not counted
        if view.on_review:
            view.show_screen(0)
            painted.wait(app, painted.count)
        times.append(sample(app, view, painted))
    db.close()
    times = sorted(times[3:])
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "median_ms": statistics.median(times),
        "p95_ms": p95,
        "clicks": len(times),
        "floor_ms": floor,
    }


if __name__ == "__main__":
    import os

    result = main(Path(sys.argv[1]), int(sys.argv[2]), os.environ["DYADE_PASSPHRASE"])
    print("RESULT " + json.dumps(result))
