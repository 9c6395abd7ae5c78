"""YAML case files read with the line of every key, so that problems can say where they are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from advocate.load.text_encoding import EncodingProblem, decode_file
from advocate.models.problem import Problems


class _TextDatesConstructor(RoundTripConstructor):
    """ruamel's round-trip constructor, except that dates stay the text the user wrote.

    YAML resolves ``2017-03-01`` to a date but ``2017-03`` to text and ``2017`` to a
    number, and an impossible day such as ``2017-02-30`` makes the parser itself raise.
    Case files write dates at the precision the evidence gives, so every date is
    kept as written and read by :class:`~advocate.models.period.Period`, which names the
    problem and the line.
    """


_TextDatesConstructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: plain Python data, and the ruamel tree that knows line numbers."""

    path: Path
    label: str
    data: Any
    tree: Any

    def line_of(self, loc: tuple = ()) -> int:
        """The 1-based line of the value at ``loc`` (keys and list indexes), or of its nearest parent."""
        node, line = self.tree, 1
        if isinstance(node, (CommentedMap, CommentedSeq)):
            line = node.lc.line + 1
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        return line


def _plain(node: Any) -> Any:
    """ruamel's round-trip types as plain dicts, lists, str, int, float and bool (dates stay text)."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return bool(node) if type(node).__name__ == "ScalarBoolean" else int(node)
    if isinstance(node, float):
        return float(node)
    return node


def read_yaml(path: Path, label: str, problems: Problems) -> YamlDocument | None:
    """Parse a YAML file; on malformed YAML record an error with its line and return ``None``."""
    try:
        text = decode_file(path).text
    except EncodingProblem as exc:
        problems.error("encoding", label, str(exc), line=exc.line)
        return None
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDatesConstructor
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        problems.error(
            "yaml_syntax",
            label,
            f"malformed YAML: {reason}",
            line=mark.line + 1 if mark else None,
            hint="check the indentation and that every 'key: value' has a space after the colon",
        )
        return None
    except YAMLError as exc:
        problems.error("yaml_syntax", label, f"malformed YAML: {exc}")
        return None
    return YamlDocument(path, label, _plain(tree), tree)
