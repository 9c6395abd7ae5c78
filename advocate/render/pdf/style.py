"""The look of a PDF: page, margins, fonts, sizes and colours, as one frozen value.

The default is a careful law-firm letter: A4, generous margins, an 11 pt serif
body with open leading, restrained navy headings, thin grey rules and small
grey running heads. A later renderer (a designed briefing) passes its own
:class:`PdfStyle` or subclasses the renderer; the paragraph styles built from
it live in :mod:`advocate.render.pdf.stylesheet`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from advocate.render.pdf.fonts import LIBERATION_MONO, LIBERATION_SERIF, FontFamily


@dataclass(frozen=True)
class PdfStyle:
    """Page geometry, type and colour of a PDF (lengths in points; colours as '#rrggbb')."""

    page_size: tuple[float, float] = A4
    margin_top: float = 25 * mm
    margin_bottom: float = 22 * mm
    margin_left: float = 25 * mm
    margin_right: float = 25 * mm
    header_offset: float = 12 * mm
    """Distance of the running header's baseline from the top edge of the page."""
    footer_offset: float = 11 * mm
    """Distance of the page number's baseline from the bottom edge of the page."""

    font_family: FontFamily = LIBERATION_SERIF
    mono_font: str = LIBERATION_MONO
    base_size: float = 11
    leading: float = 15
    paragraph_space: float = 7
    """Space after a body paragraph."""
    justify: bool = False
    heading_sizes: tuple[float, float, float, float] = (17, 13.5, 11.5, 11)
    """Sizes of heading levels 1-4 (a deeper level is set as level 4)."""
    quote_size: float = 10.5
    quote_indent: float = 8 * mm
    list_indent: float = 6.5 * mm
    """Indent of a list item's text from the list's left edge (wider when numbers are long)."""
    table_size: float = 9.5
    note_size: float = 8.5
    note_leading: float = 10.5
    notes_max_fraction: float = 0.5
    """The largest share of the text area that footnotes may take on one page; a longer note continues overleaf."""
    small_size: float = 8.5
    """Running header and page number."""

    text_colour: str = "#1a1a1a"
    heading_colour: str = "#1f2f4a"
    link_colour: str = "#1a4f8b"
    muted_colour: str = "#5d6670"
    rule_colour: str = "#9aa3ad"
    table_header_background: str = "#e8ecf1"
    table_stripe_background: str = "#f6f7f9"
    table_rule_colour: str = "#c9cfd6"
    quote_colour: str = "#333333"

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margin_left - self.margin_right

    @property
    def frame_height(self) -> float:
        return self.page_size[1] - self.margin_top - self.margin_bottom
