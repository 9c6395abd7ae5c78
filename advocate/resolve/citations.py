"""Citation markers in footnotes turned into OSCOLA text, in footnote order.

The parse stage leaves each ``[@source-id, pinpoint]`` as a
:class:`~advocate.parse.markdown.CitationMark`. Once footnotes are numbered this
pass decides each citation's form as OSCOLA does: the first citation of a source
in full; a citation of the same single source as the note immediately before,
*ibid*; any later one in short form with a cross-reference to the note of the
first ('Cox (n 3)'). It is the 'resolve' step of the pipeline, kept apart from
the formatting rules (:mod:`advocate.resolve.oscola`). The text it inserts is
typeset as the parse stage typeset the rest (:mod:`advocate.parse.typography`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Protocol

from advocate.errors import CitationError
from advocate.models.document import (
    Document,
    Emphasis,
    Footnote,
    Inline,
    Link,
    List,
    ListItem,
    Paragraph,
    SourceList,
    Strong,
    Text,
    plain_text,
)
from advocate.parse.markdown import CitationMark
from advocate.parse.typography import set_blocks, set_inlines


class Formatter(Protocol):
    """The formatting rules: each returns inline nodes (no closing full stop)."""

    def full_citation(self, source, *, pinpoint: str = "", sources=None): ...
    def short_citation(self, source, *, pinpoint: str = "", first_note: int, with_title: bool = False): ...
    def short_name(self, source) -> str: ...
    def cited_in(self, own, other, *, together: int = 0): ...
    def ibid(self, pinpoint: str = "", *, source=None): ...
    def bibliography_entry(self, source): ...


@dataclass(frozen=True)
class ResolvedCitations:
    """The document with every citation in text, and which sources were cited, first note of each."""

    document: Document
    first_notes: Mapping[str, int]


def _marks(blocks) -> list[CitationMark]:
    found = []
    for block in blocks:
        for node in _inline_nodes(block):
            if isinstance(node, CitationMark):
                found.append(node)
    return found


def _inline_nodes(node):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, List):
            stack.extend(reversed(current.items))
        elif hasattr(current, "children"):
            stack.extend(reversed(current.children))
        elif hasattr(current, "header"):
            stack.extend(reversed(list(current.header) + [c for row in current.rows for c in row]))


def resolve_citations(
    document: Document, sources: Mapping, formatter: Formatter, *, confidential: AbstractSet[str] = frozenset()
) -> ResolvedCitations:
    """Replace every citation mark by its OSCOLA text. Marks outside footnotes and unknown or
    confidential sources are errors naming the source.

    A source known only through another (``cited_in``) is cited "…, cited in" that other, in full the
    first time the document cites it (in any note, alone or so) and in short form after. Several sources
    of one note known through the same other are cited together: "A; B, both cited in C"."""
    stray = _marks(document.children)
    if stray:
        raise CitationError(f"citation of '{stray[0].source_id}' is outside a footnote; use cite() to footnote it")
    first_notes: dict[str, int] = {}
    previous: tuple[str, ...] = ()
    notes = []
    alike = _alike(document.footnotes, sources, formatter)
    for footnote in document.footnotes:
        marks = _marks(footnote.children)
        for mark in marks:
            if mark.source_id in confidential:
                raise CitationError(
                    f"source '{mark.source_id}' is confidential and cannot be cited in a public document"
                )
            if mark.source_id not in sources:
                raise CitationError(f"footnote {footnote.number} cites source '{mark.source_id}', which does not exist")
        ids = tuple(mark.source_id for mark in marks)
        alone = len(ids) == 1 and len(set(previous)) == 1 and previous[0] == ids[0]
        citing = _Note(footnote.number, sources, formatter, first_notes, _shared_containers(ids, sources), alike)

        def render(mark: CitationMark, at_start: bool, citing=citing, alone=alone):
            if alone:
                nodes = tuple(formatter.ibid(mark.pinpoint, source=sources[mark.source_id]))
                if at_start and nodes and isinstance(nodes[0], Text):
                    nodes = (Text(nodes[0].text[:1].upper() + nodes[0].text[1:]), *nodes[1:])
                return nodes
            return citing.cite(mark)

        resolved = tuple(_replace_marks(block, render) for block in footnote.children)
        notes.append(Footnote(footnote.number, set_blocks(resolved)))
        previous = ids
    body = tuple(_source_lists(document.children, first_notes, sources, formatter))
    return ResolvedCitations(replace(document, children=body, footnotes=tuple(notes)), first_notes)


def _alike(footnotes, sources: Mapping, formatter: Formatter) -> frozenset[str]:
    """The sources the document cites whose later citations would read alike ('Rights Watchers (n 10)' for two
    reports of one organisation): their short form adds the title."""
    cited: dict[str, None] = {}
    for footnote in footnotes:
        for mark in _marks(footnote.children):
            source_id, seen = mark.source_id, set()
            while source_id in sources and source_id not in seen:
                cited[source_id] = None
                seen.add(source_id)
                source_id = sources[source_id].cited_in or ""
    names: dict[str, list[str]] = {}
    for source_id in cited:
        names.setdefault(formatter.short_name(sources[source_id]), []).append(source_id)
    return frozenset(source_id for group in names.values() if len(group) > 1 for source_id in group)


def _shared_containers(ids: tuple[str, ...], sources: Mapping) -> dict[str, list[str]]:
    """The sources a note cites through the same other source (not itself cited in the note), by that other."""
    shared: dict[str, list[str]] = {}
    for source_id in dict.fromkeys(ids):
        container = sources[source_id].cited_in
        if container and container in sources and container not in ids:
            shared.setdefault(container, []).append(source_id)
    return {container: members for container, members in shared.items() if len(members) > 1}


class _Note:
    """How one footnote cites each source: in full the first time the document cites it, short after."""

    def __init__(
        self,
        number: int,
        sources: Mapping,
        formatter: Formatter,
        first_notes: dict[str, int],
        shared: dict[str, list[str]],
        alike: frozenset[str] = frozenset(),
    ):
        self.number, self.sources, self.formatter, self.first_notes = number, sources, formatter, first_notes
        self.shared, self.alike = shared, alike

    def cite(self, mark: CitationMark) -> tuple:
        return self._source(mark.source_id, mark.pinpoint, frozenset())

    def _source(self, source_id: str, pinpoint: str, seen: frozenset[str]) -> tuple:
        source = self.sources[source_id]
        if source_id in self.first_notes:
            first = self.first_notes[source_id]
            return tuple(
                self.formatter.short_citation(
                    source, pinpoint=pinpoint, first_note=first, with_title=source_id in self.alike
                )
            )
        self.first_notes[source_id] = self.number
        own = tuple(self.formatter.full_citation(source, pinpoint=pinpoint))
        container = source.cited_in
        if not container or container not in self.sources or container in seen | {source_id}:
            return own
        together = self.shared.get(container, [])
        if together and source_id != together[-1]:
            return own  # the last of them says where they are all cited
        other = self._source(container, "", seen | {source_id})
        return tuple(self.formatter.cited_in(own, other, together=len(together)))


def _source_lists(blocks, cited: Mapping[str, int], sources: Mapping, formatter: Formatter):
    """The blocks, each :class:`SourceList` replaced by the numbered list of the sources cited (none: dropped)."""
    for block in blocks:
        if not isinstance(block, SourceList):
            yield block
            continue
        entries = sorted(
            (_natural(plain_text(nodes)), source_id, nodes)
            for source_id in cited
            for nodes in [set_inlines(formatter.bibliography_entry(sources[source_id]))]
        )
        if entries:
            yield List(True, tuple(ListItem((Paragraph(nodes),)) for _, _, nodes in entries))


def _natural(text: str) -> tuple:
    """A sort key putting 'Report 2' before 'Report 10', case ignored."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text.casefold()) if part
    )


def _replace_marks(block, render):
    if isinstance(block, Paragraph):
        return Paragraph(_replace_inlines(block.children, render))
    if isinstance(block, List):
        return List(
            block.ordered,
            tuple(ListItem(tuple(_replace_marks(b, render) for b in item.children)) for item in block.items),
            block.start,
        )
    return block


def _replace_inlines(children, render):
    out: list[Inline] = []
    for node in children:
        if isinstance(node, CitationMark):
            at_start = all(isinstance(n, Text) and not n.text.strip() for n in out)
            out.extend(render(node, at_start))
        elif isinstance(node, (Emphasis, Strong)):
            out.append(type(node)(_replace_inlines(node.children, render)))
        elif isinstance(node, Link):
            out.append(Link(node.url, _replace_inlines(node.children, render)))
        else:
            out.append(node)
    merged: list[Inline] = []
    for node in out:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)
