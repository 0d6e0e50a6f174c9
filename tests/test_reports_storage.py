"""Reports over the clinic's database: by visit code and by dyad, logged in the audit."""

from __future__ import annotations

import pytest

import storage_fixtures
from dyade.errors import DyadeError
from dyade.reports.from_storage import stored_dyad_history, stored_visit_summary
from dyade.storage import audit
from dyade.storage.responses import complete_response, responses_of_visit, save_answers
from dyade.storage.visits import create_visit
from reports_support import load_pair, text_of
from storage_fixtures import FORMS

# Fixtures shared with the storage tests (real SQLCipher, cheap key derivation).
clinic, db, db_path, fast_crypto = (
    storage_fixtures.clinic,
    storage_fixtures.db,
    storage_fixtures.db_path,
    storage_fixtures.fast_crypto,
)


def fill(db, visit, scenario: str) -> None:
    """Both sides of a stored visit answered as in a clinical-case scenario."""
    _, pa, _, da = load_pair(scenario)
    for response in responses_of_visit(db, visit.uuid):
        save_answers(db, response.uuid, pa if response.respondent == "patient" else da)
        complete_response(db, response.uuid)


def test_visit_summary_by_code_is_written_and_audited(db, clinic, tmp_path):
    fill(db, clinic.visit, "scenario-a")
    out = stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="en")
    text = text_of(out)
    assert "P-001" in text and "Dr Martin" in text and "2 March 2026" in text
    assert "Solange Verdier" not in text  # the name only when chosen
    assert "Rupture seen from one side" in text
    exports = [e for e in audit.entries(db) if e.action == "exported"]
    assert exports and exports[0].target == str(out)


def test_an_unfinished_visit_is_refused(db, clinic, tmp_path):
    with pytest.raises(DyadeError, match="not finished"):
        stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="fr")
    assert not (tmp_path / "v.pdf").exists()


def test_dyad_history_from_the_database(db, clinic, tmp_path):
    fill(db, clinic.visit, "scenario-b")
    second = create_visit(db, clinic.dyad.uuid, FORMS, on="2026-04-06")
    fill(db, second, "scenario-a")
    out = stored_dyad_history(db, clinic.dyad.uuid, tmp_path / "h.pdf", lang="fr",
                              with_name=True)  # fmt: skip
    text = text_of(out)
    assert "2 mars 2026" in text and "6 avril 2026" in text
    assert "Solange Verdier" in text
    assert "Historique de la dyade" in text and "Dernière visite" in text
    assert any(e.action == "exported" and e.target == str(out) for e in audit.entries(db))
