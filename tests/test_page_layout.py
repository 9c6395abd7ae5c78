"""Pages as a reader turns them: nothing that announces a block ends a page, no date or identifier is
broken across lines, sub-items are lettered alike in PDF and DOCX, table columns hold their words,
and every font is embedded. Synthetic letters here; the example case's documents in
test_example_pages.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from advocate.models.document import DocumentInfo
from advocate.parse.markdown import parse_markdown
from advocate.render.docx.renderer import DocxRenderer
from advocate.render.pdf.fonts import LIBERATION_SERIF, register_family
from advocate.render.pdf.renderer import PdfRenderer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INFO = DocumentInfo(
    title="Request for information",
    date=dt.date(2026, 12, 4),
    author="Example Campaign Group",
    running_header="Request for information · EXAMPLE",
)
FILLER = (
    "The Department granted the licence although the published sources documented the arrest of "
    "journalists in the destination in the months before the decision. "
)
ITEM = (
    "Turkey arrested dozens of journalists after a coup attempt (2016).[^{n}] Documented in 2016, after the "
    "licence decision on 6 March 2015: the licence may need review, suspension or revocation."
)


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_after(pages: list[str], needle: str) -> tuple[int, str]:
    """The page holding ``needle`` and the text that follows it on that page."""
    for number, text in enumerate(pages, start=1):
        text = flat(text)
        if needle in text:
            return number, text[text.index(needle) + len(needle) :].strip()
    raise AssertionError(f"{needle!r} is on no page")


def lead_in_letter(filler_lines: int) -> str:
    """A letter whose lead-in 'Licence DIT-2017Q1-TR-01:' falls lower and lower down page 1 as the filler grows."""
    notes = "\n".join(
        f"[^{n}]: Source {n}, 'The UK Granted Spy Tech Export to Turkey' Motherboard (2017)." for n in range(1, 4)
    )
    return (
        f"# Request for information\n\n{FILLER * filler_lines}\n\n## Why this information matters\n\n"
        "Abuses have been documented; the sources, and how each bears on the licences:\n\n"
        "Licence DIT-2017Q1-TR-01:\n\n"
        + "\n".join(f"- {ITEM.format(n=n)}" for n in range(1, 4))
        + f"\n\n{FILLER}\n\n{notes}\n"
    )


# -- a heading or lead-in never ends a page ---------------------------------------------------------


@pytest.mark.parametrize("filler_lines", range(20, 36))
def test_a_lead_in_is_on_the_page_of_what_it_introduces_with_its_notes(filler_lines):
    """However far down the page the lead-in falls, the first item follows it on the same page."""
    pages = pdf_pages(PdfRenderer().render(parse_markdown(lead_in_letter(filler_lines), INFO)))
    page, after = text_after(pages, "Licence DIT-2017Q1-TR-01:")
    assert after.startswith("• Turkey arrested dozens of journalists"), (page, after[:80])
    _, after_heading = text_after(pages, "Why this information matters")
    assert after_heading.startswith("Abuses have been documented")


@pytest.mark.parametrize("filler_lines", range(24, 34))
def test_a_numbered_paragraph_ending_in_a_lead_in_keeps_with_the_table_after_it(filler_lines):
    markdown = (
        f"# Letter before claim\n\n{FILLER * filler_lines}\n\n"
        "1. The decision under challenge is the grant of a licence. It concerns the licence:\n\n"
        "| Licence | Decided | Goods |\n|---|---|---|\n"
        "| DIT-2017Q1-TR-01[^1] | the first quarter of 2017 | software for interception |\n\n"
        "2. The claimant also challenges the continuing failure to review it.\n\n"
        "[^1]: Department for International Trade, Strategic export controls: licensing data (2017).\n"
    )
    document = parse_markdown(markdown, INFO)
    pages = pdf_pages(PdfRenderer().render(document))
    page, after = text_after(pages, "It concerns the licence:")
    assert after.startswith("Licence Decided Goods"), (page, after[:60])
    keeps = keep_next_paragraphs(DocxRenderer().render(document))
    assert keeps["The decision under challenge is the grant of a licence. It concerns the licence:"]
    assert not keeps["The claimant also challenges the continuing failure to review it."]


def test_a_long_block_after_a_lead_in_starts_under_it_rather_than_on_the_next_page():
    """A lead-in keeps with the first lines of a long paragraph, not with the whole of it."""
    long_item = "- " + FILLER * 40 + "[^1]\n\n[^1]: A source.\n"
    markdown = f"# Request\n\n{FILLER * 20}\n\nThe licences concerned:\n\n{long_item}"
    pages = pdf_pages(PdfRenderer().render(parse_markdown(markdown, INFO)))
    page, after = text_after(pages, "The licences concerned:")
    assert page == 1
    assert after.startswith("• The Department granted the licence")


def keep_next_paragraphs(data: bytes) -> dict[str, bool]:
    """Each body paragraph's text → whether it keeps with the next (w:keepNext)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = parse_xml(archive.read("word/document.xml"))
    out = {}
    for p in body.iter(f"{W}p"):
        text = "".join(t.text or "" if t.tag == f"{W}t" else "-" for t in p.iter(f"{W}t", f"{W}noBreakHyphen"))
        if text:
            out[text] = p.find(f"{W}pPr/{W}keepNext") is not None
    return out


