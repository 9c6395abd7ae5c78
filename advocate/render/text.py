"""The plain-text renderer: the tree as a letter reads in an email body, wrapped at 72 columns.

Footnote marks become ``[1]`` and the notes follow the body under "Notes";
numbered lists keep their numbers; tables become aligned columns.
"""

from __future__ import annotations

import textwrap

from advocate.models.document import Document
from advocate.render.base import Renderer
from advocate.render.briefing.tables import chart_notes, chart_table

WIDTH = 72


class TextRenderer(Renderer):
    """Tree → plain text (UTF-8)."""

    extension = "txt"

    def __init__(self, width: int = WIDTH):
        self.width = width

    def render(self, document: Document) -> bytes:
        return self.render_text(document).encode("utf-8")

    def render_text(self, document: Document) -> str:
        blocks = [self.visit(block, self.width) for block in document.children]
        text = "\n\n".join(block for block in blocks if block)
        if document.footnotes:
            notes = "\n\n".join(self.footnote(note, self.width) for note in document.footnotes)
            text += "\n\n" + "Notes" + "\n\n" + notes
        return text.rstrip() + "\n"

    def _wrap(self, text: str, width: int, first: str = "", rest: str = "") -> str:
        lines = []
        for index, part in enumerate(text.split("\n")):
            lines.append(
                textwrap.fill(
                    part,
                    width=width,
                    initial_indent=first if index == 0 else rest,
                    subsequent_indent=rest,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or first.rstrip()
            )
        return "\n".join(lines)

    # -- blocks ------------------------------------------------------------------

    def heading(self, node, width) -> str:
        title = self.inline(node.children)
        if node.level <= 2:
            return f"{title}\n{('=' if node.level == 1 else '-') * min(len(title), width)}"
        return title

    def paragraph(self, node, width) -> str:
        return self._wrap(self.inline(node.children), width)

    def list(self, node, width) -> str:
        items = []
        number_width = len(str(node.start + len(node.items) - 1))
        for offset, item in enumerate(node.items):
            marker = f"{node.start + offset}.".ljust(number_width + 2) if node.ordered else "- "
            items.append(self.list_item(item, width, marker))
        return "\n\n".join(items) if any(len(i.children) > 1 for i in node.items) else "\n".join(items)

    def list_item(self, node, width, marker="- ") -> str:
        indent = " " * len(marker)
        parts = []
        for index, block in enumerate(node.children):
            if block.kind == "paragraph":
                parts.append(self._wrap(self.inline(block.children), width, marker if index == 0 else indent, indent))
            else:
                inner = self.visit(block, width - len(indent))
                parts.append(textwrap.indent(inner, indent) if index else marker + inner.lstrip())
        return "\n\n".join(parts)

    def block_quote(self, node, width) -> str:
        inner = "\n\n".join(self.visit(block, width - 4) for block in node.children)
        return textwrap.indent(inner, "    ")

    def thematic_break(self, node, width) -> str:
        return "-" * 24

    def page_break(self, node, width) -> str:
        return ""

    def table(self, node, width) -> str:
        rows = [[self.inline(c.children) for c in node.header]] + [
            [self.inline(c.children) for c in row] for row in node.rows
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(node.header))]
        aligns = [cell.align for cell in node.header]

        def line(row):
            cells = [
                cell.rjust(w) if align == "right" else cell.ljust(w) for cell, w, align in zip(row, widths, aligns)
            ]
            return "  ".join(cells).rstrip()

        return "\n".join([line(rows[0]), "  ".join("-" * w for w in widths)] + [line(row) for row in rows[1:]])

    def key_figures(self, node, width) -> str:
        """One figure a line: the value right-aligned, then its label and note."""
        widest = max(len(figure.value) for figure in node.figures)
        lines = []
        for figure in node.figures:
            text = figure.label + (f" ({figure.note})" if figure.note else "")
            lines.append(self._wrap(text, width, figure.value.rjust(widest) + "  ", " " * (widest + 2)))
        return "\n".join(lines)

    def chart(self, node, width) -> str:
        """The chart's data as a table under its title: a row per category, a column per series (and the
        abuses marked in each period), then the notes (see :mod:`advocate.render.briefing.tables`)."""
        parts = [node.title, self.table(chart_table(node), width)]
        parts.extend(self._wrap(text, width) for text in chart_notes(node))
        return "\n\n".join(parts)

    def summary_box(self, node, width) -> str:
        """The title underlined, then the blocks, between rules."""
        inner = "\n\n".join(self.visit(block, width) for block in node.children)
        rule = "=" * min(width, 40)
        title = f"{node.title}\n{'-' * len(node.title)}\n\n" if node.title else ""
        return f"{rule}\n{title}{inner}\n{rule}"

    def footnote(self, node, width) -> str:
        marker = f"[{node.number}] "
        body = " ".join(plain_text_blocks(self, node.children))
        return self._wrap(body, width, marker, " " * len(marker))

    # -- inlines -----------------------------------------------------------------

    def inline(self, nodes) -> str:
        return "".join(self.visit(node) for node in nodes)

    def text(self, node) -> str:
        return node.text

    def emphasis(self, node) -> str:
        return self.inline(node.children)

    strong = emphasis

    def code(self, node) -> str:
        return node.text

    def link(self, node) -> str:
        label = self.inline(node.children)
        return label if label == node.url else f"{label} <{node.url}>"

    def line_break(self, node) -> str:
        return "\n"

    def footnote_ref(self, node) -> str:
        return f"[{node.number}]"


def plain_text_blocks(renderer: TextRenderer, blocks) -> list[str]:
    """The inline text of each paragraph-like block, for one-paragraph notes."""
    out = []
    for block in blocks:
        if hasattr(block, "children") and block.kind in ("paragraph", "heading"):
            out.append(renderer.inline(block.children))
        else:
            out.append(renderer.visit(block, renderer.width))
    return out
