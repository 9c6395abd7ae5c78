"""The example case's four documents read as pages: in the PDF, and in the DOCX as LibreOffice lays it
out. No heading or lead-in ends a page, no licence id or date breaks across lines in a table, every
font is embedded, and the briefing's cover carries the banner and a contents list with page numbers."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from test_page_layout import embedded, flat, text_after

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.link import link_case
from advocate.models.document import Heading, List, Paragraph, Table, plain_text
from advocate.run.document import draft_document, render_document
from tests.helpers import EXAMPLE_CASE

KINDS = ("foi", "letter-before-claim", "briefing", "questions")
DATE = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def example():
    case = load_case(EXAMPLE_CASE)
    links = link_case(case)
    drafted = {kind: draft_document(case, kind, DraftOptions(date=DATE), links=links) for kind in KINDS}
    files = {kind: render_document(d, ("pdf", "docx"), case) for kind, d in drafted.items()}
    return drafted, files


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _start(block) -> str:
    """The first words a reader sees of a block."""
    if isinstance(block, List):
        return _start(block.items[0].children[0])
    if isinstance(block, Table):
        return " ".join(plain_text(cell.children) for cell in block.header)
    return plain_text(getattr(block, "children", ()))


def lead_ins(document) -> list[tuple[str, str]]:
    """(a heading or lead-in's text, the start of the block after it), for each one met once in the document."""
    pairs = []
    blocks = list(document.children)
    for block, after in itertools.pairwise(blocks):
        text = plain_text(getattr(block, "children", ())).strip() if isinstance(block, (Heading, Paragraph)) else ""
        if text and ((isinstance(block, Heading) and block.level > 1) or text.endswith(":")) and _start(after):
            pairs.append((flat(text), flat(_start(after))[:30]))
    texts = [text for text, _ in pairs]
    return [(text, after) for text, after in pairs if texts.count(text) == 1]


def assert_each_lead_in_is_followed_on_its_page(document, texts: list[str]) -> None:
    pairs = lead_ins(document)
    assert pairs
    for lead_in, start in pairs:
        page, after = text_after(texts, lead_in)
        after = re.sub(r"^(?:[•–▪]|\(?[0-9a-z]{1,4}[.)])\s*", "", after)
        assert after.startswith(start), f"p{page}: {lead_in!r} is followed by {after[:60]!r}, not {start!r}"


@pytest.mark.parametrize("kind", KINDS)
def test_no_heading_or_lead_in_ends_a_pdf_page(example, kind):
    drafted, files = example
    texts = pages(files[kind]["pdf"])
    if kind == "briefing":
        texts[0] = ""  # the cover lists the headings as its contents
    assert_each_lead_in_is_followed_on_its_page(drafted[kind].document, texts)


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_of_every_pdf_is_embedded(example, kind):
    fonts = embedded(example[1][kind]["pdf"])
    assert fonts and all(fonts.values()), fonts


def table_words(document) -> set[str]:
    """The identifiers (with a digit and a hyphen) and dates printed in the document's tables."""
    found = set()
    for node in document.walk():
        if isinstance(node, Table):
            for cell in (*node.header, *(c for row in node.rows for c in row)):
                text = plain_text(cell.children)
                found.update(re.findall(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)*-[A-Z0-9]*\d[A-Z0-9]*\b", text))
                found.update(
                    re.findall(
                        r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December) \d{4}\b",
                        text,
                    )
                )
    return found


@pytest.mark.parametrize("kind", ("letter-before-claim", "briefing"))
def test_ids_and_dates_in_tables_are_on_one_line(example, kind):
    drafted, files = example
    words = table_words(drafted[kind].document)
    assert words
    lines = [line.replace("\u00a0", " ") for text in pages(files[kind]["pdf"]) for line in text.splitlines()]
    for word in words:
        assert any(word in line for line in lines), (kind, word)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_no_heading_or_lead_in_ends_a_page_of_the_docx_in_libreoffice(example, tmp_path):
    drafted, files = example
    for kind in ("foi", "letter-before-claim"):
        (tmp_path / f"{kind}.docx").write_bytes(files[kind]["docx"])
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "foi.docx"),
            str(tmp_path / "letter-before-claim.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for kind in ("foi", "letter-before-claim"):
        texts = pages((tmp_path / f"{kind}.pdf").read_bytes())
        assert_each_lead_in_is_followed_on_its_page(drafted[kind].document, texts)
        lines = [line for text in texts for line in text.splitlines()]
        assert not any(re.search(r"\b(Destinatio|Outco|DIT-2017Q1-TR-?)$", line.strip()) for line in lines), kind
