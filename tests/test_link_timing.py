"""When an abuse happened is not when it was reported: each timing class on a small case built to trigger it.

Every case has one licence for mobile interception equipment to a law-enforcement end user, decided on
10 March 2017, and abuses by the police in Turkey whose sources are dated as the class needs.
"""

from __future__ import annotations

from advocate.link import RELATIONS, link_case
from tests.link_cases import load_link_case

LICENCE = "L-1,Turkey,2017-03-10,issued,5A001f,law enforcement agency,\n"


def abuse(
    abuse_id: str, date: str, sources: str, perpetrators: str = "[police]", categories: str = "[arbitrary-detention]"
) -> str:
    return f"""\
- id: {abuse_id}
  country: Turkey
  date: {date}
  title: Police detained journalists whose phones had been intercepted
  perpetrators: {perpetrators}
  categories: {categories}
  technology: [mobile-interception]
  sources: {sources}
"""


def source(source_id: str, date: str = "", *, publication: str = "Example News", extra: str = "") -> str:
    """A news article, or (no ``publication``) a report whose ``extra`` names its organisation."""
    dated = f"  date: {date}\n" if date else ""
    kind = f"news\n  title: An article\n  publication: {publication}" if publication else "report\n  title: A report"
    return f"- id: {source_id}\n  kind: {kind}\n{dated}{extra}"


def only_link(case_file, abuse_id="A"):
    linkset = link_case(case_file)
    (link,) = [l for l in linkset.links if l.abuse_id == abuse_id]
    return link


def test_occurred_and_reported_before_the_decision_was_foreseeable(tmp_path):
    case = load_link_case(
        tmp_path, sources=source("early", "2016-07-02"), abuses=abuse("A", "2016-06", "[early]"), licences=LICENCE
    )
    link = only_link(case)
    assert (link.relation, link.occurred, link.reported) == ("foreseeable", "before", "before")
    assert (link.reported_by, link.reported_date, link.reporter) == ("early", "2016-07-02", "Example News")
    assert link.report_days == 251
    assert link.timing == (
        "occurred in June 2016, before the licence decision on 10 March 2017; reported by Example News "
        "on 2 July 2016, before the decision: the risk was foreseeable when the licence was decided"
    )
    assert link.reasons[0] == link.timing


def test_occurred_before_but_first_reported_after_the_decision(tmp_path):
    case = load_link_case(
        tmp_path, sources=source("late", "2017-05-02"), abuses=abuse("A", "2016-06", "[late]"), licences=LICENCE
    )
    link = only_link(case)
    assert (link.relation, link.occurred, link.reported) == ("reported-after", "before", "after")
    assert link.report_days == -53
    assert link.timing == (
        "occurred in June 2016, before the licence decision on 10 March 2017; first reported by "
        "Example News on 2 May 2017, after the decision: the risk existed when the licence was "
        "decided, and the evidence now calls for its review"
    )
    assert "foreseeable" not in " ".join(link.reasons)


def test_the_earliest_public_report_is_the_one_named(tmp_path):
    sources = source("late", "2017-05-02") + source("early", "2016-09", publication="Other News")
    case = load_link_case(tmp_path, sources=sources, abuses=abuse("A", "2016-06", "[late, early]"), licences=LICENCE)
    link = only_link(case)
    assert (link.relation, link.reported_by) == ("foreseeable", "early")
    assert "reported by Other News in September 2016, before the decision" in link.timing


def test_a_confidential_source_never_makes_an_abuse_foreseeable_and_its_date_never_shows(tmp_path):
    sources = source("secret", "2016-07-01", extra="  confidential: true\n") + source("late", "2017-05-02")
    case = load_link_case(tmp_path, sources=sources, abuses=abuse("A", "2016-06", "[secret, late]"), licences=LICENCE)
    link = only_link(case)
    assert (link.relation, link.reported_by, link.reported_date) == ("reported-after", "late", "2017-05-02")
    words = " ".join(link.reasons)
    assert "July 2016" not in words and "2016-07-01" not in words and "secret" not in words


def test_an_abuse_known_only_from_confidential_sources_is_unreported(tmp_path):
    sources = source("secret", "2016-07-01", extra="  confidential: true\n")
    case = load_link_case(tmp_path, sources=sources, abuses=abuse("A", "2016-06", "[secret]"), licences=LICENCE)
    link = only_link(case)
    assert (link.relation, link.reported, link.reported_by, link.reported_date) == ("unreported", "unknown", "", "")
    assert link.timing == (
        "occurred in June 2016, before the licence decision on 10 March 2017; no published source "
        "gives the date on which it was first reported: the risk existed when the licence was "
        "decided, though the evidence does not show that it was known then, and the licence may "
        "need review"
    )
    assert "July 2016" not in " ".join(link.reasons)


