"""The visit PDF quotes what each side wrote first, and carries an outline and a language."""

from __future__ import annotations

import json

from pypdf import PdfReader

from dyade.reports.from_storage import stored_dyad_history, stored_visit_summary
from dyade.storage.responses import complete_response, responses_of_visit, save_answers
from reports_support import EXAMPLES, text_of

PATIENT_WORDS = "Two weeks feels short: I still get headaches after an hour of reading."
PHYSICIAN_WORDS = "Two more weeks off, then a progressive return."


def fill(db, visit, sides=("patient", "physician")) -> None:
    for response in responses_of_visit(db, visit.uuid):
        if response.respondent not in sides:
            continue
        path = EXAMPLES / f"scenario-a-{response.respondent}.json"
        save_answers(db, response.uuid, json.loads(path.read_text(encoding="utf-8"))["answers"])
        complete_response(db, response.uuid)


def test_the_visit_pdf_opens_on_the_patients_words(db, clinic, tmp_path):
    fill(db, clinic.visit)
    text = text_of(stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="en"))
    words = text.index("In the patient's words")
    assert text.index(PATIENT_WORDS) > words
    assert words < text.index("The physician's notes") < text.index(PHYSICIAN_WORDS)
    assert text.index(PHYSICIAN_WORDS) < text.index("The two perceptions of the alliance")


def test_the_french_pdf_quotes_the_words_as_typed(db, clinic, tmp_path):
    fill(db, clinic.visit)
    text = text_of(stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="fr"))
    assert "Dans les mots du patient" in text and "Les notes du médecin" in text
    assert f"« {PATIENT_WORDS}" in text  # quoted with French marks, words left as written


def test_a_one_sided_visit_quotes_only_the_side_that_answered(db, clinic, tmp_path):
    fill(db, clinic.visit, sides=("patient",))
    text = text_of(stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="en"))
    assert PATIENT_WORDS in text and "The physician's notes" not in text


def test_the_history_pdf_quotes_the_latest_visit(db, clinic, tmp_path):
    fill(db, clinic.visit)
    out = stored_dyad_history(db, clinic.visit.dyad_uuid, tmp_path / "h.pdf", lang="en")
    assert PATIENT_WORDS in text_of(out)


def test_the_pdf_has_an_outline_in_reading_order_and_a_language(db, clinic, tmp_path):
    fill(db, clinic.visit)
    out = stored_visit_summary(db, clinic.visit.code, tmp_path / "v.pdf", lang="fr")
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    top = reader.outline
    assert reader.outline[0].title == "Résumé de la visite"
    sections = [entry for entry in top[1] if not isinstance(entry, list)]  # under the title
    children = [entry.title for entry in sections]
    assert children[:2] == ["Dans les mots du patient", "Les notes du médecin"]
    assert "Points d’attention" in children
    pages = [reader.get_destination_page_number(entry) for entry in sections]
    assert pages == sorted(pages)  # bookmarks follow the pages
