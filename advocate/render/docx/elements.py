"""Builders for the few WordprocessingML elements the DOCX renderer writes by hand.

python-docx covers paragraphs, runs and tables; hyperlinks, footnote references,
fields, numbering and borders it does not, so those are built here as lxml
elements in the ``w:`` namespace (python-docx's ``OxmlElement`` and ``qn``).
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from advocate.render.typography import identifier_parts


def w(tag: str, children: Iterable[_Element] = (), **attrs: object) -> _Element:
    """A ``w:tag`` element with ``w:``-prefixed attributes and ``children`` appended in order.

    Attribute names use ``_`` for nothing special: ``w("jc", val="right")`` is
    ``<w:jc w:val="right"/>``; a name containing ``:`` (``r:id``) is taken as qualified.
    """
    element = OxmlElement(tag if ":" in tag else f"w:{tag}")
    for name, value in attrs.items():
        qualified = name.replace("__", ":") if "__" in name else f"w:{name}"
        element.set(qn(qualified), str(value))
    for child in children:
        element.append(child)
    return element


def text_element(text: str) -> _Element:
    """``<w:t>`` keeping leading and trailing spaces."""
    element = w("t")
    element.text = text
    if text != text.strip() or "  " in text:
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def run_properties(
    *, style: str | None = None, bold: bool = False, italic: bool = False, extra: Iterable[_Element] = ()
) -> _Element | None:
    """``<w:rPr>`` in schema order, or ``None`` when there is nothing to say."""
    children: list[_Element] = []
    if style:
        children.append(w("rStyle", val=style))
    if bold:
        children.append(w("b"))
    if italic:
        children.append(w("i"))
    children.extend(extra)
    return w("rPr", children) if children else None


def run(content: str | _Element, *, style: str | None = None, bold: bool = False, italic: bool = False) -> _Element:
    """A ``<w:r>`` holding ``content``: a string (text) or one element (``w:br``, ``w:footnoteReference`` ...)."""
    element = w("r")
    properties = run_properties(style=style, bold=bold, italic=italic)
    if properties is not None:
        element.append(properties)
    element.append(text_element(content) if isinstance(content, str) else content)
    return element


def text_run(text: str, *, style: str | None = None, bold: bool = False, italic: bool = False) -> _Element:
    """A ``<w:r>`` of ``text`` whose identifiers keep their hyphens on one line.

    The hyphens of an identifier ("DIT-2017Q1-TR-01", :func:`advocate.render.typography.identifier_parts`)
    are written as Word's non-breaking hyphen (``w:noBreakHyphen``, which Word and LibreOffice show as
    a hyphen and never break a line at); every other character is written as given.
    """
    element = w("r")
    properties = run_properties(style=style, bold=bold, italic=italic)
    if properties is not None:
        element.append(properties)
    for piece, is_identifier in identifier_parts(text):
        if not is_identifier:
            element.append(text_element(piece))
            continue
        for index, part in enumerate(piece.split("-")):
            if index:
                element.append(w("noBreakHyphen"))
            element.append(text_element(part))
    return element


def paragraph(
    style: str | None = None, children: Iterable[_Element] = (), properties: Iterable[_Element] = ()
) -> _Element:
    """A ``<w:p>`` with paragraph style ``style``, further ``pPr`` children ``properties`` and ``children``."""
    element = w("p")
    ppr: list[_Element] = []
    if style:
        ppr.append(w("pStyle", val=style))
    ppr.extend(properties)
    if ppr:
        element.append(w("pPr", ppr))
    for child in children:
        element.append(child)
    return element


def field_runs(instruction: str, result: str, *, style: str | None = None) -> list[_Element]:
    """The runs of a complex field (``PAGE``, ``NUMPAGES``, ``NOTEREF``) with ``result`` as its cached text."""

    def part(child: _Element) -> _Element:
        return run(child, style=style)

    instr = w("instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        part(w("fldChar", fldCharType="begin")),
        part(instr),
        part(w("fldChar", fldCharType="separate")),
        run(result, style=style),
        part(w("fldChar", fldCharType="end")),
    ]
