"""Charts drawn with reportlab's own graphics (``reportlab.graphics``), for the briefing's PDF.

reportlab's graphics rather than matplotlib: no extra dependency, vector
output embedded in the PDF as drawing operators (sharp at any zoom, small, and
byte-identical on every run), and the same embedded fonts as the text.

- :func:`timeline_drawing`: a stacked bar per period (granted, refused), year
  labels under the axis, and under them the documented abuses on the same axis:
  a dot for the abuses dated within a period (larger for more), a bar across the
  periods for an abuse dated only to a span (a shaded strip when there are too
  many spans to draw one by one);
- :func:`bar_drawing`: horizontal bars, one per category, the count at the end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from advocate.models.document import Chart

MAX_SPAN_BARS = 10
"""More distinct spans than this are drawn as a shaded strip instead of one bar each."""
MAX_LANES = 4


@dataclass(frozen=True)
class ChartLook:
    """Fonts and colours of the charts ('#rrggbb')."""

    font: str
    bold: str
    text: str = "#1a1a1a"
    muted: str = "#5d6670"
    grid: str = "#dde2e8"
    axis: str = "#9aa3ad"
    series: tuple[str, ...] = ("#2f5d8a", "#d9822b", "#7a9cc0", "#8c6d9e")
    marker: str = "#b3261e"
    size: float = 7.5


def nice_ceiling(value: float) -> tuple[float, float]:
    """An axis maximum at or above ``value`` and a step giving four or five gridlines."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step >= raw:
            break
    if step < 1:
        step = 1.0
    return step * math.ceil(value / step), step


def _drawing(width: float, height: float, look: ChartLook) -> Drawing:
    """A drawing whose initial font is the embedded text font: reportlab's default (Helvetica, never
    embedded) would otherwise be set at the start of the drawing and by every label left without a font."""
    drawing = Drawing(width, height)
    drawing.initialFontName = look.font
    drawing.initialFontSize = look.size
    return drawing


