"""Conflicts kept aside by a merge, and an administrator's decision on each."""

from __future__ import annotations

import pytest

from dyade.storage.conflicts import open_conflicts, resolve
from dyade.storage.errors import InvalidRecord, NotFound
from dyade.storage.patients import create_patient, find_patient
from dyade.storage.responses import load_answers
from sync_support import answer, contents, new_visit
from test_sync_faults import two  # noqa: F401 (two laptops, enrolled and synced once)


def _rounds(devices):
    for _ in range(2):
        for laptop in devices:
            laptop.sync()


def test_taking_their_answer_writes_it_here_and_the_laptops_agree(two):  # noqa: F811
    a, b = two
    response, _ = new_visit(a.db, "P-001", "Solange Verdier", "martin")
    _rounds(two)
    answer(a.db, response, "p_bond_listened", 2)
    answer(b.db, response, "p_bond_listened", 5)
    _rounds(two)
    (kept,) = [c for c in open_conflicts(a.db) if c.table == "answers"]
    assert kept.local["value"] == "2" and kept.incoming["value"] == "5"
    resolve(a.db, kept.uuid, take_incoming=True)
    assert load_answers(a.db, response) == {"p_bond_listened": 5}
    (theirs,) = [c for c in open_conflicts(b.db) if c.table == "answers"]
    resolve(b.db, theirs.uuid, take_incoming=False)
    _rounds(two)
    assert contents(a.db)["answers"] == contents(b.db)["answers"]
    assert [c for c in open_conflicts(a.db) if c.table == "answers"] == []
    with pytest.raises(NotFound):
        resolve(a.db, kept.uuid, take_incoming=False)


def test_a_clash_on_a_code_cannot_be_taken_until_the_code_is_changed(two):  # noqa: F811
    a, b = two
    create_patient(a.db, "P-042", name="Solange Verdier")
    create_patient(b.db, "P-042", name="Armand Lefort")
    _rounds(two)
    (clash,) = [c for c in open_conflicts(a.db) if c.table == "patients"]
    assert clash.local is None and "UNIQUE" in clash.reason
    with pytest.raises(InvalidRecord, match="same code"):
        resolve(a.db, clash.uuid, take_incoming=True)
    assert find_patient(a.db, "P-042").name == "Solange Verdier"  # nothing changed
    resolve(a.db, clash.uuid, take_incoming=False)
    assert all(c.uuid != clash.uuid for c in open_conflicts(a.db))


def test_an_administrator_takes_theirs_in_the_conflicts_dialog(qtbot, two):  # noqa: F811
    from PySide6.QtCore import Qt

    from dyade.storage.users import create_user
    from dyade.ui.app import make_application
    from dyade.ui.i18n import Translations
    from dyade.ui.workspace.session import Session
    from dyade.ui.workspace.sync_settings import SyncBox

    make_application()
    Translations().set_language("en")
    a, b = two
    response, _ = new_visit(a.db, "P-001", "Solange Verdier", "martin")
    admin = create_user(a.db, "admin", "admin", "password-4")
    _rounds(two)
    answer(a.db, response, "p_bond_listened", 2)
    answer(b.db, response, "p_bond_listened", 5)
    _rounds(two)
    box = SyncBox(Session(db=a.db, path=a.path, user=admin))
    qtbot.addWidget(box)
    assert box.conflicts_button.isVisibleTo(box)
    qtbot.mouseClick(box.conflicts_button, Qt.MouseButton.LeftButton)
    dialog = box.conflicts
    answers_line = next(
        dialog.items.item(n)
        for n in range(dialog.items.count())
        if dialog.items.item(n).text().startswith("Answer")
    )
    assert "value: 2 → 5" in answers_line.text()
    dialog.items.setCurrentItem(answers_line)
    qtbot.mouseClick(dialog.take, Qt.MouseButton.LeftButton)
    assert load_answers(a.db, response) == {"p_bond_listened": 5}
    assert all(
        not dialog.items.item(n).text().startswith("Answer") for n in range(dialog.items.count())
    )
    dialog.close()
