"""Dyad history PDFs: a long history paginates cleanly, episodes and flags are listed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from dyade.analysis import VisitPoint, analyse_history, analyse_visit
from dyade.formats import format_date
from dyade.reports import ReportContext, dyad_history
from reports_support import load_pair, text_of

VISITS = 40


def long_history():
    """40 visits, a patient-side drop at visits 5-6 that recovers, one at the end that does not."""
    points, day = [], dt.date(2024, 1, 8)
    for i in range(1, VISITS + 1):
        low = i in (5, 6) or i >= VISITS - 1
        level = 2.6 if low else 4.3 + (i % 3) * 0.1
        patient = {"bond": level, "goals": None if i == 3 else level, "tasks": level}
        physician = {s: 3.8 - (i % 2) * 0.1 for s in ("bond", "goals", "tasks")}
        use = "full" if i % 4 == 1 else "brief"
        points.append(VisitPoint(visit=i, label=day.isoformat(), use=use, patient=patient,
                                 physician=physician))  # fmt: skip
        day += dt.timedelta(days=21)
    return analyse_history(points), points


@pytest.fixture(scope="module")
def histories(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history-pdfs")
    pf, pa, df, da = load_pair("scenario-a")
    latest = analyse_visit(pf, pa, df, da)
    history, points = long_history()
    flags = {5: latest.flags, VISITS: latest.flags}
    context = ReportContext("Clinique du Parc", "P-0007", "Dr Martin", points[-1].label,
                            forms=(pf, df))  # fmt: skip
    out = {}
    for lang in ("fr", "en"):
        path = folder / f"history-{lang}.pdf"
        dyad_history(history, latest, context, lang=lang, out=path, visit_flags=flags)
        out[lang] = (history, points, path)
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_long_history_paginates_with_a_footer_on_every_page(histories, lang):
    _, _, path = histories[lang]
    reader = PdfReader(path)
    total = len(reader.pages)
    assert total >= 4  # charts, the table of 40 visits over pages, the latest visit
    page_word = "sur" if lang == "fr" else "of"
    confidential = "Confidentiel" if lang == "fr" else "Confidential"
    for number, page in enumerate(reader.pages, start=1):
        text = re.sub(r"\s+", " ", page.extract_text().replace("\u00a0", " "))
        assert f"page {number} {page_word} {total}" in text
        assert confidential in text


def test_no_text_is_drawn_beyond_the_page(histories):
    _, _, path = histories["en"]
    for page in PdfReader(path).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        outside = []

        def visit(text, cm, tm, font, size, page_w=width, page_h=height, out=outside):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            if text.strip() and not (0 <= x <= page_w and 0 <= y <= page_h):
                out.append((text, x, y))

        page.extract_text(visitor_text=visit)
        assert outside == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_visit_and_its_flags_are_in_the_table(histories, lang):
    _, points, path = histories[lang]
    text = text_of(path)
    for point in points:
        assert format_date(point.label, lang).replace("\u00a0", " ") in text
    title = "Rupture vue d’un seul côté" if lang == "fr" else "Rupture seen by one side only"
    assert text.count(title) >= 3  # two visits in the table, latest summary
    assert ("n. c." if lang == "fr" else "n. s.") in text  # visit 3's goals: not scorable


def test_episodes_are_listed_repaired_and_unresolved(histories):
    history, points, path = histories["en"]
    statuses = {e.status for e in history.episodes if e.side == "patient"}
    assert statuses == {"repaired", "unresolved"}
    text = text_of(path)
    assert "back to level on" in text
    assert "not yet back to level" in text
    repaired = next(e for e in history.episodes if e.status == "repaired")
    assert format_date(points[repaired.visit - 1].label, "en").replace("\u00a0", " ") in text


def test_history_metadata(histories):
    meta = PdfReader(histories["fr"][2]).metadata
    assert meta.author == "Clinique du Parc"
    assert meta.title.startswith("Historique de la dyade")
