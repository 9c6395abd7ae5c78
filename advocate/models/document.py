"""One document tree for every output format.

The draft stage renders a Jinja template to Markdown with footnotes; the parse
stage turns that Markdown into this tree; each output format is a
:class:`~advocate.render.base.Renderer` with one method per node kind, named
after the node's ``kind`` (``paragraph``, ``footnote_ref`` ...), as mistune's
renderers are.

Nodes are small frozen dataclasses. Block nodes hold blocks or inlines; inline
nodes hold inlines or text. Footnotes are numbered from 1 in order of first
reference and live on the :class:`Document`, not in the body; the body refers to
them with :class:`FootnoteRef`. Citations have been resolved into text before a
renderer sees the tree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

# -- inline nodes ------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain text."""

    text: str
    kind = "text"


@dataclass(frozen=True)
class Emphasis:
    """Italic text (case names, report titles in citations)."""

    children: tuple[Inline, ...]
    kind = "emphasis"


@dataclass(frozen=True)
class Strong:
    """Bold text."""

    children: tuple[Inline, ...]
    kind = "strong"


@dataclass(frozen=True)
class Code:
    """Literal text such as a rating or a licence reference set in monospace."""

    text: str
    kind = "code"


@dataclass(frozen=True)
class Link:
    """A hyperlink; ``children`` are what is shown."""

    url: str
    children: tuple[Inline, ...]
    kind = "link"


@dataclass(frozen=True)
class LineBreak:
    """A hard line break inside a paragraph (an address block)."""

    kind = "line_break"


@dataclass(frozen=True)
class FootnoteRef:
    """The reference mark of footnote ``number`` in the text."""

    number: int
    kind = "footnote_ref"


Inline = Text | Emphasis | Strong | Code | Link | LineBreak | FootnoteRef


# -- block nodes -------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading; ``level`` 1 is the document's title level."""

    level: int
    children: tuple[Inline, ...]
    kind = "heading"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline content."""

    children: tuple[Inline, ...]
    kind = "paragraph"


@dataclass(frozen=True)
class ListItem:
    """One item of a list; holds blocks (usually one paragraph)."""

    children: tuple[Block, ...]
    kind = "list_item"


@dataclass(frozen=True)
class List:
    """A bulleted or numbered list. A numbered list starts at ``start`` (numbered paragraphs
    of a letter continue across headings by starting where the previous list ended)."""

    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1
    kind = "list"


@dataclass(frozen=True)
class TableCell:
    """A cell of a table; ``align`` is ``left``, ``center``, ``right`` or ``None``."""

    children: tuple[Inline, ...]
    align: str | None = None
    kind = "table_cell"


@dataclass(frozen=True)
class Table:
    """A table with one header row (repeated on every page it spans) and body rows."""

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    kind = "table"


@dataclass(frozen=True)
class BlockQuote:
    """Quoted text (a legal test quoted from the criteria)."""

    children: tuple[Block, ...]
    kind = "block_quote"


@dataclass(frozen=True)
class ThematicBreak:
    """A horizontal rule."""

    kind = "thematic_break"


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (written ``<!-- pagebreak -->`` in a template)."""

    kind = "page_break"


Block = Heading | Paragraph | List | Table | BlockQuote | ThematicBreak | PageBreak


@dataclass(frozen=True)
class Footnote:
    """Footnote ``number``: its text as blocks (usually one paragraph ending with a full stop)."""

    number: int
    children: tuple[Block, ...]
    kind = "footnote"


@dataclass(frozen=True)
class DocumentInfo:
    """What a renderer needs besides the content: metadata and the running header.

    ``date`` is the document's date: it is printed, and it is also the fixed
    creation and modification date written into DOCX and PDF metadata so that
    the same inputs give byte-identical files.
    """

    title: str
    date: dt.date
    author: str = ""
    subject: str = ""
    running_header: str = ""
    """Printed at the top of every page after the first (e.g. 'Request under FOIA 2000 — EXAMPLE-TR-2017')."""
    language: str = "en-GB"


@dataclass(frozen=True)
class Document:
    """A whole document: its body blocks, its footnotes in number order, and its metadata."""

    info: DocumentInfo
    children: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = field(default=())

    def walk(self) -> Iterator[object]:
        """Every node of the body and the footnotes, depth first."""
        stack = list(reversed(self.children + self.footnotes))
        while stack:
            node = stack.pop()
            yield node
            children: list = []
            if isinstance(node, List):
                children = list(node.items)
            elif isinstance(node, Table):
                children = list(node.header) + [cell for row in node.rows for cell in row]
            elif hasattr(node, "children"):
                children = list(node.children)
            stack.extend(reversed(children))


def plain_text(nodes) -> str:
    """The text of inline nodes without formatting (footnote marks dropped)."""
    out = []
    for node in nodes:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, (Emphasis, Strong, Link)):
            out.append(plain_text(node.children))
    return "".join(out)


# -- blocks the engine draws (written as fenced blocks, see advocate.parse.fenced) ---------------------------


@dataclass(frozen=True)
class Figure:
    """One key figure: ``value`` as printed ("17", "£3.3 million") over its ``label``, with an optional ``note``."""

    value: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class KeyFigures:
    """A row of key figures (a briefing's numbers at a glance), written ```` ```figures ```` with a JSON body."""

    figures: tuple[Figure, ...]
    kind = "key_figures"


@dataclass(frozen=True)
class ChartSeries:
    """One series of a chart: a value for each category, in category order."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartMarker:
    """Events marked on a chart's category axis: ``count`` of them known to fall between category
    ``first`` and category ``last`` (indexes, inclusive; equal when the events fall within one category)."""

    first: int
    last: int
    count: int


@dataclass(frozen=True)
class Chart:
    """A chart drawn from data, written ```` ```chart ```` with a JSON body.

    ``form`` is ``bar`` (one bar per category and series, categories down the page) or ``timeline``
    (categories are periods along the axis, series stacked, ``markers`` drawn under the axis and
    named ``marker_name``). ``source`` says where the data come from; ``note`` what the chart leaves out.
    """

    form: str
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    markers: tuple[ChartMarker, ...] = ()
    marker_name: str = ""
    source: str = ""
    note: str = ""
    kind = "chart"


@dataclass(frozen=True)
class SummaryBox:
    """A boxed summary (a briefing's 'In brief'): a title and blocks (usually one bulleted list),
    written ```` ```summary Title ```` with a Markdown body."""

    title: str
    children: tuple[Block, ...]
    kind = "summary_box"


@dataclass(frozen=True)
class SourceList:
    """Where the numbered list of every source the document cites goes (a briefing's "Sources"),
    written ```` ```sources ```` with no body. The resolve stage replaces it with an ordered
    :class:`List` once it knows which sources the footnotes cite; no renderer sees it."""

    kind = "source_list"


EngineBlock = KeyFigures | Chart | SummaryBox
"""Blocks a template asks the engine to draw (a renderer without a method for one refuses it by name)."""
