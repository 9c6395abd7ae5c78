"""The parts of reportlab's private interface the PDF footnote layout drives, checked so that a change fails here.

``advocate/render/pdf/notes.py`` places footnotes by raising a platypus Frame's
bottom (``_y1p``) and reads the footnote marks of a Paragraph from its broken
lines (``blPara``); ``layout.py`` keeps pages until their total is known through
the canvas's ``_startPage``. None of this is reportlab's public API. pyproject.toml
caps reportlab below its next major version; this file says, by name, which
internal a new version changed. See docs/design/pdf-footnotes.md for the decision
and the way out.
"""

from __future__ import annotations

import io

import reportlab
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate

from advocate.render.pdf.notes import CALLBACK, paragraph_marks
from advocate.render.pdf.paragraph import Paragraph

CHECKED_MAJOR_VERSIONS = (4, 5)
"""reportlab major versions the footnote layout was checked against (pyproject.toml: >=4.2,<6)."""

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)


def _frame() -> Frame:
    frame = Frame(0, 0, 200, 300, leftPadding=6, rightPadding=4, topPadding=0, bottomPadding=5, showBoundary=0)
    frame._reset()
    return frame


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), pagesize=(400, 400))


def _marked(count: int) -> Paragraph:
    words = " ".join(f"word{i}" for i in range(40))
    marks = "".join(f'{words}<onDraw name="{CALLBACK}" label="{n}"/> ' for n in range(1, count + 1))
    return Paragraph(marks, STYLE)


def test_the_installed_reportlab_is_a_version_the_layout_was_checked_against():
    major = int(reportlab.Version.split(".")[0])
    assert major in CHECKED_MAJOR_VERSIONS, (
        f"reportlab {reportlab.Version} is not a version the PDF footnote layout was checked against "
        f"({CHECKED_MAJOR_VERSIONS}): read docs/design/pdf-footnotes.md before raising the cap"
    )


def test_a_frame_keeps_its_geometry_in_the_private_attributes_the_layout_reads():
    frame = _frame()
    for name in (
        "_x1",
        "_y1",
        "_x2",
        "_y2",
        "_leftPadding",
        "_bottomPadding",
        "_y",
        "_y1p",
        "_atTop",
        "_prevASpace",
        "_oASpace",
    ):
        assert hasattr(frame, name), f"reportlab's Frame no longer has {name}"
    assert (frame._x1, frame._y1, frame._x2, frame._y2) == (0, 0, 200, 300)
    assert frame._y1p == frame._y1 + frame._bottomPadding == 5, "Frame._y1p is no longer the frame's bottom"
    assert frame._y == 300 and frame._atTop
    assert frame._getAvailableWidth() == 200 - 6 - 4
    for method in ("_add", "_reset", "_getAvailableWidth", "split", "add"):
        assert callable(getattr(frame, method, None)), f"reportlab's Frame no longer has {method}()"


def test_a_frame_places_a_flowable_only_above_its_bottom_y1p():
    frame = _frame()
    canvas = _canvas()
    assert frame._add(Spacer(10, 200), canvas)
    assert frame._y == 100 and not frame._atTop, "Frame._add no longer moves _y down and clears _atTop"
    frame._y1p = 60  # the footnotes' room, as the layout raises it
    assert not frame._add(Spacer(10, 50), canvas, trySplit=1), "Frame._add no longer stops at _y1p"
    assert frame._add(Spacer(10, 40), canvas, trySplit=1)
    assert frame._y == 60


def test_a_frame_splits_a_paragraph_in_the_room_above_y1p():
    frame = _frame()
    frame._y1p = 300 - 5 * STYLE.leading  # room for five lines
    first, rest = frame.split(_marked(3), _canvas())
    assert first.wrap(frame._getAvailableWidth(), 1e6)[1] == 5 * STYLE.leading, "Frame.split ignores _y1p"
    assert getattr(first, "_splitpara", 0), "a split Paragraph no longer carries _splitpara"
    assert rest


def test_a_paragraph_keeps_its_lines_and_their_ondraw_marks_in_blpara():
    paragraph = _marked(3)
    paragraph.wrap(190, 1e6)
    lines = paragraph.blPara
    assert lines.kind == 1, "Paragraph.blPara.kind is no longer 1 for a paragraph with callbacks"
    definitions = [word.cbDefn for line in lines.lines for word in line.words if getattr(word, "cbDefn", None)]
    assert [(d.kind, d.name, d.label) for d in definitions] == [("onDraw", CALLBACK, str(n)) for n in (1, 2, 3)], (
        "the onDraw callbacks are no longer in blPara's words as cbDefn(kind, name, label)"
    )
    assert paragraph_marks(paragraph) == (1, 2, 3)


def test_the_marks_read_from_the_lines_are_those_drawing_calls():
    paragraph = _marked(4)
    paragraph.wrap(190, 1e6)
    canvas = _canvas()
    drawn: list[int] = []
    canvas.setNamedCB(CALLBACK, lambda canv, kind, label: drawn.append(int(label)))
    paragraph.drawOn(canvas, 0, 0)
    assert drawn == list(paragraph_marks(paragraph)) == [1, 2, 3, 4]


def test_the_canvas_and_doc_template_keep_the_hooks_the_page_layout_uses():
    assert callable(getattr(Canvas, "_startPage", None)), (
        "Canvas._startPage is gone ('Page X of Y' keeps pages with it)"
    )
    for method in ("handle_pageEnd", "handle_flowable", "handle_pageBreak", "afterFlowable", "beforeDocument"):
        assert callable(getattr(BaseDocTemplate, method, None)), f"BaseDocTemplate.{method} is gone"
    counts = []

    class Counting(BaseDocTemplate):
        def afterFlowable(self, flowable):
            counts.append(self._curPageFlowableCount)

    template = Counting(io.BytesIO(), pagesize=(400, 400))
    template.addPageTemplates([PageTemplate(id="page", frames=[Frame(0, 0, 400, 400)])])
    template.build([Spacer(10, 10), Spacer(10, 10)])
    assert counts[-2:] == [1, 2], "BaseDocTemplate no longer counts a page's flowables in _curPageFlowableCount"
