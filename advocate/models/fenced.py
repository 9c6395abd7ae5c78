"""The engine-drawn nodes as the fenced blocks a template writes: node → info string and JSON body.

A context builder writes a chart or key figures into a template as a fenced block
(:func:`to_json` of :func:`chart_data`); the Markdown renderer writes a node back as
the block it was read from (:func:`chart_block`). Reading a block into its node is the
parse stage's job (:mod:`advocate.parse.fenced`).
"""

from __future__ import annotations

import json

from advocate.models.document import Chart, KeyFigures, SummaryBox


def to_json(data: dict[str, object]) -> str:
    """JSON for a fenced block body: one line, keys in a fixed order, no backtick (so no fence can close early)."""
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": ")).replace("`", "\\u0060")


def _number_out(value: float):
    return int(value) if float(value).is_integer() else value


def figures_data(node: KeyFigures) -> dict[str, object]:
    return {
        "figures": [{"value": f.value, "label": f.label, **({"note": f.note} if f.note else {})} for f in node.figures]
    }


def chart_data(node: Chart) -> dict[str, object]:
    data: dict[str, object] = {
        "form": node.form,
        "title": node.title,
        "categories": list(node.categories),
        "series": [{"name": s.name, "values": [_number_out(v) for v in s.values]} for s in node.series],
    }
    if node.markers:
        data["markers"] = [{"first": m.first, "last": m.last, "count": m.count} for m in node.markers]
    for name in ("marker_name", "source", "note"):
        if getattr(node, name):
            data[name] = getattr(node, name)
    return data


def fence(info: str, body: str) -> str:
    """A fenced block, with a fence longer than any run of backticks in ``body``."""
    longest = max((len(run) for run in body.split("\n") if run.startswith("```")), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{info}\n{body.rstrip()}\n{marks}"


def figures_block(node: KeyFigures) -> str:
    return fence("figures", to_json(figures_data(node)))


def chart_block(node: Chart) -> str:
    return fence("chart", to_json(chart_data(node)))


def summary_block(node: SummaryBox, inner_markdown: str) -> str:
    return fence("summary" + (f" {node.title}" if node.title else ""), inner_markdown)
