"""Footnotes as OSCOLA writes them across a document: full once, short after, ibid, no source twice in a note."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import EXAMPLE_CASE, replace_in

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.models.document import DocumentInfo, plain_text
from advocate.models.records import Source
from advocate.parse.markdown import parse_markdown
from advocate.resolve import oscola
from advocate.resolve.citations import resolve_citations
from advocate.run.document import draft_document
from advocate.validate.check import check_case

DATE = dt.date(2026, 12, 4)


def source(**fields) -> Source:
    return Source.model_validate(fields)


SOURCES = {
    "motherboard": source(
        id="motherboard", kind="news", title="Spy Tech Export", publication="Motherboard", date="2017"
    ),
    "hrw": source(id="hrw", kind="report", organisation="Human Rights Watch", date="2017", cited_in="motherboard"),
    "guardian": source(id="guardian", kind="news", publication="The Guardian", date="2017", cited_in="motherboard"),
    "rw-2009": source(
        id="rw-2009", kind="report", organisation="Rights Watchers", title="Journalists Behind Bars", date="2009"
    ),
    "rw-2022": source(
        id="rw-2022", kind="report", organisation="Rights Watchers", title="Arrests of Reporters", date="2022"
    ),
    "caat": source(
        id="caat",
        kind="case",
        title="R (Campaign Against Arms Trade) v Secretary of State for International Trade",
        neutral_citation="[2019] EWCA Civ 1020",
    ),
}


def notes(*bodies: str) -> list[str]:
    """The text of each footnote once citations are resolved, for footnotes with these bodies."""
    marks = "".join(f"Claim {n}.[^{n}] " for n in range(1, len(bodies) + 1))
    definitions = "\n\n".join(f"[^{n}]: {body}" for n, body in enumerate(bodies, start=1))
    tree = parse_markdown(f"{marks}\n\n{definitions}\n", DocumentInfo(title="t", date=DATE))
    resolved = resolve_citations(tree, SOURCES, oscola).document
    return [" ".join(plain_text(block.children) for block in note.children) for note in resolved.footnotes]


def test_a_source_cited_in_one_already_cited_names_that_one_in_short_form():
    assert notes("[@motherboard].", "[@hrw].") == [
        "‘Spy Tech Export’ Motherboard (2017).",
        "Human Rights Watch report (2017), cited in ‘Spy Tech Export’ (n 1).",
    ]


def test_a_source_first_cited_inside_cited_in_is_short_afterwards():
    assert notes("[@hrw].", "[@motherboard].") == [
        "Human Rights Watch report (2017), cited in ‘Spy Tech Export’ Motherboard (2017).",
        "‘Spy Tech Export’ (n 1).",
    ]


def test_two_sources_of_one_note_known_through_the_same_one_are_cited_in_it_once():
    assert notes("[@hrw]; [@guardian].") == [
        "Human Rights Watch report (2017); The Guardian article (2017), both cited in ‘Spy Tech Export’ Motherboard "
        "(2017).",
    ]


def test_a_judgment_cited_again_at_once_reads_ibid_with_its_paragraph_in_brackets():
    assert notes("[@caat, para 45].", "[@caat, para 47].", "[@caat, paras 50-52].") == [
        "R (Campaign Against Arms Trade) v Secretary of State for International Trade [2019] EWCA Civ 1020 [45].",
        "Ibid [47].",
        "Ibid [50]–[52].",
    ]


def test_two_works_of_one_author_are_told_apart_by_their_titles_in_short_form():
    assert notes("[@rw-2009].", "[@rw-2022].", "[@rw-2009, p 4].", "[@motherboard].", "[@hrw].") == [
        "Rights Watchers, Journalists Behind Bars (2009).",
        "Rights Watchers, Arrests of Reporters (2022).",
        "Rights Watchers, Journalists Behind Bars (n 1) p 4.",
        "‘Spy Tech Export’ Motherboard (2017).",
        "Human Rights Watch report (2017), cited in ‘Spy Tech Export’ (n 4).",
    ]


@pytest.mark.parametrize("kind", ["foi", "letter-before-claim", "briefing", "questions"])
def test_no_note_of_the_example_cites_a_source_twice(kind):
    drafted = draft_document(load_case(EXAMPLE_CASE), kind, DraftOptions(date=DATE))
    case_file = load_case(EXAMPLE_CASE)
    titles = [s.title for s in case_file.sources.values() if len(s.title) > 12]
    for note in drafted.document.footnotes:
        text = " ".join(plain_text(block.children) for block in note.children)
        for title in titles:
            assert text.count(title) <= 1, (note.number, text)


def test_check_warns_about_a_source_cited_without_a_title(tmp_path):
    import shutil

    case = tmp_path / "case"
    shutil.copytree(EXAMPLE_CASE, case)
    result = check_case(case)
    untitled = [p for p in result.warnings if p.code == "source_untitled"]
    assert {p.record for p in untitled} == {"source 'hrw-opposition-2017'", "source 'guardian-journalists-2017'"}
    assert "its citations can give only" in untitled[0].message
    replace_in(
        case / "sources.yaml",
        "- id: hrw-opposition-2017\n  kind: report\n",
        "- id: hrw-opposition-2017\n  kind: report\n  title: 'Turkey: Crackdown on the Opposition'\n",
    )
    after = check_case(case)
    assert {p.record for p in after.warnings if p.code == "source_untitled"} == {"source 'guardian-journalists-2017'"}
