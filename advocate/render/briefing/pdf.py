"""The parliamentary briefing as a designed PDF: cover page, shaded summary box, key figures as tiles, charts.

:class:`BriefingPdfRenderer` is the letter renderer
(:class:`~advocate.render.pdf.renderer.PdfRenderer`) with its own look
(:data:`BRIEFING_STYLE`), page furniture and the engine-drawn blocks:

- the cover (page 1) is drawn from the document's metadata: a band in the house
  colour with 'Parliamentary briefing' (the subject), the title, the date and the
  organisation (the author); under them the notice that opens the body (a block
  quote before any other text: an illustrative case's banner), in a box ruled in
  the highlight colour; and the contents, each level-2 heading with the page it
  is on. The body's first heading, when it repeats the title, the italic byline
  straight after it and the notice are not printed again;
- later pages have a running header with a rule, and every page but the cover
  its number;
- a :class:`~advocate.models.document.SummaryBox` is a shaded box with a rule in
  the accent colour down its left side;
- :class:`~advocate.models.document.KeyFigures` are tiles, three to a row, each a
  large number over its label and note;
- a :class:`~advocate.models.document.Chart` is drawn with reportlab's graphics
  (see :mod:`advocate.render.briefing.charts`) under its title, with its note
  and source under it, kept on one page.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from advocate.models.document import BlockQuote, Document, Emphasis, Heading, plain_text
from advocate.models.document import Paragraph as ParagraphNode
from advocate.render.briefing.charts import ChartLook, bar_drawing, timeline_drawing
from advocate.render.pdf.fonts import check_printable
from advocate.render.pdf.renderer import BlockContext, PdfRenderer
from advocate.render.pdf.style import PdfStyle
from advocate.render.typography import tie

BRIEFING_STYLE = PdfStyle(
    margin_top=24 * mm,
    margin_bottom=20 * mm,
    margin_left=21 * mm,
    margin_right=21 * mm,
    header_offset=12 * mm,
    footer_offset=10 * mm,
    base_size=10.5,
    leading=14.2,
    paragraph_space=6.5,
    heading_sizes=(20, 14, 11.5, 10.5),
    table_size=8.8,
    note_size=8,
    note_leading=10,
    heading_colour="#16324f",
    link_colour="#1f5d99",
    rule_colour="#a7b1bc",
    table_header_background="#e3e9f0",
    table_stripe_background="#f5f7fa",
)
"""A briefing's look: a little tighter than a letter, a deeper navy for headings."""

ACCENT = "#16324f"
"""The house colour: cover band, summary rule, figure values."""
HIGHLIGHT = "#d9822b"
BOX_BACKGROUND = "#eef2f7"
TILE_BACKGROUND = "#f4f6f9"
COVER_TEXT = "#ffffff"
COVER_MUTED = "#c5d3e2"


