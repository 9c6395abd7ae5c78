"""The parliamentary briefing and the suggested written questions: figures against the data, the questions'
form, the annex, the sources, confidentiality, the PDF, and the engine-drawn blocks' round trip."""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import pytest
from drafting_cases import EXAMPLE, copy_example

from advocate import load_case
from advocate.draft.briefing.charts import licences_by_quarter
from advocate.draft.briefing.figures import compute_figures, money_short
from advocate.draft.evidence import Evidence
from advocate.draft.options import DraftOptions
from advocate.errors import MarkdownError
from advocate.models.document import (
    Chart,
    DocumentInfo,
    Heading,
    KeyFigures,
    List,
    SummaryBox,
    Table,
    plain_text,
)
from advocate.models.fenced import chart_block
from advocate.parse.markdown import parse_markdown
from advocate.render.markdown import MarkdownRenderer
from advocate.run.document import document_text, draft_document, render_document

DATE = dt.date(2026, 3, 2)
QUESTION_OPENING = "To ask the Secretary of State for Business and Trade, "


@pytest.fixture(scope="module")
def example():
    return load_case(EXAMPLE)


@pytest.fixture(scope="module")
def briefing(example):
    return draft_document(example, "briefing", DraftOptions(date=DATE))


@pytest.fixture(scope="module")
def questions(example):
    return draft_document(example, "questions", DraftOptions(date=DATE))


def flat(drafted) -> str:
    return " ".join(document_text(drafted).split())


def section(document, title: str) -> list:
    """The blocks under the level-2 heading ``title``, up to the next level-2 heading."""
    blocks, inside = [], False
    for block in document.children:
        if isinstance(block, Heading) and block.level <= 2:
            if inside:
                break
            inside = plain_text(block.children) == title
            continue
        if inside:
            blocks.append(block)
    assert blocks, f"no section '{title}'"
    return blocks


def item_text(item) -> str:
    return " ".join(plain_text(block.children) for block in item.children if hasattr(block, "children"))


# -- figures against the data ------------------------------------------------------


def test_figures_are_the_data_counted(example):
    licences = example.licences.licences()
    evidence = Evidence(example, public=True, document="the briefing")
    figures = compute_figures(evidence)
    values = [licence.value for licence in licences if licence.value is not None]
    assert figures.licences == len(licences) == 17
    assert figures.refused == sum(licence.outcome in ("refused", "rejected") for licence in licences) == 1
    assert figures.revoked == 0
    assert figures.granted == 16
    assert math.isclose(figures.total_value, sum(values))
    assert figures.valued == len(values) and figures.unvalued == len(licences) - len(values) == 3
    assert figures.destinations == (("Turkey", 17),)
    assert figures.ratings[0] == ("5A001", 15)
    assert figures.first_decision == dt.date(2008, 7, 2) and figures.last_decision == dt.date(2017, 3, 31)
    assert figures.abuses == 7 and figures.withheld == 0


def test_briefing_states_the_figures(briefing, example):
    text = flat(briefing)
    total = sum(licence.value for licence in example.licences.licences() if licence.value is not None)
    # the IMSI-catcher row stands for at least 2 licences: every count is of licences, "at least", never of rows
    assert "At least 18 export licences for Turkey, decided 2008 to 2017: at least 17 granted and 1 refused." in text
    assert money_short(total) == "£3.4 million"
    frame = example.licences.frame
    ratings = example.licences.ratings
    other = {"3B001", "2B001", "7A003", "8A002", "1C210", "5A002"}
    mixed_rows = set(ratings.loc[ratings["rating"].isin(other), "licence"])
    mixed = sum(v for i, v in enumerate(frame["value"]) if i in mixed_rows and v == v)
    alone = total - mixed
    assert (
        f"worth {money_short(total)} together, for all the goods on them: {money_short(alone)} on licences for "
        f"surveillance technology alone, and {money_short(mixed)} on licences that also cover other goods (rated "
        "1C210, 2B001, 3B001, 5A002 and others), whose value the data does not give apart; at least 4 licences have no "
        "published value"
    ) in text
    assert (money_short(alone), money_short(mixed)) == ("£1.3 million", "£2.1 million")
    tiles = next(block for block in briefing.document.children if isinstance(block, KeyFigures))
    shown = {figure.label: figure.value for figure in tiles.figures}
    assert shown["export licences"] == "at least 18"
    assert shown["value where published"] == "£3.4 million"
    assert shown["refused"] == "1"
    assert shown["documented abuses"] == "7"


