"""French typography of the bilingual wording files (resources/text/*.yaml).

French text uses the typographic apostrophe (’), as the forms and the analysis
wording do; a straight one (') slipped into a French string shows in the PDFs
and on screen next to the right ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyade.paths import resources_dir

WORDING = sorted((resources_dir() / "text").glob("*.yaml"))


def french_strings(node: Any, where: str = "", french: bool = False) -> Iterator[tuple[str, str]]:
    """(dotted key, text) of every string under an ``fr`` key, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from french_strings(value, f"{where}.{key}".lstrip("."), french or key == "fr")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from french_strings(value, f"{where}.{index}", french)
    elif isinstance(node, str) and french:
        yield where, node


def straight_apostrophes(data: Any) -> list[str]:
    return [f"{key}: {text}" for key, text in french_strings(data) if "'" in text]


def test_the_wording_files_are_found():
    assert {p.name for p in WORDING} >= {"analysis.yaml", "report.yaml"}


@pytest.mark.parametrize("path", WORDING, ids=lambda p: p.name)
def test_french_strings_use_the_typographic_apostrophe(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(list(french_strings(data))) > 20, "the French strings are read"
    found = straight_apostrophes(data)
    assert not found, f"{path.name}: straight apostrophe in French, use ’:\n" + "\n".join(found)


def test_the_check_sees_french_only_at_any_depth():
    data = {
        "a": {"fr": "L’alliance", "en": "the patient's view"},
        "b": [{"fr": ["d’abord", "puis l'autre"], "en": ["it's fine"]}],
        "c": {"fr": {"patient": "c'est dit"}},
    }
    assert straight_apostrophes(data) == ["b.0.fr.1: puis l'autre", "c.fr.patient: c'est dit"]
