"""The "needs attention" list stays right however visit results are written:
by storage, by raw bulk inserts (the benchmark generator), by a transfer."""

from __future__ import annotations

from dyade.storage.dyads import create_dyad, share_dyad
from dyade.storage.patients import create_patient
from dyade.storage.results import needs_attention, save_visit_result
from dyade.storage.visits import create_visit
from storage_fixtures import FORMS, Clinic


def _listed(db, physician) -> list[tuple[str, str, int]]:
    return [(i.patient_code, i.visit_date, i.attention) for i in needs_attention(db, physician)]


def _ranks_match_their_sources(db) -> bool:
    """visit_ranks holds exactly one row per result, with its visit's dyad and dates."""
    derived = db.execute(
        "SELECT r.visit_uuid, v.dyad_uuid, v.date, v.created_at, r.attention "
        "FROM visit_results r JOIN visits v ON v.uuid = r.visit_uuid ORDER BY 1"
    ).fetchall()
    kept = db.execute("SELECT * FROM visit_ranks ORDER BY 1").fetchall()
    return derived == kept


def test_raw_bulk_inserts_are_ranked(db, clinic: Clinic):
    """The generator writes visit_results with four columns and no service call."""
    later = create_visit(db, clinic.dyad.uuid, FORMS, on="2026-05-04")
    db.conn.executemany(
        "INSERT INTO visit_results (visit_uuid, computed_at, attention, summary) VALUES (?,?,?,?)",
        [
            (clinic.visit.uuid, "2026-03-02T10:00:00", 9, '{"flags": ["a"]}'),
            (later.uuid, "2026-05-04T10:00:00", 3, '{"flags": ["b"]}'),
        ],
    )
    listed = needs_attention(db, clinic.physician.uuid)
    assert [(i.visit_uuid, i.attention, i.summary) for i in listed] == [
        (later.uuid, 3, {"flags": ["b"]})
    ]
    assert _ranks_match_their_sources(db)


def test_the_latest_analysed_visit_decides(db, clinic: Clinic):
    later = create_visit(db, clinic.dyad.uuid, FORMS, on="2026-05-04")
    save_visit_result(db, clinic.visit.uuid, 7, {})
    assert _listed(db, clinic.physician.uuid) == [("P-001", "2026-03-02", 7)]
    save_visit_result(db, later.uuid, 0, {})
    assert _listed(db, clinic.physician.uuid) == []
    db.execute("UPDATE visits SET date = '2026-01-05' WHERE uuid = ?", [later.uuid])
    assert _listed(db, clinic.physician.uuid) == [("P-001", "2026-03-02", 7)]
    db.execute("DELETE FROM visit_results WHERE visit_uuid = ?", [clinic.visit.uuid])
    assert _listed(db, clinic.physician.uuid) == []
    assert _ranks_match_their_sources(db)


def test_order_limit_and_shared_dyads(db, clinic: Clinic):
    ranks = {"P-010": 2, "P-011": 8, "P-012": 5}
    for code, rank in ranks.items():
        dyad = create_dyad(db, create_patient(db, code).uuid, clinic.colleague.uuid)
        share_dyad(db, dyad.uuid, clinic.physician.uuid)
        visit = create_visit(db, dyad.uuid, FORMS, on="2026-04-01")
        save_visit_result(db, visit.uuid, rank, {"rank": rank})
    save_visit_result(db, clinic.visit.uuid, 5, {"rank": 5})
    listed = needs_attention(db, clinic.physician.uuid, limit=3)
    assert [(i.patient_code, i.shared) for i in listed] == [
        ("P-011", True),
        ("P-012", True),
        ("P-001", False),
    ]
    assert [i.summary["rank"] for i in listed] == [8, 5, 5]
    assert [i.patient_code for i in needs_attention(db, clinic.colleague.uuid)] == [
        "P-011",
        "P-012",
        "P-010",
    ]
    assert _ranks_match_their_sources(db)


def test_stale_dyads_and_latest_results_answer_for_a_whole_list(db, clinic: Clinic):
    """The dashboard asks once for all dyads: which need comparing, and each one's latest."""
    from dyade.demo import example_answers
    from dyade.dyad_analysis import refresh_dyad
    from dyade.forms.library import default_library
    from dyade.storage.responses import pending_responses, save_answers
    from dyade.storage.results import latest_results, stale_dyads

    other = create_dyad(db, create_patient(db, "P-002").uuid, clinic.physician.uuid)
    dyads = [clinic.dyad.uuid, other.uuid]
    assert stale_dyads(db, dyads) == [] and latest_results(db, dyads) == {}
    mine = [p for p in pending_responses(db) if p.visit_uuid == clinic.visit.uuid]
    for pending in sorted(mine, key=lambda p: p.respondent):
        example = example_answers("scenario-a", pending.respondent)
        save_answers(db, pending.response_uuid, example, complete=True)
        done = pending.respondent == "physician"  # patient first: one side is not enough
        assert stale_dyads(db, dyads) == ([clinic.dyad.uuid] if done else [])
    refresh_dyad(db, default_library(), clinic.dyad.uuid)
    assert stale_dyads(db, dyads) == []
    latest = latest_results(db, dyads)
    assert list(latest) == [clinic.dyad.uuid]
    assert latest[clinic.dyad.uuid].visit_date == clinic.visit.date
    assert latest[clinic.dyad.uuid].summary["flags"]
    assert stale_dyads(db, [f"x-{i}" for i in range(1200)]) == []  # more than one slice
