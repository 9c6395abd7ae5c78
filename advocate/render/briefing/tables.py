"""Engine-drawn blocks as plain tables, for the formats that print data rather than draw it (text, DOCX).

A chart becomes a table with a row per category and a column per series (and,
on a timeline, a column counting the abuses dated within each period; periods
with nothing in them are left out); its title, note, source and the events
dated only to a span become lines of text. Key figures become a table of
figure, value and note.
"""

from __future__ import annotations

from advocate.models.document import Chart, KeyFigures, Table, TableCell, Text


def _cell(text, align: str | None = None) -> TableCell:
    return TableCell((Text(str(text)),), align)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def chart_table(chart: Chart) -> Table:
    """The chart's data: a row per category (empty periods of a timeline left out), a column per series."""
    marked = [0] * len(chart.categories)
    for marker in chart.markers:
        if marker.first == marker.last:
            marked[marker.first] += marker.count
    header = [_cell("Period" if chart.form == "timeline" else "")] + [_cell(s.name, "right") for s in chart.series]
    if chart.markers:
        header.append(_cell(f"{chart.marker_name or 'Marked'} in the period", "right"))
    rows = []
    for index, category in enumerate(chart.categories):
        values = [series.values[index] for series in chart.series]
        if chart.form == "timeline" and not any(values) and not marked[index]:
            continue
        row = [_cell(category)] + [_cell(_number(v), "right") for v in values]
        if chart.markers:
            row.append(_cell(_number(marked[index]) if marked[index] else "", "right"))
        rows.append(tuple(row))
    return Table(tuple(header), tuple(rows))


def chart_notes(chart: Chart) -> list[str]:
    """What is said under the chart's table: events dated only to a span, what is left out, the source."""
    notes = []
    spans = [m for m in chart.markers if m.first != m.last]
    if spans:
        listed = "; ".join(f"{chart.categories[m.first]} to {chart.categories[m.last]}: {m.count:,}" for m in spans)
        notes.append(f"{chart.marker_name or 'Marked'} dated only to a span: {listed}.")
    if chart.form == "timeline":
        notes.append("Periods with nothing in them are left out of this table.")
    notes.extend(text for text in (chart.note, chart.source) if text)
    return notes


def figures_table(figures: KeyFigures) -> Table:
    """Key figures as a table: the figure's label, its value, its note."""
    rows = tuple((_cell(f.label), _cell(f.value, "right"), _cell(f.note)) for f in figures.figures)
    return Table((_cell("Key figure"), _cell("", "right"), _cell("")), rows)
