"""Paragraph styles built from a :class:`~advocate.render.pdf.style.PdfStyle`.

One :class:`Stylesheet` per render: body, headings 1-4, block quote, list item,
table cell and header, footnote, and the fonts they use. Indented variants (list
items, quotes inside lists) are derived on demand and cached, so a long document
does not create thousands of style objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from advocate.render.pdf.fonts import RegisteredFamily, register_face, register_family
from advocate.render.pdf.style import PdfStyle

ALIGNMENTS = {None: TA_LEFT, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@dataclass
class Stylesheet:
    """The paragraph styles and font names of one render."""

    style: PdfStyle
    fonts: RegisteredFamily
    mono: str
    body: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]
    quote: ParagraphStyle
    list_item: ParagraphStyle
    table_cell: ParagraphStyle
    table_header: ParagraphStyle
    note: ParagraphStyle
    notes_heading: ParagraphStyle
    _derived: dict = field(default_factory=dict, repr=False)

    def heading(self, level: int) -> ParagraphStyle:
        return self.headings[min(max(level, 1), len(self.headings)) - 1]

    def indented(
        self,
        base: ParagraphStyle,
        left: float,
        right: float = 0,
        bullet_at: float | None = None,
        align: str | None = None,
    ) -> ParagraphStyle:
        """``base`` moved ``left`` points in from the left (and ``right`` from the right), its bullet
        ``bullet_at`` from the frame's edge."""
        key = (base.name, round(left, 3), round(right, 3), None if bullet_at is None else round(bullet_at, 3), align)
        found = self._derived.get(key)
        if found is None:
            extra = {} if align is None else {"alignment": ALIGNMENTS[align]}
            found = self._derived[key] = ParagraphStyle(
                f"{base.name}-{len(self._derived)}",
                parent=base,
                leftIndent=base.leftIndent + left,
                rightIndent=base.rightIndent + right,
                bulletIndent=base.bulletIndent + left if bullet_at is None else bullet_at,
                **extra,
            )
        return found

    @property
    def text_faces(self) -> tuple[str, ...]:
        """Every face body text may be set in (a paragraph inside a heading is bold, a quote may be italic)."""
        return (self.fonts.regular, self.fonts.bold, self.fonts.italic, self.fonts.bold_italic)


def build_stylesheet(style: PdfStyle) -> Stylesheet:
    """The styles of ``style``, registering its fonts with reportlab."""
    fonts = register_family(style.font_family)
    mono = register_face(style.mono_font)
    text = HexColor(style.text_colour)
    body = ParagraphStyle(
        "advocate-body",
        fontName=fonts.regular,
        fontSize=style.base_size,
        leading=style.leading,
        textColor=text,
        spaceAfter=style.paragraph_space,
        alignment=TA_JUSTIFY if style.justify else TA_LEFT,
        bulletFontName=fonts.regular,
        bulletFontSize=style.base_size,
        allowWidows=0,
        allowOrphans=0,
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0.3,
    )
    headings = []
    for level, size in enumerate(style.heading_sizes, start=1):
        headings.append(
            ParagraphStyle(
                f"advocate-h{level}",
                parent=body,
                fontName=fonts.bold_italic if level == 4 else fonts.bold,
                fontSize=size,
                leading=round(size * 1.25, 2),
                textColor=HexColor(style.heading_colour),
                spaceBefore={1: 0, 2: 16, 3: 12, 4: 10}[level],
                spaceAfter={1: 12, 2: 6, 3: 4, 4: 3}[level],
                keepWithNext=1,
                alignment=TA_LEFT,
            )
        )
    quote = ParagraphStyle(
        "advocate-quote",
        parent=body,
        fontSize=style.quote_size,
        leading=round(style.leading * style.quote_size / style.base_size, 2),
        leftIndent=style.quote_indent,
        rightIndent=style.quote_indent,
        textColor=HexColor(style.quote_colour),
        spaceAfter=style.paragraph_space,
    )
    list_item = ParagraphStyle("advocate-list-item", parent=body, spaceAfter=max(style.paragraph_space - 3, 2))
    table_cell = ParagraphStyle(
        "advocate-table-cell",
        parent=body,
        fontSize=style.table_size,
        leading=round(style.table_size * 1.25, 2),
        spaceAfter=0,
        alignment=TA_LEFT,
    )
    table_header = ParagraphStyle("advocate-table-header", parent=table_cell, fontName=fonts.bold)
    note = ParagraphStyle(
        "advocate-note",
        parent=body,
        fontSize=style.note_size,
        leading=style.note_leading,
        spaceAfter=2,
        leftIndent=style.note_size * 1.8,
        bulletIndent=0,
        bulletFontSize=style.note_size,
        alignment=TA_LEFT,
    )
    notes_heading = ParagraphStyle("advocate-notes-heading", parent=headings[1])
    return Stylesheet(
        style, fonts, mono, body, tuple(headings), quote, list_item, table_cell, table_header, note, notes_heading
    )
