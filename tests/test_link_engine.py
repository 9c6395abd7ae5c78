"""The link engine on small hand-built cases whose links, order, reasons and criteria versions are known."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from advocate.link import link_case
from advocate.models.case import LinkSettings, LinkWeights
from advocate.validate.check import load_case
from tests.helpers import EXAMPLE_CASE, TODAY

CASE_YAML = """\
title: Test case
countries: [Turkey]
public_body:
  name: Department for Business and Trade
  foi_email: foi@example.org
requester:
  name: A. Campaigner
  email: a@example.org
{linking}
"""

SOURCES = """\
- id: src-1
  kind: report
  organisation: Example Watch
  title: A report
  date: 2021-09
- id: src-2
  kind: news
  publication: Example News
  title: An article
  date: 2022-03
"""

ABUSES = """\
- id: A-DET
  country: Turkey
  date: 2021-08-20
  title: Police detained journalists whose phones had been intercepted
  perpetrators: [police]
  categories: [arbitrary-detention, persecution-of-journalists]
  technology: [mobile-interception]
  sources: [src-1]
- id: A-AFTER
  country: Turkey
  date: 2022-03-01
  title: A court convicted the journalists after an unfair trial
  perpetrators: [judiciary]
  categories: [unfair-trial]
  sources: [src-2]
- id: A-IHL
  country: Turkey
  date: 2021-11-01
  title: The armed forces shelled a village
  perpetrators: [military]
  categories: [ihl-violation]
  sources: [src-1]
"""

LICENCES = """\
id,destination,decision_date,outcome,ratings,end_user,refusal_criteria
L-1207,Turkey,2021-12-07,issued,5A001f,law enforcement agency,
L-1208,Turkey,2021-12-08,issued,5A001f,law enforcement agency,
L-1209,Turkey,2021-12-09,issued,5A001f,law enforcement agency,
L-REF,Turkey,2021-06-01,refused,5A001,,2a
L-ML6,Turkey,2021-12-08,issued,ML6,military,
L-FR,France,2021-12-08,issued,5A001f,law enforcement agency,
L-LATE,Turkey,2026-01-01,issued,5A001f,law enforcement agency,
"""

LINKS = """\
- id: link-1
  licence: L-1209
  abuse: A-AFTER
  reason: The convictions rested on intercepted calls, as the court record shows.
  sources: [src-2]
