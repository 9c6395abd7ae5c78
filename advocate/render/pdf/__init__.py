"""PDF output: :class:`PdfRenderer` (reportlab platypus) with its :class:`PdfStyle`; see :mod:`.renderer`."""

from advocate.errors import UnprintableText
from advocate.render.pdf.renderer import PdfRenderer
from advocate.render.pdf.style import PdfStyle

__all__ = ["PdfRenderer", "PdfStyle", "UnprintableText"]
