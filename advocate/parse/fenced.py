"""Fenced blocks the engine draws itself (```` ```chart ````, ```` ```figures ````): info string → tree node.

A template cannot draw, so where a document needs a designed element it writes a
fenced block whose info string names the element and whose body is its data.
This module turns each into its node; any other fenced block (code) is refused,
since a letter never prints code. The blocks:

- ```` ```figures ```` — :class:`~advocate.models.document.KeyFigures`; body JSON
  ``{"figures": [{"value": "17", "label": "licences", "note": "2008 to 2017"}, ...]}``;
- ```` ```chart ```` — :class:`~advocate.models.document.Chart`; body JSON
  ``{"form": "bar" | "timeline", "title": ..., "categories": [...],
  "series": [{"name": ..., "values": [...]}], "markers": [{"first": 0, "last": 3, "count": 2}],
  "marker_name": ..., "source": ..., "note": ...}``;
- ```` ```summary Title ```` — :class:`~advocate.models.document.SummaryBox`; body
  Markdown (a few bullets; no footnotes: the body of the document footnotes
  what the summary says);
- ```` ```sources ```` — :class:`~advocate.models.document.SourceList`, no body:
  the numbered list of every source the footnotes cite, made by the resolve stage.

Writing a node back as its block is :mod:`advocate.models.fenced`'s job. A body
that is not what its block needs is a :class:`MarkdownError` naming the block and
field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from advocate.errors import MarkdownError
from advocate.models.document import (
    Chart,
    ChartMarker,
    ChartSeries,
    Document,
    Figure,
    KeyFigures,
    SourceList,
    SummaryBox,
)

CHART_FORMS = ("bar", "timeline")

InnerParser = Callable[[str], Document]
"""Parses the Markdown inside a block into a document (given by the parser, so the two modules need no cycle)."""


def _json(name: str, body: str) -> dict:
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise MarkdownError(
            f"a '{name}' block must hold JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    if not isinstance(data, dict):
        raise MarkdownError(f"a '{name}' block must hold a JSON object, not {type(data).__name__}")
    return data


def _text(name: str, data: dict, field: str, *, required: bool = False) -> str:
    value = data.get(field, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise MarkdownError(f"'{name}' block: '{field}' must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise MarkdownError(f"'{name}' block: '{field}' is missing")
    return value


def _list(name: str, data: dict, field: str) -> list:
    value = data.get(field, [])
    if not isinstance(value, list):
        raise MarkdownError(f"'{name}' block: '{field}' must be a list")
    return value


def parse_figures(info: str, body: str, parse_inner: InnerParser) -> KeyFigures:
    data = _json("figures", body)
    figures = []
    for number, item in enumerate(_list("figures", data, "figures"), start=1):
        if not isinstance(item, dict):
            raise MarkdownError(f"'figures' block: figure {number} must be an object with 'value' and 'label'")
        where = f"figures' block, figure {number}"
        figures.append(
            Figure(
                _text(where, item, "value", required=True),
                _text(where, item, "label", required=True),
                _text(where, item, "note"),
            )
        )
    if not figures:
        raise MarkdownError("'figures' block: 'figures' is empty")
    return KeyFigures(tuple(figures))


def _number(where: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise MarkdownError(f"'{where}': {value!r} is not a number")
    return value


def parse_chart(info: str, body: str, parse_inner: InnerParser) -> Chart:
    data = _json("chart", body)
    form = _text("chart", data, "form", required=True)
    if form not in CHART_FORMS:
        raise MarkdownError(f"'chart' block: form '{form}' is not one of {', '.join(CHART_FORMS)}")
    categories = tuple(str(c) for c in _list("chart", data, "categories"))
    if not categories:
        raise MarkdownError("'chart' block: 'categories' is empty")
    series = []
    for number, item in enumerate(_list("chart", data, "series"), start=1):
        if not isinstance(item, dict):
            raise MarkdownError(f"'chart' block: series {number} must be an object with 'name' and 'values'")
        values = _list(f"chart' block, series {number}", item, "values")
        if len(values) != len(categories):
            raise MarkdownError(
                f"'chart' block: series {number} has {len(values)} values for {len(categories)} categories"
            )
        series.append(
            ChartSeries(
                _text(f"chart' block, series {number}", item, "name", required=True),
                tuple(_number(f"chart' block, series {number}", v) for v in values),
            )
        )
    if not series:
        raise MarkdownError("'chart' block: 'series' is empty")
    markers = []
    for number, item in enumerate(_list("chart", data, "markers"), start=1):
        if not isinstance(item, dict) or not {"first", "last", "count"} <= set(item):
            raise MarkdownError(f"'chart' block: marker {number} needs 'first', 'last' and 'count'")
        first, last, count = (item[k] for k in ("first", "last", "count"))
        if (
            not all(isinstance(v, int) and not isinstance(v, bool) for v in (first, last, count))
            or not 0 <= first <= last < len(categories)
            or count < 1
        ):
            raise MarkdownError(
                f"'chart' block: marker {number} must have 0 <= first <= last < {len(categories)} "
                "and a count of at least 1"
            )
        markers.append(ChartMarker(first, last, count))
    if markers and form != "timeline":
        raise MarkdownError("'chart' block: only a timeline has markers")
    return Chart(
        form,
        _text("chart", data, "title", required=True),
        categories,
        tuple(series),
        tuple(markers),
        _text("chart", data, "marker_name"),
        _text("chart", data, "source"),
        _text("chart", data, "note"),
    )


def parse_summary(info: str, body: str, parse_inner: InnerParser) -> SummaryBox:
    title = info.partition(" ")[2].strip()
    inner = parse_inner(body)
    if inner.footnotes or "[^" in body:
        raise MarkdownError("a 'summary' block cannot hold footnotes: footnote the same claims in the body")
    if not inner.children:
        raise MarkdownError("a 'summary' block is empty")
    return SummaryBox(title, inner.children)


def parse_sources(info: str, body: str, parse_inner: InnerParser) -> SourceList:
    if body.strip():
        raise MarkdownError("a 'sources' block takes no body: the list is made from the sources the footnotes cite")
    return SourceList()


FENCED_KINDS: dict[str, Callable[[str, str, InnerParser], object]] = {
    "figures": parse_figures,
    "chart": parse_chart,
    "summary": parse_summary,
    "sources": parse_sources,
}
"""Info string's first word → function(info string, body text, inner parser) -> node."""


def fenced_block(info: str, body: str, parse_inner: InnerParser):
    """The node for a fenced block, or :class:`MarkdownError` naming what is accepted.

    ``parse_inner`` parses Markdown held inside a block (a summary box's bullets) into a document.
    """
    make = FENCED_KINDS.get(info.split()[0] if info else "")
    if make is None:
        known = ", ".join(sorted(FENCED_KINDS)) or "none"
        raise MarkdownError(
            f"a fenced block '{info or '(no name)'}' cannot be printed in a document (blocks the engine draws: {known})"
        )
    return make(info, body, parse_inner)
