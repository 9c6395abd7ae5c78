"""Pages: the document template that places footnotes, and the canvas that numbers pages 'Page X of Y'.

:class:`NotesDocTemplate` has two page templates, ``first`` and ``later``,
whose page callbacks are the renderer's hooks; each has one
:class:`~advocate.render.pdf.notes.NotesFrame` sharing the document's
:class:`~advocate.render.pdf.notes.FootnoteLedger`. At the end of each page the
ledger draws that page's notes. Headings become PDF outline entries.

:func:`numbered_canvas` makes a canvas class that holds every page until the
end, when the total is known, then draws each page's footer (the well-known
'NumberedCanvas' recipe): one pass, no second build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate

from advocate.render.pdf.keep import KeepWithNext
from advocate.render.pdf.notes import CALLBACK, FlushNotes, FootnoteLedger, NotesFrame

FooterHook = Callable[[Canvas, int, int], None]


def numbered_canvas(footer: FooterHook, date: dt.date) -> type[Canvas]:
    """A Canvas class calling ``footer(canvas, page, total)`` on every page once the total is known."""

    stamp = f"D:{date:%Y%m%d}000000+00'00'"

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []
            self.setDateFormatter(lambda *parts: stamp)

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for page, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                footer(self, page, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class NotesDocTemplate(BaseDocTemplate):
    """A doc template with footnotes at the foot of the page and headings in the PDF outline.

    A heading or lead-in kept with the next block is grouped with it as a
    :class:`~advocate.render.pdf.keep.KeepWithNext`, which the footnote frame places with its notes.
    """

    def __init__(
        self,
        target,
        *,
        ledger: FootnoteLedger,
        frame_box: tuple[float, float, float, float],
        on_first_page,
        on_later_pages,
        on_heading=None,
        **kwargs,
    ):
        kwargs.setdefault("keepTogetherClass", KeepWithNext)
        super().__init__(target, **kwargs)
        self.ledger = ledger
        self.on_heading = on_heading
        self.used_heights: dict[int, float] = {}
        """Page → height of its text area taken by text (not notes), recorded as each page ends."""
        """Called with (title, outline level, page) for each heading as it is placed (for a contents list)."""
        self._outline_level = -1
        self._outline_count = 0
        templates = []
        for name, hook in (("first", on_first_page), ("later", on_later_pages)):
            frame = NotesFrame(
                *frame_box, id=f"{name}-body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
            )
            frame.ledger = ledger
            templates.append(PageTemplate(id=name, frames=[frame], onPage=hook, autoNextPageTemplate="later"))
        self.addPageTemplates(templates)

    def beforeDocument(self):
        self.canv.setNamedCB(CALLBACK, self.ledger.mark_seen)

    def handle_pageEnd(self):
        frame = self.frame
        self.used_heights[self.page] = frame._y2 - frame._topPadding - frame._y
        flush = getattr(self, "_flushing", False)
        height = (frame._y if flush else frame._y1p) - frame._base()
        self.ledger.draw_page_notes(self.canv, frame._x1 + frame._leftPadding, frame._base(), height, self.page, flush)
        super().handle_pageEnd()

    def handle_flowable(self, flowables):
        if flowables and isinstance(flowables[0], FlushNotes):
            flush = flowables.pop(0)
            self._flushing = True
            if self.ledger.carry or self.ledger.page_notes:
                frame = self.frame
                if self.ledger.left_over() > frame._y - frame._base() + 1e-6:
                    self._curPageFlowableCount += 1
                    self.handle_pageBreak()
                    flowables.insert(0, flush)
            return
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable):
        # A heading kept with the text after it arrives inside its group, at the group's top.
        placed = flowable._content if isinstance(flowable, KeepWithNext) else [flowable]
        if not any(getattr(f, "outline_title", None) is not None for f in placed):
            return
        top = self.frame._y + getattr(flowable, "height", 0)
        for f in placed:
            self._outline(f, top)
            top -= getattr(f, "height", 0)

    def _outline(self, flowable, top: float) -> None:
        title = getattr(flowable, "outline_title", None)
        if title is None:
            return
        level = min(flowable.outline_level, self._outline_level + 1)
        key = f"advocate-heading-{self._outline_count}"
        self._outline_count += 1
        self.canv.bookmarkHorizontal(key, 0, top + 4)
        self.canv.addOutlineEntry(title, key, level=level, closed=level >= 1)
        self._outline_level = level
        if self.on_heading is not None:
            self.on_heading(title, flowable.outline_level, self.page)
