"""Visit summary PDFs: scenario A and B in both languages, read back with pypdf."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from dyade.analysis import analyse_visit
from dyade.analysis.texts import flag_name
from dyade.errors import DyadeError
from dyade.formats import format_number
from dyade.reports import ReportContext, visit_summary
from dyade.reports.formtext import FormText
from dyade.reports.labels import Labels
from reports_support import EXAMPLES, load_pair, text_of

CLINIC = "Maison de santé des Tilleuls"


def context(pf, df, **extra) -> ReportContext:
    return ReportContext(CLINIC, "P-0042", "Dr Anne Lefèvre", "2026-03-12", forms=(pf, df), **extra)


@pytest.fixture(scope="module")
def summaries(tmp_path_factory):
    """Scenario A and B, French and English: (analysis, forms, pdf path)."""
    folder = tmp_path_factory.mktemp("visit-pdfs")
    made = {}
    for scenario in ("scenario-a", "scenario-b"):
        pf, pa, df, da = load_pair(scenario)
        analysis = analyse_visit(pf, pa, df, da)
        for lang in ("fr", "en"):
            out = folder / f"{scenario}-{lang}.pdf"
            visit_summary(analysis, context(pf, df), lang=lang, out=out)
            made[scenario, lang] = (analysis, (pf, df), out)
    return made


@pytest.mark.parametrize("scenario", ["scenario-a", "scenario-b"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_scores_flags_and_evidence_are_printed(summaries, scenario, lang):
    analysis, forms, path = summaries[scenario, lang]
    text, lab = text_of(path), Labels(lang)
    for side in (analysis.patient, analysis.physician):
        for sid in ("bond", "goals", "tasks"):
            assert format_number(side.scores[sid].value, lang) in text
    assert analysis.flags, "the clinical case raises flags"
    words = FormText(forms, lab)
    for flag in analysis.flags:
        assert flag_name(flag, lang).replace("\u00a0", " ") in text
        assert re.sub(r"\s+", " ", flag.explanation[lang]).replace("\u00a0", " ")[:60] in text
        item_ev = [e for e in flag.evidence if e.item]
        if item_ev:
            ev = item_ev[0]
            form = forms[0] if ev.side == "patient" else forms[1]
            assert words.question(form.id, ev.item)[:40].replace("\u00a0", " ") in text
            assert words.answer(form.id, ev.item, ev.answer).replace("\u00a0", " ") in text
        phrase = flag.suggestions[0].phrases[lang][0][:40]
        assert phrase.replace("’", "'") in text.replace("’", "'")


def test_scenario_a_shows_the_patients_unperceived_withdrawal(summaries):
    text = text_of(summaries["scenario-a", "en"][2])
    assert "Rupture seen by one side only: the patient (withdrawal, patient's side)" in text
    assert "the patient only" in text
    fr = text_of(summaries["scenario-a", "fr"][2])
    assert "Rupture vue d’un seul côté : le patient (retrait, du côté du patient)" in fr


def test_scenario_b_shows_the_physicians_unperceived_withdrawal(summaries):
    text = text_of(summaries["scenario-b", "en"][2])
    assert "withdrawal, physician's side" in text
    assert "the physician only" in text


def test_header_footer_and_dates_follow_the_language(summaries):
    fr, en = (text_of(summaries["scenario-a", lang][2]) for lang in ("fr", "en"))
    assert "12 mars 2026" in fr and "12 March 2026" in en
    assert "Confidentiel" in fr and "Confidential" in en
    assert "page 1 sur 2" in fr and "page 2 of 2" in en
    assert "P-0042" in fr and CLINIC in fr
    assert re.search(r"\d,\d\d", fr) and not re.search(r"\b\d\.\d\d\b", fr)
    assert re.search(r"\b\d\.\d\d\b", en)


def test_a_summary_fits_on_two_pages(summaries):
    for *_, path in summaries.values():
        assert len(PdfReader(path).pages) <= 2


def test_metadata_and_embedded_font(summaries):
    reader = PdfReader(summaries["scenario-b", "fr"][2])
    meta = reader.metadata
    assert meta.author == CLINIC
    assert meta.title.startswith("Résumé de la visite")
    assert "alliance" in meta.subject
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert "DejaVuSans" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded


def test_the_patient_name_is_printed_only_when_given(tmp_path):
    pf, pa, df, da = load_pair("scenario-a")
    analysis = analyse_visit(pf, pa, df, da)
    plain = visit_summary(analysis, context(pf, df), lang="en", out=tmp_path / "a.pdf")
    named = visit_summary(
        analysis, context(pf, df, patient_name="Claire Dubois"), lang="en", out=tmp_path / "b.pdf"
    )
    assert "Claire Dubois" not in text_of(plain)
    assert "Claire Dubois" in text_of(named)


@pytest.mark.parametrize(("lang", "words"), [("en", "not scorable"), ("fr", "non calculable")])
def test_missing_answers_print_not_scorable(tmp_path, lang, words):
    pf, pa, df, da = load_pair("scenario-a")
    bond = {i for s in pf.subscales if s.id == "bond" for i in s.items}
    answers = {k: v for k, v in pa.items() if k not in bond}
    analysis = analyse_visit(pf, answers, df, da)
    assert analysis.patient.scores["bond"].value is None
    text = text_of(visit_summary(analysis, context(pf, df), lang=lang, out=tmp_path / "m.pdf"))
    assert words in text


def test_refuses_to_overwrite_unless_asked(tmp_path):
    pf, pa, df, da = load_pair("scenario-b")
    analysis = analyse_visit(pf, pa, df, da)
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(DyadeError, match=r"kept\.pdf"):
        visit_summary(analysis, context(pf, df), lang="en", out=out)
    assert out.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.pdf"]  # no temporary left behind
    visit_summary(analysis, context(pf, df), lang="en", out=out, overwrite=True)
    assert out.read_bytes().startswith(b"%PDF-")


def test_unknown_language_or_page_size_is_refused(tmp_path):
    pf, pa, df, da = load_pair("scenario-b")
    analysis = analyse_visit(pf, pa, df, da)
    with pytest.raises(DyadeError, match="de"):
        visit_summary(analysis, context(pf, df), lang="de", out=tmp_path / "x.pdf")
    with pytest.raises(DyadeError, match="a5"):
        visit_summary(analysis, context(pf, df), lang="en", page_size="a5", out=tmp_path / "x.pdf")


def test_letter_pages(tmp_path):
    pf, pa, df, da = load_pair("scenario-a")
    out = visit_summary(analyse_visit(pf, pa, df, da), context(pf, df), lang="en",
                        page_size="letter", out=tmp_path / "l.pdf")  # fmt: skip
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_cli_report_from_answer_files(tmp_path):
    from dyade.cli import main

    out = tmp_path / "cli.pdf"
    args = ["report", "--patient", str(EXAMPLES / "scenario-a-patient.json"),
            "--physician", str(EXAMPLES / "scenario-a-physician.json"),
            "--out", str(out), "--lang", "en"]  # fmt: skip
    assert main(args) == 0
    assert "Confidential" in text_of(out)
    assert main(args) == 2  # exists: refused without --force
    assert main([*args, "--force"]) == 0


def test_starting_the_cli_does_not_load_reportlab():
    code = (
        "import sys, dyade.reports, dyade.cli; dyade.cli.build_parser(); "
        "print('reportlab' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


# ---- a visit where only one side has answered --------------------------------------------

ONE_SIDE = {"patient": "scenario-a", "physician": "scenario-b"}


def one_side(scenario: str, side: str):
    """(form, analysis) of one side of a clinical-case scenario, the other not answered."""
    from dyade.analysis.visit import analyse_one_side

    pf, pa, df, da = load_pair(scenario)
    form, answers = (pf, pa) if side == "patient" else (df, da)
    return form, analyse_one_side(form, answers)


def words(lab: Labels, key: str) -> str:
    """A label as pypdf reads it back (no-break spaces as spaces)."""
    return lab(key).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def one_sided(tmp_path_factory):
    """Scenario A with only the patient's answers, B with only the physician's, FR and EN."""
    folder = tmp_path_factory.mktemp("one-side-pdfs")
    made = {}
    for side, scenario in ONE_SIDE.items():
        form, analysis = one_side(scenario, side)
        ctx = ReportContext(CLINIC, "P-0042", "Dr Anne Lefèvre", "2026-03-12", forms=(form,))
        for lang in ("fr", "en"):
            out = visit_summary(analysis, ctx, lang=lang, out=folder / f"{side}-{lang}.pdf")
            made[side, lang] = (analysis, out)
    return made


@pytest.mark.parametrize("side", ["patient", "physician"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_visit_only_one_side_answered_says_who_answered(one_sided, side, lang):
    analysis, path = one_sided[side, lang]
    text, lab = text_of(path), Labels(lang)
    assert words(lab, f"one_side.note.{side}")[:70] in text
    assert words(lab, f"one_side.scores.{side}") in text
    assert PdfReader(path).metadata.subject == lab(f"one_side.subject.{side}")
    for sid in ("bond", "goals", "tasks"):
        assert format_number(analysis.scores(side)[sid], lang) in text
    rupture = analysis.flags[0]
    assert (rupture.origin, rupture.perceived_by) == (side, "unknown")
    assert words(lab, "flags.perceived.unknown") in text
    assert words(lab, "one_side.not_answered") in text  # the other side's column and bars
    assert words(lab, "one_side.not_known") in text  # what the estimates of it show
    assert words(lab, "scores.not_scorable_note")[:40] not in text  # nothing is "not scorable"


def test_the_side_that_did_not_answer_has_no_answer_printed_as_skipped(one_sided):
    text = text_of(one_sided["patient", "en"][1])
    assert "no answer" not in text and "not scorable" not in text.split("How to read")[0]
    assert "Physician's estimate of the patient's answer" not in text  # no diamonds drawn


def test_one_side_without_points_to_look_at(tmp_path):
    for side, lang in (("patient", "fr"), ("physician", "en")):
        form, analysis = one_side("harmonious", side)
        ctx = ReportContext(CLINIC, "P-0042", "Dr Anne Lefèvre", "2026-03-12", forms=(form,))
        text = text_of(visit_summary(analysis, ctx, lang=lang, out=tmp_path / f"{side}.pdf"))
        lab = Labels(lang)
        assert words(lab, f"one_side.flags_none.{side}") in text
        assert words(lab, "flags.none") not in text  # "the two perceptions agree"


def test_ways_to_repair_never_ends_a_page_alone(summaries, one_sided):
    """The heading shares its page with a suggestion (it was left alone at a page's foot)."""
    from dyade.analysis import texts

    pdfs = [(lang, path) for (_, lang), (*_, path) in [*summaries.items(), *one_sided.items()]]
    for lang, path in pdfs:
        heading = words(Labels(lang), "sections.repair")
        kinds = ("explore_perspectives", "metacommunicate")
        principles = [texts.lookup("principles", kind)[lang] for kind in kinds]
        for page in PdfReader(path).pages:
            text = re.sub(r"\s+", " ", page.extract_text().replace("\u00a0", " "))
            if heading in text:
                after = text.rsplit(heading, 1)[1]
                assert any(p[:30] in after for p in principles), (path.name, after[:80])
