"""The answers behind a flag, both sides next to each other, in words.

Each piece of evidence names one side's item and answer and, when the item has
a mirror, the other side's answer to it. Score-only evidence (a low or dropped
subscale) prints the subscale's mean. Rows are merged so an item that supports
a flag for several reasons prints once. When the other side has not answered
the visit yet, its column says so (never "no answer", which means a skipped
question).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dyade.formats import format_score
from dyade.reports.formtext import FormText
from dyade.reports.view import EvidenceRow
from dyade.reports.visit_view import side_form, side_scores, subscale_label

OTHER = {"patient": "physician", "physician": "patient"}


def _score(data: Mapping[str, Any], side: str, sid: str, text: FormText) -> str:
    """A side's mean on a subscale, "not scorable", or "not answered yet"."""
    lab = text.lab
    if data.get(side) is None:
        return lab("one_side.not_answered")
    value = (side_scores(data, side).get(sid) or {}).get("value")
    return format_score(value, lab.lang, lab("scores.not_scorable"))


def _score_text(data: Mapping[str, Any], side: str, sid: str, text: FormText) -> str:
    name = subscale_label(text.lab, sid)
    return text.lab("evidence.score_of", name=name, score=_score(data, side, sid, text))


def _item_row(data: Mapping[str, Any], ev: Mapping[str, Any], text: FormText) -> EvidenceRow:
    side, other = ev["side"], OTHER[ev["side"]]
    form, other_form = side_form(data, side), side_form(data, other)
    question = text.lab(
        "evidence.asked", side=text.lab(f"evidence.asked_of.{side}"),
        text=text.question(form, ev["item"]),
    )  # fmt: skip
    own = text.answer(form, ev["item"], ev.get("answer"))
    if data.get(other) is None:
        theirs = text.lab("one_side.not_answered")
    elif ev.get("mirror_item"):
        theirs = text.answer(other_form, ev["mirror_item"], ev.get("mirror_answer"))
    elif ev.get("subscale") and ev.get("score") is not None and ev.get("note") == "estimate":
        theirs = _score_text(data, other, ev["subscale"], text)
    else:
        theirs = text.lab("evidence.not_asked")
    answers = {side: own, other: theirs}
    return EvidenceRow(question, answers["patient"], answers["physician"])


def _score_row(data: Mapping[str, Any], ev: Mapping[str, Any], text: FormText) -> EvidenceRow:
    lab, sid = text.lab, ev["subscale"]
    question = lab("evidence.mean_score", name=subscale_label(lab, sid))
    return EvidenceRow(
        question,
        _score(data, "patient", sid, text),
        _score(data, "physician", sid, text),
    )


def evidence_rows(
    data: Mapping[str, Any], evidence: Sequence[Mapping[str, Any]], text: FormText
) -> list[EvidenceRow]:
    """One row per distinct item (or subscale) behind a flag, in the order given."""
    rows: list[EvidenceRow] = []
    seen: set[tuple[str, ...]] = set()
    for ev in evidence:
        key: tuple[str, ...]
        if ev.get("item"):
            key = (ev["side"], ev["item"])
            if ev.get("mirror_item"):  # an item and its mirror make one row
                key = (ev["side"], ev["item"], ev["mirror_item"])
                key = min(key, (OTHER[ev["side"]], ev["mirror_item"], ev["item"]))
            make = _item_row
        elif ev.get("subscale"):
            key = ("score", ev["subscale"])
            make = _score_row
        else:
            continue
        if key in seen:
            continue
        seen.add(key)
        rows.append(make(data, ev, text))
    return rows
