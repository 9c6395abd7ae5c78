"""Merging what a database gives into the file of records imported from it, without losing a person's work.

Records are matched by id (built from the database's own key), so importing again updates rather than
duplicates. For a record already in the file:

- the fields that follow the database (``data``) are set to its values, and one it no longer gives is
  removed; if any changed, a record a person had reviewed is marked for review again;
- the fields written only at first import (``initial``: a killing's perpetrators) are left as the
  reviewer left them;
- everything else a person wrote is kept: ``reviewed``, ``confidential``, ``notes``, fields the
  importer does not write, and the comments in the file (it is edited as a YAML tree, not rewritten).

A record in the file that the database no longer gives is kept, and counted.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from advocate.load.yaml_file import YamlDocument

MARKER = "# Written by `advocate import"
"""How an import file begins: the importer writes only to files that do."""


@dataclass(frozen=True)
class Incoming:
    """One record as the import gives it (see :class:`~advocate.importers.batch.ImportedRecord`)."""

    id: str
    data: dict[str, Any]
    initial: dict[str, Any] = field(default_factory=dict)
    summary: str = ""


@dataclass(frozen=True)
class RecordChange:
    """A record added or updated: its id, what it says, each field changed, and whether it needs review again."""

    id: str
    summary: str
    fields: tuple[str, ...] = ()
    review_again: bool = False


@dataclass(frozen=True)
class FilePlan:
    """What importing does to one file. ``text`` is its new content, or ``None`` when nothing changes."""

    path: str
    created: bool
    added: tuple[RecordChange, ...]
    updated: tuple[RecordChange, ...]
    unchanged: int
    absent: int
    text: str | None
    review: bool = True
    """Whether new and changed records are marked for review (not so for the sources file)."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def _node(value: Any) -> Any:
    """A plain value as a node: lists of words in flow style (``[unknown]``), citations as ``{id: ..., pinpoint: ...}``."""
    if isinstance(value, dict):
        node = CommentedMap(value.items())
        node.fa.set_flow_style()
        return node
    if isinstance(value, (list, tuple)):
        items = CommentedSeq(_node(v) for v in value)
        if all(not isinstance(v, dict) for v in value):
            items.fa.set_flow_style()
        return items
    return value


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    text = str(value)
    return f"'{text[:60]}...'" if len(text) > 60 else f"'{text}'"


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new))
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return float(old) == float(new)
    return str(old) == str(new) if old is not None and new is not None else old is new


def merge(
    doc: YamlDocument | None, *, path: str, header: str, incoming: list[Incoming], owned: tuple[str, ...], review: bool
) -> FilePlan:
    """Merge ``incoming`` into the import file ``doc`` (``None`` for a new file); ``review`` marks new and
    changed records ``reviewed: false``."""
    created = doc is None
    tree = doc.tree if doc is not None and isinstance(doc.tree, CommentedSeq) else CommentedSeq()
    plain = doc.data if doc is not None and isinstance(doc.data, list) else []
    where = {str(item.get("id")): index for index, item in enumerate(plain) if isinstance(item, dict) and "id" in item}
    added, updated, unchanged = [], [], 0
    for record in incoming:
        if record.id not in where:
            node = CommentedMap()
            node["id"] = record.id
            if review:
                node["reviewed"] = False
            for name, value in {**record.data, **record.initial}.items():
                node[name] = _node(value)
            tree.append(node)
            added.append(RecordChange(record.id, record.summary))
            continue
        index = where[record.id]
        old, node = plain[index], tree[index]
        changed = []
        for name in owned:
            if name in record.data:
                if name not in old or not _same(old[name], record.data[name]):
                    changed.append(
                        f"{name}: {_shown(old[name]) if name in old else '(none)'} → {_shown(record.data[name])}"
                    )
                    node[name] = _node(record.data[name])
            elif name in record.initial:
                if name not in old:
                    changed.append(f"{name}: (none) → {_shown(record.initial[name])}")
                    node[name] = _node(record.initial[name])
            elif name in old:
                changed.append(f"{name}: {_shown(old[name])} → (removed)")
                del node[name]
        if not changed:
            unchanged += 1
            continue
        again = review and old.get("reviewed", True) is not False
        if again:
            if "reviewed" in node:
                node["reviewed"] = False
            else:
                node.insert(1, "reviewed", False)
        updated.append(RecordChange(record.id, record.summary, tuple(changed), again))
    absent = len(set(where) - {record.id for record in incoming})
    if not created and not added and not updated:
        return FilePlan(path, False, (), (), unchanged, absent, None, review)
    buffer = io.StringIO()
    _yaml().dump(tree, buffer)
    text = _spaced(buffer.getvalue())
    if created or not text.startswith(MARKER):
        text = header + ("\n" if text.strip() else "") + text
    return FilePlan(path, created, tuple(added), tuple(updated), unchanged, absent, text, review)


def _spaced(text: str) -> str:
    """A blank line between records, as hand-written case files have them."""
    lines = text.splitlines()
    out: list[str] = []
    for line in lines:
        if re.match(r"^- ", line) and out and out[-1].strip() and not out[-1].lstrip().startswith("#"):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"
