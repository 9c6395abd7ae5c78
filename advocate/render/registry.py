"""Which renderer writes which format, and for which layout."""

from __future__ import annotations

from pathlib import Path

from advocate.kinds import Layout
from advocate.render.base import Renderer
from advocate.render.briefing.pdf import BriefingPdfRenderer
from advocate.render.docx.renderer import DocxRenderer
from advocate.render.markdown import MarkdownRenderer
from advocate.render.pdf.renderer import PdfRenderer
from advocate.render.text import TextRenderer

FORMATS = ("docx", "pdf", "md", "txt")
"""The formats a renderer writes (``eml`` is composed from the text and the PDF)."""


def renderer_for(fmt: str, *, layout: Layout = "letter", docx_reference: Path | None = None) -> Renderer:
    """A renderer for ``docx``, ``pdf``, ``md`` or ``txt``.

    ``layout`` is the document kind's (:mod:`advocate.kinds`): a ``briefing`` is a designed PDF (cover,
    summary box, key figures and charts drawn as graphics); every other format draws a briefing's
    blocks as tables and text.
    """
    if fmt == "docx":
        return DocxRenderer(reference=docx_reference)
    if fmt == "pdf":
        return BriefingPdfRenderer() if layout == "briefing" else PdfRenderer()
    if fmt == "md":
        return MarkdownRenderer()
    if fmt == "txt":
        return TextRenderer()
    raise ValueError(f"no renderer for '{fmt}'; formats: {', '.join(FORMATS)}")
