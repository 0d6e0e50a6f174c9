"""Nothing of the physician, nor of any other patient, can be reached from the kiosk."""

from __future__ import annotations

import pytest

from kiosk_support import open_kiosk, walk_every_screen
from storage_fixtures import OTHER_PATIENT_NAME, PHYSICIAN_COMMENT


def physician_only_texts(library) -> set[str]:
    """Wording of the physician's form that the patient's form does not share."""

    def wording(form) -> set[str]:
        found = {form.title.fr, form.title.en, form.instructions.fr, form.instructions.en}
        for item in form.items:
            found |= {item.text.fr, item.text.en}
            found |= {t for o in item.options or [] for t in (o.label.fr, o.label.en)}
        for scale in form.scales.values():
            found |= {t for label in scale.labels.values() for t in (label.fr, label.en)}
        return found

    patient = wording(library.get("dyade-full-patient"))
    return wording(library.get("dyade-full-physician")) - patient


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_physician_data_on_any_kiosk_screen(qtbot, tmp_path, monkeypatch, lang):
    clinic, kiosk = open_kiosk(qtbot, tmp_path, monkeypatch, kind="full")
    screens = walk_every_screen(qtbot, kiosk, clinic, lang)
    forbidden = {
        PHYSICIAN_COMMENT,
        clinic.physician_login,
        clinic.physician_name,
        "drother",
        OTHER_PATIENT_NAME,
        "Anne Patient-Self",
        "P-0001",
        "P-0002",
        clinic.other_visit.code,
    } | physician_only_texts(clinic.library)
    assert len(screens) > 10
    for screen, texts in screens.items():
        joined = "\n".join(texts)
        leaks = sorted(word for word in forbidden if word in joined)
        assert leaks == [], f"{screen} shows {leaks}"
