"""The Markdown renderer: the tree written back as clean Markdown with numbered footnotes.

The output is what a user pastes into a web form or a Markdown editor. Text is
escaped so that it prints as written; footnotes are ``[^1]`` marks with their
definitions after the body.
"""

from __future__ import annotations

import re

from advocate.models.document import Document
from advocate.models.fenced import chart_block, figures_block, summary_block
from advocate.render.base import Renderer

_SPECIAL = re.compile(r"([\\`*_\[\]|]|<(?=[A-Za-z/!?]))")


def _escape(text: str) -> str:
    """Text that renders as written: inline syntax escaped; '<' only where it could open a tag or autolink."""
    return _SPECIAL.sub(r"\\\1", text)


class MarkdownRenderer(Renderer):
    """Tree → Markdown (CommonMark with footnotes and pipe tables)."""

    extension = "md"

    def render(self, document: Document) -> bytes:
        blocks = [self.visit(block) for block in document.children]
        text = "\n\n".join(block for block in blocks if block)
        if document.footnotes:
            notes = "\n\n".join(self.footnote(note) for note in document.footnotes)
            text += "\n\n" + notes
        return (text.rstrip() + "\n").encode("utf-8")

    # -- blocks ------------------------------------------------------------------

    def heading(self, node) -> str:
        return f"{'#' * node.level} {self.inline(node.children)}"

    def paragraph(self, node) -> str:
        text = self.inline(node.children)
        return re.sub(r"^(\s*)(#|>|[-+*] |\d+[.)] )", lambda m: m[1] + "\\" + m[2], text)

    def list(self, node) -> str:
        lines = []
        for offset, item in enumerate(node.items):
            marker = f"{node.start + offset}. " if node.ordered else "- "
            body = self.list_item(item)
            indent = " " * len(marker)
            first, *rest = body.split("\n")
            lines.append(marker + first + "".join("\n" + (indent + line if line else line) for line in rest))
        return "\n".join(lines)

    def list_item(self, node) -> str:
        return "\n\n".join(self.visit(block) for block in node.children)

    def block_quote(self, node) -> str:
        inner = "\n\n".join(self.visit(block) for block in node.children)
        return "\n".join(("> " + line) if line else ">" for line in inner.split("\n"))

    def thematic_break(self, node) -> str:
        return "---"

    def page_break(self, node) -> str:
        return "<!-- pagebreak -->"

    def table(self, node) -> str:
        def row(cells) -> str:
            return "| " + " | ".join(self.table_cell(cell) for cell in cells) + " |"

        rule = {"left": ":---", "center": ":---:", "right": "---:"}
        separator = "| " + " | ".join(rule.get(cell.align, "---") for cell in node.header) + " |"
        return "\n".join([row(node.header), separator, *(row(cells) for cells in node.rows)])

    def table_cell(self, node) -> str:
        return self.inline(node.children).replace("\n", " ")

    def key_figures(self, node) -> str:
        """Written back as the ```` ```figures ```` block it was read from."""
        return figures_block(node)

    def chart(self, node) -> str:
        """Written back as the ```` ```chart ```` block it was read from."""
        return chart_block(node)

    def summary_box(self, node) -> str:
        """Written back as a ```` ```summary Title ```` block holding its blocks as Markdown."""
        return summary_block(node, "\n\n".join(self.visit(block) for block in node.children))

    def footnote(self, node) -> str:
        body = "\n\n    ".join(self.visit(block) for block in node.children)
        return f"[^{node.number}]: {body}"

    # -- inlines -----------------------------------------------------------------

    def inline(self, nodes) -> str:
        return "".join(self.visit(node) for node in nodes)

    def text(self, node) -> str:
        return _escape(node.text)

    def emphasis(self, node) -> str:
        return f"*{self.inline(node.children)}*"

    def strong(self, node) -> str:
        return f"**{self.inline(node.children)}**"

    def code(self, node) -> str:
        fence = "``" if "`" in node.text else "`"
        return f"{fence}{node.text}{fence}"

    def link(self, node) -> str:
        label = self.inline(node.children)
        if label == _escape(node.url):
            return f"<{node.url}>"
        return f"[{label}]({node.url})"

    def line_break(self, node) -> str:
        return "\\\n"

    def footnote_ref(self, node) -> str:
        return f"[^{node.number}]"
