"""The DOCX renderer, checked as Word and a reader see the file: styles, numbering, footnotes, metadata."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from sample_document import every_node_document

from advocate.models.document import (
    Document,
    DocumentInfo,
    Footnote,
    FootnoteRef,
    Link,
    List,
    ListItem,
    Paragraph,
    Text,
)
from advocate.parse.markdown import parse_markdown
from advocate.render.docx import footnotes_part as fp
from advocate.render.docx.renderer import DocxRenderer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INFO = DocumentInfo(
    title="Letter before claim",
    date=dt.date(2024, 3, 5),
    author="Example Campaign Group",
    subject="Judicial review",
    running_header="Letter before claim · Şahin v Secretary of State",
)


def render(document: Document, reference=None) -> bytes:
    return DocxRenderer(reference=reference).render(document)


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return parse_xml(archive.read(name))


def body_text(word) -> str:
    return "\n".join(p.text for p in word.paragraphs)


def numbering_of(paragraph):
    num_pr = paragraph._p.find(f"{W}pPr/{W}numPr")
    if num_pr is None:
        return None
    return int(num_pr.find(f"{W}numId").get(f"{W}val")), int(num_pr.find(f"{W}ilvl").get(f"{W}val"))


@pytest.fixture(scope="module")
def sample() -> bytes:
    return render(every_node_document(table_rows=3))


@pytest.fixture(scope="module")
def letter() -> bytes:
    markdown = """# Letter before claim

## The decision

1. The claimant is *Campaign Against Arms Trade*.
2. The defendant granted the licence.
    1. first nested point;
    2. second nested point.
3. The decision is unlawful.[^1]

## Grounds

4. Ground one: the **Criterion 2** test was misapplied.[^2]

- a bullet
- another bullet

> A quoted legal test.