def test_docx_headings_lead_ins_and_captions_keep_with_the_next_paragraph():
    markdown = (
        lead_in_letter(3) + "\n**Licences by quarter**\n\n| Licence | Decided |\n|---|---|\n"
        "| DIT-2017Q1-TR-01 | 4 December 2026 |\n\n1. The claimant asks the defendant to:\n"
        "   1. suspend the licence;\n   2. disclose the assessment.\n"
    )
    keeps = keep_next_paragraphs(DocxRenderer().render(parse_markdown(markdown, INFO)))
    assert keeps["Why this information matters"]
    assert keeps["Abuses have been documented; the sources, and how each bears on the licences:"]
    assert keeps["Licence DIT-2017Q1-TR-01:"]
    assert keeps["Licences by quarter"]
    assert keeps["The claimant asks the defendant to:"]
    assert not keeps[flat(FILLER * 3)]
    assert not keeps["suspend the licence;"]


# -- dates and identifiers never break -------------------------------------------------------------


def test_pdf_table_keeps_a_long_identifier_with_its_note_mark_and_a_date_whole():
    """Seven columns on A4: the identifier, its note mark and each date stay on one line."""
    rows = "\n".join(
        f"| DIT-2017Q1-TR-0{n}[^{n}] | {d} | Turkey | not published | software for telecommunications "
        f"interception equipment | law enforcement agency | issued |"
        for n, d in ((1, "10 September 2014"), (2, "29 November 2012"), (3, "on or before 31 March 2017"))
    )
    notes = "\n".join(f"[^{n}]: Source {n}." for n in (1, 2, 3))
    markdown = (
        "| Licence | Decided | Destination | Rating | Goods | End user | Outcome |\n"
        "|---|---|---|---|---|---|---|\n" + rows + "\n\n" + notes + "\n"
    )
    text = pdf_pages(PdfRenderer().render(parse_markdown(markdown, INFO)))[0].replace("\u00a0", " ")
    lines = text.splitlines()
    for whole in (
        "DIT-2017Q1-TR-01",
        "DIT-2017Q1-TR-02",
        "10 September 2014",
        "29 November 2012",
        "31 March 2017",
        "Destination",
        "Outcome",
    ):
        assert any(whole in line for line in lines), whole


def test_docx_writes_identifier_hyphens_as_non_breaking_and_ties_dates():
    markdown = "The licence DIT-2017Q1-TR-01 was granted on 4 December 2026, under s 9 of the Act; an end-user check.\n"
    data = DocxRenderer().render(parse_markdown(markdown, INFO))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert xml.count("<w:noBreakHyphen/>") == 3  # the identifier's; "end-user" may break as a word does
    text = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert "DIT-2017Q1-TR-01" in text  # what Word shows, and what it copies
    assert "4\u00a0December\u00a02026" in text
    assert "s\u00a09" in text
    assert "end-user" in text