def test_timeline_counts_every_licence_dated_to_a_quarter_and_marks_every_abuse(example):
    evidence = Evidence(example, public=True, document="the briefing")
    chart = licences_by_quarter(evidence)
    frame = example.licences.frame
    to_quarter = frame["decision_start"].dt.to_period("Q") == frame["decision_end"].dt.to_period("Q")
    granted = sum(chart.series[0].values)
    refused = sum(chart.series[1].values)
    assert granted + refused == int(to_quarter.sum()) == 16
    assert refused == 1 and chart.series[1].values[chart.categories.index("2014 Q2")] == 1
    assert sum(marker.count for marker in chart.markers) == 7
    first, last = chart.categories[0], chart.categories[-1]
    assert (first, last) == ("2008 Q3", "2017 Q4")
    assert "at least 2 licences whose decision date" in chart.note


# -- what the briefing says -----------------------------------------------------


def test_briefing_has_its_sections_in_order(briefing):
    headings = [plain_text(b.children) for b in briefing.document.children if isinstance(b, Heading)]
    assert headings == [
        "UK surveillance-technology exports to Turkey, 2008 to 2017",
        "What the licences are",
        "What was documented",
        "Why this engages the criteria",
        "Recommendations",
        "Suggested written questions",
        "Annex: the licences",
        "Sources",
    ]
    kinds = [block.kind for block in briefing.document.children]
    assert kinds.index("summary_box") < kinds.index("key_figures") < kinds.index("chart")
    box = next(block for block in briefing.document.children if isinstance(block, SummaryBox))
    assert box.title == "In brief" and 3 <= len(box.children[0].items) <= 5


def test_criteria_are_cited_by_version_and_a_summary_is_not_quoted(briefing):
    text = flat(briefing)
    assert "Criterion 2(a) of the Consolidated EU and National Arms Export Licensing Criteria of 25 March 2014" in text
    assert "In summary, not in the instrument’s words: the Government will not grant a licence" in text
    assert "“The Government will not grant" not in text


def test_abuses_are_footnoted_with_their_sources(briefing):
    documented = section(briefing.document, "What was documented")
    items = next(block for block in documented if isinstance(block, List)).items
    assert len(items) == 7
    for item in items:
        refs = [node for node in item.children[0].children if node.kind == "footnote_ref"]
        assert refs, item_text(item)
    notes = {note.number: plain_text(note.children[0].children) for note in briefing.document.footnotes}
    guardian = next(item for item in items if "The Guardian" in item_text(item))
    number = next(node.number for node in guardian.children[0].children if node.kind == "footnote_ref")
    assert notes[number].startswith("The Guardian article (2017), cited in")


def test_annex_lists_every_licence(briefing, example):
    annex = section(briefing.document, "Annex: the licences")
    table = next(block for block in annex if isinstance(block, Table))
    labels = [plain_text(row[0].children) for row in table.rows]
    expected = [licence.identifier_text for licence in example.licences.licences()]
    assert sorted(labels) == sorted(expected) and len(labels) == 17
    assert [plain_text(c.children) for c in table.header] == [
        "Licence",
        "Decided",
        "Destination",
        "Rating",
        "Value",
        "Outcome",
    ]


