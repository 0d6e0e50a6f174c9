"""The analysis's bilingual wording, read from ``resources/text/analysis.yaml``.

Sentences live in the data file, French and English side by side; this module
only looks them up and fills their placeholders, so wording can be reviewed
and changed without touching code.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from dyade.errors import DyadeError
from dyade.paths import resources_dir
from dyade.wording import load_wording

LANGS: tuple[str, ...] = ("fr", "en")


def texts_path() -> Path:
    return resources_dir() / "text" / "analysis.yaml"


def _load(path: Path) -> dict[str, Any]:
    return load_wording(path, "analysis wording")


@cache
def texts() -> dict[str, Any]:
    """The whole wording file (read once per process)."""
    return _load(texts_path())


def bilingual(node: dict[str, str], **values: Any) -> dict[str, str]:
    """``{fr, en}`` with placeholders filled per language.

    A value may itself be a ``{fr, en}`` mapping, in which case each language
    takes its own.
    """
    out = {}
    for lang in LANGS:
        filled = {k: (v[lang] if isinstance(v, dict) else v) for k, v in values.items()}
        out[lang] = squeeze(node[lang]).format_map(filled)
    return out


_SPACES = re.compile(r"[ \t\r\n]+")


@cache
def squeeze(text: str) -> str:
    """Runs of ASCII spaces and line breaks to one space; non-breaking spaces stay
    (French puts them before ``:`` ``;`` ``?`` ``!`` and inside « »)."""
    return _SPACES.sub(" ", text).strip(" ")


def lookup(*path: str | int) -> Any:
    """A node by path, with an error naming the missing key."""
    node: Any = texts()
    for key in path:
        if not isinstance(node, dict) or key not in node:
            where = "/".join(str(p) for p in path)
            raise DyadeError(f"{texts_path()}: missing wording at {where}")
        node = node[key]
    return node


def flag_name(flag: Any, lang: str | None = None) -> Any:
    """The one name of a finding (a flag, its dict, or ``{"kind": ...}`` for a history
    finding): ``{fr, en}``, or one language's text when ``lang`` is given."""
    data = flag if isinstance(flag, dict) else {
        "kind": flag.kind, "perceived_by": flag.perceived_by, "origin": flag.origin
    }  # fmt: skip
    node = lookup("flag_names", data["kind"])
    if "fr" not in node:  # named by the side who saw it (or whose answers these are)
        seen = data.get("perceived_by")
        node = node.get(seen) or node.get(data.get("origin")) or next(iter(node.values()))
    name = {language: squeeze(node[language]) for language in LANGS}
    return name if lang is None else name[_lang(lang)]


def side_name(side: str) -> dict[str, str]:
    return dict(lookup("sides", side))


def severity_name(severity: int) -> str:
    return str(lookup("severity", severity, "name"))


def severity_label(severity: int) -> dict[str, str]:
    node = lookup("severity", severity)
    return {lang: node[lang] for lang in LANGS}


def join_names(names: list[dict[str, str]]) -> dict[str, str]:
    """Join translated names: "a and b", "a, b and c"."""
    conj = lookup("families", "and")
    out = {}
    for lang in LANGS:
        parts = [n[lang] for n in names]
        out[lang] = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + conj[lang] + parts[-1]
    return out


def subscale_names(ids: list[str]) -> dict[str, str]:
    table = lookup("subscales")
    return join_names([table.get(i, {"fr": i, "en": i}) for i in ids])


def phrase_entry(key: str) -> dict[str, Any]:
    return dict(lookup("phrases", key))


def plan(*keys: str) -> list[str]:
    """The phrase keys of the first plan found among ``keys`` (most specific first)."""
    plans = lookup("plans")
    for key in keys:
        if key in plans:
            return list(plans[key])
    return []


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "en"


def patient_repair_prompts(lang: str, rupture_type: str | None = None) -> list[str]:
    """Two things the patient could say to the physician, in the first person.

    For the kiosk's thank-you screen when the patient's own answers show tension
    (after :func:`patient_repair_invitation`). ``rupture_type`` (``withdrawal``,
    ``confrontation``, ``mixed``) picks the phrases that fit it best.
    """
    plans = lookup("patient_repair", "plans")
    keys = plans.get(rupture_type or "default", plans["default"])
    phrases = lookup("patient_repair", "phrases")
    return [squeeze(phrases[key][_lang(lang)]) for key in keys]


def patient_repair_invitation(lang: str) -> str:
    """The gentle sentence that comes before the phrases: it is fine to say what matters."""
    return squeeze(lookup("patient_repair", "invitation")[_lang(lang)])


def constraint_phrases(lang: str) -> list[str]:
    """Phrases a physician can use to make their own constraints explicit."""
    entry = phrase_entry("own_constraints")
    return list(entry.get(lang, entry["en"]))
