"""Typographic quotation marks and apostrophes, in every format, set once over the document tree."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from drafting_cases import copy_example
from helpers import EXAMPLE_CASE

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.models.document import Code, DocumentInfo, Link, Text
from advocate.parse.markdown import parse_markdown
from advocate.parse.typography import set_text
from advocate.run.document import draft_document, render_document

DATE = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "typed, printed",
    [
        ('the end user described as "law enforcement agency".', "the end user described as “law enforcement agency”."),
        ("Côte d'Ivoire", "Côte d’Ivoire"),
        ("the journalists' union", "the journalists’ union"),
        ("'The UK Granted Spy Tech Export' Motherboard", "‘The UK Granted Spy Tech Export’ Motherboard"),
        ("\"a quotation with 'another' inside\"", "“a quotation with ‘another’ inside”"),
        ("in the '90s", "in the ’90s"),
        ('5" naval guns', "5″ naval guns"),
        ('("compact")', "(“compact”)"),
        ("Amnesty International's Turkey director", "Amnesty International’s Turkey director"),
    ],
)
def test_each_straight_quote_becomes_what_its_neighbours_say_it_is(typed, printed):
    assert set_text(typed) == printed


def test_addresses_and_code_are_left_as_typed():
    tree = parse_markdown(
        'See <https://example.org/report> at https://example.org/it\'s and `DIT-"01"`, or write to '
        'o\'neil@example.org "today".\n',
        DocumentInfo(title="", date=DATE),
    )
    nodes = tree.children[0].children
    link = next(n for n in nodes if isinstance(n, Link))
    assert link.children == (Text("https://example.org/report"),)
    assert next(n for n in nodes if isinstance(n, Code)).text == 'DIT-"01"'
    text = "".join(n.text for n in nodes if isinstance(n, Text))
    assert "at https://example.org/it's and" in text
    assert "o'neil@example.org “today”." in text


def test_a_quotation_opens_in_plain_text_and_closes_after_an_italic_title():
    tree = parse_markdown("He called it '*The Index*' in 2016.\n", DocumentInfo(title="", date=DATE))
    nodes = tree.children[0].children
    text = "".join(getattr(n, "text", "") or "".join(c.text for c in getattr(n, "children", ())) for n in nodes)
    assert text == "He called it ‘The Index’ in 2016."


@pytest.fixture(scope="module")
def letter():
    return draft_document(load_case(EXAMPLE_CASE), "letter-before-claim", DraftOptions(date=DATE))


def _running_text(drafted) -> str:
    """Every Text node a reader sees, body and footnotes (addresses in links are not running text)."""
    return "\n".join(node.text for node in drafted.document.walk() if isinstance(node, Text))


def test_the_example_letter_has_no_straight_quote_in_its_text_or_its_citations(letter):
    text = _running_text(letter)
    assert "'" not in text and '"' not in text
    assert "the defendant’s reference details".lower() in text.lower()
    assert "‘The UK Granted Spy Tech Export to Turkey Amid Its Massive Crackdown on Dissent’" in text
    assert "“law enforcement agency”" in text


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_every_format_prints_typographic_quotes(letter, fmt):
    case_file = load_case(EXAMPLE_CASE)
    files = render_document(letter, (fmt,), case_file)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(files["docx"])) as docx:
            printed = docx.read("word/document.xml").decode("utf-8") + docx.read("word/footnotes.xml").decode("utf-8")
        words = re.sub(r"<[^>]+>", "", printed).replace("&quot;", '"').replace("&apos;", "'")
    else:
        words = files["md"].decode("utf-8")
    assert "defendant’s reference" in words
    assert "defendant's reference" not in words


def test_a_record_typed_with_straight_quotes_prints_curly_ones(tmp_path):
    case = copy_example(tmp_path)
    abuses = case / "abuses.yaml"
    abuses.write_text(
        abuses.read_text(encoding="utf-8").replace(
            "A Turkish court ordered the arrest of Amnesty International's Turkey director",
            'A Turkish court ordered the arrest of Amnesty International\'s "Turkey director"',
        ),
        encoding="utf-8",
    )
    drafted = draft_document(load_case(case), "letter-before-claim", DraftOptions(date=DATE))
    assert "Amnesty International’s “Turkey director”" in _running_text(drafted)
