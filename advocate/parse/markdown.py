"""Stage 5 of the pipeline: drafted Markdown parsed into the document tree.

mistune 3 (with its footnotes and table plugins) reads the Markdown into an
abstract syntax tree; this module turns that into :mod:`advocate.models.document`
nodes. Two additions to Markdown:

- a citation marker ``[@source-id]`` or ``[@source-id, para 4]``, written by the
  draft stage's ``cite()`` inside footnotes (several in one note are separated by
  ``;``). The parser keeps them as :class:`CitationMark` nodes; the citation
  resolver turns them into OSCOLA text once footnote numbers are known;
- ``<!-- pagebreak -->`` on a line of its own starts a new page.

The tree it returns is typeset (:mod:`advocate.parse.typography`): typographic
quotation marks and apostrophes in every text a reader sees, whatever the template
or the record typed.

Any other raw HTML is refused: a template that emits it would print markup in a
letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import mistune

from advocate.errors import MarkdownError
from advocate.models.document import (
    Block,
    BlockQuote,
    Code,
    Document,
    DocumentInfo,
    Emphasis,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    Link,
    List,
    ListItem,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    TableCell,
    Text,
    ThematicBreak,
)
from advocate.parse.fenced import fenced_block
from advocate.parse.typography import typeset

CITATION_PATTERN = r"\[@(?P<citation_id>[A-Za-z0-9][A-Za-z0-9._:-]*)(?:,[ ]*(?P<citation_pinpoint>[^\]\n]*))?\]"
"""``[@id]`` or ``[@id, pinpoint]``: the citation marker ``cite()`` writes."""

_PAGEBREAK = re.compile(r"^\s*<!--\s*pagebreak\s*-->\s*$", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*<!--.*?-->\s*$", re.DOTALL)


@dataclass(frozen=True)
class CitationMark:
    """An unresolved citation of source ``source_id`` (only inside footnotes, before resolution)."""

    source_id: str
    pinpoint: str = ""
    kind = "citation"


def _parse_citation(inline, m, state):
    state.append_token(
        {
            "type": "citation",
            "attrs": {"id": m.group("citation_id"), "pinpoint": (m.group("citation_pinpoint") or "").strip()},
        }
    )
    return m.end()


def _citation_plugin(md) -> None:
    md.inline.register("citation", CITATION_PATTERN, _parse_citation, before="link")


_MARKDOWN = mistune.create_markdown(renderer=None, plugins=["footnotes", "table", _citation_plugin])


def parse_markdown(text: str, info: DocumentInfo) -> Document:
    """The tree of a drafted document. Footnotes are numbered in order of first reference;
    citation marks are left for :func:`advocate.resolve.citations.resolve_citations`; quotes are typographic."""
    tokens = _MARKDOWN(text)
    assert isinstance(tokens, list)  # mistune returns its tokens, not text, when it has no renderer
    converter = _Converter()
    body = converter.blocks(token for token in tokens if token["type"] != "footnotes")
    footnotes = []
    for token in tokens:
        if token["type"] == "footnotes":
            for item in token["children"]:
                footnotes.append(Footnote(item["attrs"]["index"], tuple(converter.blocks(item["children"]))))
    footnotes.sort(key=lambda note: note.number)
    return typeset(Document(info, tuple(body), tuple(footnotes)))


def _parse_inner(text: str) -> Document:
    """Markdown held inside a fenced block (a summary box's bullets), as a document of its own."""
    return parse_markdown(text, DocumentInfo(title="", date=None))  # type: ignore[arg-type]


class _Converter:
    """mistune tokens to tree nodes, one method per token type."""

    def blocks(self, tokens) -> list[Block]:
        out: list[Block] = []
        for token in tokens:
            kind = token["type"]
            if kind == "blank_line":
                continue
            if kind == "block_html":
                raw = token.get("raw", "")
                if _PAGEBREAK.match(raw):
                    out.append(PageBreak())
                    continue
                if _COMMENT.match(raw):
                    continue
                raise MarkdownError(f"raw HTML cannot be printed in a document: {raw.strip()[:60]!r}")
            method = getattr(self, f"block_{kind}", None)
            if method is None:
                raise MarkdownError(f"a '{kind.replace('_', ' ')}' cannot be printed in a document")
            out.append(method(token))
        return out

    def block_block_code(self, token) -> Block:
        """A fenced block: the engine's own blocks (a chart, key figures) by their info string; code is refused."""
        info = str((token.get("attrs") or {}).get("info", "") or "").strip()
        return fenced_block(info, token.get("raw", ""), _parse_inner)

    def block_heading(self, token) -> Heading:
        return Heading(token["attrs"]["level"], self.inlines(token["children"]))

    def block_paragraph(self, token) -> Paragraph:
        return Paragraph(self.inlines(token["children"]))

    block_block_text = block_paragraph

    def block_list(self, token) -> List:
        attrs = token.get("attrs", {})
        items = tuple(ListItem(tuple(self.blocks(item["children"]))) for item in token["children"])
        return List(bool(attrs.get("ordered")), items, int(attrs.get("start", 1) or 1))

    def block_block_quote(self, token) -> BlockQuote:
        return BlockQuote(tuple(self.blocks(token["children"])))

    def block_thematic_break(self, token) -> ThematicBreak:
        return ThematicBreak()

    def block_table(self, token) -> Table:
        header: tuple[TableCell, ...] = ()
        rows: list[tuple[TableCell, ...]] = []
        for part in token["children"]:
            if part["type"] == "table_head":
                header = tuple(self._cell(cell) for cell in part["children"])
            else:
                rows.extend(tuple(self._cell(cell) for cell in row["children"]) for row in part["children"])
        return Table(header, tuple(rows))

    def _cell(self, token) -> TableCell:
        return TableCell(self.inlines(token["children"]), token["attrs"].get("align"))

    def inlines(self, tokens) -> tuple[Inline, ...]:
        out: list = []
        for token in tokens:
            kind = token["type"]
            if kind == "text":
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(out[-1].text + token["raw"])
                else:
                    out.append(Text(token["raw"]))
            elif kind == "softbreak":
                out.append(Text(" "))
            elif kind == "linebreak":
                out.append(LineBreak())
            elif kind == "emphasis":
                out.append(Emphasis(self.inlines(token["children"])))
            elif kind == "strong":
                out.append(Strong(self.inlines(token["children"])))
            elif kind == "codespan":
                out.append(Code(token["raw"]))
            elif kind == "link":
                out.append(Link(token["attrs"]["url"], self.inlines(token["children"])))
            elif kind == "footnote_ref":
                out.append(FootnoteRef(token["attrs"]["index"]))
            elif kind == "citation":
                out.append(CitationMark(token["attrs"]["id"], token["attrs"]["pinpoint"]))
            elif kind == "inline_html":
                raise MarkdownError(f"raw HTML cannot be printed in a document: {token['raw'][:60]!r}")
            else:
                raise MarkdownError(f"a '{kind.replace('_', ' ')}' cannot be printed in a document")
        return _merge_text(out)


def _merge_text(nodes: list) -> tuple:
    merged: list = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)