def test_a_source_cited_in_another_takes_its_date_but_never_a_confidential_ones(tmp_path):
    sources = (
        source("article", "2016-08")
        + source("report", publication="", extra="  organisation: Rights Watch\n  cited_in: article\n")
        + source("memo", "2016-07", extra="  confidential: true\n")
        + source("leak", publication="", extra="  organisation: Leaks Inc\n  cited_in: memo\n")
    )
    abuses = abuse("A", "2016-06", "[report]") + abuse("B", "2016-06", "[leak]")
    case = load_link_case(tmp_path, sources=sources, abuses=abuses, licences=LICENCE)
    through_article = only_link(case, "A")
    assert (through_article.relation, through_article.reported_by, through_article.reported_date) == (
        "foreseeable",
        "report",
        "2016-08",
    )
    assert "reported by Rights Watch in August 2016, before the decision" in through_article.timing
    through_memo = only_link(case, "B")
    assert (through_memo.relation, through_memo.reported_date) == ("unreported", "")
    assert "July 2016" not in " ".join(through_memo.reasons)


def test_a_report_that_describes_the_licence_came_after_it(tmp_path):
    licence = "L-1,Turkey,2017-Q1,issued,5A001f,law enforcement agency,article\n"
    case = load_link_case(
        tmp_path, sources=source("article", "2017"), abuses=abuse("A", "2016", "[article]"), licences=licence
    )
    link = only_link(case)
    assert (link.relation, link.reported) == ("reported-after", "after")
    assert link.timing.startswith(
        "occurred in 2016, before the licence decision in the first quarter of 2017; first "
        "reported by Example News in 2017, after the decision, which the report describes"
    )


def test_the_same_dates_without_the_licence_citing_the_report_cannot_be_ordered(tmp_path):
    licence = "L-1,Turkey,2017-Q1,issued,5A001f,law enforcement agency,\n"
    case = load_link_case(
        tmp_path, sources=source("article", "2017"), abuses=abuse("A", "2016", "[article]"), licences=licence
    )
    link = only_link(case)
    assert (link.relation, link.occurred, link.reported) == ("concurrent", "before", "overlapping")
    assert link.timing.endswith(
        "first reported by Example News in 2017: whether it was known when the licence was "
        "decided cannot be told from the dates, and the licence may need review"
    )


def test_an_abuse_in_the_period_of_the_decision(tmp_path):
    licence = "L-1,Turkey,2017-Q1,issued,5A001f,law enforcement agency,\n"
    case = load_link_case(
        tmp_path, sources=source("article", "2017-06-01"), abuses=abuse("A", "2017-02", "[article]"), licences=licence
    )
    link = only_link(case)
    assert (link.relation, link.occurred, link.reported) == ("concurrent", "overlapping", "after")
    assert link.timing == (
        "occurred in February 2017, and the licence decision was taken in the first quarter of 2017; "
        "first reported by Example News on 1 June 2017, after the decision: whether the abuse or the "
        "decision came first cannot be told from the dates, and the licence may need review"
    )


def test_an_abuse_after_the_decision_calls_for_review(tmp_path):
    case = load_link_case(
        tmp_path,
        sources=source("article", "2017-06-01"),
        abuses=abuse("A", "2017-05-20", "[article]"),
        licences=LICENCE,
    )
    link = only_link(case)
    assert (link.relation, link.occurred, link.days) == ("review", "after", -71)
    assert link.timing == (
        "occurred on 20 May 2017, 71 days after the licence decision: the licence may need review, "
        "suspension or revocation"
    )


def test_a_report_dated_before_the_abuse_is_background_not_its_report(tmp_path):
    case = load_link_case(
        tmp_path, sources=source("old", "2015"), abuses=abuse("A", "2016-06", "[old]"), licences=LICENCE
    )
    assert (only_link(case).relation, only_link(case).reported_by) == ("unreported", "")


def test_scores_weigh_what_the_dates_support(tmp_path):
    sources = source("before", "2016-07-01") + source("after", "2017-05-02") + source("later", "2017-06-01")
    abuses = (
        abuse("FORESEEABLE", "2016-06-15", "[before]")
        + abuse("REPORTED-AFTER", "2016-06-15", "[after]")
        + abuse("REVIEW", "2017-06-01", "[later]")
    )
    case = load_link_case(tmp_path, sources=sources, abuses=abuses, licences=LICENCE)
    links = {l.abuse_id: l for l in link_case(case).links}
    assert [l.abuse_id for l in link_case(case).links] == ["FORESEEABLE", "REPORTED-AFTER", "REVIEW"]
    assert links["FORESEEABLE"].score > links["REPORTED-AFTER"].score > links["REVIEW"].score


def test_every_relation_and_order_has_its_meaning_in_one_place():
    from advocate.link import ORDERS
    from advocate.link.models import Order, Relation

    assert list(RELATIONS) == ["foreseeable", "reported-after", "concurrent", "unreported", "review"]
    assert set(Relation.__args__) == set(RELATIONS) and set(Order.__args__) == set(ORDERS)
    assert all(len(meaning.split()) >= 3 for meaning in list(RELATIONS.values()) + list(ORDERS.values()))