class BriefingPdfRenderer(PdfRenderer):
    """Tree → a designed briefing PDF (A4, Liberation Serif, footnotes at the foot of the page)."""

    def __init__(self, style: PdfStyle | None = None):
        super().__init__(style or BRIEFING_STYLE)
        self._styles: dict[str, ParagraphStyle] = {}

    # -- paragraph styles of the designed blocks ------------------------------------

    def _style(self, name: str) -> ParagraphStyle:
        found = self._styles.get(name)
        if found is not None:
            return found
        fonts, sheet = self.sheet.fonts, self.sheet
        body = sheet.body
        muted = HexColor(self.style.muted_colour)
        made = {
            "box_title": ParagraphStyle(
                "briefing-box-title",
                parent=body,
                fontName=fonts.bold,
                fontSize=11.5,
                leading=14,
                textColor=HexColor(ACCENT),
                spaceAfter=5,
            ),
            "figure_value": ParagraphStyle(
                "briefing-figure-value",
                parent=body,
                fontName=fonts.bold,
                fontSize=21,
                leading=24,
                textColor=HexColor(ACCENT),
                spaceAfter=1,
                alignment=TA_LEFT,
            ),
            "figure_label": ParagraphStyle(
                "briefing-figure-label", parent=body, fontName=fonts.bold, fontSize=9, leading=11, spaceAfter=1
            ),
            "figure_note": ParagraphStyle(
                "briefing-figure-note", parent=body, fontSize=8, leading=10, textColor=muted, spaceAfter=0
            ),
            "chart_title": ParagraphStyle(
                "briefing-chart-title",
                parent=body,
                fontName=fonts.bold,
                fontSize=10.5,
                leading=13,
                textColor=HexColor(ACCENT),
                spaceBefore=8,
                spaceAfter=6,
                keepWithNext=1,
            ),
            "chart_note": ParagraphStyle(
                "briefing-chart-note", parent=body, fontSize=7.8, leading=9.8, textColor=muted, spaceAfter=1
            ),
            "cover_kicker": ParagraphStyle(
                "briefing-cover-kicker",
                parent=body,
                fontName=fonts.bold,
                fontSize=10.5,
                leading=13,
                textColor=HexColor(COVER_MUTED),
            ),
            "cover_title": ParagraphStyle(
                "briefing-cover-title",
                parent=body,
                fontName=fonts.bold,
                fontSize=27,
                leading=32,
                textColor=HexColor(COVER_TEXT),
            ),
            "cover_meta": ParagraphStyle(
                "briefing-cover-meta",
                parent=body,
                fontSize=11.5,
                leading=16,
                textColor=HexColor(self.style.text_colour),
            ),
            "cover_small": ParagraphStyle(
                "briefing-cover-small", parent=body, fontSize=8.5, leading=11, textColor=muted
            ),
            "cover_notice": ParagraphStyle(
                "briefing-cover-notice", parent=body, fontSize=10, leading=13.5, spaceAfter=0
            ),
            "contents_title": ParagraphStyle(
                "briefing-contents-title",
                parent=body,
                fontName=fonts.bold,
                fontSize=11.5,
                leading=16,
                textColor=HexColor(ACCENT),
            ),
            "centre": ParagraphStyle("briefing-centre", parent=body, alignment=TA_CENTER),
        }
        self._styles.update(made)
        return self._styles[name]

    def _look(self) -> ChartLook:
        fonts = self.sheet.fonts
        return ChartLook(
            font=fonts.regular, bold=fonts.bold, text=self.style.text_colour, muted=self.style.muted_colour
        )

    def _plain(self, text: str, style: ParagraphStyle, where: str) -> Paragraph:
        check_printable(text, (style.fontName,), where)
        return Paragraph(escape(tie(text)), style)

    # -- the document ------------------------------------------------------------------

    def _restyle(self, style: PdfStyle) -> None:
        super()._restyle(style)
        self._styles = {}

    def render(self, document: Document) -> bytes:
        self._styles = {}
        self._notices: list[BlockQuote] = []
        self._contents_top = None
        return super().render(document)

    def cover(self, document: Document) -> list[Flowable]:
        """The cover's text is drawn by :meth:`on_first_page`; the body starts on page 2."""
        info = document.info
        for text, where in ((info.title, "the title"), (info.subject, "the subject"), (info.author, "the author")):
            check_printable(text, (self.sheet.fonts.bold,), where)
        return [Spacer(1, 1), PageBreak()]

    def story(self, document: Document) -> list[Flowable]:
        """The body, without the title heading, byline and opening notice the cover already shows."""
        children = list(document.children)
        index = 0
        while index < len(children) and children[index].kind in ("block_quote",):
            index += 1
        title = children[index] if index < len(children) else None
        if (
            isinstance(title, Heading)
            and title.level == 1
            and plain_text(title.children).strip() == document.info.title.strip()
        ):
            del children[index]
            byline = children[index] if index < len(children) else None
            if (
                isinstance(byline, ParagraphNode)
                and len(byline.children) == 1
                and isinstance(byline.children[0], Emphasis)
            ):
                del children[index]
        self._notices = []
        while children and isinstance(notice := children[0], BlockQuote) and _unnoted(notice):
            self._notices.append(notice)
            del children[0]
        trimmed = Document(document.info, tuple(children), document.footnotes)
        return super().story(trimmed)

    # -- page furniture ---------------------------------------------------------------

    def on_first_page(self, canvas, doc) -> None:
        """The cover: a band in the house colour holding the kind of document and the title; date and organisation under it."""
        info = self._rendering.info
        width, height = self.style.page_size
        left = self.style.margin_left
        text_width = width - left - self.style.margin_right
        kicker = self._plain(
            (info.subject or "Parliamentary briefing").upper(), self._style("cover_kicker"), "the subject"
        )
        title = self._plain(info.title, self._style("cover_title"), "the title")
        _, kicker_height = kicker.wrap(text_width, height)
        _, title_height = title.wrap(text_width, height)
        band_top = height
        band_bottom = height - max(112 * mm, 58 * mm + kicker_height + title_height)
        canvas.saveState()
        canvas.setFillColor(HexColor(ACCENT))
        canvas.rect(0, band_bottom, width, band_top - band_bottom, stroke=0, fill=1)
        canvas.setFillColor(HexColor(HIGHLIGHT))
        canvas.rect(left, band_bottom - 2.2 * mm, 34 * mm, 2.2 * mm, stroke=0, fill=1)
        y = band_bottom + 18 * mm + title_height
        title.drawOn(canvas, left, band_bottom + 18 * mm)
        kicker.drawOn(canvas, left, y + 8 * mm)
        meta_lines = [
            f"<b>{escape(info.author)}</b>" if info.author else "",
            escape(f"{info.date.day} {info.date:%B %Y}"),
        ]
        meta = Paragraph("<br/>".join(line for line in meta_lines if line), self._style("cover_meta"))
        _, meta_height = meta.wrap(text_width, height)
        meta.drawOn(canvas, left, band_bottom - 16 * mm - meta_height)
        y = band_bottom - 16 * mm - meta_height - 10 * mm
        y = self._draw_notices(canvas, left, y, text_width) - 10 * mm if self._notices else y
        self._contents_top = y
        foot = self._plain(
            f"Prepared by {info.author}." if info.author else "", self._style("cover_small"), "the author"
        )
        _, foot_height = foot.wrap(text_width, height)
        foot.drawOn(canvas, left, self.style.margin_bottom)
        canvas.setStrokeColor(HexColor(self.style.rule_colour))
        canvas.setLineWidth(0.5)
        canvas.line(
            left,
            self.style.margin_bottom + foot_height + 4,
            width - self.style.margin_right,
            self.style.margin_bottom + foot_height + 4,
        )
        canvas.restoreState()

    def _draw_notices(self, canvas, left: float, top: float, width: float) -> float:
        """The opening notices in a shaded box ruled at its left in the highlight colour; returns its bottom."""
        pad = 4 * mm
        paragraphs = [
            Paragraph(self.inline(block.children), self._style("cover_notice"))
            for notice in self._notices
            for block in notice.children
            if isinstance(block, ParagraphNode)
        ]
        heights = [p.wrap(width - 2 * pad, top)[1] for p in paragraphs]
        height = sum(heights) + 3 * (len(paragraphs) - 1) + 2 * pad
        canvas.setFillColor(HexColor(BOX_BACKGROUND))
        canvas.rect(left, top - height, width, height, stroke=0, fill=1)
        canvas.setFillColor(HexColor(HIGHLIGHT))
        canvas.rect(left, top - height, 1.2 * mm, height, stroke=0, fill=1)
        y = top - pad
        for paragraph, paragraph_height in zip(paragraphs, heights):
            y -= paragraph_height
            paragraph.drawOn(canvas, left + pad, y)
            y -= 3
        return top - height

    def _draw_contents(self, canvas) -> None:
        """The contents on the cover: each level-2 heading, a dotted leader, and the page it was placed on."""
        entries = [(title, page) for title, level, page in self.headings if level == 1]
        if not entries or self._contents_top is None:
            return
        left = self.style.margin_left
        width = (self.style.page_size[0] - left - self.style.margin_right) * 0.62
        style = self._style("cover_meta")
        heading = Paragraph("Contents", self._style("contents_title"))
        _, heading_height = heading.wrap(width, self._contents_top)
        y = self._contents_top - heading_height
        heading.drawOn(canvas, left, y)
        font, size = style.fontName, style.fontSize
        dot = stringWidth(" .", font, size)
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(HexColor(self.style.text_colour))
        for title, page in entries:
            check_printable(title, (font,), "a heading in the contents")
            y -= style.leading
            number = str(page)
            canvas.drawString(left, y, title)
            canvas.drawRightString(left + width, y, number)
            start = left + stringWidth(title, font, size) + 4
            end = left + width - stringWidth(number, font, size) - 4
            canvas.setFillColor(HexColor(self.style.rule_colour))
            canvas.drawString(start, y, " ." * max(int((end - start) / dot), 0))
            canvas.setFillColor(HexColor(self.style.text_colour))
        canvas.restoreState()

    def on_later_pages(self, canvas, doc) -> None:
        """The running header, a short accent rule at its left."""
        super().on_later_pages(canvas, doc)
        _width, height = self.style.page_size
        y = height - self.style.header_offset - 4
        canvas.saveState()
        canvas.setStrokeColor(HexColor(ACCENT))
        canvas.setLineWidth(1.6)
        canvas.line(self.style.margin_left, y, self.style.margin_left + 18 * mm, y)
        canvas.restoreState()

    def page_footer(self, canvas, page: int, total: int) -> None:
        """The page number at the right and the organisation at the left; on the cover, the contents (drawn
        once every page is laid out, when the page of each heading is known)."""
        if page == 1:
            self._draw_contents(canvas)
            return
        style = self.style
        canvas.saveState()
        canvas.setFont(self.sheet.fonts.regular, style.small_size)
        canvas.setFillColor(HexColor(style.muted_colour))
        canvas.drawRightString(style.page_size[0] - style.margin_right, style.footer_offset, f"{page} / {total}")
        if self.document is not None and self.document.info.author:
            canvas.drawString(style.margin_left, style.footer_offset, self.document.info.author)
        canvas.restoreState()

    # -- the designed blocks ------------------------------------------------------------

    def summary_box(self, node, context: BlockContext) -> list[Flowable]:
        """A shaded box with an accent rule down its left: the title, then the blocks."""
        inner: list[Flowable] = []
        if node.title:
            inner.append(self._plain(node.title, self._style("box_title"), "a summary box's title"))
        for block in node.children:
            inner.extend(self.visit(block, BlockContext()))
        width = self.style.frame_width - context.indent
        table = Table([[inner]], colWidths=[width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.sheet.fonts.regular),
                    ("BACKGROUND", (0, 0), (-1, -1), HexColor(BOX_BACKGROUND)),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, HexColor(ACCENT)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 14),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                    ("TOPPADDING", (0, 0), (-1, -1), 10),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return [table, Spacer(1, 10)]

    def key_figures(self, node, context: BlockContext) -> list[Flowable]:
        """Tiles three to a row: the value large in the house colour, the label, the note."""
        per_row = 3 if len(node.figures) != 4 else 2
        gap = 7.0
        width = self.style.frame_width - context.indent
        tile = (width - gap * (per_row - 1)) / per_row
        cells = []
        for figure in node.figures:
            cell = [
                self._plain(figure.value, self._style("figure_value"), "a key figure"),
                self._plain(figure.label, self._style("figure_label"), "a key figure's label"),
            ]
            if figure.note:
                cell.append(self._plain(figure.note, self._style("figure_note"), "a key figure's note"))
            cells.append(cell)
        widths = [tile if index % 2 == 0 else gap for index in range(2 * per_row - 1)]
        flowables: list[Flowable] = []
        for start in range(0, len(cells), per_row):
            row = cells[start : start + per_row]
            line: list = []
            commands: list[tuple[object, ...]] = [
                ("FONTNAME", (0, 0), (-1, -1), self.sheet.fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
            for index in range(per_row):
                if index:
                    line.append("")
                line.append(row[index] if index < len(row) else "")
                if index < len(row):
                    commands.append(("BACKGROUND", (2 * index, 0), (2 * index, 0), HexColor(TILE_BACKGROUND)))
                    commands.append(("LINEABOVE", (2 * index, 0), (2 * index, 0), 2, HexColor(ACCENT)))
            table = Table([line], colWidths=widths, hAlign="LEFT")
            table.setStyle(TableStyle(commands))
            flowables.extend([table, Spacer(1, gap)])
        flowables.append(Spacer(1, 4))
        return flowables

    def chart(self, node, context: BlockContext) -> list[Flowable]:
        """The chart under its title, its note and source under it, on one page."""
        width = self.style.frame_width - context.indent
        look = self._look()
        for name in node.categories:
            check_printable(name, (look.font,), "a chart's category")
        for series in node.series:
            check_printable(series.name, (look.font,), "a chart's series name")
        drawing = timeline_drawing(node, width, look) if node.form == "timeline" else bar_drawing(node, width, look)
        parts: list[Flowable] = [
            self._plain(node.title, self._style("chart_title"), "a chart's title"),
            drawing,
            Spacer(1, 5),
        ]
        for text in (node.note, node.source):
            if text:
                parts.append(self._plain(text, self._style("chart_note"), "a chart's note"))
        return [KeepTogether(parts), Spacer(1, 10)]


def _unnoted(block) -> bool:
    """Whether a block holds no footnote mark (a notice drawn on the cover cannot place a note)."""
    return all(not (child.kind == "footnote_ref" or not _unnoted(child)) for child in getattr(block, "children", ()))
