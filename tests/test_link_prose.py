"""Link reasons are printed in letters: they read as written (issue 13 §2).

Every reason of every link and context pair of a case built to reach each rule of wording (goods
summaries that are themselves a technology's name, a licence described only by the technology the
evidence names, end users of each kind, abuses of each timing and of unknown perpetrators), and of
the shipped example, is checked against the rules a reader would apply.
"""

from __future__ import annotations

import re

import pytest

from advocate.link import link_case
from advocate.validate.check import load_case
from tests.helpers import EXAMPLE_CASE, TODAY
from tests.link_cases import load_link_case

HEADER = "id,destination,decision_date,outcome,ratings,goods_summary,end_user,technology,refusal_criteria,sources\n"
LICENCES = """\
L-SOFT,Turkey,2017-03-10,issued,,software for telecommunications interception equipment,law enforcement agency,,,
L-INTERCEPT,Turkey,2017-Q1,issued,,telecommunications interception equipment,police,,,
L-IMSI,Turkey,../2017-03-31,issued,,,,imsi-catcher,,article
L-RATED,Turkey,2014-03-20,issued,5A001; 5A001f,,Licence granted for use by a law enforcement agency.,,,
L-REFUSED,Turkey,2013-05-01,refused,5A001,,,,2a,
L-ENTRY,Turkey,2016-01-12,issued,5A001,,,,,
"""
SOURCES = """\
- id: early
  kind: report
  organisation: Rights Watch
  title: A report
  date: 2012-06
- id: article
  kind: news
  publication: Example News
  title: An article
  date: 2017
- id: secret
  kind: interview
  title: A witness
  date: 2013-01-05
  confidential: true
"""


def abuse(abuse_id: str, date: str, sources: str, perpetrators: str, categories: str, technology: str = "[]") -> str:
    return (
        f"- id: {abuse_id}\n  country: Turkey\n  date: {date}\n  title: What happened\n  perpetrators: {perpetrators}\n"
        f"  categories: {categories}\n  technology: {technology}\n  sources: {sources}\n"
    )


ABUSES = "".join(
    [
        abuse("A-SOFTWARE", "2012-05", "[early]", "[police]", "[unlawful-surveillance]", "[interception-software]"),
        abuse(
            "A-INTERCEPT", "2012-05", "[early, secret]", "[intelligence]", "[unlawful-surveillance]", "[interception]"
        ),
        abuse("A-MOBILE", "2016", "[article]", "[police]", "[arbitrary-detention]", "[mobile-interception]"),
        abuse("A-IMSI", "2017-Q1", "[article]", "[gendarmerie]", "[persecution-of-journalists]", "[imsi-catcher]"),
        abuse("A-JOURNALISTS", "2013-01-01", "[secret]", "[judiciary]", "[persecution-of-journalists]"),
        abuse("A-ROOT", "2016-03-02", "[article]", "[police]", "[unlawful-surveillance]", "[ip-surveillance]"),
        abuse("A-UNKNOWN", "2016", "[article]", "[]", "[torture, unlawful-surveillance]", "[mobile-interception]"),
        abuse(
            "A-ARMED", "2016-04", "[early]", "[non-state]", "[internal-conflict, arbitrary-detention]", "[interception]"
        ),
        abuse("A-LATER", "2018-02-03", "[article]", "[police]", "[arbitrary-detention]", "[interception]"),
    ]
)

ENGINE_WORDS = re.compile(
    r"\b(link engine|score[sd]?|links?|linked|illustrative record|case file|pairs?)\b", re.IGNORECASE
)


def all_reasons(linkset) -> list[str]:
    return [reason for link in linkset.links + linkset.context.links for reason in link.reasons]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    case = load_link_case(
        tmp_path_factory.mktemp("prose"), sources=SOURCES, abuses=ABUSES, licences=LICENCES, header=HEADER
    )
    return link_case(case)


@pytest.fixture(scope="module")
def reasons(built):
    example = link_case(load_case(EXAMPLE_CASE, today=TODAY))
    return all_reasons(built) + all_reasons(example)


def test_the_case_reaches_every_rule_of_wording(built):
    words = " ".join(all_reasons(built))
    for reached in (
        "names the technology the abuse implicated",
        "names a kind of technology that includes",
        "names technology of a kind that can facilitate",
        "the licence, as the evidence describes it,",
        "may cover",
        "is of the kind of body that carried out the abuse",
        "the Government refused licence",
        "reported by Rights Watch",
        "first reported by Example News",
        "no published source gives the date",
        "Criterion 2(a) concerns repression by the state",
        "after the licence decision",
        "the abuse is relied on only under Criterion 3",
    ):
        assert reached in words, reached
    assert len(built.context.links) >= 1


def test_no_engine_vocabulary(reasons):
    assert [r for r in reasons if ENGINE_WORDS.search(r)] == []


def test_no_capital_after_a_colon_inside_a_sentence(reasons):
    assert [r for r in reasons if re.search(r":\s+[A-Z][a-z]", r)] == []


def test_nothing_covers_itself(reasons):
    tautologies = []
    for reason in reasons:
        for left, right in re.findall(r"(.*?) (?:covers|names|may cover) (.*)", reason):
            object_words = right.split(" (")[0].split(",")[0].split()[:4]
            if len(object_words) >= 2 and " ".join(object_words).casefold() in left.casefold():
                tautologies.append(reason)
    assert tautologies == []


def test_no_phrase_twice_in_one_reason(reasons):
    repeated = []
    for reason in reasons:
        words = re.findall(r"[\w'-]+", reason.casefold())
        grams = [" ".join(words[i : i + 5]) for i in range(len(words) - 4)]
        if len(grams) != len(set(grams)):
            repeated.append(reason)
    assert repeated == []


def test_one_licence_is_the_licence(reasons):
    assert [
        r for r in reasons if re.search(r"\b(the licences|each licence|the applications|these licences)\b", r)
    ] == []


def test_the_confidential_source_never_shows(built):
    words = " ".join(all_reasons(built))
    assert "witness" not in words.casefold() and "5 January 2013" not in words and "2013-01-05" not in words
