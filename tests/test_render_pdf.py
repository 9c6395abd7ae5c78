"""The PDF renderer: content, footnotes at the foot of their page, endnotes, fonts, pages and reproducibility."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from sample_document import every_node_document

from advocate.errors import UnprintableText
from advocate.models.document import (
    Document,
    DocumentInfo,
    Paragraph,
    Table,
    TableCell,
    Text,
)
from advocate.parse.markdown import parse_markdown
from advocate.render.pdf.renderer import PdfRenderer
from advocate.render.pdf.style import PdfStyle
from advocate.render.registry import renderer_for

INFO = DocumentInfo(
    title="Letter before claim",
    date=dt.date(2024, 5, 6),
    author="Example Campaign Group",
    subject="Judicial review",
    running_header="Letter before claim · EXAMPLE-TR-2017",
)

SENTENCE = (
    "The Secretary of State must assess each application against the Strategic Export Licensing Criteria, "
    "and will not grant a licence where there is a clear risk that the items might be used for internal "
    "repression. "
)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_with(texts: list[str], needle: str) -> list[int]:
    return [number for number, text in enumerate(texts, start=1) if needle in text]


def many_notes_document(count: int = 30, long_note: int | None = None) -> Document:
    """Paragraphs, list items and a table, each with a marked footnote reference; ``long_note`` runs to pages."""
    parts = ["# Letter before claim\n"]
    notes = []
    for k in range(1, count + 1):
        if k % 5 == 0:
            parts.append(f"- item {k}: {SENTENCE}ANCHOR{k}X[^n{k}] and the item goes on.\n- a second item\n")
        elif k % 9 == 0:
            parts.append(f"| Licence | Value |\n|---|--:|\n| CELL ANCHOR{k}X[^n{k}] | £{k},000 |\n")
        else:
            parts.append(f"{SENTENCE * (1 + k % 3)}ANCHOR{k}X[^n{k}] {SENTENCE}\n")
        body = f"NOTE{k}X Source for paragraph {k}."
        if k == long_note:
            body += " " + "A long explanatory note about the licensing history of the goods. " * 130 + f"NOTEEND{k}X"
        notes.append(f"[^n{k}]: {body}")
    return parse_markdown("\n".join(parts) + "\n" + "\n\n".join(notes) + "\n", INFO)


# -- content --------------------------------------------------------------------------------------


def test_every_node_kind_is_printed():
    document = every_node_document()
    pdf = PdfRenderer().render(document)
    text = "\n".join(pages_of(pdf))
    flat = " ".join(text.split())
    for expected in [
        "Request under the Freedom of Information Act 2000",  # heading 1
        "Information requested",  # heading 2
        "Department for Business and Trade",
        "Old Admiralty Building",  # line break
        "software for telecommunications interception equipment",  # emphasis
        "£272,025",
        "5A001",  # strong, code
        "1. the assessment against Criterion 2;",
        "2. the end-user undertakings.",
        "• first bullet",
        "second bullet, see GOV.UK.",
        "The Government will not grant a licence if it determines there is a clear risk.",
        "3. continued numbering starts at 3",
        "Licence",
        "Decided",
        "Rating",
        "Value",
        "CAAT-71308",
        "28 October 2014",
        "After the page break.",
        "The UK Granted Spy Tech Export to Turkey",
        "https://github.com/caatdata/uk-arms-export-data",
    ]:
        assert expected in flat, expected


def test_links_are_clickable():
    pdf = PdfRenderer().render(every_node_document())
    uris = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and action.get("/URI"):
                uris.add(action["/URI"])
    assert {"https://www.gov.uk/", "https://github.com/caatdata/uk-arms-export-data"} <= uris


def test_page_break_starts_a_new_page():
    texts = pages_of(PdfRenderer().render(every_node_document()))
    assert page_with(texts, "After the page break.") == [2]
    assert page_with(texts, "continued numbering starts at 3") == [1]


def test_headings_of_each_level_and_nested_lists():
    document = parse_markdown(
        "# One\n\n## Two\n\n### Three\n\n#### Four\n\n"
        "7. seventh\n8. eighth\n   - inner bullet\n     1. inner number\n9. ninth\n",
        INFO,
    )
    flat = " ".join(" ".join(pages_of(PdfRenderer().render(document))).split())
    # a numbered list two lists deep is numbered (i), (ii) ..., as the DOCX numbers it
    for expected in [
        "One",
        "Two",
        "Three",
        "Four",
        "7. seventh",
        "8. eighth",
        "– inner bullet",
        "(i) inner number",
        "9. ninth",
    ]:
        assert expected in flat, expected


def test_headings_become_the_outline():
    document = parse_markdown("# Letter\n\n## Facts\n\ntext\n\n## Law\n\ntext\n", INFO)
    reader = PdfReader(io.BytesIO(PdfRenderer().render(document)))
    top = reader.outline
    assert top[0].title == "Letter"
    assert [item.title for item in top[1]] == ["Facts", "Law"]


def test_turkish_names_and_pound_survive():
    text = "\n".join(pages_of(PdfRenderer().render(every_node_document())))
    assert "Şebnem Korur Fincancı, İdil Eser, Taner Kılıç, Ğ ğ Ş ş İ ı é £." in text
    assert "Türkiye" in text


def test_typographic_punctuation_survives():
    document = parse_markdown("The ‘Criterion 2’ test — “clear risk” – is applied; çöü ĞŞ.\n", INFO)
    assert "The ‘Criterion 2’ test — “clear risk” – is applied; çöü ĞŞ." in pages_of(PdfRenderer().render(document))[0]


def test_fonts_are_embedded_liberation():
    reader = PdfReader(io.BytesIO(PdfRenderer().render(every_node_document())))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            descriptor = descriptor.get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            fonts.add(re.sub(r"^/[A-Z]{6}\+", "/", str(font["/BaseFont"])))
    assert {"/LiberationSerif", "/LiberationSerif-Bold", "/LiberationSerif-Italic", "/LiberationMono"} <= fonts


@pytest.mark.parametrize("character", ["漢", "😀"])
def test_a_character_the_font_lacks_is_an_error_naming_it(character):
    document = Document(INFO, (Paragraph((Text(f"The witness signed as {character} on the form."),)),))
    with pytest.raises(UnprintableText) as error:
        PdfRenderer().render(document)
    message = str(error.value)
    assert repr(character) in message and f"U+{ord(character):04X}" in message
    assert "signed as" in message


def test_an_unprintable_character_in_a_table_cell_is_an_error():
    document = Document(INFO, (Table((TableCell((Text("Name"),)),), ((TableCell((Text("名"),)),),)),))
    with pytest.raises(UnprintableText, match="table cell"):
        PdfRenderer().render(document)


# -- tables ---------------------------------------------------------------------------------------


def test_table_header_is_repeated_on_every_page():
    texts = pages_of(PdfRenderer().render(every_node_document(table_rows=150)))
    with_rows = [n for n, text in enumerate(texts, start=1) if "CAAT-7" in text]
    assert len(with_rows) >= 3
    for number in with_rows:
        assert re.search(r"Licence\s*Decided\s*Rating\s*Value", texts[number - 1]), number
    assert all(f"CAAT-{71308 + i}" in "\n".join(texts) for i in range(150))


def _text_starts(pdf: bytes) -> list[float]:
    """The x of each ``Tm`` that is followed by a ``Tj``, in content-stream order (the table's cells in order)."""
    reader = PdfReader(io.BytesIO(pdf))
    operations = ContentStream(reader.pages[0].get_contents(), reader).operations
    starts, x = [], None
    for operands, op in operations:
        if op == b"Tm":
            x = float(operands[4])
        elif op == b"Tj" and x is not None:
            starts.append(x)
            x = None
    return starts


def test_table_columns_follow_their_alignment():
    document = parse_markdown("| Licence | Value |\n|:--|--:|\n| A-1 | £1 |\n| A-22222 | £1,000,000 |\n", INFO)
    starts = _text_starts(PdfRenderer().render(document))
    _licence, _value, short_id, short_value, long_id, long_value = starts[:6]
    assert short_id == pytest.approx(long_id, abs=0.01)  # left aligned
    font, size = "Advocate-LiberationSerif-Regular", PdfStyle().table_size
    right_edge_short = short_value + stringWidth("£1", font, size)
    right_edge_long = long_value + stringWidth("£1,000,000", font, size)
    assert right_edge_short == pytest.approx(right_edge_long, abs=0.01)  # right aligned
    assert short_value > long_value


def test_long_cells_wrap_inside_the_table():
    long = "components for military communications equipment and software for interception " * 4
    document = parse_markdown(f"| Licence | Goods |\n|---|---|\n| A-1 | {long}|\n", INFO)
    text = pages_of(PdfRenderer().render(document))[0]
    goods_lines = [line for line in text.splitlines() if "components" in line or "interception" in line]
    assert len(goods_lines) >= 3


# -- footnotes ------------------------------------------------------------------------------------


def test_each_footnote_is_at_the_foot_of_the_page_of_its_reference():
    texts = pages_of(PdfRenderer().render(many_notes_document(40)))
    assert len(texts) >= 5
    for k in range(1, 41):
        reference_pages = page_with(texts, f"ANCHOR{k}X")
        assert len(reference_pages) == 1, k
        assert page_with(texts, f"NOTE{k}X") == reference_pages, k


def test_notes_sit_below_the_text_of_their_page():
    texts = pages_of(PdfRenderer().render(many_notes_document(12)))
    first = texts[0]
    last_anchor = max(first.index(f"ANCHOR{k}X") for k in range(1, 13) if f"ANCHOR{k}X" in first)
    first_note = min(first.index(f"NOTE{k}X") for k in range(1, 13) if f"NOTE{k}X" in first)
    assert last_anchor < first_note < first.index("Page 1 of")


def test_a_long_note_starts_on_its_page_and_continues_overleaf():
    texts = pages_of(PdfRenderer().render(many_notes_document(20, long_note=4)))
    start = page_with(texts, "NOTE4X")
    assert start == page_with(texts, "ANCHOR4X")
    end = page_with(texts, "NOTEEND4X")
    assert len(end) == 1 and end[0] > start[0]
    for k in range(1, 21):  # no note is lost and each is printed once
        assert len(page_with(texts, f"NOTE{k}X")) == 1, k


def test_a_note_referenced_twice_is_printed_once():
    texts = pages_of(PdfRenderer().render(every_node_document()))
    assert page_with(texts, "The UK Granted Spy Tech Export to Turkey") == [1]
    assert page_with(texts, "After the page break.") == [2]


SOURCE = (
    "Campaign Against Arms Trade, UK Arms Export Data (commit f8e49da, July 2015), the licence's row in "
    "the SIEL table <https://github.com/caatdata/uk-arms-export-data>."
)
LONG_NOTE = "A long explanatory note about the licensing history of the goods. "


def noted_document(kind: str, count: int) -> Document:
    """A ``table`` of ``count`` licence rows, a ``list`` of ``count`` items or one ``paragraph`` of ``count``
    sentences, each with a reference REF{k}X to its own note of about two lines, NOTE{k}X ... END{k}X."""
    refs = [f"REF{k}X[^n{k}]" for k in range(1, count + 1)]
    if kind == "table":
        body = (
            "| Licence | Decided | Destination | Rating | Goods | Outcome |\n|---|---|---|---|---|---|\n"
            + "\n".join(
                f"| {ref} | 2014-10-28 | Turkey | 5A001 | software for telecommunications interception equipment | issued |"
                for ref in refs
            )
        )
    elif kind == "list":
        body = "\n".join(f"- licence {k} was granted {ref} for interception software" for k, ref in enumerate(refs, 1))
    else:
        body = " ".join(
            f"Licence {k} was granted on the date shown {ref} for interception software."
            for k, ref in enumerate(refs, 1)
        )
    notes = "\n\n".join(f"[^n{k}]: NOTE{k}X {SOURCE} END{k}X" for k in range(1, count + 1))
    return parse_markdown(f"# Licences\n\nThe licences below.\n\n{body}\n\n{notes}\n", INFO)


@pytest.mark.parametrize(("kind", "count"), [("table", 40), ("list", 40), ("paragraph", 34)])
def test_a_note_on_every_row_item_or_sentence_stays_on_the_page_of_its_reference(kind, count):
    pdf = PdfRenderer().render(noted_document(kind, count))
    texts = pages_of(pdf)
    assert len(texts) >= 3  # the notes alone take more than two pages' share
    for k in range(1, count + 1):
        reference = page_with(texts, f"REF{k}X")
        assert len(reference) == 1, k
        assert page_with(texts, f"NOTE{k}X") == reference, k
        assert page_with(texts, f"END{k}X") == reference, k
    assert PdfRenderer().render(noted_document(kind, count)) == pdf


def test_a_table_of_noted_rows_repeats_its_header_on_every_page():
    texts = pages_of(PdfRenderer().render(noted_document("table", 40)))
    table_pages = sorted({page for k in range(1, 41) for page in page_with(texts, f"REF{k}X")})
    assert len(table_pages) >= 3
    for page in table_pages:
        assert "Destination" in texts[page - 1] and "Outcome" in texts[page - 1], page


def _table_with_rows(rows: list[str], notes: dict[int, str]) -> Document:
    head = "| Licence | Goods | Outcome |\n|---|---|---|\n"
    foot = "\n\n".join(f"[^n{k}]: NOTE{k}X {text}END{k}X" for k, text in notes.items())
    return parse_markdown(f"# Licences\n\nThe licences below.\n\n{head}" + "\n".join(rows) + f"\n\n{foot}\n", INFO)


def test_a_row_whose_notes_cannot_fit_beside_it_is_placed_and_its_notes_continue_overleaf():
    """Row 6 holds two notes that together take more than the notes' share of any page."""
    rows = [f"| L{k} | REF{k}X[^n{k}] goods | issued |" for k in range(1, 13)]
    rows[5] = "| L6 | REF6X[^n6] REF60X[^n60] goods | issued |"
    notes = dict.fromkeys(range(1, 13), SOURCE + " ") | {6: LONG_NOTE * 40, 60: LONG_NOTE * 40}
    texts = pages_of(PdfRenderer().render(_table_with_rows(rows, notes)))
    row_page = page_with(texts, "REF6X")
    assert len(row_page) == 1 and page_with(texts, "REF60X") == row_page
    assert page_with(texts, "NOTE6X") == row_page
    assert page_with(texts, "END60X")[0] > row_page[0]
    for k in [*range(1, 6), *range(7, 13)]:
        assert page_with(texts, f"NOTE{k}X") == page_with(texts, f"REF{k}X"), k
    for k in [*range(1, 13), 60]:  # every note printed, and once
        assert len(page_with(texts, f"NOTE{k}X")) == 1 and len(page_with(texts, f"END{k}X")) == 1, k


def test_a_row_too_tall_to_fit_beside_its_note_is_placed_and_the_note_continues_overleaf():
    rows = [f"| L{k} | REF{k}X[^n{k}] goods | issued |" for k in range(1, 9)]
    rows[3] = "| L4 | REF4X[^n4] " + "interception software components " * 100 + "| issued |"
    notes = dict.fromkeys(range(1, 9), SOURCE + " ") | {4: LONG_NOTE * 30}
    texts = pages_of(PdfRenderer().render(_table_with_rows(rows, notes)))
    row_page = page_with(texts, "REF4X")
    assert len(row_page) == 1
    assert page_with(texts, "NOTE4X") == row_page
    for k in range(1, 9):
        assert len(page_with(texts, f"END{k}X")) == 1, k
        if k != 4:
            assert page_with(texts, f"NOTE{k}X") == page_with(texts, f"REF{k}X"), k


def test_notes_carried_to_the_last_page_do_not_push_its_own_notes_out():
    """A long note continues on the last page of text, whose own references need their notes too."""
    markdown = (
        "# Licences\n\nIntro REF1X[^n1] paragraph.\n\n"
        + "\n".join(f"- item REF{k}X[^n{k}]" for k in range(2, 5))
        + f"\n\n[^n1]: NOTE1X {LONG_NOTE * 200}END1X\n\n"
        + "\n\n".join(f"[^n{k}]: NOTE{k}X {LONG_NOTE * 5}END{k}X" for k in range(2, 5))
        + "\n"
    )
    texts = pages_of(PdfRenderer().render(parse_markdown(markdown, INFO)))
    for k in range(1, 5):
        reference = page_with(texts, f"REF{k}X")
        assert len(reference) == 1 and page_with(texts, f"NOTE{k}X") == reference, k
        assert len(page_with(texts, f"END{k}X")) == 1, k
    assert page_with(texts, "END1X")[0] > page_with(texts, "REF1X")[0]


def test_endnotes_mode_collects_notes_at_the_end():
    texts = pages_of(PdfRenderer(notes="endnotes").render(many_notes_document(15)))
    last = texts[-1]
    assert "Notes" in last
    notes_at = [page_with(texts, f"NOTE{k}X") for k in range(1, 16)]
    assert all(pages == [pages[0]] and pages[0] >= len(texts) - 1 for pages in notes_at)
    whole = "\n".join(texts)
    assert whole.index("ANCHOR15X") < whole.index("Notes\n") < whole.index("NOTE1X")


def test_notes_mode_is_checked():
    with pytest.raises(ValueError, match="footnotes"):
        PdfRenderer(notes="sidenotes")


# -- pages and metadata ---------------------------------------------------------------------------


def test_page_numbers_and_running_header():
    texts = pages_of(PdfRenderer().render(many_notes_document(30)))
    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
    assert "Letter before claim · EXAMPLE-TR-2017" not in texts[0]
    for text in texts[1:]:
        assert text.lstrip().startswith("Letter before claim · EXAMPLE-TR-2017")


def test_running_header_falls_back_to_the_title():
    info = DocumentInfo(title="Briefing on licences", date=dt.date(2024, 1, 1))
    document = parse_markdown("text\n\n<!-- pagebreak -->\n\nmore\n", info)
    texts = pages_of(PdfRenderer().render(document))
    assert "Briefing on licences" in texts[1] and "Briefing on licences" not in texts[0]


def test_metadata_comes_from_document_info():
    reader = PdfReader(io.BytesIO(PdfRenderer().render(every_node_document())))
    meta = reader.metadata
    assert meta.title == "Request under the Freedom of Information Act 2000"
    assert meta.author == "Example Campaign Group"
    assert meta.subject == "Licences for Turkey"
    assert meta["/CreationDate"].startswith("D:20170718")
    assert meta["/ModDate"].startswith("D:20170718")


def test_same_document_gives_identical_bytes():
    first = PdfRenderer().render(many_notes_document(20, long_note=3))
    second = PdfRenderer().render(many_notes_document(20, long_note=3))
    assert first == second
    assert PdfRenderer().render(every_node_document()) == PdfRenderer().render(every_node_document())


def test_style_sets_the_page():
    pdf = PdfRenderer(PdfStyle(page_size=LETTER)).render(every_node_document())
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(LETTER)
    a4 = PdfReader(io.BytesIO(PdfRenderer().render(every_node_document()))).pages[0].mediabox
    assert (float(a4.width), float(a4.height)) == pytest.approx((595.2756, 841.8898), abs=0.01)


def test_registry_gives_the_pdf_renderer():
    renderer = renderer_for("pdf")
    assert isinstance(renderer, PdfRenderer) and renderer.extension == "pdf"
    assert renderer.render(every_node_document()).startswith(b"%PDF-")


# -- footnote marks without a trial draw ------------------------------------------------------------


def drawn_marks(flowable, width: float) -> list[int]:
    """The footnote marks a real draw of ``flowable`` reports, in order."""
    from reportlab.pdfgen.canvas import Canvas

    from advocate.render.pdf.notes import CALLBACK

    canvas = Canvas(io.BytesIO())
    found: list[int] = []
    canvas.setNamedCB(CALLBACK, lambda c, kind, label: found.append(int(label)))
    flowable.wrapOn(canvas, width, 1e6)
    flowable.drawOn(canvas, 0, 0)
    return found


def test_marks_read_from_a_paragraphs_lines_are_those_its_drawing_reports_also_after_a_split():
    from advocate.render.pdf.notes import paragraph_marks

    renderer = PdfRenderer()
    document = parse_markdown(
        f"{SENTENCE}A[^1] {SENTENCE * 3}*B*[^2] and [link](https://example.org)[^3] {SENTENCE * 4}C[^1]\n\n"
        "[^1]: One.\n\n[^2]: Two.\n\n[^3]: Three.\n",
        INFO,
    )
    (paragraph,) = renderer.story(document)
    width = renderer.style.frame_width
    paragraph.wrap(width, 1e6)
    assert paragraph_marks(paragraph) == (1, 2, 3, 1)
    head, tail = paragraph.split(width, 4 * renderer.style.leading)
    for part in (head, tail):
        part.wrap(width, 1e6)
        assert list(paragraph_marks(part)) == drawn_marks(part, width)
    assert paragraph_marks(head) + paragraph_marks(tail) == (1, 2, 3, 1)
    assert paragraph_marks(head) and paragraph_marks(tail)


def test_footnote_layout_is_the_same_as_with_a_trial_draw_of_every_flowable(monkeypatch):
    """Reading marks from broken lines (and breaking lines once per width) changes no page: the PDF is the
    one the original trial-draw layout gives."""
    import reportlab.platypus

    from advocate.render.pdf import notes, paragraph

    documents = [
        many_notes_document(30),
        many_notes_document(20, long_note=3),
        every_node_document(),
        noted_document("paragraph", 30),
    ]
    fast = [PdfRenderer().render(document) for document in documents]
    monkeypatch.setattr(notes, "Paragraph", type("NotAParagraph", (), {}))
    monkeypatch.setattr(notes, "_UNMARKED", ())
    monkeypatch.setattr(notes, "KeepTogether", type("NotKeepTogether", (), {}))
    monkeypatch.setattr(paragraph.Paragraph, "wrap", reportlab.platypus.Paragraph.wrap)
    trial = [PdfRenderer().render(document) for document in documents]
    assert fast == trial


def test_paragraph_breaks_its_lines_once_per_width_and_again_after_a_failed_split():
    from advocate.render.pdf.paragraph import Paragraph as OnceParagraph

    renderer = PdfRenderer()
    paragraph = OnceParagraph(SENTENCE * 6, renderer.sheet.body)
    width = renderer.style.frame_width
    height = paragraph.wrap(width, 1e6)[1]
    lines = paragraph.blPara
    assert paragraph.wrap(width, 10)[1] == height and paragraph.blPara is lines
    narrower = paragraph.wrap(width / 2, 1e6)[1]
    assert narrower > height and paragraph.blPara is not lines
    assert paragraph.split(width / 2, renderer.style.leading) == []  # one line: an orphan, so no split
    assert not hasattr(paragraph, "blPara")
    assert paragraph.wrap(width / 2, 1e6)[1] == narrower


def test_a_copy_of_the_notes_frame_shares_its_ledger():
    import copy

    from advocate.render.pdf.notes import FootnoteLedger, NotesFrame

    frame = NotesFrame(0, 0, 400, 600)
    frame.ledger = FootnoteLedger({1: []}, 400, 300, 500, "#000000")
    top = frame._y
    clone = copy.deepcopy(frame)
    assert clone.ledger is frame.ledger
    clone._y -= 100
    assert frame._y == top
