"""Read YAML with PyYAML and remember the line of every field.

PyYAML's constructed data forgets where things were; its node tree does not.
We build the data as usual, then walk the nodes once to record the line of
each path (``("items", 3, "mirror") -> 42``) and to catch keys written twice,
which PyYAML would otherwise silently keep the last of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

PathKey = tuple[Any, ...]
# libyaml's loader is ten times faster and keeps node marks too; fall back when absent.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ParsedYaml:
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    duplicates: list[tuple[PathKey, int, int]] = field(default_factory=list)  # path, line, first


class YamlSyntaxError(Exception):
    """The text is not YAML; ``line`` is where the parser gave up (1-based)."""

    def __init__(self, message: str, line: int | None, fr: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.fr = fr


def parse_yaml(text: str) -> ParsedYaml:
    """Parse one YAML document; raise :class:`YamlSyntaxError` with a line."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None)
        _refuse_alias_bombs(node)
        parsed = ParsedYaml(loader.construct_document(node))
        _walk(loader, node, (), parsed)
        return parsed
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in (exc.problem or ""):  # PyYAML >= 6.0.3 stops deep nesting itself
            raise _too_deep() from None
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or "unreadable text"
        if exc.context and exc.context_mark:
            reason += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        raise YamlSyntaxError(
            f"this is not valid YAML: {reason}",
            line,
            f"ce n’est pas du YAML valable\u00a0: {reason}",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(
            f"this is not valid YAML: {exc}", None, f"ce n’est pas du YAML valable\u00a0: {exc}"
        ) from None
    except RecursionError:
        raise _too_deep() from None
    finally:
        loader.dispose()


def _too_deep() -> YamlSyntaxError:
    """The same refusal whether PyYAML or Python's own recursion limit stops the nesting."""
    return YamlSyntaxError(
        "lists or groups are nested too deeply to be a form",
        None,
        "les listes ou les groupes sont imbriqués trop profondément pour être un formulaire",
    )


MAX_NODES = 100_000  # a form has a few thousand; aliases could make billions


def _refuse_alias_bombs(root: yaml.Node) -> None:
    """Refuse a document whose aliases (``*name``) expand to more than ``MAX_NODES`` nodes.

    Each alias repeats a whole subtree, so a few lines can stand for billions of
    nodes that every later walk would visit (found by tests/test_fuzz_files.py).
    """
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        if id(node) in sizes:
            return sizes[id(node)]
        sizes[id(node)] = 1  # a node that contains itself counts once
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        sizes[id(node)] = min(total, MAX_NODES + 1)
        return sizes[id(node)]

    if size(root) > MAX_NODES:
        raise YamlSyntaxError(
            f"its repeated references (YAML aliases, *name) expand to more than {MAX_NODES:,} "
            "values; write the content out or use fewer nested aliases",
            root.start_mark.line + 1,
        )


def _walk(
    loader: Any, node: yaml.Node, path: PathKey, out: ParsedYaml, inside: set[int] | None = None
) -> None:
    """Record lines along every path; ``inside`` stops at a node that contains itself."""
    out.lines.setdefault(path, node.start_mark.line + 1)
    inside = set() if inside is None else inside
    if id(node) in inside:
        return
    inside.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _key(loader, key_node)
            line = key_node.start_mark.line + 1
            if key in first_seen:
                out.duplicates.append(((*path, key), line, first_seen[key]))
                continue
            first_seen[key] = line
            out.lines[(*path, key)] = line
            _walk(loader, value_node, (*path, key), out, inside)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(loader, child, (*path, index), out, inside)
    inside.discard(id(node))


def _key(loader: Any, key_node: yaml.Node) -> Any:
    """The key as the constructor built it (so ``1:`` is the number 1)."""
    if isinstance(key_node, yaml.ScalarNode):
        return loader.construct_object(key_node)
    return key_node.start_mark.line  # a non-scalar key: keep it unique, pydantic will object
