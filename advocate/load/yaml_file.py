"""YAML case files read with the line of every key, so that problems can say where they are.

The file is composed by libyaml into nodes that keep their line
(:mod:`advocate.load.yaml_compose`), then turned into plain data with the limits a
hostile file needs (:mod:`advocate.load.yaml_values`). Every failure is one
problem naming the file and the line, never an exception.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from yaml import MarkedYAMLError, YAMLError

from advocate.load.text_encoding import EncodingProblem
from advocate.load.yaml_compose import compose
from advocate.load.yaml_round_trip import round_trip_tree
from advocate.load.yaml_text import decode_yaml
from advocate.load.yaml_values import LineIndex, YamlValueError, to_data
from advocate.models.problem import Problems


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: plain Python data, and the line of every key and list item in it."""

    path: Path
    label: str
    data: Any
    lines: LineIndex
    text: str = field(default="", repr=False)
    """The file's text as decoded."""

    def line_of(self, loc: tuple = ()) -> int:
        """The 1-based line of the value at ``loc`` (keys and list indexes), or of its nearest parent."""
        return self.lines.line_of(loc)

    @cached_property
    def tree(self) -> Any:
        """The file as ruamel.yaml's round-trip tree, comments kept, for tools that edit case files.

        Parsed from :attr:`text` on first use (loading a case never asks for it); see
        :mod:`advocate.load.yaml_round_trip`.
        """
        return round_trip_tree(self.text)


MAX_BYTES = 256 * 1024 * 1024
"""Largest YAML file read (a case of 10,000 abuses is about 3 MB)."""


def read_yaml(path: Path, label: str, problems: Problems) -> YamlDocument | None:
    """Parse a YAML file; on malformed YAML record an error with its line and return ``None``."""
    size = Path(path).stat().st_size
    if size > MAX_BYTES:
        problems.error(
            "file_too_large",
            label,
            f"the file is {size / 1024 / 1024:,.0f} MB; a case file may have at most {MAX_BYTES // 1024 // 1024} MB",
            hint="split the records, or check this is the right file",
        )
        return None
    try:
        text = decode_yaml(Path(path).read_bytes())
    except EncodingProblem as exc:
        problems.error("encoding", label, str(exc), line=exc.line)
        return None
    try:
        with _collector_paused():
            data, lines = to_data(compose(text), aliases="&" in text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.error(
            "yaml_syntax",
            label,
            f"malformed YAML: {_reason(exc)}",
            line=mark.line + 1 if mark else None,
            hint=_syntax_hint(exc),
        )
        return None
    except YamlValueError as exc:
        problems.error("yaml_value", label, str(exc), line=exc.line, hint=exc.hint)
        return None
    except YAMLError as exc:
        problems.error("yaml_syntax", label, f"malformed YAML: {exc}")
        return None
    return YamlDocument(path, label, data, lines, text)


@contextmanager
def _collector_paused():
    """Python's cycle collector off while a file becomes nodes and data.

    Composing makes several objects per value of the file, none in a cycle; left on, the
    collector walks every object made so far again and again, four fifths of the time a large
    case file takes to compose. The nodes are dropped once their lines are indexed, so that the
    collections after loading do not walk them either.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _reason(exc: MarkedYAMLError) -> str:
    return " ".join(str(part) for part in (exc.context, exc.problem) if part)


def _syntax_hint(exc: MarkedYAMLError) -> str:
    problem = str(exc.problem)
    if "'\\t'" in problem or "tab character" in problem:
        return "YAML indents with spaces, never tabs: replace the tab with spaces"
    if "maximum nesting depth" in problem:
        return "a case file needs only a few levels of lists and fields"
    return "check the indentation and that every 'key: value' has a space after the colon"
