"""No near-empty last page: the small changes a typesetter makes to pull a few lines back.

A letter whose last page holds only its closing lines or a short list of sources looks unfinished
and costs a sheet. When the text on the last page takes less than :data:`NEAR_EMPTY` of the page,
the document is set again a little tighter, one step at a time (:func:`tighter_styles`: less space
between paragraphs and lines, then margins a few millimetres narrower, then type half a point
smaller, then the footnotes half a point smaller too), and the first setting with fewer pages is
kept; if none has fewer, the document stays as it was. Only short documents are tried again
(:data:`MAX_PAGES`): each try is a whole new setting.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm

from advocate.render.pdf.style import PdfStyle

NEAR_EMPTY = 0.25
"""The share of the text area under which a last page's text counts as a line or two."""
MAX_PAGES = 20
"""Longer documents are not set again."""


def tighter_styles(style: PdfStyle) -> list[PdfStyle]:
    """Settings of ``style`` a little tighter each, smallest change first."""
    spacing = replace(
        style,
        paragraph_space=max(style.paragraph_space - 2, 3),
        leading=style.leading - 0.4,
        note_leading=style.note_leading - 0.3,
    )
    margins = replace(spacing, margin_top=style.margin_top - 4 * mm, margin_bottom=style.margin_bottom - 4 * mm)
    smaller = replace(
        margins,
        base_size=style.base_size - 0.5,
        leading=style.leading - 1.0,
        quote_size=style.quote_size - 0.5,
        table_size=style.table_size - 0.3,
    )
    notes = replace(smaller, note_size=style.note_size - 0.5, note_leading=style.note_leading - 1.0)
    return [spacing, margins, smaller, notes]