def test_sources_are_a_numbered_list_of_every_source_cited(briefing, example):
    listed = section(briefing.document, "Sources")
    assert len(listed) == 1 and isinstance(listed[0], List) and listed[0].ordered and listed[0].start == 1
    entries = [item_text(item) for item in listed[0].items]
    cited = briefing.records["sources"]
    assert len(entries) == len(cited) == 6
    for source_id in cited:
        title = (example.sources[source_id].title if source_id in example.sources else "") or ""
        if title:
            assert any(title in entry for entry in entries), title
    assert entries == sorted(
        entries, key=lambda e: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", e.casefold())]
    )


def test_written_questions_are_in_the_houses_form(briefing, questions):
    for drafted, title in ((briefing, "Suggested written questions"), (questions, None)):
        blocks = section(drafted.document, title) if title else drafted.document.children
        lists = [block for block in blocks if isinstance(block, List) and block.ordered]
        items = [item_text(item) for item in lists[0].items]
        assert len(items) >= 4
        for text in items:
            assert text.startswith(QUESTION_OPENING), text
            assert text.rstrip().endswith(".")
    text = flat(questions)
    assert (
        "what assessment his Department or its predecessors made of the risk that software for "
        "telecommunications interception equipment licensed in the first quarter of 2017 for export to Turkey for "
        "an end user described as “law enforcement agency” might be used for internal repression"
    ) in text
    assert "IMSI" not in text, "known from a media report alone"
    assert "the 9 licences" not in text and "(end user:" not in text and "what change in the circumstances" not in text
    assert "were (a) granted, (b) refused and (c) revoked in each year from 2008 to 2017" in text


def test_questions_follow_the_case_decision_maker(tmp_path):
    folder = copy_example(tmp_path)
    case_yaml = folder / "case.yaml"
    case_yaml.write_text(
        case_yaml.read_text(encoding="utf-8").replace(
            "decision_maker: Secretary of State for Business and Trade",
            "decision_maker: Secretary of State for International Trade",
        ),
        encoding="utf-8",
    )
    drafted = draft_document(load_case(folder), "questions", DraftOptions(date=DATE))
    lists = [block for block in drafted.document.children if isinstance(block, List) and block.ordered]
    assert all(
        item_text(item).startswith("To ask the Secretary of State for International Trade, ") for item in lists[0].items
    )


# -- confidentiality ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["briefing", "questions"])
def test_confidential_records_are_left_out_and_counted_not_named(tmp_path, kind):
    case_file = load_case(copy_example(tmp_path, confidential=True))
    drafted = draft_document(case_file, kind, DraftOptions(date=DATE))
    text = flat(drafted)
    assert "IMSI catcher on the newsroom" not in text
    assert "tr-witness-account-secret" not in text and "Interview with a detained journalist" not in text
    assert {kind: n for kind, n in drafted.withheld.items() if n} == {"abuses": 1, "sources": 1}
    if kind == "briefing":
        assert (
            "2 further records in the case file are confidential and have been left out: no figure, chart or "
            "source in this briefing draws on them."
        ) in text
        tiles = next(block for block in drafted.document.children if isinstance(block, KeyFigures))
        assert {f.label: f.value for f in tiles.figures}["documented abuses"] == "7"
    else:
        assert "2 records in the case file are confidential and were not used." in text


# -- the PDF --------------------------------------------------------------------------


def test_briefing_pdf_has_a_cover_the_figures_and_numbered_pages(briefing, example):
    from pypdf import PdfReader

    pdf = render_document(briefing, ("pdf",), example)["pdf"]
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 4
    cover = " ".join(pages[0].split())
    assert "PARLIAMENTARY BRIEFING" in cover and "Example Campaign Group" in cover and "2 March 2026" in cover
    assert "UK surveillance-technology exports to Turkey" in cover
    body = " ".join(" ".join(pages[1:]).split())
    assert "In brief" in body and "£3.4 million" in body and "value where published" in body
    assert "Licences by quarter of decision" in body and "Licences by control-list rating" in body
    assert QUESTION_OPENING.strip() in body
    assert f"2 / {len(pages)}" in pages[1] and f"{len(pages)} / {len(pages)}" in pages[-1]
    assert "Parliamentary briefing · UK surveillance-technology" in pages[2]
    assert render_document(briefing, ("pdf",), example)["pdf"] == pdf


