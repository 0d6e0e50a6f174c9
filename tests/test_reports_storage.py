"""Reports over the clinic's database: by visit code and by dyad, logged in the audit."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from dyade.analysis.texts import flag_name
from dyade.cli import main
from dyade.errors import DyadeError
from dyade.forms import default_library
from dyade.reports.from_storage import stored_dyad_history, stored_visit_summary
from dyade.reports.labels import Labels
from dyade.storage import audit
from dyade.storage.responses import complete_response, responses_of_visit, save_answers
from dyade.storage.settings import set_setting
from dyade.storage.visits import create_visit
from reports_support import load_pair, text_of
from storage_fixtures import FORMS, PASSPHRASE


def fill(db, visit, scenario: str, sides=("patient", "physician")) -> None:
    """Sides of a stored visit (both unless told) answered as in a clinical-case scenario."""
    _, pa, _, da = load_pair(scenario)
    for response in responses_of_visit(db, visit.uuid):
        if response.respondent not in sides:
            continue
        save_answers(db, response.uuid, pa if response.respondent == "patient" else da)
        complete_response(db, response.uuid)


def test_visit_summary_by_code_is_written_and_audited(db, clinic, tmp_path):
    fill(db, clinic.visit, "scenario-a")
    typed = " " + clinic.visit.code.lower()  # as a person may type it
    out = stored_visit_summary(db, typed, tmp_path / "v.pdf", lang="en")
    text = text_of(out)
    assert "P-001" in text and "Dr Martin" in text and "2 March 2026" in text
    assert "Solange Verdier" not in text  # the name only when chosen
    assert "Rupture seen by one side only: the patient" in text
    exports = [e for e in audit.entries(db) if e.action == "exported"]
    assert exports and exports[0].target == str(out)


def test_a_visit_neither_side_has_finished_is_refused(db, clinic, tmp_path):
    with pytest.raises(DyadeError, match="neither side has finished"):
        stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="fr")
    assert not (tmp_path / "v.pdf").exists()


@pytest.mark.parametrize(("side", "scenario", "lang", "said"), [
    ("patient", "scenario-a", "fr", "seul le patient a répondu"),
    ("physician", "scenario-b", "en", "only the physician has answered"),
])  # fmt: skip
def test_a_visit_one_side_has_finished_shows_that_side(
    db, clinic, tmp_path, side, scenario, lang, said
):
    fill(db, clinic.visit, scenario, sides=(side,))
    out = stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang=lang)
    text = text_of(out)
    assert said in text
    name = flag_name({"kind": "unperceived_rupture", "perceived_by": "unknown"}, lang)
    assert name.replace("\u00a0", " ") in text  # that side's own rupture, other side unknown
    assert Labels(lang)("flags.perceived.unknown") in text
    assert text.count(", version 2") == 1  # the header names only the form that was answered
    assert any(e.action == "exported" and e.target == str(out) for e in audit.entries(db))
    with pytest.raises(DyadeError, match="no visit where both sides have finished"):
        stored_dyad_history(db, clinic.dyad.uuid, tmp_path / "h.pdf", lang=lang)


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


def test_the_clinics_thresholds_decide_the_flags_as_on_the_review_screen(db, clinic, tmp_path):
    """A threshold changed on the settings page changes the PDF's flags like the screen's."""
    from dyade.dyad_analysis import review_dyad
    from dyade.forms.library import installed_library

    fill(db, clinic.visit, "scenario-a")
    code, seen = clinic.visit.code, "Stage of change seen differently"
    assert seen not in text_of(stored_visit_summary(db, code, tmp_path / "d.pdf", lang="en"))
    set_setting(db, "thresholds", {"stage_tolerance": 0})  # as the settings page saves it
    on_screen = review_dyad(db, installed_library(), clinic.dyad.uuid).visits[0].analysis
    assert "stage_mismatch" in [f.kind for f in on_screen.flags]
    assert seen in text_of(stored_visit_summary(db, code, tmp_path / "o.pdf", lang="en"))
    history = stored_dyad_history(db, clinic.dyad.uuid, tmp_path / "h.pdf", lang="fr")
    assert "Stade du changement perçu autrement" in text_of(history)


def test_an_invalid_stored_threshold_is_named(db, clinic, tmp_path):
    fill(db, clinic.visit, "scenario-a")
    set_setting(db, "thresholds", {"stage_tolerance": -1})
    with pytest.raises(DyadeError, match=r"clinic settings.*stage_tolerance"):
        stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="fr")
    assert not (tmp_path / "v.pdf").exists()


def clinic_forms(folder) -> list:
    """The brief pair saved as the clinic's own forms (ids and titles of its own)."""
    from dyade.paths import forms_dir
    from dyade.storage.visits import FormRef

    folder.mkdir()
    for side in ("patient", "physician"):
        text = (forms_dir() / f"dyade-brief-{side}.yaml").read_text(encoding="utf-8")
        text = text.replace("dyade-brief-", "clinic-brief-")
        text = text.replace("Quick check on the visit", "Our clinic's quick check")
        (folder / f"clinic-brief-{side}.yaml").write_text(text, encoding="utf-8")
    return [FormRef(side, f"clinic-brief-{side}", 2) for side in ("patient", "physician")]


