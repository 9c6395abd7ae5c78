"""The DOCX renderer: the document tree as a Word file a lawyer can edit.

Real headings (Heading 1-4), real numbered and bulleted lists (Word numbering
that restarts per list), real footnotes (``word/footnotes.xml``), clickable
hyperlinks, tables whose header row repeats on each page, a running header
after page 1 and "Page N of M" in the footer. The look comes from the default
house style or from a reference document (as pandoc's ``--reference-doc``).
The same document gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml.etree import _Element

from advocate.errors import RenderError
from advocate.models.document import (
    Document,
    Emphasis,
    Heading,
    Paragraph,
    Strong,
    Text,
)
from advocate.render.base import Renderer
from advocate.render.briefing.tables import chart_notes, chart_table, figures_table
from advocate.render.docx.elements import field_runs, paragraph, run, text_run, w
from advocate.render.docx.footnotes_part import (
    FootnotesPart,
    add_footnote,
    footnotes_part,
    mark_runs,
    reference_run,
)
from advocate.render.docx.house_base import STYLES_PART, house_base
from advocate.render.docx.house_style import (
    StyleIds,
    add_missing_styles,
    hangs,
    set_language,
    style_ids,
)
from advocate.render.docx.numbering import (
    INDENT_STEP,
    ListNumbering,
    numbering_properties,
)
from advocate.render.docx.package import (
    drop_thumbnail,
    package_bytes,
    set_core_properties,
)
from advocate.render.docx.page_furniture import add_page_furniture
from advocate.render.docx.table_widths import CELL_MARGIN, column_widths
from advocate.render.keep import with_keep
from advocate.render.typography import tie

_EMU_PER_TWIP = 635
_ALIGN = {"left": "left", "center": "center", "right": "right"}


@dataclasses.dataclass(frozen=True)
class _Story:
    """Where blocks go (the body, before its ``w:sectPr``, or one footnote) and the part that owns their links."""

    container: _Element
    part: Part
    paragraph_style: str
    before: _Element | None = None
    list_depth: int = 0

    def add(self, element: _Element) -> None:
        if self.before is not None:
            self.before.addprevious(element)
        else:
            self.container.append(element)


@dataclasses.dataclass(frozen=True)
class _Format:
    """Character formatting in force for an inline node: from enclosing emphasis, strong, links, table headers."""

    bold: bool = False
    italic: bool = False
    style: str | None = None
    tied: bool = True
    """Dates kept on one line (no-break spaces); off in a table column too narrow for a whole date."""


@dataclasses.dataclass
class _State:
    """What one call of :meth:`DocxRenderer.render` accumulates."""

    styles: StyleIds
    numbering: ListNumbering
    text_width: int
    hanging_note_marks: bool
    page_break_pending: bool = False
    note_bookmarks: dict[int, str] = dataclasses.field(default_factory=dict)
    bookmark_count: int = 0


class DocxRenderer(Renderer):
    """Tree → DOCX, styled by the default house style or by ``reference`` (a .docx whose styles,
    page setup, header and footer are used, as pandoc's ``--reference-doc``)."""

    extension = "docx"

    def __init__(self, reference: Path | None = None):
        self.reference = Path(reference) if reference is not None else None
        self._state: _State | None = None

    @property
    def _current(self) -> _State:
        """What the render in progress has accumulated: node methods run only inside :meth:`render`."""
        if self._state is None:
            raise RuntimeError("DocxRenderer's node methods run only inside render()")
        return self._state

    # -- the whole document ------------------------------------------------------

    def render(self, document: Document) -> bytes:
        info = document.info
        if self.reference is None:
            base = house_base()
            word = docx.Document(io.BytesIO(base.light))
            styles, hanging = base.style_ids, base.hanging_note_marks
            replacements = {STYLES_PART: base.styles_xml(info.language)}
        else:
            word = self._reference_document()
            set_language(word, info.language)
            styles = style_ids(word)
            hanging = hangs(word, styles.footnote_text)
            replacements = {}
        text_width = self._text_width(word)
        state = self._state = _State(
            styles=styles,
            numbering=ListNumbering(word),
            text_width=text_width,
            hanging_note_marks=hanging,
        )
        try:
            body = word.element.body
            story = _Story(body, word.part, state.styles.normal, before=body.find(qn("w:sectPr")))
            self._blocks(document.children, story)
            if state.page_break_pending:
                self._add_block(story, paragraph(None))
            if document.footnotes:
                part = footnotes_part(word)
                for note in document.footnotes:
                    self.footnote(note, part)
            add_page_furniture(word, info.running_header or info.title, styles.header, styles.footer)
        finally:
            self._state = None
        set_core_properties(word, info)
        drop_thumbnail(word)
        return package_bytes(word, replacements)

    def _text_width(self, word: DocxDocument) -> int:
        """The width between the first section's margins, in twips."""
        section = word.sections[0]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        if width is None or left is None or right is None:
            raise RenderError(
                f"{self.reference}: its first section gives no page width or margins; set them in Word's page setup"
            )
        return int((width - left - right) // _EMU_PER_TWIP)

    def _reference_document(self) -> DocxDocument:
        """The reference document emptied of its body, with the house styles it lacks added."""
        try:
            word = docx.Document(str(self.reference))
        except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
            raise RenderError(f"{self.reference}: not a readable Word document (.docx): {error}") from None
        body = word.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        add_missing_styles(word)
        return word

    def _add_block(self, story: _Story, element: _Element) -> None:
        """Add a block element; a pending page break becomes the paragraph's 'page break before'."""
        state = self._current
        if state.page_break_pending:
            state.page_break_pending = False
            if element.tag == qn("w:p"):
                ppr = element.find(qn("w:pPr"))
                if ppr is None:
                    ppr = w("pPr")
                    element.insert(0, ppr)
                before = [child for child in ppr if child.tag in (qn("w:pStyle"), qn("w:keepNext"), qn("w:keepLines"))]
                ppr.insert(len(before), w("pageBreakBefore"))
            else:
                story.add(paragraph(None, [run(w("br", type="page"))]))
        story.add(element)

    # -- blocks ------------------------------------------------------------------

    def _blocks(self, blocks, story: _Story) -> None:
        """A sequence of blocks; one that announces the next (:mod:`advocate.render.keep`) keeps with it."""
        for block, keep in with_keep(blocks):
            if keep:
                self.visit(block, story, keep=True)
            else:
                self.visit(block, story)

    def heading(self, node, story: _Story, keep: bool = True) -> None:
        # Kept with the next paragraph in the paragraph itself, not only in the heading style, so that a
        # reference document's headings keep too.
        p = paragraph(self._current.styles.heading(node.level), properties=[w("keepNext")] if keep else [])
        self._inlines(node.children, p, story, _Format())
        self._add_block(story, p)

    def paragraph(self, node, story: _Story, properties=(), keep: bool = False) -> None:
        p = paragraph(story.paragraph_style, properties=([w("keepNext")] if keep else []) + list(properties))
        self._inlines(node.children, p, story, _Format())
        self._add_block(story, p)

    def list(self, node, story: _Story, keep: bool = False) -> None:
        """A list; with ``keep``, its last item ends in a lead-in kept with the block after the list."""
        num_id = self._current.numbering.new_list(node.ordered, story.list_depth, node.start)
        for index, item in enumerate(node.items):
            self.list_item(item, story, num_id, keep_end=keep and index == len(node.items) - 1)

    def list_item(self, node, story: _Story, num_id: int, keep_end: bool = False) -> None:
        depth = story.list_depth
        item_story = dataclasses.replace(story, paragraph_style=self._current.styles.list_paragraph)
        children = list(node.children)
        if not children or not isinstance(children[0], Paragraph):
            children.insert(0, Paragraph(()))
        for index, (block, keep) in enumerate(with_keep(children)):
            keep = keep or (keep_end and index == len(children) - 1)
            if index == 0:
                self.paragraph(block, item_story, properties=[numbering_properties(num_id, depth)], keep=keep)
            elif isinstance(block, Paragraph):
                self.paragraph(block, item_story, properties=[w("ind", left=INDENT_STEP * (depth + 1))], keep=keep)
            elif keep:
                self.visit(block, dataclasses.replace(item_story, list_depth=depth + 1), keep=True)
            else:
                self.visit(block, dataclasses.replace(item_story, list_depth=depth + 1))

    def block_quote(self, node, story: _Story) -> None:
        quoted = dataclasses.replace(story, paragraph_style=self._current.styles.quote)
        self._blocks(node.children, quoted)

    def thematic_break(self, node, story: _Story) -> None:
        rule = w("pBdr", [w("bottom", val="single", sz=6, space=1, color="808080")])
        self._add_block(story, paragraph(story.paragraph_style, properties=[rule]))

    def page_break(self, node, story: _Story) -> None:
        self._current.page_break_pending = True

    def table(self, node, story: _Story) -> None:
        widths, keeps_dates, margin = column_widths(node.header, node.rows, self._current.text_width)
        aligns = [cell.align for cell in node.header]
        margins = (
            [w("tblCellMar", [w("left", w=margin, type="dxa"), w("right", w=margin, type="dxa")])]
            if margin != CELL_MARGIN
            else []
        )
        tbl = w(
            "tbl",
            [
                w(
                    "tblPr",
                    [
                        w("tblStyle", val=self._current.styles.table),
                        w("tblW", w=5000, type="pct"),
                        w("tblLayout", type="fixed"),
                        *margins,
                        w(
                            "tblLook",
                            val="04A0",
                            firstRow=1,
                            lastRow=0,
                            firstColumn=0,
                            lastColumn=0,
                            noHBand=1,
                            noVBand=1,
                        ),
                    ],
                ),
                w("tblGrid", [w("gridCol", w=width) for width in widths]),
            ],
        )
        rows = [(node.header, True)] + [(cells, False) for cells in node.rows]
        for cells, is_header in rows:
            row_properties = [w("cantSplit")] + ([w("tblHeader")] if is_header else [])
            tr = w("tr", [w("trPr", row_properties)])
            for column, cell in enumerate(cells):
                align = cell.align or (aligns[column] if column < len(aligns) else None)
                last = min(column, len(widths) - 1)
                tr.append(
                    self.table_cell(
                        cell, story, widths[last], align, is_header, tied=keeps_dates[last] if keeps_dates else True
                    )
                )
            tbl.append(tr)
        self._add_block(story, tbl)
        # Word needs a paragraph between two tables, and one after a table reads better before text.
        story.add(
            paragraph(story.paragraph_style, properties=[w("spacing", before=0, after=0, line=120, lineRule="exact")])
        )

    def table_cell(
        self, node, story: _Story, width: int, align: str | None, is_header: bool, tied: bool = True
    ) -> _Element:
        properties = [w("jc", val=_ALIGN[align])] if align in _ALIGN else []
        p = paragraph(None, properties=properties)
        self._inlines(node.children, p, story, _Format(bold=is_header, tied=tied))
        return w("tc", [w("tcPr", [w("tcW", w=width, type="dxa")]), p])

    # -- the engine-drawn blocks: Word cannot run the PDF's drawings, and a researcher editing the
    # briefing wants the numbers anyway, so a chart prints as its data (a table with a caption above
    # and its notes below), key figures as a table, and a summary box as a headed section, each built
    # from ordinary nodes so the house style and a reference DOCX apply unchanged.

    def _caption(self, text: str, story: _Story) -> None:
        self.visit(Paragraph((Strong((Text(text),)),)), story, keep=True)

    def key_figures(self, node, story: _Story) -> None:
        self._caption("Key figures", story)
        self.visit(figures_table(node), story)

    def chart(self, node, story: _Story) -> None:
        self._caption(node.title, story)
        self.visit(chart_table(node), story)
        for text in chart_notes(node):
            self.visit(Paragraph((Emphasis((Text(text),)),)), story)

    def summary_box(self, node, story: _Story) -> None:
        if node.title:
            self.visit(Heading(2, (Text(node.title),)), story)
        self._blocks(node.children, story)

    def footnote(self, node, part: FootnotesPart) -> None:
        note = add_footnote(part, node.number)
        story = _Story(note, part, self._current.styles.footnote_text)
        for block in node.children:
            self.visit(block, story)
        first = note.find(qn("w:p"))
        if first is None or note.index(first) != 0:
            first = paragraph(story.paragraph_style)
            note.insert(0, first)
        ppr = first.find(qn("w:pPr"))
        position = 0 if ppr is None else 1
        for offset, mark in enumerate(
            mark_runs(self._current.styles.footnote_reference, hanging=self._current.hanging_note_marks)
        ):
            first.insert(position + offset, mark)

    # -- inlines -----------------------------------------------------------------

    def _inlines(self, nodes, sink: _Element, story: _Story, fmt: _Format) -> None:
        for node in nodes:
            self.visit(node, sink, story, fmt)

    def text(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        if node.text:
            text = tie(node.text) if fmt.tied else node.text
            sink.append(text_run(text, style=fmt.style, bold=fmt.bold, italic=fmt.italic))

    def emphasis(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        self._inlines(node.children, sink, story, dataclasses.replace(fmt, italic=True))

    def strong(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        self._inlines(node.children, sink, story, dataclasses.replace(fmt, bold=True))

    def code(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        sink.append(run(node.text, style=self._current.styles.code, bold=fmt.bold, italic=fmt.italic))

    def link(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        if node.url.startswith("#"):
            hyperlink = w("hyperlink", anchor=node.url[1:], history=1)
        else:
            rel_id = story.part.relate_to(node.url, RT.HYPERLINK, is_external=True)
            hyperlink = w("hyperlink", r__id=rel_id, history=1)
        self._inlines(node.children, hyperlink, story, dataclasses.replace(fmt, style=self._current.styles.hyperlink))
        sink.append(hyperlink)

    def line_break(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        sink.append(run(w("br")))

    def footnote_ref(self, node, sink: _Element, story: _Story, fmt: _Format) -> None:
        """The first reference to a note is Word's own; a later one is a NOTEREF field showing the same number."""
        state = self._current
        style = state.styles.footnote_reference
        bookmark = state.note_bookmarks.get(node.number)
        if bookmark is None:
            state.bookmark_count += 1
            bookmark = f"_RefNote{node.number}"
            state.note_bookmarks[node.number] = bookmark
            sink.append(w("bookmarkStart", id=state.bookmark_count, name=bookmark))
            sink.append(reference_run(node.number, style))
            sink.append(w("bookmarkEnd", id=state.bookmark_count))
        else:
            shown = str(list(state.note_bookmarks).index(node.number) + 1)
            for field_run in field_runs(f"NOTEREF {bookmark} \\f \\h", shown, style=style):
                sink.append(field_run)
