"""The PDF renderer: the document tree as an A4 letter set with reportlab platypus.

Block methods return lists of flowables, inline methods return reportlab
paragraph markup; both are named after ``node.kind`` and dispatched by
:meth:`~advocate.render.base.Renderer.visit`. Footnotes go at the foot of the
page of their first reference (see :mod:`advocate.render.pdf.notes`) or, with
``notes="endnotes"``, under "Notes" at the end.

A subclass (a designed briefing, say) can override :meth:`PdfRenderer.cover`
(flowables before the body), :meth:`PdfRenderer.story`, and the page hooks
:meth:`PdfRenderer.on_first_page`, :meth:`PdfRenderer.on_later_pages` and
:meth:`PdfRenderer.page_footer`; the look comes from a
:class:`~advocate.render.pdf.style.PdfStyle`.

Output is reproducible: the PDF is written with reportlab's ``invariant`` mode
and its creation and modification dates are the document's date.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus.flowables import HRFlowable

from advocate.errors import UnprintableText
from advocate.models.document import Document, Text, plain_text
from advocate.models.document import Paragraph as ParagraphNode
from advocate.render.base import Renderer
from advocate.render.columns import cell_text
from advocate.render.keep import with_keep
from advocate.render.list_labels import bullet, ordered_label
from advocate.render.pdf.fit import MAX_PAGES, NEAR_EMPTY, tighter_styles
from advocate.render.pdf.fonts import check_printable
from advocate.render.pdf.layout import NotesDocTemplate, numbered_canvas
from advocate.render.pdf.notes import CALLBACK, FlushNotes, FootnoteLedger
from advocate.render.pdf.paragraph import Paragraph
from advocate.render.pdf.style import PdfStyle
from advocate.render.pdf.stylesheet import Stylesheet, build_stylesheet
from advocate.render.pdf.table import CellSpec, RowTable
from advocate.render.typography import tie

__all__ = ["PdfRenderer", "PdfStyle", "UnprintableText"]

Flowables = list[Flowable]
"""What a block renders to: a name of its own for the methods after ``list``, which hides the builtin in the class."""


@dataclass(frozen=True)
class BlockContext:
    """Where a block is set: its base style, extra indent, the list depth and a pending list label."""

    base: str = "body"
    """``body``, ``quote``, ``list_item`` or ``note``."""
    indent: float = 0.0
    right: float = 0.0
    depth: int = 0
    bullet: str | None = None
    bullet_at: float | None = None
    anchor: str = ""
    """Markup put before the first paragraph's text (a link target)."""


@dataclass(frozen=True)
class _Built:
    """One setting of a document: its bytes, pages, the share of its last page's text area used, and what the
    page hooks learnt (each heading's page, each note's page)."""

    pdf: bytes
    pages: int
    last_page_used: float
    headings: list
    note_pages: dict


