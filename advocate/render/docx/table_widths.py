"""Column widths of a DOCX table, measured with the font's own metrics.

Word and LibreOffice both lay a fixed-layout table out at the widths its grid gives
(``w:gridCol`` and each cell's ``w:tcW``); a column narrower than its longest word breaks the word
("Destinatio|n", "Outco|me"). The text is measured here in Liberation Serif, which has the metrics of
Times New Roman (the house style's font, and LibreOffice's substitute for it), at the table style's
size, bold in the header row, with each footnote mark glued to its word; the widths are then shared
out by :func:`advocate.render.columns.allocate`. A small allowance covers a reference document's font
differing a little.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from advocate.render.columns import ColumnNeed, allocate, cell_text, typical_width
from advocate.render.pdf.fonts import LIBERATION_SERIF, register_family
from advocate.render.typography import unbreakable_words

TABLE_FONT_SIZE = 9.5
"""Points: the "Advocate Table" style's text (``w:sz`` 19), as in the PDF."""
CELL_MARGIN = 85
"""Twips: the table style's left (and right) cell margin."""
NARROW_CELL_MARGIN = 50
"""Twips: the cell margin of a table whose dates and identifiers do not fit whole with :data:`CELL_MARGIN`
(a narrower gutter is better than a broken date)."""
ALLOWANCE = 1.02
"""Text measured a little wide, for rounding in the word processor."""
SLACK = 30
"""Twips added to every column's needs on top of the margins."""


def _twips(text: str, font: str) -> float:
    return stringWidth(text, font, TABLE_FONT_SIZE) * 20 * ALLOWANCE


def _longest(words: list[str], font: str) -> float:
    return max((_twips(word, font) for word in words), default=0.0)


def _token_widths(text: str, width: float, font: str, known: dict) -> tuple[float, float]:
    """(longest tied token, longest word) of a cell's text in twips; a cell of one word is its own width."""
    if " " not in text and "\u00a0" not in text and "-" not in text and "\n" not in text:
        return width, width
    key = (text, font)
    found = known.get(key)
    if found is None:
        found = known[key] = (
            _longest(unbreakable_words(text, at_hyphens=True), font),
            _longest(unbreakable_words(text, tied=False, at_hyphens=True), font),
        )
    return found


def column_widths(header, rows, total: int) -> tuple[list[int], list[bool], int]:
    """Widths in twips summing to ``total`` for a table of ``header`` and ``rows`` (rows of cell nodes),
    per column whether its dates stay whole (False when the page is too narrow for them), and the
    cell margin to give the table."""
    count = len(header)
    if count == 0:
        return [total], [], CELL_MARGIN
    fonts = register_family(LIBERATION_SERIF)
    natural = [0.0] * count
    tied = [0.0] * count
    word = [0.0] * count
    one_line: list[list[float]] = [[] for _ in range(count)]
    known: dict = {}
    for index, row in enumerate((header, *rows)):
        font = fonts.bold if index == 0 else fonts.regular
        for column, cell in enumerate(row[:count]):
            text = cell_text(cell.children)
            width = _twips(text, font) if "\n" not in text else max(_twips(line, font) for line in text.split("\n"))
            one_line[column].append(width)
            natural[column] = max(natural[column], width)
            if width <= word[column]:
                continue  # none of its words can be wider than the column already needs
            cell_tied, cell_word = _token_widths(text, width, font, known)
            tied[column] = max(tied[column], cell_tied)
            word[column] = max(word[column], cell_word)
    for margin in (CELL_MARGIN, NARROW_CELL_MARGIN):
        pad = 2 * margin + SLACK
        needs = [
            ColumnNeed(n + pad, t + pad, w + pad, typical_width(widths) + pad)
            for n, t, w, widths in zip(natural, tied, word, one_line)
        ]
        if sum(need.tied for need in needs) <= total:
            break
    shares = allocate(needs, float(total))
    widths = [int(share) for share in shares]
    widths[-1] += total - sum(widths)
    keeps_dates = [width >= need.tied - 1 for width, need in zip(widths, needs)]
    return widths, keeps_dates, margin