def test_docx_table_columns_are_wide_enough_for_their_longest_word():
    """Each column's width holds its longest word (bold in the header), measured in the metrics of
    Times New Roman, with the cell margins: no 'Destinatio|n' or 'Outco|me' in Word or LibreOffice."""
    header = ["Licence", "Decided", "Destination", "Rating", "Goods", "End user", "Outcome"]
    row = [
        "DIT-2017Q1-TR-01",
        "10 September 2014",
        "Turkey",
        "not published",
        "software for telecommunications interception equipment",
        "law enforcement agency",
        "refused",
    ]
    markdown = "| " + " | ".join(header) + " |\n|" + "---|" * 7 + "\n| " + " | ".join(row) + " |\n"
    data = DocxRenderer().render(parse_markdown(markdown, INFO))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = parse_xml(archive.read("word/document.xml"))
    table = next(body.iter(f"{W}tbl"))
    grid = [int(col.get(f"{W}w")) for col in table.iter(f"{W}gridCol")]
    margin = table.find(f"{W}tblPr/{W}tblCellMar/{W}left")
    margins = 2 * (int(margin.get(f"{W}w")) if margin is not None else 85)
    fonts = register_family(LIBERATION_SERIF)
    for column, (head, cell) in enumerate(zip(header, row)):
        needed = (
            max(
                [stringWidth(w, fonts.bold, 9.5) for w in head.split()]
                + [stringWidth(w, fonts.regular, 9.5) for w in cell.split()]
            )
            * 20
            + margins
        )
        assert grid[column] >= needed, (head, grid[column], needed)
    cells = [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in table.iter(f"{W}tc")][:7]
    assert cells == grid
    assert sum(grid) == 9072  # the text width of an A4 page with 2.5 cm margins


# -- sub-items -------------------------------------------------------------------------------------

SUB_ITEMS = (
    "17. Please provide, for each licence named in section 5:\n"
    "    1. whether the application was assessed against Criterion 2;\n"
    "    2. the information about the end user;\n"
    "    3. whether the defendant has considered suspending the licence.\n"
)


def test_sub_items_are_lettered_in_the_pdf_as_in_the_docx():
    document = parse_markdown(SUB_ITEMS, INFO)
    text = flat(pdf_pages(PdfRenderer().render(document))[0])
    assert "17. Please provide" in text
    assert "(a) whether the application" in text
    assert "(b) the information" in text
    assert "(c) whether the defendant" in text
    word = docx.Document(io.BytesIO(DocxRenderer().render(document)))
    numbering = word.part.numbering_part.element
    inner = [p for p in word.paragraphs if p.text.startswith(("whether the application", "the information"))]
    num_id = inner[0]._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    level = inner[0]._p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val")
    abstract = (
        next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
        .find(f"{W}abstractNumId")
        .get(f"{W}val")
    )
    definition = next(a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract)
    lvl = next(lv for lv in definition.iter(f"{W}lvl") if lv.get(f"{W}ilvl") == level)
    assert lvl.find(f"{W}numFmt").get(f"{W}val") == "lowerLetter"
    assert lvl.find(f"{W}lvlText").get(f"{W}val") == f"(%{int(level) + 1})"


# -- fonts -----------------------------------------------------------------------------------------


