"""Load one form file and explain, line by line, what is wrong with it."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dyade.errors import os_reason
from dyade.forms.problems import FormFileError, FormProblem, display_path
from dyade.forms.schema import AUDIO_PATTERN, FORM_ID_PATTERN, Form
from dyade.forms.yamlpos import ParsedYaml, YamlSyntaxError, parse_yaml

PathKey = tuple[Any, ...]
FORM_SUFFIXES = (".yaml", ".yml")
_PATTERN_HINTS = {
    FORM_ID_PATTERN: "a form id uses lower-case letters, digits and single dashes (my-form-2)",
}
# The longest shipped form is about 22 kB; a file a thousand times that is not a form,
# and parsing it took 31 s and 1 GB at every start.
MAX_FORM_BYTES = 1_000_000
_NAME_HINT = "an id or code uses lower-case letters, digits and '_', starting with a letter"


def load_form(path: Path | str) -> Form:
    """Read and validate one form file; raise :class:`FormFileError` listing every problem."""
    path = Path(path)
    shown = display_path(path)
    parsed = _parse(path, shown)
    if not isinstance(parsed.data, dict):
        raise FormFileError(shown, [_not_a_form(shown, parsed.data)])
    problems = [
        _problem(shown, p, line, f"'{p[-1]}' is written twice (first on line {first})", parsed.data)
        for p, line, first in parsed.duplicates
    ]
    sink: list[tuple[PathKey, str]] = []
    try:
        form = Form.model_validate(parsed.data, context={"rule_problems": sink})
    except ValidationError as exc:
        problems += [_from_pydantic(shown, err, parsed) for err in exc.errors()]
    problems += [
        _problem(shown, p, _line(parsed.lines, p), message, parsed.data) for p, message in sink
    ]
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise FormFileError(shown, problems)
    form._source = path
    form._lines = parsed.lines
    return form


def _read(path: Path, shown: str) -> str:
    """The file's text; a file over ``MAX_FORM_BYTES`` is refused before it is read."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_FORM_BYTES + 1)
    if len(data) > MAX_FORM_BYTES:
        mb = MAX_FORM_BYTES // 1_000_000
        message = f"larger than {mb} MB, far more than any questionnaire: not read"
        fr = f"plus de {mb} Mo, bien plus que tout questionnaire\u00a0: pas lu"
        raise FormFileError(shown, [FormProblem(shown, "", None, message, fr)])
    return data.decode("utf-8")


def _parse(path: Path, shown: str) -> ParsedYaml:
    try:
        text = _read(path, shown)
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text (byte {exc.start})"
        fr = f"ce n’est pas du texte UTF-8 (octet {exc.start})"
        raise FormFileError(shown, [FormProblem(shown, "", None, message, fr)]) from None
    except OSError as exc:
        message = f"cannot read: {exc.strerror}"
        fr = f"lecture impossible\u00a0: {os_reason(exc, 'fr')}"
        raise FormFileError(shown, [FormProblem(shown, "", None, message, fr)]) from None
    try:
        return parse_yaml(text)
    except YamlSyntaxError as exc:
        raise FormFileError(shown, [FormProblem(shown, "", exc.line, str(exc), exc.fr)]) from None


def _not_a_form(shown: str, data: Any) -> FormProblem:
    """The file holds YAML, but not a group of fields (empty, a list, a lone value)."""
    if data is None:
        got, trouve = "an empty file", "le fichier est vide"
    else:
        got = _describe(data)
        trouve = f"ce fichier contient autre chose ({got})"
    message = f"expected the form's fields, got {got}"
    return FormProblem(
        shown, "", 1, message, f"les champs d’un questionnaire sont attendus, {trouve}"
    )


def _problem(
    file: str, path: PathKey, line: int | None, message: str, data: Any = None
) -> FormProblem:
    return FormProblem(file, describe_location(path, data), line, message)


def _line(lines: dict[PathKey, int], path: PathKey) -> int | None:
    for end in range(len(path), -1, -1):
        if tuple(path[:end]) in lines:
            return lines[tuple(path[:end])]
    return None


