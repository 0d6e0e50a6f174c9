"""The kiosk's thank-you prompt: chosen by the tension in the patient's own answers.

Shown to the silent low-rater too, never after bad news alone, read with the
clinic's thresholds; and the physician's repair phrases are for the next contact.
"""

from __future__ import annotations

from analysis_visits import BRIEF, FULL, LIBRARY, answers
from dyade.analysis.tension import own_tension
from dyade.analysis.texts import patient_repair_invitation, patient_repair_prompts, texts
from dyade.analysis.thresholds import Thresholds
from dyade.fill import patient_prompts


def _tension(form_id: str, given: dict, version: int | None = None, **th) -> str | None:
    return own_tension(LIBRARY.require(form_id, version), given, Thresholds(**th))


def test_she_kept_her_thoughts_to_herself_gets_the_withdrawal_prompts():
    tension = _tension(BRIEF[0], answers(BRIEF[0], p_held_back=4))
    assert tension == "withdrawal"
    assert patient_prompts("en", tension=tension) == patient_repair_prompts("en", "withdrawal")
    assert patient_prompts("fr", tension=tension) == patient_repair_prompts("fr", "withdrawal")


def test_the_silent_low_rater_is_invited_too():
    """No marker ticked, 'a little' to feeling listened to and to the plan."""
    given = answers(BRIEF[0], 2, p_est_bond=4)
    assert _tension(BRIEF[0], given) == "strain"
    prompts = patient_prompts("en", tension="strain")
    assert prompts == patient_repair_prompts("en", "strain") and len(prompts) == 2
    assert prompts != patient_repair_prompts("en")  # its own pair, not the default


def test_worry_and_sadness_after_bad_news_alone_prompt_nothing():
    """Version 1 asked about feelings during the visit: the news, not the relationship."""
    given = answers(FULL[0], version=1, p_emotions=["worried", "sad"])
    assert _tension(FULL[0], given, version=1) is None


def test_the_clinics_thresholds_decide():
    given = answers(BRIEF[0], p_held_back=4)
    assert _tension(BRIEF[0], given, marker_level=5, strong_marker_level=5) is None


def test_the_same_answer_throughout_prompts_nothing():
    assert _tension(BRIEF[0], answers(BRIEF[0], 3, 3)) is None


def test_the_kiosk_says_doctor_as_the_forms_do():
    assert "your doctor" in patient_repair_invitation("en")
    assert "physician" not in patient_repair_invitation("en")


def test_repair_phrases_are_for_the_next_contact():
    """The physician reads them after the patient has left: they open the next visit."""
    phrases = texts()["phrases"]
    for key in ("open_door", "emotional_withdrawal", "own_constraints", "clarifying_own_view"):
        english = " ".join(phrases[key]["en"])
        french = " ".join(phrases[key]["fr"])
        assert "last time" in english.lower() or "last visit" in english.lower(), key
        assert "dernière" in french, key
