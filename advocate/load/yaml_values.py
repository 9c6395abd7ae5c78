"""YAML nodes to plain Python data, with the limits that keep a hostile file from costing more than its size.

Values come out as ``dict`` (keys as text), ``list``, ``str``, ``int``, ``float``,
``bool`` and ``None``; a date is the text the user wrote. What a case file never
needs is refused with the line it is on, rather than turned into something that
prints wrongly or costs without bound:

- tags other than YAML's own plain kinds (``!!binary`` would print as
  ``b'hello'``; ``!!set``, ``!!omap`` and application tags mean nothing here);
- a key given twice in one mapping (the first value would be silently lost);
- nesting deeper than :data:`MAX_DEPTH` levels (case files need about six);
- a number of more than :data:`MAX_DIGITS` digits, or one too large to be finite;
- aliases (``*name``) that repeat more than :data:`MAX_ALIAS_EXPANSION` values and
  characters (a "billion laughs" file of a few lines would otherwise expand to
  gigabytes once validated).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, cast

from advocate.load.yaml_compose import (
    BOOL,
    FLOAT,
    INT,
    MAP,
    MERGE,
    NULL,
    SEQ,
    STR,
    TIMESTAMP,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
)

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings a case file may use."""

MAX_DIGITS = 100
"""Most digits a number may have."""

MAX_ALIAS_EXPANSION = 100_000
"""Most values (and characters, a value counted per 100) that aliases may add to a file by repeating anchored ones."""

_ALLOWED_TAGS = {STR, INT, FLOAT, BOOL, NULL, MERGE, SEQ, MAP, TIMESTAMP}


class YamlValueError(ValueError):
    """A value the case files do not accept, at 1-based ``line``, with a ``hint`` saying what would do."""

    def __init__(self, message: str, line: int, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.hint = hint


def line_of_node(node: Node) -> int:
    return node.start_mark.line + 1


@dataclass(frozen=True)
class LineIndex:
    """The line of every key and list item of a document, without the nodes (a few objects per container).

    ``children`` is a dict (key → entry) for a mapping, a list of entries for a list, ``None`` for a
    scalar; an entry is (line of the key or item, the children of its value).
    """

    line: int
    children: Any

    def line_of(self, loc: tuple = ()) -> int:
        """The 1-based line of the value at ``loc`` (keys and list indexes), or of its nearest parent."""
        line, children = (self.line if self.children is not None else 1), self.children
        for part in loc:
            if children.__class__ is dict:
                entry = children.get(part)
            elif children.__class__ is list and isinstance(part, int) and 0 <= part < len(children):
                entry = children[part]
            else:
                break
            if entry is None:
                break
            line, children = entry
        return line


def to_data(root: Node | None, *, aliases: bool = True) -> tuple[Any, LineIndex]:
    """Plain data of a composed document and its lines; raises :class:`YamlValueError` for what a case file cannot hold.

    ``aliases=False`` says the text has no anchor (no ``&``), so no alias can repeat anything.
    """
    if root is None:
        return None, LineIndex(1, None)
    if aliases:
        _check_aliases(root)
    data, children = _value(root, 0)
    return data, LineIndex(line_of_node(root), children)


def _value(node: Node, depth: int) -> tuple[Any, Any]:
    """(value, children for the line index) of ``node``."""
    if node.__class__ is ScalarNode:
        return (node.value if node.tag == STR else _scalar(node)), None
    if depth >= MAX_DEPTH:
        raise YamlValueError(
            f"nested more than {MAX_DEPTH} levels deep",
            line_of_node(node),
            "a case file needs only a few levels of lists and fields",
        )
    _check_tag(node)
    if node.__class__ is SequenceNode:
        values, lines = [], []
        for item in node.value:
            value, children = _value(item, depth + 1)
            values.append(value)
            lines.append((item.start_mark.line + 1, children))
        return values, lines
    return _mapping(cast(MappingNode, node), depth)  # the composer makes only scalar, sequence and mapping nodes


def _mapping(node: MappingNode, depth: int) -> tuple[dict, dict]:
    result: dict = {}
    lines: dict = {}
    merged: dict = {}
    merged_lines: dict = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is ScalarNode and key_node.tag == MERGE:
            for source in _merge_sources(value_node):
                values, children = _value(source, depth + 1)
                for key, value in values.items():
                    if key not in merged:
                        merged[key], merged_lines[key] = value, children[key]
            continue
        key = _key(key_node)
        if key in lines:
            raise YamlValueError(
                f"'{key}' is given twice in this mapping (first on line {lines[key][0]})",
                line_of_node(key_node),
                "keep one of them: YAML would silently drop the first",
            )
        value, children = _value(value_node, depth + 1)
        result[key] = value
        lines[key] = (key_node.start_mark.line + 1, children)
    for key, value in merged.items():
        if key not in result:
            result[key], lines[key] = value, merged_lines[key]
    return result, lines


def _merge_sources(node: Node) -> list[MappingNode]:
    """The mappings a merge key (``<<: *base`` or ``<<: [*a, *b]``) names, the first taking precedence."""
    sources = node.value if node.__class__ is SequenceNode else [node]
    if not all(source.__class__ is MappingNode for source in sources):
        raise YamlValueError(
            "'<<' merges only mappings ('<<: *name' naming a set of 'key: value' fields)", line_of_node(node)
        )
    return list(sources)


def _key(node: Node) -> str:
    if node.__class__ is not ScalarNode:
        raise YamlValueError(
            "a key must be a plain name, not a list or a mapping", line_of_node(node), "write 'name: value'"
        )
    return node.value if node.tag == STR else str(_scalar(node))


def _check_tag(node: Node) -> None:
    if node.tag not in _ALLOWED_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlValueError(
            f"the tag '{tag}' is not allowed in a case file",
            line_of_node(node),
            "write the value as plain text, a number, true or false, a list or 'key: value' fields",
        )


def _scalar(node: ScalarNode):
    tag, text = node.tag, node.value
    if tag == NULL:
        if text not in ("", "~", "null", "Null", "NULL"):
            raise YamlValueError(f"'{text}' is tagged !!null but is not empty", line_of_node(node))
        return None
    if tag == BOOL:
        if text in ("true", "True", "TRUE"):
            return True
        if text in ("false", "False", "FALSE"):
            return False
        raise YamlValueError(f"'{text}' is tagged !!bool but is not true or false", line_of_node(node))
    if tag == INT:
        return _int(text, node)
    if tag == FLOAT:
        return _float(text, node)
    if tag == TIMESTAMP:
        return text
    _check_tag(node)
    return text  # a merge key's '<<' elsewhere than a key


def _too_long(text: str, node: ScalarNode) -> YamlValueError:
    digits = sum(ch.isdigit() for ch in text)
    return YamlValueError(
        f"a number of {digits:,} digits is longer than any a case file needs (at most {MAX_DIGITS})",
        line_of_node(node),
        "put it in quotes if it is text rather than a number",
    )


def _int(text: str, node: ScalarNode) -> int:
    digits = text.replace("_", "")
    if len(digits) > MAX_DIGITS + 3:
        raise _too_long(text, node)
    sign = -1 if digits[:1] == "-" else 1
    digits = digits.lstrip("+-")
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2], 10)
    try:
        return sign * int(digits[2:] if base != 10 else digits, base)
    except ValueError:
        raise YamlValueError(
            f"'{text}' is not a whole number", line_of_node(node), "put it in quotes if it is text"
        ) from None


