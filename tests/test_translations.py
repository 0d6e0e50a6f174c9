"""Every string the UI shows has a French translation, and the .ts files are current."""

from __future__ import annotations

import shutil

from dyade.ui import i18n_tool
from dyade.ui.i18n import ts_path


def test_ts_sources_are_up_to_date_and_french_is_complete(tmp_path):
    fresh = tmp_path / "dyade_fr.ts"
    shutil.copy(ts_path("fr"), fresh)
    i18n_tool.run_lupdate(fresh)  # adds any tr() string the .ts lacks
    missing = i18n_tool.unfinished(fresh)
    assert missing == [], (
        "untranslated UI strings (run: python -m dyade.ui.i18n_tool update):\n"
        + ("\n".join(f"{ctx}: {src}" for ctx, src in missing))
    )


# Strings that are rightly the same in French and English.
SAME_IN_BOTH = {
    "Dyade",
    "Français",
    "English",
    "Dyade, version {version}",
    "Patient",
    "Version",
    "n",
}


def test_french_translations_are_not_left_in_english():
    import xml.etree.ElementTree as ET

    same = [
        m.findtext("source")
        for m in ET.parse(ts_path("fr")).getroot().iter("message")
        if m.findtext("source") == m.findtext("translation")
        and m.findtext("source") not in SAME_IN_BOTH
    ]
    assert same == [], f"French entries identical to the English source: {same}"
