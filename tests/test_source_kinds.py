"""Every kind of source loads, passes `advocate check` and is cited: one case per kind, built to trigger it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from advocate.cli import app
from advocate.law.authorities import authorities
from advocate.models.source_kinds import SOURCE_KINDS
from advocate.resolve.oscola import citation_text, full_citation, short_citation
from advocate.validate.check import check_case
from tests.helpers import TODAY

# A source of each kind with the fields its citation needs, and its full and later citations as OSCOLA has them.
CASES = {
    "report": (
        "organisation: Amnesty International\n  title: Turkey's Crackdown\n  publisher: Amnesty International\n"
        "  date: 2017-06\n  url: https://example.org/r\n  accessed: 2017-07-01",
        "Amnesty International, Turkey's Crackdown (Amnesty International, June 2017) <https://example.org/r> "
        "accessed 1 July 2017",
        "Amnesty International (n 1)",
    ),
    "news": (
        "author: Joseph Cox\n  title: Spy Tech Export\n  publication: Motherboard\n  date: 2017-07-20\n"
        "  url: https://example.org/n\n  accessed: 2017-07-21",
        "Joseph Cox, ‘Spy Tech Export’ Motherboard (20 July 2017) <https://example.org/n> accessed 21 July 2017",
        "Cox (n 1)",
    ),
    "web": (
        "organisation: Turkey Blocks\n  title: Internet Shutdowns\n  date: 2017-03\n"
        "  url: https://example.org/w\n  accessed: 2017-07-01",
        "Turkey Blocks, ‘Internet Shutdowns’ (March 2017) <https://example.org/w> accessed 1 July 2017",
        "Turkey Blocks (n 1)",
    ),
    "statute": (
        "title: Export Control Act 2002\n  provision: s 9(5)",
        "Export Control Act 2002, s 9(5)",
        "Export Control Act 2002, s 9(5)",
    ),
    "statutory-instrument": (
        "title: Export Control Order 2008\n  si_number: 2008/3231\n  provision: art 2",
        "Export Control Order 2008, SI 2008/3231, art 2",
        "Export Control Order 2008, art 2",
    ),
    "eu-legislation": (
        "title: Council Common Position 2008/944/CFSP\n  oj: '[2008] OJ L335/99'\n  provision: art 2",
        "Council Common Position 2008/944/CFSP [2008] OJ L335/99, art 2",
        "Council Common Position 2008/944/CFSP, art 2",
    ),
    "guidance": (
        "title: Pre-Action Protocol for Judicial Review\n  provision: Annex A",
        "Pre-Action Protocol for Judicial Review, Annex A",
        "Pre-Action Protocol for Judicial Review, Annex A",
    ),
    "case": (
        "title: R (Campaign Against Arms Trade) v Secretary of State for International Trade\n"
        "  neutral_citation: '[2019] EWCA Civ 1020'",
        "R (Campaign Against Arms Trade) v Secretary of State for International Trade [2019] EWCA Civ 1020",
        "Campaign Against Arms Trade (n 1)",
    ),
    "hansard": (
        "house: HC\n  date: 2014-03-25\n  volume: '578'\n  column: 26WS",
        "HC Deb 25 March 2014, vol 578, col 26WS",
        "HC Deb 25 March 2014 (n 1) col 26WS",
    ),
    "statistics": (
        "organisation: Department for Business and Trade\n  title: 'Strategic export controls: licensing data'\n"
        "  url: https://example.org/s\n  accessed: 2024-01-15",
        "Department for Business and Trade, Strategic export controls: licensing data <https://example.org/s> "
        "accessed 15 January 2024",
        "Department for Business and Trade (n 1)",
    ),
    "dataset": (
        "organisation: Campaign Against Arms Trade\n  title: UK Arms Export Data\n  version: commit f8e49da\n"
        "  url: https://example.org/d\n  accessed: 2015-07-30",
        "Campaign Against Arms Trade, UK Arms Export Data (commit f8e49da) <https://example.org/d> "
        "accessed 30 July 2015",
        "Campaign Against Arms Trade (n 1)",
    ),
    "letter": (
        "author: Bhatt Murphy\n  recipient: Vince Cable\n  date: 2012-07-23",
        "Letter from Bhatt Murphy to Vince Cable (23 July 2012)",
        "Bhatt Murphy (n 1)",
    ),
    "interview": (
        "author: Alp Toker\n  organisation: Turkey Blocks\n  recipient: Motherboard\n  date: 2017-07-18",
        "Interview with Alp Toker (Turkey Blocks) by Motherboard (18 July 2017)",
        "Alp Toker (n 1)",
    ),
    "other": (
        "organisation: Example Group\n  title: A Leaflet\n  date: 2016",
        "Example Group, A Leaflet (2016)",
        "Example Group (n 1)",
    ),
}


def test_every_kind_in_the_table_has_a_case_here():
    assert set(CASES) == set(SOURCE_KINDS)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_kind_loads_checks_and_is_cited(new_case, kind):
    fields, full, later = CASES[kind]
    with (new_case / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"\n- id: the-source\n  kind: {kind}\n  {fields}\n")
    result = check_case(new_case, today=TODAY)
    assert not result.errors, [str(p) for p in result.errors]
    assert not [p for p in result.warnings if "the-source" in str(p)], [str(p) for p in result.warnings]
    source = result.case_file.sources["the-source"]
    assert citation_text(full_citation(source)) == full
    pin = {
        "statute": "s 9(5)",
        "statutory-instrument": "art 2",
        "eu-legislation": "art 2",
        "guidance": "Annex A",
        "hansard": "col 26WS",
    }.get(kind, "")
    assert citation_text(short_citation(source, pinpoint=pin, first_note=1)) == later


@pytest.mark.parametrize("kind", sorted(CASES))
def test_check_names_what_a_kind_is_missing(new_case, kind):
    required = SOURCE_KINDS[kind].required
    if not required:
        pytest.skip("nothing is required of this kind")
    with (new_case / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"\n- id: the-source\n  kind: {kind}\n  notes: nothing else\n")
    result = CliRunner().invoke(app, ["check", str(new_case)])
    assert result.exit_code == 2
    assert f"a {kind} source needs a {required[0]} to be cited" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_kind_is_refused_with_the_kinds_named(new_case):
    with (new_case / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n- id: s\n  kind: newspaper\n  title: T\n")
    result = check_case(new_case, today=TODAY)
    message = " ".join(str(p) for p in result.errors)
    assert "'newspaper' is not a kind of source" in message and "statutory-instrument" in message


def test_the_shipped_authorities_use_only_kinds_in_the_table():
    assert {source.kind for source in authorities().values()} <= set(SOURCE_KINDS)


def test_the_skeletons_comment_lists_every_kind():
    from advocate.resources import case_skeleton

    comment = (case_skeleton() / "sources.yaml").read_text(encoding="utf-8").split("\n- ")[0]
    assert all(kind in comment for kind in SOURCE_KINDS), comment
