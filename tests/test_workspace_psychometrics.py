"""Settings, "The clinic's own data": the table, the adoption rule and adopting."""

from __future__ import annotations

import random

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt

from analysis_visits import FULL, answers
from dyade.clinic import clinic_library, clinic_stats, clinic_thresholds
from dyade.demo import DEMO_PASSPHRASE, build_demo
from dyade.storage import connection, users
from dyade.storage.audit import entries
from dyade.storage.connection import open_database
from dyade.storage.responses import responses_of_visit, save_answers
from dyade.storage.settings import get_setting
from dyade.storage.users import find_user
from dyade.storage.visits import FormRef, create_visit
from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace import psychometrics_box
from dyade.ui.workspace.session import Session
from dyade.ui.workspace.shell import Workspace
from storage_fixtures import clinic, db, db_path, wait_for_qt_workers  # noqa: F401


def _section(qtbot, session: Session):
    make_application()
    Translations().set_language("en")
    space = Workspace(session)
    qtbot.addWidget(space)
    box = space.show_section("settings").psychometrics
    qtbot.mouseClick(box.toggle, Qt.MouseButton.LeftButton)
    assert box.group.isVisibleTo(space)
    return space, box


def _compute(qtbot, box) -> None:
    qtbot.mouseClick(box.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.run_button.isEnabled() and box.table.rowCount() > 0, timeout=60_000)


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setattr(connection, "DEFAULT_KDF_ITER", 2_000)
    monkeypatch.setattr(
        users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    path = build_demo(tmp_path / "demo.db")
    base = open_database(path, DEMO_PASSPHRASE)
    yield Session(db=base, path=path, user=find_user(base, "martin"))
    wait_for_qt_workers()
    base.close()


def test_the_demo_clinic_gets_one_row_per_subscale_and_too_little_to_adopt(qtbot, demo):
    _, box = _section(qtbot, demo)
    assert box.table.rowCount() == 0 and not box.adopt_button.isEnabled()
    _compute(qtbot, box)
    expected = clinic_stats(demo.db, demo.library)
    assert box.table.rowCount() == len(expected) > 0
    shown = {(box.table.item(r, 0).text(), box.table.item(r, 2).text())
             for r in range(box.table.rowCount())}  # fmt: skip
    assert shown == {(s.form, s.subscale) for s in expected}
    bond = next(s for s in expected if s.n and s.alpha is not None)
    row = expected.index(bond)
    assert box.table.item(row, 3).text() == str(bond.n)
    assert box.table.item(row, 4).text().startswith(f"{bond.alpha:.2f}")
    assert not box.adopt_button.isEnabled()  # the demo has fewer than 30 complete visits
    assert "adopting needs at least 30" in box.status.text()


def _visits(base, clinic, n: int) -> None:  # noqa: F811
    """n visits of the full forms, both sides complete, with varied bond answers."""
    refs = [FormRef(who, f"dyade-full-{who}", 2) for who in ("patient", "physician")]
    rng = random.Random(7)
    for _ in range(n):
        level = rng.randint(2, 5)
        visit = create_visit(base, clinic.dyad.uuid, refs)
        for response in responses_of_visit(base, visit.uuid):
            noisy = {"p_bond_trust": max(1, min(5, level + rng.choice((-1, 0, 1))))}
            given = (
                answers(FULL[0], level, **noisy)
                if response.respondent == "patient"
                else answers(FULL[1], max(1, level - 1))
            )
            save_answers(base, response.uuid, given, complete=True)


def test_enough_visits_enable_adopting_which_changes_the_thresholds_and_is_audited(
    qtbot,
    db,  # noqa: F811
    db_path,  # noqa: F811
    clinic,  # noqa: F811
    monkeypatch,
):
    _visits(db, clinic, 34)
    asked, analysed = [], []
    monkeypatch.setattr(
        psychometrics_box.PsychometricsBox, "confirm_adopt", lambda self: asked.append(1) or True
    )
    # Recorded, not run: a real re-analysis would outlive the test's database.
    monkeypatch.setattr("dyade.ui.workspace.background.reanalyse_all", analysed.append)
    space, box = _section(qtbot, Session(db=db, path=db_path, user=clinic.physician))
    assert get_setting(db, "thresholds") == {}
    _compute(qtbot, box)
    assert box.adopt_button.isEnabled() and "enough to adopt" in box.status.text()
    qtbot.mouseClick(box.adopt_button, Qt.MouseButton.LeftButton)
    assert asked == [1] and analysed == [space]
    adopted = get_setting(db, "thresholds")
    assert adopted["reliability_items"] == 7 and set(adopted) >= {
        "sd_patient", "reliability_patient", "expected_offset_d"
    }  # fmt: skip
    assert clinic_thresholds(db).expected_offset_d == adopted["expected_offset_d"] > 0
    assert clinic_library(db).thresholds.sd_patient == adopted["sd_patient"]
    audit = [e for e in entries(db) if e.target == "setting:thresholds"]
    assert audit and audit[0].user_uuid == clinic.physician.uuid
    assert "Adopted from 34 visits" in box.status.text()


def test_refusing_the_confirmation_changes_nothing(qtbot, db, db_path, clinic, monkeypatch):  # noqa: F811
    _visits(db, clinic, 31)
    monkeypatch.setattr(psychometrics_box.PsychometricsBox, "confirm_adopt", lambda self: False)
    _, box = _section(qtbot, Session(db=db, path=db_path, user=clinic.physician))
    _compute(qtbot, box)
    qtbot.mouseClick(box.adopt_button, Qt.MouseButton.LeftButton)
    assert get_setting(db, "thresholds") == {}