def _float(text: str, node: ScalarNode) -> float:
    plain = text.replace("_", "")
    if sum(ch.isdigit() for ch in plain) > MAX_DIGITS:
        raise _too_long(text, node)
    special = plain.lower().lstrip("+-")
    if special in (".inf", ".nan"):
        raise YamlValueError(
            f"'{text}' is not a number a case file can use", line_of_node(node), "write a finite number"
        )
    try:
        value = float(plain)
    except ValueError:
        raise YamlValueError(
            f"'{text}' is not a number", line_of_node(node), "put it in quotes if it is text"
        ) from None
    if not math.isfinite(value):
        raise YamlValueError(f"'{text}' is too large a number", line_of_node(node), "write a finite number")
    return value


def _check_aliases(root: Node) -> None:
    """Refuse a document whose aliases repeat more than :data:`MAX_ALIAS_EXPANSION` values, or itself.

    An alias composes to the very node it names, so a node met a second time on the walk is a
    repetition; the size of what it repeats is counted once per node and remembered, so a
    "billion laughs" file is refused after a walk as long as the file, never expanded.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    added = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in open_nodes:
            raise YamlValueError(
                "an alias ('*name') repeats the value it is inside, for ever",
                line_of_node(node),
                "an alias may name only a value that is complete before it",
            )
        if key in sizes:
            added += sizes[key]
            if added > MAX_ALIAS_EXPANSION:
                raise YamlValueError(
                    f"aliases ('*name') repeat more than {MAX_ALIAS_EXPANSION:,} values "
                    f"(the value anchored on line {line_of_node(node)} among them)",
                    line_of_node(node),
                    "write the values out, or use fewer aliases",
                )
        elif node.__class__ is ScalarNode:
            sizes[key] = 1 + len(node.value) // 100
        else:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(_children(node)))


def _children(node: Node) -> list[Node]:
    if node.__class__ is SequenceNode:
        return node.value
    return [child for pair in node.value for child in pair]
