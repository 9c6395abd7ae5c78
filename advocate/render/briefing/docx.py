"""The briefing and the written questions as DOCX: the letter renderer, plus the engine-drawn blocks as Word tables.

Word cannot run the PDF's drawings, and a researcher editing the briefing wants
the numbers anyway, so :class:`BriefingDocxRenderer` prints a chart as its data
(a table with a caption above and its notes below, see
:mod:`advocate.render.briefing.tables`), key figures as a table, and a summary
box as a heading followed by its blocks. Everything is built from ordinary tree
nodes and handed to the letter renderer's own methods, so the house style and a
reference DOCX apply unchanged.
"""

from __future__ import annotations

from advocate.models.document import Emphasis, Heading, Paragraph, Strong, Text
from advocate.render.briefing.tables import chart_notes, chart_table, figures_table
from advocate.render.docx.renderer import DocxRenderer


class BriefingDocxRenderer(DocxRenderer):
    """Tree → DOCX, with charts and key figures as tables and a summary box as a headed section."""

    def _caption(self, text: str, story) -> None:
        self.visit(Paragraph((Strong((Text(text),)),)), story)

    def key_figures(self, node, story) -> None:
        self._caption("Key figures", story)
        self.visit(figures_table(node), story)

    def chart(self, node, story) -> None:
        self._caption(node.title, story)
        self.visit(chart_table(node), story)
        for text in chart_notes(node):
            self.visit(Paragraph((Emphasis((Text(text),)),)), story)

    def summary_box(self, node, story) -> None:
        if node.title:
            self.visit(Heading(2, (Text(node.title),)), story)
        for block in node.children:
            self.visit(block, story)
