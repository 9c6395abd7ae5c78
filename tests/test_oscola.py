"""OSCOLA forms, one per source kind, with the exact text and where italics and links fall."""

import itertools

import pytest

from advocate.models.document import Emphasis, Link, Text
from advocate.models.records import Source
from advocate.models.source_kinds import SOURCE_KINDS
from advocate.resolve.oscola import (
    bibliography_entry,
    citation_text,
    full_citation,
    ibid,
    short_citation,
)


def source(**fields) -> Source:
    fields.setdefault("id", "s")
    return Source.model_validate(fields)


def text(nodes) -> str:
    return citation_text(nodes)


def italics(nodes) -> list[str]:
    return [citation_text(node.children) for node in nodes if isinstance(node, Emphasis)]


REPORT = source(
    kind="report",
    author="Nick Cox",
    title="Surveillance for Sale",
    publisher="Example Press",
    date="2017",
    url="https://example.org/report",
    accessed="2017-05-01",
)


def test_report():
    nodes = full_citation(REPORT, pinpoint="12")
    assert text(nodes) == (
        "Nick Cox, Surveillance for Sale (Example Press 2017) 12 <https://example.org/report> accessed 1 May 2017"
    )
    assert italics(nodes) == ["Surveillance for Sale"]
    links = [node for node in nodes if isinstance(node, Link)]
    assert [(link.url, citation_text(link.children)) for link in links] == [("https://example.org/report",) * 2]


def test_report_by_an_organisation_with_a_full_date():
    report = source(
        kind="report",
        organisation="Human Rights Watch",
        title="Turkey: Silencing the Media",
        publisher="Human Rights Watch",
        date="2016-12-15",
    )
    assert text(full_citation(report)) == (
        "Human Rights Watch, Turkey: Silencing the Media (Human Rights Watch, 15 December 2016)"
    )


def test_news():
    news = source(
        kind="news",
        author="Joseph Cox",
        title="The UK Granted Spy Tech Export to Turkey",
        publication="Motherboard",
        place="New York",
        date="2017-07-12",
        url="https://example.org/news",
        accessed="2017-07-20",
    )
    nodes = full_citation(news)
    assert text(nodes) == (
        "Joseph Cox, ‘The UK Granted Spy Tech Export to Turkey’ Motherboard (New York, 12 July 2017) "
        "<https://example.org/news> accessed 20 July 2017"
    )
    assert italics(nodes) == ["Motherboard"]


def test_a_source_without_a_title_gives_every_element_it_has_and_says_what_it_is():
    assert (
        text(full_citation(source(kind="news", publication="The Guardian", date="2017")))
        == "The Guardian article (2017)"
    )
    report = source(
        kind="report",
        organisation="Human Rights Watch",
        date="2017-03",
        url="https://example.org/hrw",
        accessed="2026-01-15",
    )
    assert text(full_citation(report)) == (
        "Human Rights Watch report (March 2017) <https://example.org/hrw> accessed 15 January 2026"
    )


def test_web():
    page = source(
        kind="web",
        organisation="Privacy International",
        title="Surveillance Industry Index",
        publication="Privacy International",
        date="2016-11",
        url="https://example.org/sii",
        accessed="2024-01-15",
    )
    nodes = full_citation(page)
    assert text(nodes) == (
        "Privacy International, ‘Surveillance Industry Index’ (Privacy International, November 2016) "
        "<https://example.org/sii> accessed 15 January 2024"
    )
    assert italics(nodes) == []


def test_statute():
    act = source(
        kind="statute", title="Freedom of Information Act 2000", url="https://www.legislation.gov.uk/ukpga/2000/36"
    )
    nodes = full_citation(act, pinpoint="s 10(1)")
    assert nodes == (Text("Freedom of Information Act 2000, s 10(1)"),)  # roman, and no URL
    assert text(full_citation(act)) == "Freedom of Information Act 2000"
    assert (
        text(full_citation(act.model_copy(update={"provision": "s 9(5)"}))) == "Freedom of Information Act 2000, s 9(5)"
    )


