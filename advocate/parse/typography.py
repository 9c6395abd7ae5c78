"""Typographic quotation marks and apostrophes, set once over the whole document tree.

Templates, records and citations are typed with straight quotes (``"`` and ``'``);
a printed letter has curly ones. This pass replaces them in every piece of text a
reader sees, in every format, by what the characters around them say each one is:

- an apostrophe inside a word, or at its end after a letter: ’ (don't, Côte d’Ivoire,
  the journalists’ union, ’90s);
- a single or double quote opening (after a space, an opening bracket or the start
  of a paragraph): ‘ “; closing (anywhere else): ’ ”;
- a straight quote just after a digit, with no quotation of its kind open: a prime,
  ′ (feet, minutes) or ″ (inches: 5″ naval guns).

Context runs across the inline nodes of one block (a quotation may open in plain text
and close after an italic title). Untouched: code spans, a link whose text is its
address, and any word that is an address (``https://…``, ``www.…``, an email
address), so that identifiers and URLs stay as typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from advocate.models.document import (
    BlockQuote,
    Chart,
    ChartSeries,
    Code,
    Document,
    Emphasis,
    Figure,
    Footnote,
    Heading,
    KeyFigures,
    LineBreak,
    Link,
    List,
    ListItem,
    Paragraph,
    Strong,
    SummaryBox,
    Table,
    TableCell,
    Text,
)

STRAIGHT = "'\""
"""The characters this pass replaces."""

_ADDRESS = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+"  # a web address
    r"|[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}\S*",  # an email address
    re.IGNORECASE,
)
_OPENERS = " \t\n\u00a0([{<‘“—–-/"
_YEAR = re.compile(r"\d\d(?:s\b|\b)")


class _Quotes:
    """Which quotations are open in the block being set (a closing quote needs an opening one to pair with)."""

    def __init__(self) -> None:
        self.previous = ""
        self.single_open = 0
        self.double_open = 0

    def text(self, text: str) -> str:
        """``text`` with its straight quotes set, in the context of what came before it in the block."""
        if not any(c in text for c in STRAIGHT):
            self._saw(text)
            return text
        out = []
        position = 0
        for address in _ADDRESS.finditer(text):
            out.append(self._set(text[position : address.start()], text[address.start() :]))
            out.append(address.group())
            self._saw(address.group())
            position = address.end()
        out.append(self._set(text[position:], ""))
        return "".join(out)

    def skip(self, text: str) -> None:
        """Text left as typed (code, an address) still counts as what came before the next quote."""
        self._saw(text)

    def _saw(self, text: str) -> None:
        if text:
            self.previous = text[-1]

    def _set(self, text: str, after: str) -> str:
        chars = list(text)
        for i, c in enumerate(chars):
            if c not in STRAIGHT:
                self._count(c)
                self.previous = c
                continue
            following = chars[i + 1] if i + 1 < len(chars) else (after[:1] or "")
            rest = text[i + 1 :] + after
            chars[i] = self._double(following) if c == '"' else self._single(following, rest)
            self.previous = chars[i]
        return "".join(chars)

    def _count(self, c: str) -> None:
        """A quotation mark already typographic (a template's own “…”) opens or closes a quotation too."""
        if c == "“":
            self.double_open += 1
        elif c == "”":
            self.double_open = max(0, self.double_open - 1)
        elif c == "‘":
            self.single_open += 1
        elif c == "’" and self.single_open and not self.previous.isalnum():
            self.single_open -= 1

    def _opening(self) -> bool:
        return self.previous == "" or self.previous in _OPENERS

    def _double(self, following: str) -> str:
        if self._opening() and not following.isspace():
            self.double_open += 1
            return "“"
        if self.previous.isdigit() and not self.double_open:
            return "″"
        self.double_open = max(0, self.double_open - 1)
        return "”"

    def _single(self, following: str, rest: str) -> str:
        previous = self.previous
        if previous.isalnum() and following.isalpha():
            return "’"  # inside a word: don't, d'Ivoire, the 1990's
        if self._opening():
            if _YEAR.match(rest) and not self.single_open:
                return "’"  # the '90s
            if not following.isspace():
                self.single_open += 1
                return "‘"
            return "’"
        if previous.isdigit() and not self.single_open:
            return "′"
        if self.single_open:
            self.single_open -= 1
        return "’"  # a closing quote, or a possessive: the journalists' union


def set_inlines(nodes, quotes: _Quotes | None = None) -> tuple:
    """Inline nodes with their text set; ``quotes`` carries the context of the block they belong to."""
    quotes = quotes or _Quotes()
    out: list = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(Text(quotes.text(node.text)))
        elif isinstance(node, Code):
            quotes.skip(node.text)
            out.append(node)
        elif isinstance(node, Link):
            shown = "".join(child.text for child in node.children if isinstance(child, (Text, Code)))
            if shown.strip() == node.url or _ADDRESS.fullmatch(shown.strip() or "-"):
                quotes.skip(shown)
                out.append(node)
            else:
                out.append(Link(node.url, set_inlines(node.children, quotes)))
        elif isinstance(node, (Emphasis, Strong)):
            out.append(type(node)(set_inlines(node.children, quotes)))
        elif isinstance(node, LineBreak):
            quotes.skip(" ")
            out.append(node)
        else:
            out.append(node)
    return tuple(out)


def set_text(text: str) -> str:
    """One string set on its own (a chart title, a figure's label, a document's title)."""
    return _Quotes().text(str(text)) if text else text


def _block(block):
    if isinstance(block, (Paragraph, Heading)):
        return replace(block, children=set_inlines(block.children))
    if isinstance(block, List):
        return replace(block, items=tuple(ListItem(tuple(_block(b) for b in item.children)) for item in block.items))
    if isinstance(block, BlockQuote):
        return BlockQuote(tuple(_block(b) for b in block.children))
    if isinstance(block, Table):
        return Table(tuple(_cell(c) for c in block.header), tuple(tuple(_cell(c) for c in row) for row in block.rows))
    if isinstance(block, SummaryBox):
        return SummaryBox(set_text(block.title), tuple(_block(b) for b in block.children))
    if isinstance(block, KeyFigures):
        return KeyFigures(tuple(Figure(set_text(f.value), set_text(f.label), set_text(f.note)) for f in block.figures))
    if isinstance(block, Chart):
        return replace(
            block,
            title=set_text(block.title),
            categories=tuple(set_text(c) for c in block.categories),
            series=tuple(ChartSeries(set_text(s.name), s.values) for s in block.series),
            marker_name=set_text(block.marker_name),
            source=set_text(block.source),
            note=set_text(block.note),
        )
    return block


def _cell(cell: TableCell) -> TableCell:
    return TableCell(set_inlines(cell.children), cell.align)


def set_blocks(blocks) -> tuple:
    """Blocks with their text set, each block a context of its own."""
    return tuple(_block(block) for block in blocks)


def typeset(document: Document) -> Document:
    """The document with typographic quotation marks and apostrophes in its body, footnotes and metadata."""
    info = document.info
    info = replace(
        info, title=set_text(info.title), subject=set_text(info.subject), running_header=set_text(info.running_header)
    )
    footnotes = tuple(Footnote(note.number, set_blocks(note.children)) for note in document.footnotes)
    return Document(info, set_blocks(document.children), footnotes)


def straight_quotes(text: str) -> str:
    """Typographic quotes back to straight ones (to compare a document's text with what a record says)."""
    return text.translate(_STRAIGHTEN)


_STRAIGHTEN = str.maketrans({"‘": "'", "’": "'", "′": "'", "“": '"', "”": '"', "″": '"'})
