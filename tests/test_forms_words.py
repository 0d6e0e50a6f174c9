"""One wording of answers: the patient's check screen, the physician's review and the
PDF put the same answer in the same words, the form's own labels."""

from __future__ import annotations

import pytest

from dyade.forms import default_library
from dyade.forms.words import answer_words, question_words
from dyade.reports.formtext import FormText
from dyade.reports.labels import Labels


@pytest.fixture(scope="module")
def form():
    return default_library().require("dyade-full-patient")


def _first(form, kind):
    return next(item for item in form.items if item.kind == kind)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_kind_of_answer_in_the_forms_words(form, lang):
    scale = _first(form, "scale")
    label = form.scale_of(scale).labels[4].get(lang)
    assert answer_words(form, scale, 4, lang) == label
    assert answer_words(form, scale, 4, lang, with_point=True) == f"4 – {label}"
    multi = _first(form, "multi")
    codes = [o.code for o in multi.options[:2]]
    both = ", ".join(o.label.get(lang) for o in multi.options[:2])
    assert answer_words(form, multi, codes, lang) == both
    assert answer_words(form, multi, ["no-such-code"], lang) == "no-such-code"
    text = _first(form, "text")
    assert answer_words(form, text, "  in my words ", lang) == "in my words"
    assert answer_words(form, text, "   ", lang) is None
    assert answer_words(form, scale, None, lang) is None
    assert answer_words(form, multi, [], lang) is None
    assert question_words(form, scale.id, lang) == scale.text.get(lang)
    assert question_words(None, "p_x", lang) == "p_x"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_review_screen_and_pdf_word_an_answer_alike(form, lang):
    from dyade.ui.workspace import answers_text

    pdf = FormText([form], Labels(lang))
    for item in form.items:
        if item.kind == "scale":
            value = form.scale_of(item).max
        elif item.kind in ("choice", "multi"):
            value = item.codes()[0] if item.kind == "choice" else item.codes()[:2]
        else:
            value = "typed"
        on_screen = answers_text.answer(form, item.id, value, lang)
        assert on_screen == pdf.answer(form.id, item.id, value), item.id
        assert answers_text.question(form, item.id, lang) == pdf.question(form.id, item.id)
