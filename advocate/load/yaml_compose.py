"""YAML text to a tree of nodes that know their line, parsed by libyaml (C) when it is there.

PyYAML's C parser composes the node tree (each node keeps its start mark: line
and column) ten times faster than a pure-Python round-trip parser. Only the
composing is used; :mod:`advocate.load.yaml_values` turns the nodes into plain
data. Plain scalars are resolved as YAML 1.2's core schema says (``yes`` and
``no`` are text, ``010`` is ten, ``1:20`` is text), and dates are never resolved:
a date stays the text the user wrote, read later by
:class:`~advocate.models.period.Period`.

libyaml refuses nesting deeper than 1,000 levels while it scans, so even a
hostile file cannot make composing recurse without bound; the pure-Python
fallback (for a PyYAML built without libyaml) stops at Python's recursion limit.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:
    # The C parser that yaml.cyaml re-exports, imported from the module that defines it (and types it).
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: the same composer, in Python
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MERGE = "tag:yaml.org,2002:merge"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

_CORE_SCHEMA = (
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (
        FLOAT,
        re.compile(
            r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
            re.X,
        ),
        "-+0123456789.",
    ),
    (INT, re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"), "-+0123456789"),
    (MERGE, re.compile(r"^<<$"), "<"),
    (NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
)
"""(tag, pattern, first characters) of each plain-scalar resolution: YAML 1.2's core schema, as the
round-trip parser used before resolved them, less timestamps (dates stay text)."""

_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern], ...]] = {}
for _tag, _pattern, _firsts in _CORE_SCHEMA:
    for _first in _firsts:
        _BY_FIRST[_first] = _BY_FIRST.get(_first, ()) + ((_tag, _pattern),)
_BY_FIRST[""] = ((NULL, _CORE_SCHEMA[-1][1]),)


class _Composer(_Parser):
    """libyaml's composer with YAML 1.2 core-schema resolution and no path resolvers."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0]:
                for tag, pattern in _BY_FIRST.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def compose(text: str) -> Node | None:
    """The node tree of the single YAML document in ``text`` (``None`` for an empty file).

    Raises :class:`yaml.MarkedYAMLError` (with the line) for malformed YAML.
    """
    composer = _Composer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "compose"]
