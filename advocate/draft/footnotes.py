"""Footnotes a template makes while it renders: ``cite()`` and ``note()``.

A template never types a citation: it calls ``cite(record)``, which prints a
footnote mark and records the footnote's text as citation markers
(``[@source-id, pinpoint]``, see :mod:`advocate.parse.markdown`). Once the whole
template has rendered, the definitions are appended to the Markdown, and the
citation resolver turns the markers into OSCOLA text, full at first citation
and short with a cross-reference after, in footnote order.
"""

from __future__ import annotations

from markupsafe import Markup


class Footnotes:
    """The footnotes of one document, in the order the template made them."""

    def __init__(self) -> None:
        self._bodies: list[str] = []

    def add(self, body: str) -> Markup:
        """A new footnote with Markdown ``body``; returns its mark for the text."""
        body = body.strip()
        if not body:
            raise ValueError("a footnote needs text")
        if not body.endswith((".", "?", "!")):
            body += "."
        self._bodies.append(body)
        return Markup(f"[^{len(self._bodies)}]")

    def definitions(self) -> str:
        """The Markdown footnote definitions, to append after the body."""
        return "\n\n".join(f"[^{number}]: {body}" for number, body in enumerate(self._bodies, start=1))

    def __len__(self) -> int:
        return len(self._bodies)


def citation_marker(source_id: str, pinpoint: str = "") -> str:
    """The marker the parser reads as a citation of ``source_id`` at ``pinpoint``."""
    pinpoint = " ".join(str(pinpoint).split()).replace("]", ")")
    return f"[@{source_id}, {pinpoint}]" if pinpoint else f"[@{source_id}]"