[^1]: *R (Campaign Against Arms Trade) v Secretary of State* [2019] EWCA Civ 1020.
[^2]: See <https://www.legislation.gov.uk/ukpga/2002/28> and *the Consolidated Criteria*.
"""
    return render(parse_markdown(markdown, INFO))


# -- body ----------------------------------------------------------------------


def test_headings_use_word_heading_styles(letter):
    word = open_docx(letter)
    headings = [(p.text, p.style.name) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Letter before claim", "Heading 1"), ("The decision", "Heading 2"), ("Grounds", "Heading 2")]


def test_paragraphs_emphasis_strong_code_and_line_break(sample):
    word = open_docx(sample)
    address = next(p for p in word.paragraphs if p.text.startswith("Department"))
    assert address.text == "Department for Business and Trade\nOld Admiralty Building"
    assert address.style.name == "Normal"
    licence = next(p for p in word.paragraphs if p.text.startswith("The licence to Türkiye"))
    runs = {run.text: run for run in licence.runs}
    assert runs["software for telecommunications interception equipment"].italic
    assert runs["£272,025"].bold
    assert runs["5A001"].style.name == "Verbatim Char"
    assert not runs["The licence to Türkiye for "].italic


def test_every_list_is_its_own_numbering_instance_restarting_at_its_start(letter):
    word = open_docx(letter)
    items = {p.text: numbering_of(p) for p in word.paragraphs if numbering_of(p)}
    first = items["The claimant is Campaign Against Arms Trade."]
    assert items["The decision is unlawful."] == first
    assert items["first nested point;"][1] == 1 and items["first nested point;"][0] != first[0]
    later = items["Ground one: the Criterion 2 test was misapplied."]
    bullet = items["a bullet"]
    assert len({first[0], later[0], bullet[0]}) == 3
    numbering = word.part.numbering_part.element
    nums = {int(num.get(qn("w:numId"))): num for num in numbering.iter(qn("w:num"))}

    def start(num_id, level):
        override = nums[num_id].find(f"{W}lvlOverride[@{W}ilvl='{level}']/{W}startOverride")
        return int(override.get(qn("w:val")))

    def format_of(num_id, level):
        abstract_id = nums[num_id].find(f"{W}abstractNumId").get(qn("w:val"))
        abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract_id}']")
        return abstract.find(f"{W}lvl[@{W}ilvl='{level}']/{W}numFmt").get(qn("w:val"))

    assert start(first[0], 0) == 1
    assert start(later[0], 0) == 4
    assert start(items["first nested point;"][0], 1) == 1
    assert format_of(first[0], 0) == "decimal"
    assert format_of(items["first nested point;"][0], 1) == "lowerLetter"
    assert format_of(bullet[0], 0) == "bullet"


def test_sample_lists_restart_and_continue_from_start(sample):
    word = open_docx(sample)
    numbering = word.part.numbering_part.element
    p = next(p for p in word.paragraphs if p.text == "continued numbering starts at 3")
    num_id, _level = numbering_of(p)
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    assert num.find(f"{W}lvlOverride/{W}startOverride").get(qn("w:val")) == "3"


def test_table_header_repeats_and_columns_align(sample):
    word = open_docx(sample)
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Licence", "Decided", "Rating", "Value"]
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row._tr.find(f"{W}trPr/{W}tblHeader") is None for row in table.rows[1:])
    assert [row.cells[0].text for row in table.rows[1:]] == ["CAAT-71308", "CAAT-71309", "CAAT-71310"]
    value = table.rows[1].cells[3].paragraphs[0]
    assert value.text == "£272,025" and value.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[1].cells[0].paragraphs[0].alignment is None
    assert table.style.name == "Advocate Table"
    assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)


def test_table_columns_fill_the_text_width_and_the_long_text_column_is_widest():
    rows = "\n".join(
        f"| CAAT-{i} | 28 October 2014 | Military communications equipment for unit {i} | £{i},000 |" for i in range(3)
    )
    markdown = f"| Licence | Decided | Goods | Value |\n|---|---|---|---:|\n{rows}\n"
    word = open_docx(render(parse_markdown(markdown, INFO)))
    table = word.tables[0]._tbl
    widths = [int(col.get(qn("w:w"))) for col in table.find(f"{W}tblGrid")]
    section = word.sections[0]
    assert sum(widths) == (section.page_width - section.left_margin - section.right_margin) // 635
    assert max(widths) == widths[2]
    assert widths[1] > widths[0] > widths[3] * 0.9
    assert table.find(f"{W}tblPr/{W}tblLayout").get(qn("w:type")) == "fixed"


def test_hyperlink_is_a_real_external_link(sample):
    word = open_docx(sample)
    bullet = next(p for p in word.paragraphs if p.text.startswith("second bullet"))
    assert bullet.text == "second bullet, see GOV.UK."
    link = bullet._p.find(f"{W}hyperlink")
    rel = word.part.rels[link.get(qn("r:id"))]
    assert rel.is_external and rel.reltype == RT.HYPERLINK and rel.target_ref == "https://www.gov.uk/"
    style_id = link.find(f"{W}r/{W}rPr/{W}rStyle").get(qn("w:val"))
    assert word.styles.element.get_by_id(style_id).name_val == "Hyperlink"


def test_block_quote_thematic_break_and_page_break(sample):
    word = open_docx(sample)
    quote = next(p for p in word.paragraphs if p.text.startswith("The Government will not"))
    assert quote.style.name == "Quote"
    assert word.element.body.find(f"{W}p/{W}pPr/{W}pBdr/{W}bottom") is not None
    after = next(p for p in word.paragraphs if p.text.startswith("After the page break"))
    assert after._p.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert sum(p._p.find(f"{W}pPr/{W}pageBreakBefore") is not None for p in word.paragraphs) == 1


def test_turkish_letters_and_pound_sign_survive(sample):
    text = body_text(open_docx(sample))
    assert "Şebnem Korur Fincancı, İdil Eser, Taner Kılıç, Ğ ğ Ş ş İ ı é £." in text
    markdown = "İstanbul: Şahin paid £5 for ğ and ı.[^1]\n\n[^1]: Şahin, *İstanbul* (ğ ı £).\n"
    data = render(parse_markdown(markdown, INFO))
    assert "İstanbul: Şahin paid £5 for ğ and ı." in body_text(open_docx(data))
    notes = part_xml(data, "word/footnotes.xml")
    assert "Şahin, İstanbul (ğ ı £)." in "".join(notes.itertext())


# -- footnotes -----------------------------------------------------------------


def note_texts(data: bytes) -> dict[int, str]:
    notes = part_xml(data, "word/footnotes.xml")
    return {int(n.get(qn("w:id"))): "".join(t.text for t in n.iter(f"{W}t")) for n in notes.iter(f"{W}footnote")}


def test_footnotes_part_holds_each_note_after_the_two_separators(letter):
    notes = part_xml(letter, "word/footnotes.xml")
    special = [(n.get(qn("w:id")), n.get(qn("w:type"))) for n in notes.iter(f"{W}footnote") if n.get(qn("w:type"))]
    assert special == [("-1", "separator"), ("0", "continuationSeparator")]
    texts = note_texts(letter)
    assert texts[1] == "R (Campaign Against Arms Trade) v Secretary of State [2019] EWCA Civ 1020."
    assert texts[2] == "See https://www.legislation.gov.uk/ukpga/2002/28 and the Consolidated Criteria."
    for note in notes.iter(f"{W}footnote"):
        if note.get(qn("w:type")):
            continue
        paragraph = note.find(f"{W}p")
        assert paragraph.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) == "FootnoteText"
        first_run = paragraph.find(f"{W}r")
        assert first_run.find(f"{W}footnoteRef") is not None
        assert first_run.find(f"{W}rPr/{W}rStyle").get(qn("w:val")) == "FootnoteReference"


def test_body_references_match_the_notes(letter):
    body = part_xml(letter, "word/document.xml")
    references = list(body.iter(f"{W}footnoteReference"))
    assert [int(r.get(qn("w:id"))) for r in references] == [1, 2]
    assert set(note_texts(letter)) == {-1, 0, 1, 2}
    for reference in references:
        assert reference.getparent().find(f"{W}rPr/{W}rStyle").get(qn("w:val")) == "FootnoteReference"
    styles = open_docx(letter).styles
    assert styles["footnote reference"].font.superscript
    assert styles["footnote text"].type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH


def test_footnote_content_keeps_emphasis_and_links_related_from_the_footnotes_part(letter):
    notes = part_xml(letter, "word/footnotes.xml")
    note = next(n for n in notes.iter(f"{W}footnote") if n.get(qn("w:id")) == "2")
    italic = [r.find(f"{W}t").text for r in note.iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None]
    assert italic == ["the Consolidated Criteria"]
    link = note.find(f".//{W}hyperlink")
    rels = part_xml(letter, "word/_rels/footnotes.xml.rels")
    rel = next(r for r in rels if r.get("Id") == link.get(qn("r:id")))
    assert rel.get("Target") == "https://www.legislation.gov.uk/ukpga/2002/28"
    assert rel.get("TargetMode") == "External"
    document_rels = part_xml(letter, "word/_rels/document.xml.rels")
    assert "https://www.legislation.gov.uk/ukpga/2002/28" not in [r.get("Target") for r in document_rels]


def test_package_declares_the_footnotes_part(letter):
    types = part_xml(letter, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert (
        overrides["/word/footnotes.xml"]
        == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    )
    rels = part_xml(letter, "word/_rels/document.xml.rels")
    assert [r.get("Target") for r in rels if r.get("Type") == RT.FOOTNOTES] == ["footnotes.xml"]
    settings = part_xml(letter, "word/settings.xml")
    assert [n.get(qn("w:id")) for n in settings.find(f"{W}footnotePr")] == ["-1", "0"]


def test_a_second_reference_to_a_note_shows_its_number_without_a_second_note(sample):
    body = part_xml(sample, "word/document.xml")
    assert [r.get(qn("w:id")) for r in body.iter(f"{W}footnoteReference")] == ["1", "2"]
    bookmark = next(b.get(qn("w:name")) for b in body.iter(f"{W}bookmarkStart"))
    assert [t.text.strip() for t in body.iter(f"{W}instrText")] == [f"NOTEREF {bookmark} \\f \\h"]
    after = next(p for p in body.iter(f"{W}p") if "After the page break." in "".join(p.itertext()))
    assert "".join(t.text for t in after.iter(f"{W}t")) == "After the page break.1"


def test_footnotes_module_creates_one_part_and_refuses_reserved_or_repeated_ids():
    word = docx.Document()
    part = fp.footnotes_part(word)
    assert fp.footnotes_part(word) is part
    assert [rel.target_part for rel in word.part.rels.values() if rel.reltype == RT.FOOTNOTES] == [part]
    fp.add_footnote(part, 1)
    with pytest.raises(ValueError, match="already"):
        fp.add_footnote(part, 1)
    with pytest.raises(ValueError, match="reserved"):
        fp.add_footnote(part, 0)
    ids = [n.get(qn("w:id")) for n in part.element.iter(f"{W}footnote")]
    assert ids == ["-1", "0", "1"]


def test_a_reference_documents_own_notes_are_replaced(tmp_path):
    earlier = render(parse_markdown("Old text.[^1]\n\n[^1]: An old note from the template.\n", INFO))
    reference = tmp_path / "with-notes.docx"
    reference.write_bytes(earlier)
    data = render(parse_markdown("New text.[^1]\n\n[^1]: The new note.\n", INFO), reference)
    assert note_texts(data) == {-1: "", 0: "", 1: "The new note."}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist().count("word/footnotes.xml") == 1


def test_a_reference_declaring_other_separator_ids_is_corrected(tmp_path):
    reference = docx.Document()
    settings = reference.settings.element
    settings.find(qn("w:compat")).addprevious(
        parse_xml(
            f'<w:footnotePr xmlns:w="{W[1:-1]}"><w:numFmt w:val="lowerRoman"/>'
            '<w:footnote w:id="0"/><w:footnote w:id="1"/></w:footnotePr>'
        )
    )
    reference.save(tmp_path / "libreoffice.docx")
    data = render(every_node_document(), tmp_path / "libreoffice.docx")
    declaration = part_xml(data, "word/settings.xml").find(f"{W}footnotePr")
    assert [(child.tag[len(W) :], child.get(qn("w:val")) or child.get(qn("w:id"))) for child in declaration] == [
        ("numFmt", "lowerRoman"),
        ("footnote", "-1"),
        ("footnote", "0"),
    ]


# -- page furniture, house style, reference document ---------------------------


def test_running_header_after_page_one_and_page_numbers(sample):
    word = open_docx(sample)
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "Request under FOIA 2000 · EXAMPLE-TR-2017"
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    for footer in (section.footer, section.first_page_footer):
        instructions = [t.text.strip() for t in footer._element.iter(f"{W}instrText")]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert "".join(t.text for t in footer._element.iter(f"{W}t")) == "Page 1 of 1"


def test_running_header_falls_back_to_the_title():
    info = DocumentInfo(title="Briefing for Members", date=dt.date(2024, 1, 2))
    word = open_docx(render(parse_markdown("Text.\n", info)))
    assert word.sections[0].header.paragraphs[0].text == "Briefing for Members"


def test_default_house_style_is_an_a4_serif_letter(sample):
    word = open_docx(sample)
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [
        round(m.cm, 2) for m in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    ] == [2.5] * 4
    defaults = word.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(qn("w:ascii")) == "Times New Roman"
    assert defaults.find(f"{W}sz").get(qn("w:val")) == "22"
    assert defaults.find(f"{W}lang").get(qn("w:val")) == "en-GB"
    assert word.styles["Heading 1"].font.bold


def make_reference(path, *, header: str | None = None, footer: str | None = None):
    reference = docx.Document()
    normal = reference.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    section = reference.sections[0]
    section.page_width, section.page_height = docx.shared.Inches(8.5), docx.shared.Inches(11)
    section.left_margin = docx.shared.Cm(3.1)
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    reference.add_paragraph("TEMPLATE BODY TEXT")
    reference.save(path)
    return path


def test_reference_document_styles_page_and_letterhead_are_kept(tmp_path):
    reference = make_reference(tmp_path / "firm.docx", header="Smith & Co Solicitors · 1 Strand, London")
    data = render(every_node_document(), reference)
    word = open_docx(data)
    assert "TEMPLATE BODY TEXT" not in body_text(word)
    assert word.styles["Normal"].font.name == "Arial"
    assert word.styles["Normal"].font.size == Pt(10)
    section = word.sections[0]
    assert round(section.page_width.inches, 2) == 8.5 and round(section.left_margin.cm, 1) == 3.1
    assert section.header.paragraphs[0].text == "Smith & Co Solicitors · 1 Strand, London"
    assert not section.different_first_page_header_footer
    assert [t.text.strip() for t in section.footer._element.iter(f"{W}instrText")] == ["PAGE", "NUMPAGES"]
    assert word.styles["footnote text"].style_id == "FootnoteText"
    assert word.paragraphs[0].style.name == "Heading 1"
    assert note_texts(data)[1] == "Joseph Cox, The UK Granted Spy Tech Export to Turkey (Motherboard, 2017)."


def test_note_number_hangs_only_where_the_note_style_has_a_hanging_indent(sample, tmp_path):
    def first_note_runs(data):
        note = next(n for n in part_xml(data, "word/footnotes.xml").iter(f"{W}footnote") if n.get(qn("w:id")) == "1")
        return note.find(f"{W}p").findall(f"{W}r")[:2]

    _mark, gap = first_note_runs(sample)
    assert gap.find(f"{W}tab") is not None
    reference = docx.Document()
    own = reference.styles.add_style("footnote text", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    own.font.size = Pt(8)
    reference.save(tmp_path / "plain-notes.docx")
    data = render(every_node_document(), tmp_path / "plain-notes.docx")
    _mark, gap = first_note_runs(data)
    assert gap.find(f"{W}tab") is None and gap.find(f"{W}t").text == " "
    assert open_docx(data).styles["footnote text"].font.size == Pt(8)


def test_reference_documents_own_footer_is_kept(tmp_path):
    reference = make_reference(tmp_path / "firm.docx", footer="Regulated by the SRA")
    word = open_docx(render(every_node_document(), reference))
    section = word.sections[0]
    assert section.footer.paragraphs[0].text == "Regulated by the SRA"
    assert not list(section.footer._element.iter(f"{W}instrText"))
    assert section.header.paragraphs[0].text == "Request under FOIA 2000 · EXAMPLE-TR-2017"


def test_a_first_page_letterhead_is_kept_and_later_pages_get_the_running_header(tmp_path):
    reference = docx.Document()
    section = reference.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "SMITH & CO · LETTERHEAD"
    reference.save(tmp_path / "letterhead.docx")
    word = open_docx(render(every_node_document(), tmp_path / "letterhead.docx"))
    section = word.sections[0]
    assert section.first_page_header.paragraphs[0].text == "SMITH & CO · LETTERHEAD"
    assert section.header.paragraphs[0].text == "Request under FOIA 2000 · EXAMPLE-TR-2017"
    for footer in (section.footer, section.first_page_footer):
        assert [t.text.strip() for t in footer._element.iter(f"{W}instrText")] == ["PAGE", "NUMPAGES"]


def test_an_unreadable_reference_is_one_clear_error(tmp_path):
    bad = tmp_path / "letterhead.docx"
    bad.write_text("not a zip")
    with pytest.raises(ValueError, match=re.escape("letterhead.docx: not a readable Word document")):
        render(every_node_document(), bad)
    with pytest.raises(ValueError, match=re.escape("missing.docx")):
        render(every_node_document(), tmp_path / "missing.docx")


def test_a_reference_without_a_page_size_is_one_clear_error(tmp_path):
    reference = docx.Document()
    section = reference.sections[0]._sectPr
    section.remove(section.find(qn("w:pgSz")))
    reference.save(tmp_path / "no-page.docx")
    with pytest.raises(ValueError, match=r"no-page\.docx: its first section gives no page width or margins"):
        render(every_node_document(), tmp_path / "no-page.docx")


# -- reproducibility and metadata ----------------------------------------------


def test_same_document_gives_identical_bytes(sample, tmp_path):
    assert render(every_node_document(table_rows=3)) == sample
    reference = make_reference(tmp_path / "firm.docx", header="Letterhead")
    assert render(every_node_document(), reference) == render(every_node_document(), reference)


def test_zip_entries_have_fixed_times_and_order(sample):
    with zipfile.ZipFile(io.BytesIO(sample)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    names = [info.filename for info in infos[2:]]
    assert names == sorted(names)
    assert "docProps/thumbnail.jpeg" not in names


def test_core_properties_come_from_the_document_info(sample):
    core = open_docx(sample).core_properties
    assert core.title == "Request under the Freedom of Information Act 2000"
    assert core.author == core.last_modified_by == "Example Campaign Group"
    assert core.subject == "Licences for Turkey"
    assert core.created == core.modified == dt.datetime(2017, 7, 18, 0, 0, tzinfo=dt.UTC)
    assert core.revision == 1
    assert core.language == "en-GB"


def test_renderer_handles_a_link_and_list_built_by_hand():
    document = Document(
        INFO,
        (
            List(True, (ListItem(()), ListItem((Paragraph((Text("second"),)), Paragraph((Text("more"),))))), start=7),
            Paragraph((Link("#grounds", (Text("see Grounds"),)), FootnoteRef(1))),
        ),
        (Footnote(1, (Paragraph((Text("Only note."),)),)),),
    )
    word = open_docx(render(document))
    numbered = [p for p in word.paragraphs if numbering_of(p)]
    assert [p.text for p in numbered] == ["", "second"]
    more = next(p for p in word.paragraphs if p.text == "more")
    assert numbering_of(more) is None and more.paragraph_format.left_indent is not None
    link = word.paragraphs[-1]._p.find(f"{W}hyperlink")
    assert link.get(qn("w:anchor")) == "grounds"


# -- as a reader sees it -------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_the_notes_out_at_the_foot_of_the_page(sample, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    source = tmp_path / "sample.docx"
    source.write_bytes(sample)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = [page.extract_text() for page in pypdf.PdfReader(tmp_path / "sample.pdf").pages]
    assert len(pages) == 2
    first = pages[0]
    assert first.index("CAAT-71310") < first.index("Joseph Cox") < first.index("Page 1 of 2")
    assert "Request under FOIA 2000" not in first
    assert "Request under FOIA 2000" in pages[1] and "Page 2 of 2" in pages[1]


def test_package_is_written_as_zipfile_writes_it_and_is_whole(sample):
    """The hand-written zip holds the bytes zipfile would write for the same entries (header fields,
    permissions, deflate stream), and every entry's CRC checks."""
    from advocate.render.docx.package import zip_bytes

    with zipfile.ZipFile(io.BytesIO(sample)) as archive:
        assert archive.testzip() is None
        entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    by_zipfile = io.BytesIO()
    with zipfile.ZipFile(by_zipfile, "w") as target:
        for name in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.create_system = zipfile.ZIP_DEFLATED, 0
            target.writestr(info, entries[name], compresslevel=6)
    assert zip_bytes(entries) == by_zipfile.getvalue() == sample
    assert zip_bytes({"b.xml": b"<b/>", "a.xml": b"<a/>"}) == zip_bytes({"a.xml": b"<a/>", "b.xml": b"<b/>"})


def test_house_styles_carry_each_documents_language_and_the_full_style_set():
    from advocate.render.docx.house_base import house_base

    document = every_node_document()
    turkish = Document(dataclasses.replace(document.info, language="tr-TR"), document.children, document.footnotes)
    english = render(document)
    in_turkish = render(turkish)
    assert render(document) == english
    for data, language in ((english, "en-GB"), (in_turkish, "tr-TR"), (render(document), "en-GB")):
        styles = part_xml(data, "word/styles.xml")
        assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(qn("w:val")) == language
        names = {style.find(f"{W}name").get(qn("w:val")) for style in styles.iter(f"{W}style")}
        assert {"Normal", "heading 1", "footnote text", "Advocate Table", "Quote"} <= names
        assert len(names) > 100  # the whole template's styles, not only the house ones
    assert len(house_base().light) < 20_000  # the base opened for each document leaves its styles aside
