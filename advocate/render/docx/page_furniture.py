"""Header and footer: the running header on pages after the first, and "Page N of M".

A reference document's own header or footer (a letterhead) is kept untouched;
only what it lacks is added (a letterhead on page 1 only gets the running header
on later pages). The running header goes in the default header with
an empty first-page header (``w:titlePg``), so the first page of a letter stays
clean; the page number goes in both footers as ``PAGE`` and ``NUMPAGES`` fields,
which Word and LibreOffice fill in when they lay the pages out.
"""

from __future__ import annotations

from lxml.etree import _Element

from advocate.render.docx.elements import field_runs, paragraph, run


def _defined(*parts) -> bool:
    return any(not part.is_linked_to_previous for part in parts)


def _fill(part, paragraphs) -> None:
    """Replace the content of a header or footer with ``paragraphs``."""
    element = part._element
    for child in list(element):
        element.remove(child)
    for p in paragraphs:
        element.append(p)


def page_number_paragraph(style_id: str) -> _Element:
    """A footer paragraph reading "Page {PAGE} of {NUMPAGES}"."""
    return paragraph(
        style_id,
        [
            run("Page "),
            *field_runs("PAGE", "1"),
            run(" of "),
            *field_runs("NUMPAGES", "1"),
        ],
    )


def add_page_furniture(document, running_header: str, header_style: str, footer_style: str) -> None:
    """Give the first section a running header (not on page 1) and page numbers where it has none of its own.

    A reference document with a letterhead on its first page only (``w:titlePg``
    and a first-page header) gets the running header on the pages after it.
    """
    section = document.sections[0]
    running = [paragraph(header_style, [run(running_header)] if running_header else [])]
    if not _defined(section.header, section.first_page_header, section.even_page_header):
        section.different_first_page_header_footer = True
        _fill(section.header, running)
        _fill(section.first_page_header, [paragraph(None)])
    elif section.different_first_page_header_footer and not _defined(section.header):
        _fill(section.header, running)
    footers = []
    if not _defined(section.footer, section.first_page_footer, section.even_page_footer):
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
    elif section.different_first_page_header_footer and not _defined(section.footer):
        footers = [section.footer]
    for footer in footers:
        _fill(footer, [page_number_paragraph(footer_style)])
