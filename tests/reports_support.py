"""Shared helpers of the report tests: the clinical-case answer files, PDF text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pypdf import PdfReader

from dyade.forms import default_library

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples"


def load_pair(scenario: str):
    library = default_library()
    out = []
    for side in ("patient", "physician"):
        data = json.loads((EXAMPLES / f"{scenario}-{side}.json").read_text(encoding="utf-8"))
        out += [library.require(data["form"]), data["answers"]]
    return out


def text_of(path: Path) -> str:
    """All the PDF's text, spaces (no-break included) and line breaks collapsed."""
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " "))