def _legend(drawing: Drawing, look: ChartLook, items: list[tuple[str, str, str]], y: float) -> None:
    """Swatches and names in a row from the left: (shape 'box' or 'dot', colour, name)."""
    x = 0.0
    for shape, colour, name in items:
        if shape == "box":
            drawing.add(Rect(x, y - 1, 8, 8, fillColor=HexColor(colour), strokeColor=None))
        else:
            drawing.add(Circle(x + 4, y + 3, 3.2, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(String(x + 11, y, name, fontName=look.font, fontSize=look.size, fillColor=HexColor(look.text)))
        x += 11 + stringWidth(name, look.font, look.size) + 14


def _year_groups(categories: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(label, first index, last index) of each year on the axis ('2014 Q2' belongs to 2014)."""
    groups: list[tuple[str, int, int]] = []
    for index, name in enumerate(categories):
        year = name.split(" ")[0]
        if groups and groups[-1][0] == year:
            groups[-1] = (year, groups[-1][1], index)
        else:
            groups.append((year, index, index))
    return groups


def _lanes(spans) -> list[list]:
    """Spans placed in lanes so none overlaps another in its lane (longest first); ``None`` if more than fit."""
    lanes: list[list] = []
    for span in sorted(spans, key=lambda m: (m.first, -(m.last - m.first), m.count)):
        for lane in lanes:
            if lane[-1].last < span.first:
                lane.append(span)
                break
        else:
            if len(lanes) == MAX_LANES:
                return []
            lanes.append([span])
    return lanes


def _mix(colour: str, share: float) -> Color:
    """``colour`` blended into white: 0 is white, 1 the colour."""
    target = HexColor(colour)
    return Color(1 - (1 - target.red) * share, 1 - (1 - target.green) * share, 1 - (1 - target.blue) * share)


def timeline_drawing(chart: Chart, width: float, look: ChartLook) -> Drawing:
    """The timeline: stacked bars per period with the documented abuses marked under the same axis."""
    n = len(chart.categories)
    points = [m for m in chart.markers if m.first == m.last]
    spans = [m for m in chart.markers if m.first != m.last]
    lanes = _lanes(spans) if len(spans) <= MAX_SPAN_BARS else []
    strip = bool(spans) and not lanes
    marker_rows = (1 if points else 0) + (len(lanes) if lanes else 1 if strip else 0)
    left, right = 30.0, 4.0
    marker_height = marker_rows * 9 + (6 if marker_rows else 0)
    plot_bottom = marker_height + 16
    plot_height = 118.0
    legend_y = plot_bottom + plot_height + 16
    drawing = _drawing(width, legend_y + 10, look)
    plot_width = width - left - right

    totals = [sum(series.values[i] for series in chart.series) for i in range(n)]
    top, step = nice_ceiling(max(totals, default=0))
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = left, plot_bottom, plot_width, plot_height
    bars.data = [list(series.values) for series in chart.series]
    bars.categoryAxis.style = "stacked"
    bars.categoryAxis.categoryNames = [""] * n
    bars.categoryAxis.labels.fontName = look.font
    bars.categoryAxis.visibleTicks = False
    bars.categoryAxis.strokeColor = HexColor(look.axis)
    bars.categoryAxis.strokeWidth = 0.6
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, top, step
    bars.valueAxis.visibleAxis = False
    bars.valueAxis.visibleTicks = False
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = HexColor(look.grid)
    bars.valueAxis.gridStrokeWidth = 0.5
    bars.valueAxis.labels.fontName = look.font
    bars.valueAxis.labels.fontSize = look.size - 0.5
    bars.valueAxis.labels.fillColor = HexColor(look.muted)
    bars.valueAxis.labelTextFormat = lambda v: f"{int(v):,}" if float(v).is_integer() else f"{v:g}"
    bars.barSpacing = 0
    bars.groupSpacing = max(0.6, min(3.0, plot_width / n * 0.22))
    bars.bars.strokeColor = None
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = HexColor(look.series[index % len(look.series)])
    drawing.add(bars)

    slot = plot_width / n

    def x_of(index: float) -> float:
        return left + index * slot

    groups = _year_groups(chart.categories)
    every = 1 if len(groups) <= 18 else 2 if len(groups) <= 36 else 5
    for number, (label, first, last) in enumerate(groups):
        if number and first:
            drawing.add(
                Line(
                    x_of(first),
                    plot_bottom,
                    x_of(first),
                    plot_bottom - 4,
                    strokeColor=HexColor(look.axis),
                    strokeWidth=0.5,
                )
            )
        if number % every == 0:
            drawing.add(
                String(
                    (x_of(first) + x_of(last + 1)) / 2,
                    plot_bottom - 11,
                    label,
                    fontName=look.font,
                    fontSize=look.size - 0.5,
                    fillColor=HexColor(look.muted),
                    textAnchor="middle",
                )
            )

    y = marker_height - 6
    marker = HexColor(look.marker)
    if points:
        most = max(m.count for m in points)
        for m in points:
            radius = 1.6 + 2.6 * math.sqrt(m.count / most)
            drawing.add(
                Circle(x_of(m.first + 0.5), y, min(radius, max(slot / 2, 1.6)), fillColor=marker, strokeColor=None)
            )
            if m.count > 1 and slot >= 9:
                drawing.add(
                    String(
                        x_of(m.first + 0.5) + radius + 1,
                        y - 2.5,
                        f"{m.count:,}",
                        fontName=look.font,
                        fontSize=look.size - 1.5,
                        fillColor=marker,
                    )
                )
        y -= 9
    if lanes:
        for lane in lanes:
            for m in lane:
                drawing.add(
                    Rect(
                        x_of(m.first) + 0.8,
                        y - 2,
                        x_of(m.last + 1) - x_of(m.first) - 1.6,
                        4,
                        fillColor=_mix(look.marker, 0.55),
                        strokeColor=None,
                    )
                )
                if m.count > 1:
                    drawing.add(
                        String(
                            x_of(m.last + 1) + 1.5,
                            y - 2.5,
                            f"{m.count:,}",
                            fontName=look.font,
                            fontSize=look.size - 1.5,
                            fillColor=marker,
                        )
                    )
            y -= 9
    elif strip:
        cover = [0] * n
        for m in spans:
            for index in range(m.first, m.last + 1):
                cover[index] += m.count
        most = max(cover) or 1
        for index, count in enumerate(cover):
            if count:
                drawing.add(
                    Rect(
                        x_of(index),
                        y - 3,
                        slot,
                        6,
                        fillColor=_mix(look.marker, 0.15 + 0.85 * count / most),
                        strokeColor=None,
                    )
                )
    if marker_rows:
        drawing.add(
            String(
                0,
                marker_height - 8.5,
                "Abuses",
                fontName=look.font,
                fontSize=look.size - 1,
                fillColor=HexColor(look.muted),
            )
        )

    legend = [("box", look.series[i % len(look.series)], series.name) for i, series in enumerate(chart.series)]
    if points:
        legend.append(("dot", look.marker, f"{chart.marker_name or 'Marked'} within a {_unit(chart)}"))
    if spans:
        legend.append(
            (
                "box",
                _mix(look.marker, 0.55).hexval().replace("0x", "#"),
                "dated only to a span" + (" (shade: how many)" if strip else ""),
            )
        )
    _legend(drawing, look, legend, legend_y)
    return drawing


def _unit(chart: Chart) -> str:
    return "quarter" if any(" Q" in name for name in chart.categories) else "year"


def bar_drawing(chart: Chart, width: float, look: ChartLook) -> Drawing:
    """Horizontal bars, one per category (top to bottom in category order), each with its count."""
    n = len(chart.categories)
    row = 15.0
    label_width = min(max(stringWidth(name, look.font, look.size) for name in chart.categories) + 8, width * 0.48)
    height = n * row
    legend = len(chart.series) > 1
    drawing = _drawing(width, height + 6 + (14 if legend else 0), look)
    bars = HorizontalBarChart()
    bars.x, bars.y, bars.width, bars.height = label_width, 3, width - label_width - 34, height
    bars.data = [list(series.values) for series in chart.series]
    bars.categoryAxis.categoryNames = [_fit(name, look, label_width - 8) for name in chart.categories]
    bars.categoryAxis.reverseDirection = 1
    bars.categoryAxis.visibleTicks = False
    bars.categoryAxis.strokeColor = HexColor(look.axis)
    bars.categoryAxis.strokeWidth = 0.6
    bars.categoryAxis.labels.fontName = look.font
    bars.categoryAxis.labels.fontSize = look.size
    bars.categoryAxis.labels.fillColor = HexColor(look.text)
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -5
    top, step = nice_ceiling(max(max(series.values) for series in chart.series))
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, top, step
    bars.valueAxis.visible = False
    bars.barSpacing = 1
    bars.groupSpacing = 4
    bars.bars.strokeColor = None
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = HexColor(look.series[index % len(look.series)])
    bars.barLabelFormat = lambda v: f"{int(v):,}" if float(v).is_integer() else f"{v:,}"
    bars.barLabels.fontName = look.bold
    bars.barLabels.fontSize = look.size
    bars.barLabels.fillColor = HexColor(look.text)
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    drawing.add(bars)
    if legend:
        _legend(
            drawing,
            look,
            [("box", look.series[i % len(look.series)], s.name) for i, s in enumerate(chart.series)],
            height + 8,
        )
    return drawing


def _fit(text: str, look: ChartLook, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width``."""
    if stringWidth(text, look.font, look.size) <= width:
        return text
    while len(text) > 2 and stringWidth(text + "…", look.font, look.size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
