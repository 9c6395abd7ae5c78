"""A light table flowable that splits by rows in linear time and repeats its header on every page.

platypus ``Table`` re-measures every remaining row each time it splits, so a
table of 20,000 rows takes minutes. :class:`RowTable` measures each row once
(plain text by string width, wrapped by its own word wrapper; formatted cells as
Paragraphs), keeps the cumulative heights, and splits into two views of the
same measured rows. Every part draws the header row first.

The look is a ruled table without vertical lines: a shaded header with a rule
under it, hairlines between rows, light zebra stripes, a rule at the foot.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from advocate.render.columns import ColumnNeed, allocate, typical_width
from advocate.render.pdf.stylesheet import Stylesheet
from advocate.render.typography import NBSP, unbreakable_words

PAD_X = 4.0
NARROW_PAD_X = 2.5
"""Cell padding when the columns' unbreakable tokens do not fit with :data:`PAD_X`: a narrower gutter
is better than a broken date."""
PAD_Y = 3.0


@dataclass(frozen=True)
class CellSpec:
    """What a table cell prints: ``plain`` text drawn directly, or a Paragraph of ``markup``.

    ``measure`` is the cell's text without formatting, used to choose column
    widths; ``notes`` are the footnote numbers it references.
    """

    markup: str
    measure: str
    align: str | None
    plain: bool
    notes: tuple[int, ...] = ()


def _pieces(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the line, cut as gently as the line allows.

    A tied date is cut at its no-break spaces first ("10 September" / "2014"), then a word after a
    hyphen ("DIT-2017Q1-" / "TR-01"), and only as a last resort between characters.
    """
    if stringWidth(word, font, size) <= width or len(word) < 2:
        return [word]
    for mark, keep in ((NBSP, False), ("-", True)):
        if mark not in word[:-1]:
            continue
        parts = word.split(mark)
        pieces = [part + mark for part in parts[:-1]] if keep else [part + " " for part in parts[:-1]]
        pieces.append(parts[-1])
        lines: list[str] = []
        line = ""
        for piece in pieces:
            if line and stringWidth((line + piece).rstrip(" "), font, size) > width:
                lines.append(line.rstrip(" "))
                line = ""
            line += piece
        lines.append(line.rstrip(" "))
        if all(stringWidth(line, font, size) <= width for line in lines):
            return [line.replace(" ", NBSP) for line in lines]
    pieces = []
    while stringWidth(word, font, size) > width and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and stringWidth(word[:cut], font, size) > width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    pieces.append(word)
    return pieces


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` between words (no-break spaces hold).

    A word wider than the line is cut by :func:`_pieces`.
    """
    lines: list[str] = []
    for part in text.split("\n"):
        line = ""
        for word in part.split(" "):
            candidate = word if not line else f"{line} {word}"
            if stringWidth(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            *whole, line = _pieces(word, font, size, width)
            lines.extend(whole)
        lines.append(line)
    return lines


class _Cell:
    """A measured cell: lines of plain text with their widths, or a wrapped Paragraph."""

    __slots__ = ("align", "height", "lines", "paragraph")
    lines: tuple[tuple[str, float], ...]
    """Each line of plain text with its width (none for a Paragraph)."""

    def __init__(self, spec: CellSpec, text_width: float, width: float, style, sheet: Stylesheet, pad_x: float):
        self.align = spec.align or "left"
        inner = width - 2 * pad_x
        if spec.plain:
            self.paragraph = None
            text = spec.measure
            if text_width <= inner and "\n" not in text:
                self.lines = ((text, text_width),)
            else:
                self.lines = tuple(
                    (line, stringWidth(line, style.fontName, style.fontSize))
                    for line in wrap_words(text, style.fontName, style.fontSize, inner)
                )
            self.height = len(self.lines) * style.leading
        else:
            self.lines = ()
            markup = spec.markup
            if NBSP in markup and any(
                stringWidth(word, style.fontName, style.fontSize) > inner
                for word in unbreakable_words(spec.measure)
                if NBSP in word
            ):
                markup = markup.replace(NBSP, " ")  # a date wider than the column breaks between its words
            self.paragraph = Paragraph(markup, sheet.indented(style, 0, align=spec.align))
            self.height = self.paragraph.wrap(inner, 1e6)[1]


class _Measured:
    """The rows of one table measured at one width: shared by every part the table splits into."""

    def __init__(self, header, rows, text_widths, widths, sheet: Stylesheet, pad_x: float = PAD_X):
        self.widths = widths
        self.pad_x = pad_x
        self.header = [
            _Cell(spec, tw, w, sheet.table_header, sheet, pad_x) for spec, tw, w in zip(header, text_widths[0], widths)
        ]
        self.header_height = max((c.height for c in self.header), default=0) + 2 * PAD_Y
        self.rows = []
        heights = []
        style = sheet.table_cell
        for row, row_widths in zip(rows, text_widths[1:]):
            cells = [_Cell(spec, tw, w, style, sheet, pad_x) for spec, tw, w in zip(row, row_widths, widths)]
            self.rows.append(cells)
            heights.append(max((c.height for c in cells), default=0) + 2 * PAD_Y)
        self.bottoms = list(itertools.accumulate(heights))
        """``bottoms[i]``: height of rows 0..i together."""

    def height(self, start: int, stop: int) -> float:
        if stop <= start:
            return 0.0
        return self.bottoms[stop - 1] - (self.bottoms[start - 1] if start else 0.0)


def text_widths(header, rows, sheet: Stylesheet) -> list[list[float]]:
    """The width of every cell's text on one line: the header row first, then the body rows."""
    size = sheet.table_cell.fontSize
    bold, regular = sheet.table_header.fontName, sheet.table_cell.fontName
    out = [[stringWidth(spec.measure, bold, size) for spec in header]]
    out.extend([stringWidth(spec.measure, regular, size) for spec in row] for row in rows)
    return out


def column_widths(header, rows, widths_of_text, available: float, sheet: Stylesheet) -> tuple[list[float], float]:
    """Widths filling ``available`` (:func:`advocate.render.columns.allocate`): one line each when they fit,
    else no date, identifier or word broken while the page allows; and the cell padding to use (narrower
    when that is what keeps every token whole)."""
    count = len(header)
    natural = [0.0] * count
    tied = [0.0] * count
    word = [0.0] * count
    size = sheet.table_cell.fontSize
    for index, (row, row_widths) in enumerate(zip(itertools.chain([header], rows), widths_of_text)):
        font = sheet.table_header.fontName if index == 0 else sheet.table_cell.fontName
        for column, (spec, width) in enumerate(zip(row, row_widths)):
            if "\n" in spec.measure:
                width = max(stringWidth(line, font, size) for line in spec.measure.split("\n"))
            if width > natural[column]:
                natural[column] = width
            if width <= word[column]:
                continue  # no token of this cell can be wider than the column already needs
            text = spec.measure
            tied[column] = max(
                tied[column], max((stringWidth(w, font, size) for w in unbreakable_words(text)), default=0.0)
            )
            word[column] = max(
                word[column],
                max((stringWidth(w, font, size) for w in unbreakable_words(text, tied=False)), default=0.0),
            )
    typical = [typical_width([row[column] for row in widths_of_text]) for column in range(count)]
    for pad_x in (PAD_X, NARROW_PAD_X):
        pad = 2 * pad_x + 0.5
        needs = [ColumnNeed(n + pad, t + pad, w + pad, c + pad) for n, t, w, c in zip(natural, tied, word, typical)]
        if sum(n.tied for n in needs) <= available:
            break
    else:
        pad_x = PAD_X
        pad = 2 * pad_x + 0.5
        needs = [ColumnNeed(n + pad, t + pad, w + pad, c + pad) for n, t, w, c in zip(natural, tied, word, typical)]
    return allocate(needs, available), pad_x


class RowTable(Flowable):
    """A table of :class:`CellSpec` rows; splits between rows, drawing the header on every part."""

    def __init__(
        self,
        header,
        rows,
        sheet: Stylesheet,
        indent: float = 0.0,
        *,
        _shared=None,
        _start=0,
        _stop=None,
        _row_notes=None,
        _noted_rows=None,
    ):
        super().__init__()
        self.header_specs = header
        self.row_specs = rows
        self.sheet = sheet
        self.indent = indent
        self._shared = _shared if _shared is not None else {}
        self.start = _start
        self.stop = len(rows) if _stop is None else _stop
        self.style_ = sheet.style
        self.spaceBefore = 2
        self.spaceAfter = sheet.style.paragraph_space + 3
        self.row_notes = (
            _row_notes if _row_notes is not None else [tuple(n for spec in row for n in spec.notes) for row in rows]
        )
        self.header_notes = tuple(n for spec in header for n in spec.notes)
        self.noted_rows = (
            _noted_rows if _noted_rows is not None else [index for index, notes in enumerate(self.row_notes) if notes]
        )
        """Rows holding a footnote mark; shared by every part, like ``row_notes`` (a part is made for each
        split tried, and listing them again for each made splitting quadratic in the rows)."""

    def _measured(self, width: float) -> _Measured:
        key = round(width, 3)
        found = self._shared.get(key)
        if found is None:
            measured_text = self._shared.get("text")
            if measured_text is None:
                measured_text = self._shared["text"] = text_widths(self.header_specs, self.row_specs, self.sheet)
            widths, pad_x = column_widths(self.header_specs, self.row_specs, measured_text, width, self.sheet)
            found = self._shared[key] = _Measured(
                self.header_specs, self.row_specs, measured_text, widths, self.sheet, pad_x
            )
        return found

    @property
    def note_numbers(self) -> tuple[int, ...]:
        """The footnotes referenced by the rows of this part (read by the footnote layout instead of a trial draw)."""
        numbers = list(self.header_notes)
        first = bisect.bisect_left(self.noted_rows, self.start)
        last = bisect.bisect_left(self.noted_rows, self.stop)
        for row in self.noted_rows[first:last]:
            numbers.extend(self.row_notes[row])
        return tuple(numbers)

    def wrap(self, availWidth, availHeight):
        self._width = availWidth
        m = self._measured(availWidth - self.indent)
        self.width = availWidth
        self.height = m.header_height + m.height(self.start, self.stop)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        m = self._measured(availWidth - self.indent)
        room = availHeight - m.header_height
        base = m.bottoms[self.start - 1] if self.start else 0.0
        fits = bisect.bisect_right(m.bottoms, base + room + 1e-6, self.start, self.stop) - self.start
        if fits <= 0 or self.start + fits >= self.stop:
            return []
        cut = self.start + fits
        return [self._part(self.start, cut), self._part(cut, self.stop)]

    def _part(self, start: int, stop: int) -> RowTable:
        part = RowTable(
            self.header_specs,
            self.row_specs,
            self.sheet,
            self.indent,
            _shared=self._shared,
            _start=start,
            _stop=stop,
            _row_notes=self.row_notes,
            _noted_rows=self.noted_rows,
        )
        return part

    def draw(self):
        canv = self.canv
        m = self._measured(self._width - self.indent)
        style = self.style_
        width = sum(m.widths)
        x0 = self.indent
        top = self.height
        canv.saveState()
        canv.setFillColor(HexColor(style.table_header_background))
        canv.rect(x0, top - m.header_height, width, m.header_height, stroke=0, fill=1)
        canv.setFillColor(HexColor(style.table_stripe_background))
        y = top - m.header_height
        rules = []
        for index in range(self.start, self.stop):
            height = m.height(index, index + 1)
            if index % 2 == 1:
                canv.rect(x0, y - height, width, height, stroke=0, fill=1)
            y -= height
            rules.append(y)
        canv.setStrokeColor(HexColor(style.table_rule_colour))
        canv.setLineWidth(0.35)
        for rule in rules[:-1]:
            canv.line(x0, rule, x0 + width, rule)
        canv.setStrokeColor(HexColor(style.heading_colour))
        canv.setLineWidth(0.8)
        canv.line(x0, top - m.header_height, x0 + width, top - m.header_height)
        canv.line(x0, y, x0 + width, y)
        canv.setFillColor(HexColor(style.text_colour))
        text = canv.beginText()
        header_style, cell_style = self.sheet.table_header, self.sheet.table_cell
        text.setFont(header_style.fontName, header_style.fontSize, header_style.leading)
        paragraphs = self._set_row(text, m.header, m.widths, x0, top - PAD_Y, header_style, m.pad_x)
        text.setFont(cell_style.fontName, cell_style.fontSize, cell_style.leading)
        y = top - m.header_height
        for index in range(self.start, self.stop):
            paragraphs += self._set_row(text, m.rows[index], m.widths, x0, y - PAD_Y, cell_style, m.pad_x)
            y -= m.height(index, index + 1)
        canv.drawText(text)
        canv.restoreState()
        for paragraph, x, y in paragraphs:
            paragraph.drawOn(canv, x, y)

    @staticmethod
    def _set_row(text, cells, widths, x, top, style, pad_x: float) -> list:
        """Put the row's plain lines into the text object; return its paragraphs with their positions."""
        paragraphs = []
        for cell, width in zip(cells, widths):
            if cell.paragraph is not None:
                paragraphs.append((cell.paragraph, x + pad_x, top - cell.height))
            else:
                baseline = top - style.fontSize
                for line, line_width in cell.lines:
                    if cell.align == "right":
                        start = x + width - pad_x - line_width
                    elif cell.align == "center":
                        start = x + (width - line_width) / 2
                    else:
                        start = x + pad_x
                    text.setTextOrigin(start, baseline)
                    text.textOut(line)
                    baseline -= style.leading
            x += width
        return paragraphs
