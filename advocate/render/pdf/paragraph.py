"""A platypus Paragraph that breaks its lines once per width.

The footnote layout asks a paragraph its height before the frame places it
(and the frame asks again, and a note is measured, then fitted, then drawn);
reportlab's ``Paragraph.wrap`` breaks the lines anew on every call. The lines
depend only on the width, the text and the style, so :class:`Paragraph` keeps
the broken lines of its last width and answers a repeated ``wrap`` at that
width from them. Splitting goes through reportlab's own code, which reads the
same broken lines; a split that gives up discards them (``del self.blPara``),
and the next ``wrap`` breaks the lines again.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _PlatypusParagraph


class Paragraph(_PlatypusParagraph):
    """``reportlab.platypus.Paragraph`` whose ``wrap`` at the width of its previous ``wrap`` costs nothing."""

    _wrapped: tuple | None = None
    """(width, broken lines, height) of the last ``wrap``."""

    def wrap(self, availWidth, availHeight):
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth and getattr(self, "blPara", None) is wrapped[1]:
            self.width = availWidth
            self.height = wrapped[2]
            return availWidth, wrapped[2]
        width, height = super().wrap(availWidth, availHeight)
        blpara = getattr(self, "blPara", None)
        self._wrapped = (availWidth, blpara, height) if blpara is not None else None
        return width, height