"""


def write_case(folder: Path, linking: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "case.yaml").write_text(CASE_YAML.format(linking=linking), encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "abuses.yaml").write_text(ABUSES, encoding="utf-8")
    (folder / "licences.csv").write_text(LICENCES, encoding="utf-8")
    (folder / "links.yaml").write_text(LINKS, encoding="utf-8")
    return folder


@pytest.fixture
def case_file(tmp_path):
    return load_case(write_case(tmp_path / "case"), today=TODAY)


def by_pair(linkset):
    return {(l.licence_id, l.abuse_id): l for l in linkset.links}


def test_the_criteria_version_follows_the_decision_date(case_file):
    links = by_pair(link_case(case_file))
    assert links["L-1207", "A-DET"].criteria_version == "consolidated-2014"
    assert links["L-1208", "A-DET"].criteria_version == "uk-2021"
    assert links["L-1209", "A-DET"].criteria_version == "uk-2021"
    assert {l.criteria for k, l in links.items() if k[1] == "A-DET"} == {("2(a)",)}


def test_a_foreseeable_link_gives_its_reasons(case_file):
    link = by_pair(link_case(case_file))["L-1207", "A-DET"]
    assert link.relation == "foreseeable"
    assert link.days == (dt.date(2021, 12, 7) - dt.date(2021, 8, 20)).days == 109
    assert link.reasons[0] == (
        "occurred on 20 August 2021, 109 days before the licence decision; reported by Example Watch "
        "in September 2021, before the decision: the risk was foreseeable when the licence was decided"
    )
    assert link.timing == link.reasons[0]
    assert (link.occurred, link.reported, link.reported_by, link.reported_date) == (
        "before",
        "before",
        "src-1",
        "2021-09",
    )
    assert "law-enforcement agencies, which include the police that carried out the abuse" in link.reasons[1]
    assert (
        link.reasons[2] == "5A001f covers mobile telecommunications interception, the technology the abuse implicated"
    )
    assert link.reasons[3].startswith(
        "the Government refused licence L-REF for goods rated 5A001 to Turkey on 1 June 2021 under Criterion 2a"
    )
    assert link.refusal_id == "L-REF"
    assert link.sources == ("src-1",)
    assert not link.asserted


def test_scores_order_the_links(case_file):
    linkset = link_case(case_file)
    scores = [l.score for l in linkset.links]
    assert scores == sorted(scores, reverse=True)
    links = by_pair(linkset)
    assert linkset.links[0].asserted
    assert links["L-1207", "A-DET"].score >= links["L-1209", "A-DET"].score > links["L-ML6", "A-IHL"].score
    assert links["L-1209", "A-DET"].score > links["L-ML6", "A-DET"].score


def test_ihl_is_criterion_2c_for_military_goods_and_users(case_file):
    link = by_pair(link_case(case_file))["L-ML6", "A-IHL"]
    assert link.criteria == ("2(c)",)
    assert link.criteria_version == "uk-2021"
    assert any("is of the kind of body that carried out the abuse: armed forces" in r for r in link.reasons)
    assert any("military ground vehicles" in r and "inference" in r for r in link.reasons)


def test_asserted_links_always_appear_and_come_first(case_file):
    linkset = link_case(case_file)
    link = by_pair(linkset)["L-1209", "A-AFTER"]
    assert link.asserted and link.score == 1.0
    assert link.relation == "review" and link.days == -(dt.date(2022, 3, 1) - dt.date(2021, 12, 9)).days
    assert link.reasons[0] == "The convictions rested on intercepted calls, as the court record shows."
    assert (
        link.reasons[1]
        == "occurred on 1 March 2022, 82 days after the licence decision: the licence may need review, suspension or revocation"
    )
    assert link.sources == ("src-2",)
    assert link.criteria == ("2(a)",)
    # the same abuse links to no other licence: a court is not a law-enforcement end user, and nothing else matches
    assert [l.licence_id for l in linkset.for_abuse("A-AFTER")] == ["L-1209"]


def test_other_destinations_and_refusals_are_not_linked(case_file):
    ids = {l.licence_id for l in link_case(case_file).links}
    assert "L-FR" not in ids
    assert "L-REF" not in ids


def test_windows_come_from_the_case_file(tmp_path):
    default = by_pair(link_case(load_case(write_case(tmp_path / "a"), today=TODAY)))
    assert ("L-LATE", "A-DET") in default
    narrow = load_case(write_case(tmp_path / "b", "linking:\n  foreseeable_window_days: 365\n"), today=TODAY)
    assert narrow.case.linking.foreseeable_window_days == 365
    assert ("L-LATE", "A-DET") not in by_pair(link_case(narrow))
    assert ("L-1207", "A-DET") in by_pair(link_case(narrow))


def test_weights_change_scores(case_file):
    no_refusal = LinkSettings(weights=LinkWeights(refusal=0))
    plain = by_pair(link_case(case_file))["L-1207", "A-DET"].score
    without = by_pair(link_case(case_file, no_refusal))["L-1207", "A-DET"].score
    assert plain > without


def test_bad_linking_settings_name_the_field(tmp_path):
    from advocate.errors import CaseError

    with pytest.raises(CaseError) as error:
        load_case(write_case(tmp_path / "c", "linking:\n  min_score: 2\n"), today=TODAY)
    assert "min_score" in " ".join(str(p) for p in error.value.problems)


def test_a_prefiltered_licence_table(case_file):
    table = case_file.licences.filter(ids=["L-1208"])
    linkset = link_case(case_file, licences=table)
    assert {l.licence_id for l in linkset.links} == {"L-1208"}
    assert next(l.abuse_id for l in linkset.for_licence("L-1208")) == "A-DET"


def test_frame_and_strongest(case_file):
    linkset = link_case(case_file)
    frame = linkset.to_frame()
    assert list(frame.columns)[:3] == ["licence_id", "abuse_id", "score"]
    assert len(frame) == len(linkset) == len(linkset.links)
    assert linkset.strongest(2) == linkset.links[:2]


def test_the_example_case_links_the_2017_licence_to_the_detentions():
    linkset = link_case(load_case(EXAMPLE_CASE, today=TODAY))
    links = {l.abuse_id: l for l in linkset.for_licence("DIT-2017Q1-TR-01")}
    for abuse in ("tr-journalists-arrested-2016", "tr-hrd-arrests-2017"):
        assert links[abuse].criteria_version == "consolidated-2014"
        assert "2(a)" in links[abuse].criteria
    journalists = links["tr-journalists-arrested-2016"]
    # occurred in 2016, but the only source is the 2017 article that reports the licence itself
    assert journalists.relation == "reported-after"
    assert journalists.timing.startswith(
        "occurred in 2016, before the licence decision in the first quarter of 2017; "
        "first reported by Motherboard in 2017, after the decision"
    )
    assert journalists.refusal_id == "CAAT-66239"
    assert any("Criterion 2 of the 2014 Consolidated Criteria" in r for r in journalists.reasons)
    assert links["tr-hrd-arrests-2017"].asserted
    assert linkset.links[0].licence_id == "DIT-2017Q1-TR-01"