def test_briefing_docx_prints_charts_and_figures_as_tables(briefing):
    import docx

    from advocate.render.docx.renderer import DocxRenderer

    word = docx.Document(io.BytesIO(DocxRenderer().render(briefing.document)))
    headers = [[cell.text for cell in table.rows[0].cells] for table in word.tables]
    assert ["Key figure", "", ""] in headers
    assert ["Period", "Granted", "Refused", "Documented abuses in the period"] in headers
    texts = [p.text for p in word.paragraphs]
    assert "Licences by quarter of decision, with the abuses documented" in texts


# -- the engine-drawn blocks ----------------------------------------------------------


INFO = DocumentInfo(title="t", date=DATE)


def test_chart_figures_and_summary_round_trip_through_markdown(briefing):
    markdown = MarkdownRenderer().render(briefing.document).decode("utf-8")
    again = parse_markdown(markdown, briefing.document.info)
    drawn = [block for block in briefing.document.children if block.kind in ("chart", "key_figures", "summary_box")]
    redrawn = [block for block in again.children if block.kind in ("chart", "key_figures", "summary_box")]
    assert len(drawn) == 4 and redrawn == drawn
    chart = next(block for block in drawn if isinstance(block, Chart) and block.form == "timeline")
    assert parse_markdown(chart_block(chart), INFO).children == (chart,)


def test_chart_text_with_backticks_cannot_close_the_fence():
    chart = Chart("bar", "Title with ``` fence", ("a `b`",), (), ())
    from advocate.models.document import ChartSeries

    chart = Chart("bar", "Title with ``` fence", ("a `b`",), (ChartSeries("n", (1,)),))
    assert parse_markdown(chart_block(chart), INFO).children == (chart,)


@pytest.mark.parametrize(
    "body, message",
    [
        (
            '```chart\n{"form": "pie", "title": "x", "categories": ["a"], "series": [{"name": "n", "values": [1]}]}\n```',
            "form 'pie' is not one of bar, timeline",
        ),
        (
            '```chart\n{"form": "bar", "title": "x", "categories": ["a", "b"], "series": [{"name": "n", "values": [1]}]}\n```',
            "series 1 has 1 values for 2 categories",
        ),
        (
            '```chart\n{"form": "bar", "title": "x", "categories": ["a"], "series": [{"name": "n", "values": [1]}],'
            ' "markers": [{"first": 0, "last": 0, "count": 1}]}\n```',
            "only a timeline has markers",
        ),
        ('```figures\n{"figures": [{"value": "1"}]}\n```', "'label' is missing"),
        ("```figures\nnot json\n```", "must hold JSON"),
        ("```summary In brief\n- a claim[^1]\n```", "cannot hold footnotes"),
        ("```python\nprint(1)\n```", "blocks the engine draws: chart, figures, sources, summary"),
    ],
)
def test_a_bad_engine_block_is_one_clear_error(body, message):
    with pytest.raises(MarkdownError, match=re.escape(message)):
        parse_markdown(body, INFO)


def test_an_annex_past_its_limit_lists_the_most_relevant_licences_and_says_so(example, monkeypatch):
    import advocate.draft.briefing.words as words

    monkeypatch.setattr(words, "ANNEX_LIMIT", 3)
    drafted = draft_document(example, "briefing", DraftOptions(date=dt.date(2026, 12, 4)))
    annex = section(drafted.document, "Annex: the licences")
    text = " ".join(" ".join(plain_text(block.children).split()) for block in annex if hasattr(block, "children"))
    assert (
        "The 3 licences most closely linked to the abuses documented, then the most valuable, of the at least 18"
        in text
    )
    assert "The published licensing data list them all." in text
    [table] = [block for block in annex if block.kind == "table"]
    assert len(table.rows) == 3
