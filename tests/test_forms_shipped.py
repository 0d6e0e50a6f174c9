"""Dyade's own questionnaires: complete, mirrored, bilingual, plain and non-judging."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from dyade.forms import MAIN_GOAL_CODES, STAGE_CODES, Form, load_library
from dyade.forms.schema import NO_CHANGE_CODE
from dyade.paths import forms_dir

FULL = ("dyade-full-patient", "dyade-full-physician")
BRIEF = ("dyade-brief-patient", "dyade-brief-physician")
SHARED_SUBSCALES = {
    "bond",
    "goals",
    "tasks",
    "understanding",
    "competence",
    "withdrawal_self",
    "confrontation_self",
    "withdrawal_other",
    "confrontation_other",
    "estimate_bond",
    "estimate_agreement",
}
# Words that judge a person rather than describe the relationship, in both languages.
FORBIDDEN = (
    "difficile",
    "difficult",
    "non compliant",
    "non-compliant",
    "noncompliant",
    "non observant",
    "non-observant",
    "inobservant",
    "uncooperative",
    "peu coopératif",
    "manipulat",
    "hysteri",
    "hystéri",
    "plaintif",
    "complainer",
    "sans empathie",
    "lacks empathy",
)
# Table II of the ruptures article: emotional markers, by rupture type.
EMOTIONS = {
    "withdrawal": {"worried", "sad", "guilty", "bored", "confused", "torn", "ashamed"},
    "confrontation": {"angry", "outraged", "frustrated", "not_up_to_it", "judged_misunderstood"},
}


@pytest.fixture(scope="module")
def library():
    return load_library([forms_dir()])


def _texts(form: Form) -> Iterator[tuple[str, str, str]]:
    """Every (where, fr, en) text a person reads in the form."""
    yield "title", form.title.fr, form.title.en
    yield "instructions", form.instructions.fr, form.instructions.en
    for name, scale in form.scales.items():
        for point, label in scale.labels.items():
            yield f"scale {name} {point}", label.fr, label.en
    for item in form.items:
        yield item.id, item.text.fr, item.text.en
        for option in item.options or []:
            yield f"{item.id}/{option.code}", option.label.fr, option.label.en


def test_every_shipped_form_loads_and_pairs(library):
    assert library.errors == []
    assert set(FULL + BRIEF) <= set(library.forms)
    for form in library:
        assert form.source.stem == form.id
        pair = library.pair_of(form)
        assert pair.pair == form.id and pair.respondent != form.respondent


def test_every_mirror_resolves_both_ways(library):
    for form in library:
        pair = library.pair_of(form)
        for item in form.items:
            if item.mirror:
                assert pair.item(item.mirror).mirror == item.id, (form.id, item.id)


def test_full_forms_mirror_item_by_item(library):
    """Every bond, specific and marker question has its counterpart on the other side."""
    for form_id in FULL:
        form = library.get(form_id)
        unmirrored = {i.id for i in form.items if not i.mirror}
        allowed = {i.id for i in form.items if i.construct in ("comment", "estimate_of_other")}
        assert unmirrored <= allowed, unmirrored - allowed


def test_every_text_exists_in_both_languages_and_differs(library):
    for form in library:
        for where, fr, en in _texts(form):
            assert fr.strip() and en.strip(), (form.id, where)
            assert fr != en, f"{form.id} {where}: French and English are the same text"


def test_french_and_english_carry_the_same_shape(library):
    """A cheap equivalence guard: same closing mark, same brackets, similar length."""
    for form in library:
        for where, fr, en in _texts(form):
            assert fr.rstrip()[-1] in "?.:" or fr[-1].isalnum() or fr[-1] == ")", where
            assert _ending(fr) == _ending(en), (form.id, where, fr, en)
            assert fr.count("(") - fr.count("(e)") == en.count("("), (form.id, where)
            if len(en) >= 25:  # short labels (« De la tristesse » / "Sad") vary more
                assert 0.7 <= len(fr) / len(en) <= 1.8, (form.id, where, fr, en)


def _ending(text: str) -> str:
    last = text.rstrip()[-1]
    return last if last in "?.:" else "word"


def test_no_judging_word_anywhere(library):
    for form in library:
        for where, fr, en in _texts(form):
            for word in FORBIDDEN:
                assert word not in fr.lower() and word not in en.lower(), (form.id, where, word)


def test_french_typography(library):
    """Real typographic apostrophes and the non-breaking spaces French puts before ? ! : ;"""
    for form in library:
        for where, fr, _en in _texts(form):
            assert "'" not in fr, (form.id, where, "use ’ in French")
            assert not re.search(r"[^\u202f\u00a0][?!;]", fr), (form.id, where, fr)
            assert not re.search(r"[^\u00a0]:", fr), (form.id, where, fr)
            assert "<<" not in fr and '"' not in fr, (form.id, where)


def test_items_are_short_first_person_statements(library):
    for form in library:
        for item in form.items:
            limit = 14 if form.respondent == "patient" else 20
            for text in (item.text.fr, item.text.en):
                assert len(text.split()) <= limit, (form.id, item.id, text)
            assert re.search(r"\b(i|me|my|we)\b", item.text.en.lower()), (form.id, item.id)
            assert re.search(r"\b(je|j’|me|m’|moi|mon|ma|mes|nous)", item.text.fr.lower()), item.id
            assert item.rationale, (form.id, item.id, "each item says what it stands for")


def test_every_scale_point_is_labelled_and_scales_are_one_to_five(library):
    for form in library:
        for scale in form.scales.values():
            assert (scale.min, scale.max) == (1, 5)
            assert sorted(scale.labels) == list(scale.points())


def test_full_forms_cover_the_constructs(library):
    for form_id in FULL:
        form = library.get(form_id)
        constructs = {item.construct for item in form.items}
        assert {"bond", "goals", "tasks", "understanding", "competence", "main_goal"} <= constructs
        assert {"withdrawal", "confrontation", "emotions", "estimate_of_other"} <= constructs
        assert SHARED_SUBSCALES | {"agreement"} == {s.id for s in form.subscales}
        assert any(item.reverse for item in form.items), "at least one reverse-keyed item"


def test_full_markers_cover_both_types_families_and_sides(library):
    for form_id in FULL:
        markers = [i for i in library.get(form_id).items if i.component == "marker"]
        seen = set()
        for item in markers:
            for option in item.options or [item]:
                if option.marker_type:
                    seen.add((option.marker_type, option.marker_family, item.about))
        for kind in ("withdrawal", "confrontation"):
            for about in ("self", "other"):
                assert (kind, "interpersonal", about) in seen, (form_id, kind, about)
                assert (kind, "emotional", about) in seen, (form_id, kind, about)


def test_emotion_checklists_cover_table_two_with_an_exclusive_none(library):
    for form_id in FULL:
        checklists = [i for i in library.get(form_id).items if i.construct == "emotions"]
        assert {i.about for i in checklists} == {"self", "other"}
        for item in checklists:
            options = {o.code: o for o in item.options}
            for kind, codes in EMOTIONS.items():
                assert {c for c, o in options.items() if o.marker_type == kind} == codes
            assert options["none"].exclusive and options["none"].marker_type is None


def test_main_goal_and_stage(library):
    patient, physician = library.get(FULL[0]), library.get(FULL[1])
    goal_items = [
        i
        for f in (patient, physician)
        for i in f.items
        if "main_goal" in (i.construct, i.estimates)
    ]
    assert len(goal_items) == 3  # each side's goal, and the physician's guess of the patient's
    for item in goal_items:
        assert tuple(item.codes()) == MAIN_GOAL_CODES
    stage = [i for i in patient.items if i.construct == "stage"]
    guess = [i for i in physician.items if i.estimates == "stage"]
    assert len(stage) == len(guess) == 1
    assert tuple(stage[0].codes()) == (*STAGE_CODES, NO_CHANGE_CODE)  # the last is not a stage
    assert stage[0].mirror == guess[0].id


def test_meta_perception_estimates_bond_and_agreement(library):
    for form_id in FULL:
        form = library.get(form_id)
        pair = library.pair_of(form)
        estimates = {i.estimates for i in form.items if i.construct == "estimate_of_other"}
        assert {"bond", "agreement"} <= estimates
        for target in estimates - {"stage", "main_goal"}:
            assert pair.subscale(target) is not None


def test_brief_forms_are_short_and_mirrored(library):
    for form_id in BRIEF:
        form = library.get(form_id)
        assert len(form.items) <= 8  # about a minute
        constructs = [i.construct for i in form.items]
        for needed in (
            "bond",
            "goals",
            "tasks",
            "withdrawal",
            "confrontation",
            "estimate_of_other",
        ):
            assert needed in constructs, (form_id, needed)
        assert {s.id for s in form.subscales} <= SHARED_SUBSCALES | {"agreement"}
        assert sum(1 for i in form.items if i.mirror) >= 4


def test_brief_items_match_the_full_form_wording(library):
    """Same id in the brief and full form means the same question, so scores combine."""
    for brief_id, full_id in zip(BRIEF, FULL, strict=True):
        full = library.get(full_id)
        for item in library.get(brief_id).items:
            assert full.item(item.id).text == item.text, item.id


def test_physician_side_names_the_patient_neutrally(library):
    for form_id in ("dyade-full-physician", "dyade-brief-physician"):
        for item in library.get(form_id).items:
            assert "le patient" not in item.text.fr.lower(), item.id
            assert "la patiente" not in item.text.fr.lower(), item.id