def embedded(pdf: bytes) -> dict[str, bool]:
    """Every font the PDF references → whether its font program is embedded."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_every_font_of_a_letter_is_embedded():
    fonts = embedded(PdfRenderer().render(parse_markdown(lead_in_letter(3) + SUB_ITEMS, INFO)))
    assert fonts and all(fonts.values()), fonts
    assert not any(re.search("Helvetica|Times|Courier", name) for name in fonts), fonts


# -- the briefing's cover ----------------------------------------------------------------------------


def briefing_pdf(notice: str) -> list[str]:
    from advocate.render.briefing.pdf import BriefingPdfRenderer

    info = dataclasses.replace(INFO, title="UK exports to Turkey", subject="Parliamentary briefing")
    markdown = (
        f"# UK exports to Turkey\n\n*Parliamentary briefing · Example Campaign Group*\n\n{notice}"
        f"## What the licences are\n\n{FILLER}\n\n<!-- pagebreak -->\n\n## What was documented\n\n{FILLER * 40}"
        f"\n\n## Recommendations\n\n1. Publish the assessments.\n"
    )
    return pdf_pages(BriefingPdfRenderer().render(parse_markdown(markdown, info)))


def test_briefing_cover_carries_the_banner_and_contents_with_the_page_of_each_heading():
    notice = "> **Illustrative example: not for sending.** Its parties are placeholders.\n\n"
    pages = briefing_pdf(notice)
    cover = flat(pages[0])
    assert "Illustrative example: not for sending. Its parties are placeholders." in cover
    assert not any("Illustrative example" in page for page in pages[1:])  # shown once, on the cover
    listed = dict(re.findall(r"([A-Z][a-z ]+?) [ .]*?(\d+)(?= |$)", cover.split("Contents", 1)[1]))
    for heading in ("What the licences are", "What was documented", "Recommendations"):
        printed_on = next(number for number, text in enumerate(pages, start=1) if number > 1 and heading in text)
        assert listed[heading] == str(printed_on), (heading, listed)
    assert listed["What the licences are"] == "2" and listed["What was documented"] == "3"


def test_briefing_cover_of_a_case_that_is_not_illustrative_has_no_banner():
    cover = flat(briefing_pdf("")[0])
    assert "Illustrative" not in cover
    assert "Contents" in cover


# -- no near-empty last page -----------------------------------------------------------------------


def closing_letter(paragraphs: int) -> str:
    return (
        "# Request for information\n\nDear Freedom of Information team,\n\n"
        + "\n\n".join(FILLER for _ in range(paragraphs))
        + "\n\n## Sources\n\n1. 'The UK Granted Spy Tech Export to Turkey' Motherboard (2017)\n\n"
        + "Yours faithfully,\n"
    )


def test_a_last_page_holding_a_line_or_two_is_pulled_back_by_setting_the_letter_a_little_tighter():
    renderer = PdfRenderer()
    spilling = [
        (n, b.pages)
        for n in range(20, 60)
        if (b := renderer._build(parse_markdown(closing_letter(n), INFO))).last_page_used < 0.12
    ]
    assert spilling, "no letter length leaves a line or two on its last page"
    paragraphs, spilt = spilling[0]
    document = parse_markdown(closing_letter(paragraphs), INFO)
    pages = pdf_pages(PdfRenderer().render(document))
    assert len(pages) == spilt - 1
    assert "Yours faithfully," in pages[-1] and f"Page {spilt - 1} of {spilt - 1}" in pages[-1]
    assert PdfRenderer().render(document) == PdfRenderer().render(document)  # still reproducible


def test_a_last_page_well_filled_is_left_as_it_is():
    renderer = PdfRenderer()
    half = next(
        n
        for n in range(20, 80)
        if (b := renderer._build(parse_markdown(closing_letter(n), INFO))).pages == 2 and b.last_page_used > 0.5
    )
    document = parse_markdown(closing_letter(half), INFO)
    assert PdfRenderer().render(document) == renderer._build(document).pdf


def test_a_date_with_a_note_mark_in_a_narrow_table_column_stays_whole():
    """'14 March 2019' with note 2 glued to it is one token: the column holds it on one line."""
    markdown = (
        "| Decided | Destination | Licence type | Rating | Goods | End user | Outcome |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 14 March 2019[^2] | Egypt | SIEL | 5A002, 5D002, 5E001 "
        "| intrusion software components and technology "
        "| Ministry of Defence | issued |\n\n[^2]: Department for Business and Trade, licensing data.\n"
    )
    text = pdf_pages(PdfRenderer().render(parse_markdown(markdown, INFO)))[0].replace("\u00a0", " ")
    assert any("14 March 2019" in line for line in text.splitlines()), text


def test_a_year_range_and_a_date_stay_on_one_line_in_the_docx_text():
    data = DocxRenderer().render(parse_markdown("Licences decided 2012 to 2019, the last on 14 March 2019.\n", INFO))
    text = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert "2012\u00a0to\u00a02019" in text and "14\u00a0March\u00a02019" in text