def test_statutory_instrument():
    order = source(kind="statutory-instrument", title="Export Control Order 2008", si_number="2008/3231")
    assert text(full_citation(order, pinpoint="art 2")) == "Export Control Order 2008, SI 2008/3231, art 2"
    assert text(short_citation(order, pinpoint="art 32", first_note=1)) == "Export Control Order 2008, art 32"


def test_eu_legislation():
    act = source(
        kind="eu-legislation",
        title="Council Common Position 2008/944/CFSP of 8 December 2008 defining "
        "common rules governing control of exports of military technology and equipment",
        oj="[2008] OJ L335/99",
        short_title="Common Position 2008/944/CFSP",
    )
    assert text(full_citation(act, pinpoint="art 2")) == (
        "Council Common Position 2008/944/CFSP of 8 December 2008 defining common rules governing control of exports "
        "of military technology and equipment [2008] OJ L335/99, art 2"
    )
    assert text(short_citation(act, pinpoint="art 2", first_note=4)) == "Common Position 2008/944/CFSP, art 2"


def test_guidance():
    protocol = source(
        kind="guidance",
        title="Pre-Action Protocol for Judicial Review",
        url="https://www.gov.uk/guidance/pre-action-protocol-for-judicial-review",
    )
    assert text(full_citation(protocol, pinpoint="Annex A")) == (
        "Pre-Action Protocol for Judicial Review, Annex A <https://www.gov.uk/guidance/pre-action-protocol-for-judicial-review>"
    )


CASE = source(
    kind="case",
    title="R (Campaign Against Arms Trade) v Secretary of State for International Trade",
    neutral_citation="[2019] EWCA Civ 1020",
    report_citation="[2019] 1 WLR 5765",
)


def test_case():
    nodes = full_citation(CASE, pinpoint="[145]")
    assert text(nodes) == (
        "R (Campaign Against Arms Trade) v Secretary of State for International Trade "
        "[2019] EWCA Civ 1020, [2019] 1 WLR 5765 [145]"
    )
    assert italics(nodes) == ["R (Campaign Against Arms Trade) v Secretary of State for International Trade"]


@pytest.mark.parametrize(
    "pinpoint, printed",
    [
        ("para 145", "[145]"),
        ("paras 145-147", "[145]–[147]"),
        ("[145]", "[145]"),
        ("[145", "[145]"),
        ("[145)", "[145]"),
        ("258", "258"),
    ],
)
def test_case_paragraph_pinpoints_in_square_brackets(pinpoint, printed):
    assert text(full_citation(CASE, pinpoint=pinpoint)).endswith(f"[2019] 1 WLR 5765 {printed}")
    assert text(short_citation(CASE, pinpoint=pinpoint, first_note=2)) == f"Campaign Against Arms Trade (n 2) {printed}"


def test_case_without_a_neutral_citation_names_the_court():
    carlill = source(
        kind="case", title="Carlill v Carbolic Smoke Ball Co", report_citation="[1893] 1 QB 256", court="CA"
    )
    assert text(full_citation(carlill, pinpoint="258")) == "Carlill v Carbolic Smoke Ball Co [1893] 1 QB 256 (CA) 258"
    assert text(short_citation(carlill, pinpoint="258", first_note=5)) == "Carlill (n 5) 258"


def test_hansard_debate():
    debate = source(kind="hansard", house="HC", date="2014-03-25", volume="578", column="26WS")
    assert text(full_citation(debate)) == "HC Deb 25 March 2014, vol 578, col 26WS"
    assert text(
        full_citation(source(kind="hansard", house="HL", date="2005-07-21", volume="673", column="WA261-62"))
    ) == ("HL Deb 21 July 2005, vol 673, cols WA261-62")


