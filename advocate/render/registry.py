"""Which renderer writes which format."""

from __future__ import annotations

from pathlib import Path

from advocate.render.base import Renderer


def renderer_for(fmt: str, *, docx_reference: Path | None = None, kind: str = "") -> Renderer:
    """A renderer for ``docx``, ``pdf``, ``md`` or ``txt`` (``eml`` is composed from text and PDF).

    A parliamentary briefing (``kind="briefing"``) is a designed PDF: cover, summary box, key figures
    and charts, drawn by its own renderer.
    """
    if fmt == "docx" and kind in ("briefing", "questions"):
        from advocate.render.briefing.docx import BriefingDocxRenderer

        return BriefingDocxRenderer(reference=docx_reference)
    if fmt == "pdf" and kind == "briefing":
        from advocate.render.briefing.pdf import BriefingPdfRenderer

        return BriefingPdfRenderer()
    if fmt == "docx":
        from advocate.render.docx.renderer import DocxRenderer

        return DocxRenderer(reference=docx_reference)
    if fmt == "pdf":
        from advocate.render.pdf.renderer import PdfRenderer

        return PdfRenderer()
    if fmt == "md":
        from advocate.render.markdown import MarkdownRenderer

        return MarkdownRenderer()
    if fmt == "txt":
        from advocate.render.text import TextRenderer

        return TextRenderer()
    raise ValueError(f"no renderer for '{fmt}'")