class PdfRenderer(Renderer):
    """Tree → PDF bytes (A4, embedded Liberation fonts, footnotes or endnotes).

    One render at a time per instance: the document being rendered is kept in
    :attr:`document` for the page hooks.
    """

    extension = "pdf"

    def __init__(self, style: PdfStyle | None = None, *, notes: Literal["footnotes", "endnotes"] = "footnotes"):
        if notes not in ("footnotes", "endnotes"):
            raise ValueError(f"notes must be 'footnotes' or 'endnotes', not {notes!r}")
        self.style = style or PdfStyle()
        self.notes = notes
        self.document: Document | None = None
        self.headings: list[tuple[str, int, int]] = []
        """(title, outline level, page) of each heading, as placed by the last render (level 0 is the title's)."""
        self._note_numbers_known: frozenset[int] = frozenset()
        self._sheet: Stylesheet | None = None

    @property
    def _rendering(self) -> Document:
        """The document being rendered: the page hooks run only while :meth:`render` builds it."""
        if self.document is None:
            raise RuntimeError("a PdfRenderer's page hooks run only while it renders a document")
        return self.document

    @property
    def sheet(self) -> Stylesheet:
        """The paragraph styles of :attr:`style` (built, and the fonts registered, on first use)."""
        if self._sheet is None:
            self._sheet = build_stylesheet(self.style)
        return self._sheet

    # -- the whole document ------------------------------------------------------

    def render(self, document: Document) -> bytes:
        """The PDF; set again a little tighter when that saves a last page holding a line or two
        (:mod:`advocate.render.pdf.fit`)."""
        built = self._build(document)
        if 1 < built.pages <= MAX_PAGES and built.last_page_used < NEAR_EMPTY:
            original = self.style
            try:
                for style in tighter_styles(original):
                    self._restyle(style)
                    tighter = self._build(document)
                    if tighter.pages < built.pages:
                        built = tighter
                        break
            finally:
                self._restyle(original)
        self.headings, self.note_pages = built.headings, built.note_pages
        return built.pdf

    def _restyle(self, style: PdfStyle) -> None:
        """Set later renders in ``style`` (the paragraph styles are built again from it)."""
        self.style = style
        self._sheet = None

    def _build(self, document: Document) -> _Built:
        self.document = document
        self.headings = []
        info = document.info
        check_printable(self.running_header(document), (self.sheet.fonts.regular,), "the running header")
        story = self.cover(document) + self.story(document)
        style = self.style
        footnotes = (
            {note.number: self.footnote(note) for note in document.footnotes} if self.notes == "footnotes" else {}
        )
        ledger = FootnoteLedger(
            footnotes,
            style.frame_width,
            style.frame_height * style.notes_max_fraction,
            style.frame_height * 0.85,
            style.rule_colour,
        )
        out = io.BytesIO()
        doc = NotesDocTemplate(
            out,
            ledger=ledger,
            frame_box=(style.margin_left, style.margin_bottom, style.frame_width, style.frame_height),
            on_first_page=self.on_first_page,
            on_later_pages=self.on_later_pages,
            on_heading=lambda title, level, page: self.headings.append((title, level, page)),
            pagesize=style.page_size,
            leftMargin=style.margin_left,
            rightMargin=style.margin_right,
            topMargin=style.margin_top,
            bottomMargin=style.margin_bottom,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator="advocate",
            invariant=1,
            lang=info.language,
            pageCompression=1,
            initialFontName=self.sheet.fonts.regular,
            initialFontSize=style.base_size,
            initialLeading=style.leading,
        )
        doc.build(story + [FlushNotes()], canvasmaker=numbered_canvas(self.page_footer, info.date))
        used = doc.used_heights.get(doc.page, style.frame_height)
        return _Built(out.getvalue(), doc.page, used / style.frame_height, list(self.headings), dict(ledger.pages))

    def story(self, document: Document) -> list[Flowable]:
        """The body as flowables (and, in endnotes mode, the "Notes" section after it)."""
        self.document = document
        self._note_numbers_known = frozenset(note.number for note in document.footnotes)
        flowables = self.blocks(document.children, BlockContext())
        if self.notes == "endnotes" and document.footnotes:
            heading = Paragraph("Notes", self.sheet.notes_heading)
            heading.outline_title, heading.outline_level = "Notes", 0
            flowables.append(heading)
            for note in document.footnotes:
                flowables.extend(self.footnote(note))
        return flowables

    def cover(self, document: Document) -> list[Flowable]:
        """Flowables before the body (none for a letter; a briefing's cover page)."""
        return []

    def running_header(self, document: Document) -> str:
        return document.info.running_header or document.info.title

    # -- page hooks --------------------------------------------------------------

    def on_first_page(self, canvas, doc) -> None:
        """Drawn on the first page before its content (nothing for a letter)."""

    def on_later_pages(self, canvas, doc) -> None:
        """Drawn on every later page: the running header with a hairline under it."""
        style = self.style
        text = self.running_header(self._rendering)
        if not text:
            return
        width, height = style.page_size
        y = height - style.header_offset
        canvas.saveState()
        canvas.setFont(self.sheet.fonts.regular, style.small_size)
        canvas.setFillColor(HexColor(style.muted_colour))
        canvas.drawString(style.margin_left, y, text)
        canvas.setStrokeColor(HexColor(style.rule_colour))
        canvas.setLineWidth(0.4)
        canvas.line(style.margin_left, y - 4, width - style.margin_right, y - 4)
        canvas.restoreState()

    def page_footer(self, canvas, page: int, total: int) -> None:
        """Drawn on every page once the page count is known: 'Page X of Y', centred."""
        style = self.style
        canvas.saveState()
        canvas.setFont(self.sheet.fonts.regular, style.small_size)
        canvas.setFillColor(HexColor(style.muted_colour))
        canvas.drawCentredString(style.page_size[0] / 2, style.footer_offset, f"Page {page} of {total}")
        canvas.restoreState()

    # -- blocks ------------------------------------------------------------------

    def blocks(self, blocks, context: BlockContext) -> list[Flowable]:
        """A sequence of blocks as flowables; a block that announces the next (:mod:`advocate.render.keep`)
        is kept on its page."""
        flowables: list[Flowable] = []
        for block, keep in with_keep(blocks):
            made = self.visit(block, context)
            if keep:
                _keep_end(made)
            flowables.extend(made)
        return flowables

    def _paragraph_style(self, context: BlockContext):
        sheet = self.sheet
        base = {"body": sheet.body, "quote": sheet.quote, "list_item": sheet.list_item, "note": sheet.note}[
            context.base
        ]
        if not context.indent and not context.right and context.bullet_at is None:
            return base
        return sheet.indented(base, context.indent, context.right, context.bullet_at)

    def heading(self, node, context: BlockContext) -> list[Flowable]:
        text = self.inline(node.children)
        flowable = Paragraph(text, self.sheet.heading(node.level))
        flowable.outline_title = plain_text(node.children)
        flowable.outline_level = max(node.level - 1, 0)
        return [flowable]

    def paragraph(self, node, context: BlockContext) -> list[Flowable]:
        markup = context.anchor + self.inline(node.children)
        return [Paragraph(markup, self._paragraph_style(context), bulletText=context.bullet)]

    def list(self, node, context: BlockContext) -> list[Flowable]:
        sheet = self.sheet
        labels = [
            ordered_label(context.depth, node.start + n) if node.ordered else bullet(context.depth)
            for n in range(len(node.items))
        ]
        if node.ordered:
            widest = max(stringWidth(label, sheet.fonts.regular, self.style.base_size) for label in labels)
            label_width = max(self.style.list_indent, widest + 7)
        else:
            label_width = self.style.list_indent
        flowables: list[Flowable] = []
        for item, label in zip(node.items, labels):
            item_context = replace(
                context,
                base="list_item" if context.base == "body" else context.base,
                indent=context.indent + label_width,
                depth=context.depth + 1,
                bullet=label,
                bullet_at=context.indent,
                anchor="",
            )
            flowables.extend(self.list_item(item, item_context))
        if context.depth == 0 and context.base == "body":
            flowables.append(Spacer(1, 3))
        return flowables

    def list_item(self, node, context: BlockContext) -> Flowables:
        flowables: list[Flowable] = []
        rest = replace(context, bullet=None, bullet_at=None)
        children = list(node.children)
        if not children or not isinstance(children[0], ParagraphNode):
            flowables.append(Paragraph("", self._paragraph_style(context), bulletText=context.bullet))
            flowables.extend(self.blocks(children, rest))
            return flowables
        for index, (child, keep) in enumerate(with_keep(children)):
            made = self.visit(child, context if index == 0 else rest)
            if keep:
                _keep_end(made)
            flowables.extend(made)
        return flowables

    def block_quote(self, node, context: BlockContext) -> Flowables:
        inner = replace(
            context,
            base="quote" if context.base != "note" else "note",
            bullet=None,
            bullet_at=None,
            indent=context.indent + (self.style.quote_indent if context.base == "note" else 0),
        )
        return self.blocks(node.children, inner)

    def thematic_break(self, node, context: BlockContext) -> Flowables:
        return [
            HRFlowable(
                width="100%",
                thickness=0.5,
                color=HexColor(self.style.rule_colour),
                spaceBefore=4,
                spaceAfter=self.style.paragraph_space + 4,
                hAlign="CENTER",
            )
        ]

    def page_break(self, node, context: BlockContext) -> Flowables:
        return [PageBreak()]

    def table(self, node, context: BlockContext) -> Flowables:
        header = [self.table_cell(cell, header=True) for cell in node.header]
        width = len(header)
        rows = []
        for number, row in enumerate(node.rows, start=1):
            if len(row) != width:
                raise ValueError(f"table row {number} has {len(row)} cells; the header has {width}")
            rows.append([self.table_cell(cell) for cell in row])
        return [RowTable(header, rows, self.sheet, indent=context.indent)]

    def table_cell(self, node, header: bool = False) -> CellSpec:
        children = node.children
        if all(isinstance(child, Text) for child in children):
            text = "".join(child.text for child in children)
            faces = (self.sheet.fonts.bold,) if header else (self.sheet.fonts.regular,)
            check_printable(text, faces, "a table cell")
            return CellSpec(markup="", measure=tie(text), align=node.align, plain=True)
        notes = tuple(self._note_numbers(children))
        return CellSpec(
            markup=self.inline(children),
            measure=cell_text(children),
            align=node.align,
            plain=False,
            notes=notes if self.notes == "footnotes" else (),
        )

    def footnote(self, node) -> Flowables:
        """Footnote ``node`` as flowables: its number hanging in the margin of its first paragraph."""
        context = BlockContext(
            base="note", bullet=str(node.number), bullet_at=0, anchor=f'<a name="advocate-note-{node.number}"/>'
        )
        flowables: list[Flowable] = []
        children = list(node.children)
        if not children or not isinstance(children[0], ParagraphNode):
            flowables.append(Paragraph(context.anchor, self._paragraph_style(context), bulletText=context.bullet))
        else:
            flowables.extend(self.visit(children.pop(0), context))
        rest = BlockContext(base="note")
        for child in children:
            flowables.extend(self.visit(child, rest))
        return flowables

    # -- inlines -----------------------------------------------------------------

    def inline(self, nodes) -> str:
        return "".join(self.visit(node) for node in nodes)

    def text(self, node) -> str:
        check_printable(node.text, self.sheet.text_faces)
        return escape(tie(node.text))

    def emphasis(self, node) -> str:
        return f"<i>{self.inline(node.children)}</i>"

    def strong(self, node) -> str:
        return f"<b>{self.inline(node.children)}</b>"

    def code(self, node) -> str:
        check_printable(node.text, (self.sheet.mono,), "code")
        return f'<font face="{self.sheet.mono}" size="-1">{escape(node.text)}</font>'

    def link(self, node) -> str:
        url = escape(node.url, {'"': "&quot;"})
        return f'<a href="{url}" color="{self.style.link_colour}">{self.inline(node.children)}</a>'

    def line_break(self, node) -> str:
        return "<br/>"

    def footnote_ref(self, node) -> str:
        number = node.number
        if number not in self._note_numbers_known:
            raise ValueError(f"footnote reference {number} has no footnote {number} in the document")
        mark = f'<a href="#advocate-note-{number}"><super>{number}</super></a>'
        if self.notes == "footnotes":
            return f'<onDraw name="{CALLBACK}" label="{number}"/>{mark}'
        return mark

    @staticmethod
    def _note_numbers(nodes):
        for node in nodes:
            if node.kind == "footnote_ref":
                yield node.number
            elif hasattr(node, "children"):
                yield from PdfRenderer._note_numbers(node.children)


def _keep_end(flowables: list[Flowable]) -> None:
    """Keep the end of a block with what follows: its last paragraph and anything after it (a list's spacer)."""
    for flowable in reversed(flowables):
        flowable.keepWithNext = 1
        if isinstance(flowable, Paragraph):
            return