def test_forms_of_the_clinics_own_folder_are_read_as_by_the_workspace(db, clinic, tmp_path):
    refs = clinic_forms(tmp_path / "own-forms")
    visit = create_visit(db, clinic.dyad.uuid, refs, kind="brief", on="2026-04-06")
    _, pa, _, da = load_pair("scenario-a")
    for response in responses_of_visit(db, visit.uuid):
        brief = default_library().require(f"dyade-brief-{response.respondent}")
        full = pa if response.respondent == "patient" else da
        save_answers(db, response.uuid, {i.id: full[i.id] for i in brief.items if i.id in full})
        complete_response(db, response.uuid)
    with pytest.raises(DyadeError, match="clinic-brief-patient"):
        stored_visit_summary(db, visit.code, tmp_path / "missing.pdf", lang="en")
    set_setting(db, "clinic_forms_folder", str(tmp_path / "own-forms"))  # the settings page
    out = stored_visit_summary(db, visit.code, tmp_path / "v.pdf", lang="en")
    assert "Our clinic's quick check, version 2" in text_of(out)


def page_sizes(path) -> set[tuple[int, int]]:
    """Each page's width and height in points, rounded."""
    return {(round(p.mediabox.width), round(p.mediabox.height)) for p in PdfReader(path).pages}


A4, LETTER = {(595, 842)}, {(612, 792)}


def test_page_size_follows_the_clinic_setting_unless_one_is_given(db, clinic, tmp_path):
    fill(db, clinic.visit, "scenario-a")
    assert page_sizes(stored_visit_summary(db, clinic.visit.code, tmp_path / "a.pdf",
                                           lang="fr")) == A4  # fmt: skip
    set_setting(db, "report_page_size", "letter")
    assert page_sizes(stored_visit_summary(db, clinic.visit.code, tmp_path / "l.pdf",
                                           lang="fr")) == LETTER  # fmt: skip
    history = stored_dyad_history(db, clinic.dyad.uuid, tmp_path / "h.pdf", lang="en")
    assert page_sizes(history) == LETTER
    given = stored_visit_summary(db, clinic.visit.code, tmp_path / "g.pdf", lang="fr",
                                 page_size="a4")  # fmt: skip
    assert page_sizes(given) == A4


def test_a_bad_page_size_setting_is_named_and_a_stored_one_read_as_the_default(
    db, clinic, tmp_path
):
    fill(db, clinic.visit, "scenario-a")
    with pytest.raises(DyadeError, match=r"report_page_size.*one of a4, letter.*'A5'"):
        set_setting(db, "report_page_size", "A5")
    db.execute("INSERT INTO settings (key, value) VALUES ('report_page_size', '\"A5\"')")
    pdf = stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="fr")
    assert page_sizes(pdf) == A4


def test_cli_page_size_overrides_the_setting(db, db_path, clinic, tmp_path, monkeypatch):
    fill(db, clinic.visit, "scenario-b")
    set_setting(db, "report_page_size", "letter")
    db.close()  # the command opens the file itself
    monkeypatch.setenv("DYADE_PASSPHRASE", PASSPHRASE)
    base = ["--db", str(db_path), "report", "--visit", clinic.visit.code, "--lang", "en"]
    assert main([*base, "--out", str(tmp_path / "set.pdf")]) == 0
    assert main([*base, "--out", str(tmp_path / "a4.pdf"), "--page-size", "a4"]) == 0
    assert page_sizes(tmp_path / "set.pdf") == LETTER
    assert page_sizes(tmp_path / "a4.pdf") == A4
    assert "Rupture seen by one side only" in text_of(tmp_path / "a4.pdf")