def test_hansard_written_statement_by_its_number():
    statement = source(
        kind="hansard",
        house="HC",
        author="Anne-Marie Trevelyan",
        title="Strategic Export Licensing Criteria",
        uin="HCWS449",
        date="2021-12-08",
        url="https://questions-statements.parliament.uk/written-statements/detail/2021-12-08/hcws449",
    )
    assert text(full_citation(statement)) == (
        "Anne-Marie Trevelyan, ‘Strategic Export Licensing Criteria’ (HC written statement HCWS449, 8 December 2021) "
        "<https://questions-statements.parliament.uk/written-statements/detail/2021-12-08/hcws449>"
    )


@pytest.mark.parametrize("kind", ["statistics", "dataset"])
def test_statistics_and_datasets(kind):
    data = source(
        kind=kind,
        organisation="Department for Business and Trade",
        title="Strategic export controls: licensing data",
        date="2024-06-13",
        url="https://www.gov.uk/government/collections/strategic-export-controls-licensing-data",
        accessed="2024-07-01",
    )
    nodes = full_citation(data)
    assert text(nodes) == (
        "Department for Business and Trade, Strategic export controls: licensing data (13 June 2024) "
        "<https://www.gov.uk/government/collections/strategic-export-controls-licensing-data> accessed 1 July 2024"
    )
    assert italics(nodes) == ["Strategic export controls: licensing data"]


def test_dataset_with_version():
    data = source(
        kind="dataset",
        organisation="Campaign Against Arms Trade",
        title="UK Arms Export Data",
        publisher="Campaign Against Arms Trade",
        date="2015-07",
        version="commit f8e49da",
        url="https://github.com/caatdata/uk-arms-export-data",
    )
    assert text(full_citation(data)) == (
        "Campaign Against Arms Trade, UK Arms Export Data (commit f8e49da, July 2015) "
        "<https://github.com/caatdata/uk-arms-export-data>"
    )


def test_letter():
    letter = source(
        kind="letter",
        author="Joshua Franco",
        organisation="Amnesty International",
        recipient="Motherboard",
        date="2017-07-12",
    )
    assert (
        text(full_citation(letter)) == "Letter from Joshua Franco (Amnesty International) to Motherboard (12 July 2017)"
    )
    assert text(short_citation(letter, first_note=2)) == "Joshua Franco (n 2)"


def test_interview():
    interview = source(
        kind="interview",
        author="Alp Toker",
        organisation="Turkey Blocks",
        recipient="the author",
        place="London",
        date="2017-07-14",
    )
    assert (
        text(full_citation(interview))
        == "Interview with Alp Toker (Turkey Blocks) by the author (London, 14 July 2017)"
    )
    untitled = source(kind="interview", title="Interview with a detained journalist's relative", date="2017-03-02")
    assert text(full_citation(untitled)) == "Interview with a detained journalist's relative (2 March 2017)"


def test_other():
    other = source(kind="other", organisation="Example Group", title="Submission to the Committee", date="2018")
    assert text(full_citation(other)) == "Example Group, Submission to the Committee (2018)"


def test_a_source_known_through_another_is_cited_in_it():
    article = source(id="motherboard", kind="news", title="Spy Tech Export", publication="Motherboard", date="2017")
    report = source(id="hrw", kind="report", organisation="Human Rights Watch", date="2017", cited_in="motherboard")
    sources = {"motherboard": article, "hrw": report}
    nodes = full_citation(report, sources=sources)
    assert text(nodes) == "Human Rights Watch report (2017), cited in ‘Spy Tech Export’ Motherboard (2017)"
    assert italics(nodes) == ["Motherboard"]
    # without the other source at hand, the id is never printed
    assert text(full_citation(report)) == "Human Rights Watch report (2017)"


def test_cited_in_cycles_stop():
    a = source(id="a", kind="report", organisation="A", title="First", cited_in="b")
    b = source(id="b", kind="report", organisation="B", title="Second", cited_in="a")
    assert text(full_citation(a, sources={"a": a, "b": b})) == "A, First, cited in B, Second"