def describe_location(path: PathKey, data: Any) -> str:
    """``item 'p_trust' field 'text.fr'`` rather than ``items.3.text.fr``."""
    path = tuple(p for p in path if p != "[key]")
    if len(path) >= 2 and path[0] == "items" and isinstance(path[1], int):
        item = _at(data, path[:2])
        name = f"item {_id_of(item, 'id', path[1])}"
        rest = path[2:]
        if len(rest) >= 2 and rest[0] == "options" and isinstance(rest[1], int):
            option = _at(item, rest[:2])
            name += f" option {_id_of(option, 'code', rest[1])}"
            rest = rest[2:]
        return name + (f" field '{_dotted(rest)}'" if rest else "")
    if len(path) >= 3 and path[:2] == ("scoring", "subscales") and isinstance(path[2], int):
        sub = _at(data, path[:3])
        rest = path[3:]
        name = f"subscale {_id_of(sub, 'id', path[2])}"
        return name + (f" field '{_dotted(rest)}'" if rest else "")
    if len(path) >= 2 and path[0] == "scales":
        rest = path[2:]
        return f"scale '{path[1]}'" + (f" field '{_dotted(rest)}'" if rest else "")
    return f"field '{_dotted(path)}'" if path else ""


def _at(data: Any, path: PathKey) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _id_of(node: Any, key: str, index: int) -> str:
    value = node.get(key) if isinstance(node, dict) else None
    return f"'{value}'" if isinstance(value, str) and value else f"number {index + 1}"


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        out += (
            f"[{part + 1}]" if isinstance(part, int) and out else f".{part}" if out else str(part)
        )
    return out


def _from_pydantic(file: str, err: Any, parsed: ParsedYaml) -> FormProblem:
    loc = tuple(err["loc"])
    return _problem(file, loc, _line(parsed.lines, loc), _message(err, loc), parsed.data)


def _message(err: Any, loc: PathKey) -> str:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    field = next((p for p in reversed(loc) if isinstance(p, str) and p != "[key]"), "")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        return f"unknown field '{field}'" + (f"; allowed here: {allowed}" if allowed else "")
    if kind == "missing":
        if field in ("fr", "en"):
            return f"the {'French' if field == 'fr' else 'English'} text ('{field}') is missing"
        return f"required field '{field}' is missing"
    if kind == "literal_error":
        return f"{_describe(value)} is not allowed; expected {ctx.get('expected')}"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == AUDIO_PATTERN:
        return (
            f"{_describe(value)} is not a recording next to the form: a relative path in the "
            "form's folder (no '..', no leading '/') ending in .ogg, .opus, .mp3, .wav or .m4a"
        )
    if kind == "string_pattern_mismatch":
        return f"{_describe(value)} is not a valid id: " + _PATTERN_HINTS.get(
            str(ctx.get("pattern")), _NAME_HINT
        )
    if kind == "string_too_short":
        return "this text is empty"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return _type_message(kind, value, ctx) or f"{err['msg']} (got {_describe(value)})"


def _type_message(kind: str, value: Any, ctx: dict[str, Any]) -> str | None:
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "bool_type": "true or false",
        "list_type": "a list (one '- ' line per entry)",
        "dict_type": "a group of 'name: value' fields",
        "model_type": "a group of 'name: value' fields",
    }.get(kind)
    if expected:
        hint = ""
        if kind == "string_type" and isinstance(value, bool):
            hint = " (YAML reads yes/no/on/off as true/false: put the text in quotes)"
        return f"expected {expected}, got {_describe(value)}{hint}"
    if kind in ("greater_than_equal", "too_short"):
        limit = ctx.get("ge", ctx.get("min_length"))
        what = "entries" if kind == "too_short" else ""
        return f"must be at least {limit} {what}".rstrip() + f" (got {_describe(value)})"
    return None


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_fields(path: PathKey) -> str:
    model: Any = Form
    for part in path:
        model = _step(model, part)
        if model is None:
            return ""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return ", ".join(model.model_fields)
    return ""


def _step(model: Any, part: Any) -> Any:
    """Follow one path step through the pydantic annotations (models, lists, dicts)."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        field = model.model_fields.get(part) if isinstance(part, str) else None
        return _unwrap(field.annotation) if field else None
    origin = typing.get_origin(model)
    if origin is list:
        return _unwrap(typing.get_args(model)[0])
    if origin is dict:
        return _unwrap(typing.get_args(model)[1])
    return None


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> ``X``; ``Annotated[X, ...]`` -> ``X``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def is_form_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in FORM_SUFFIXES
