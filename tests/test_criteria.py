"""The criteria library: versions by date, numbering, text kinds, and what abuse categories engage."""

from __future__ import annotations

import datetime as dt

import pytest

from advocate.law.criteria import all_versions, criteria_in_force, criteria_version
from advocate.vocab.abuse_categories import abuse_categories, criteria_engaged
from advocate.vocab.technology import technology_tags


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2021, 12, 7), "consolidated-2014"),
        (dt.date(2021, 12, 8), "uk-2021"),
        (dt.date(2021, 12, 9), "uk-2021"),
        (dt.date(2017, 2, 15), "consolidated-2014"),
        (dt.date(2014, 3, 25), "consolidated-2014"),
        (dt.date(2014, 3, 24), "consolidated-2000"),
        (dt.date(2010, 5, 5), "consolidated-2000"),
        (dt.date(2008, 7, 2), "consolidated-2000"),
        (dt.date(2023, 6, 1), "uk-2021"),
    ],
)
def test_the_version_in_force_on_the_decision_date(day, expected):
    assert criteria_in_force(day).id == expected


def test_no_version_before_the_2000_criteria():
    with pytest.raises(LookupError, match="2000-10-25"):
        criteria_in_force(dt.date(2000, 10, 25))


def test_the_common_position_is_never_the_uk_criteria_in_force():
    days = [dt.date(2008, 12, 8) + dt.timedelta(days=n) for n in range(0, 4400, 37)]
    assert all(criteria_in_force(day).id != "eu-common-position-2008" for day in days)


def test_versions_cite_the_shipped_authorities():
    ids = {v.id: v.source_id for v in all_versions()}
    assert ids == {
        "uk-2021": "criteria-2021",
        "consolidated-2014": "criteria-2014",
        "consolidated-2000": "criteria-2000",
        "eu-common-position-2008": "eu-common-position-2008",
        "eu-dual-use-2021": "eu-dual-use-2021",
    }
    for version in all_versions():
        assert all(c.source_id == version.source_id for c in version.criteria)


def test_uk_versions_meet_without_gap():
    first, old, new = (
        criteria_version("consolidated-2000"),
        criteria_version("consolidated-2014"),
        criteria_version("uk-2021"),
    )
    assert first.in_force_to + dt.timedelta(days=1) == old.in_force_from
    assert old.in_force_to + dt.timedelta(days=1) == new.in_force_from
    assert new.in_force_to is None


def test_every_uk_version_has_the_eight_criteria_and_criterion_2_paragraphs():
    for version_id in ("uk-2021", "consolidated-2014", "eu-common-position-2008"):
        version = criteria_version(version_id)
        assert [c.number for c in version.criteria if "(" not in c.number] == [str(n) for n in range(1, 9)]
        for number in ("2(a)", "2(b)", "2(c)"):
            assert version.criterion(number).parent == "2"
    first = criteria_version("consolidated-2000")
    assert [c.number for c in first.criteria if "(" not in c.number] == [str(n) for n in range(1, 9)]
    assert first.has("2(a)") and first.has("2(b)") and not first.has("2(c)"), "the 2000 text has no IHL limb"


def test_criterion_lookup_accepts_the_ways_people_write_numbers():
    version = criteria_version("uk-2021")
    assert version.criterion("2a") is version.criterion("Criterion 2(a)")
    with pytest.raises(KeyError, match="no criterion '9'"):
        version.criterion("9")


def test_text_kinds_mark_summaries():
    kinds = {c.text_kind for v in all_versions() for c in v.criteria}
    assert kinds <= {"quotation", "summary"}
    assert criteria_version("uk-2021").criterion("1").text_kind == "quotation"
    assert criteria_version("consolidated-2014").criterion("2(a)").text_kind == "summary"


def test_the_dual_use_regulation_says_it_is_northern_ireland_only():
    version = criteria_version("eu-dual-use-2021")
    assert "Northern Ireland only" in version.territorial_note
    assert version.criterion("5(1)").pinpoint == "art 5(1)"


def test_2021_wording_differs_from_2014():
    assert "major violations" in criteria_version("consolidated-2014").criterion("2(a)").text
    assert "serious violations" in criteria_version("uk-2021").criterion("2(a)").text
    assert "diverted within the buyer country" in criteria_version("consolidated-2014").criterion("7").text


@pytest.mark.parametrize(
    ("category", "criterion"),
    [
        ("arbitrary-detention", "2(a)"),
        ("torture", "2(a)"),
        ("ihl-violation", "2(c)"),
        ("diversion", "7"),
        ("internal-conflict", "3"),
        ("suppression-of-protest", "2(a)"),
    ],
)
def test_categories_engage_criteria(category, criterion):
    assert criterion in abuse_categories()[category].criteria


def test_every_category_engages_a_criterion_known_to_every_uk_version():
    for category in abuse_categories().values():
        assert category.criteria, category.category
        for number in category.criteria:
            for version_id in ("uk-2021", "consolidated-2014"):
                assert criteria_version(version_id).has(number)
        assert set(category.technology) <= set(technology_tags())


def test_criteria_engaged_by_several_categories_once_each():
    assert criteria_engaged(["torture", "diversion", "arbitrary-detention"]) == ("2(a)", "7")