def test_short_citations():
    assert text(short_citation(REPORT, pinpoint="12", first_note=3)) == "Cox (n 3) 12"
    privacy = source(kind="report", organisation="Privacy International", title="Open Season")
    assert text(short_citation(privacy, first_note=2)) == "Privacy International (n 2)"
    two = source(kind="report", author=["Ann Smith", "Bo Jones"], title="T")
    assert text(short_citation(two, first_note=1)) == "Smith and Jones (n 1)"
    nodes = short_citation(CASE, pinpoint="[145]", first_note=2)
    assert text(nodes) == "Campaign Against Arms Trade (n 2) [145]"
    assert italics(nodes) == ["Campaign Against Arms Trade"]
    act = source(kind="statute", title="Freedom of Information Act 2000")
    assert text(short_citation(act, pinpoint="s 17", first_note=1)) == "Freedom of Information Act 2000, s 17"
    cpr = source(
        kind="statutory-instrument", title="Civil Procedure Rules 1998", short_title="CPR", si_number="1998/3132"
    )
    assert text(short_citation(cpr, pinpoint="r 54.5(1)", first_note=1)) == "CPR r 54.5(1)"
    untitled = source(kind="report", title="Journalists Behind Bars")
    assert italics(short_citation(untitled, first_note=7)) == ["Journalists Behind Bars"]


def test_ibid():
    assert ibid() == (Text("ibid"),)
    assert ibid("12") == (Text("ibid 12"),)
    assert text(ibid("[45]")) == "ibid [45]"
    assert text(ibid("para 45", source=CASE)) == "ibid [45]"
    assert text(ibid("paras 45-47", source=CASE)) == "ibid [45]–[47]"
    assert text(ibid("s 9(5)", source=source(kind="statute", title="Export Control Act 2002"))) == "ibid s 9(5)"


def test_bibliography_entry_has_no_pinpoint():
    pinned = REPORT.model_copy(update={"pinpoint": "12"})
    assert text(bibliography_entry(pinned)) == (
        "Nick Cox, Surveillance for Sale (Example Press 2017) <https://example.org/report> accessed 1 May 2017"
    )
    act = source(kind="statute", title="Export Control Act 2002", provision="s 9")
    assert text(bibliography_entry(act)) == "Export Control Act 2002"


def test_citations_never_end_with_a_full_stop_and_text_nodes_are_merged():
    for kind in SOURCE_KINDS:
        nodes = full_citation(source(kind=kind, title="A Title", organisation="Org", date="2017"))
        assert not text(nodes).endswith(".")
        assert all(not (isinstance(a, Text) and isinstance(b, Text)) for a, b in itertools.pairwise(nodes))


def test_a_note_never_cites_a_source_twice_when_one_is_cited_in_the_other():
    import datetime as dt

    from drafting_cases import EXAMPLE

    from advocate import load_case
    from advocate.draft.options import DraftOptions
    from advocate.models.document import plain_text
    from advocate.run.document import draft_document

    drafted = draft_document(load_case(EXAMPLE), "briefing", DraftOptions(date=dt.date(2026, 12, 4)))
    notes = [" ".join(plain_text(b.children) for b in note.children) for note in drafted.document.footnotes]
    hrw = [note for note in notes if note.startswith("Human Rights Watch")]
    assert hrw and all(note.count("The UK Granted Spy Tech Export") == 1 for note in hrw), hrw


def test_a_hansard_pinpoint_that_is_no_column_follows_the_columns():
    debate = source(kind="hansard", house="HC", date="2000-10-26", volume="355", column="199–203W")
    assert text(full_citation(debate, pinpoint="Criterion 2(a)")) == (
        "HC Deb 26 October 2000, vol 355, cols 199–203W, Criterion 2(a)"
    )
    assert text(full_citation(debate, pinpoint="200W")) == "HC Deb 26 October 2000, vol 355, col 200W"
    statement = source(
        kind="hansard",
        house="HC",
        date="2014-03-25",
        volume="578",
        author="Vince Cable",
        title="Consolidated EU and National Arms Export Licensing Criteria",
    )
    cited = text(full_citation(statement, pinpoint="Criterion 2(a)"))
    assert cited.endswith("HC Deb 25 March 2014, vol 578, Criterion 2(a)")
