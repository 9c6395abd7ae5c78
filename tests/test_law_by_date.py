"""The law as it stood on a decision's date: the criteria, the EU rules for Military List items, who decided,
and the Government Legal Department's address."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from advocate.law.authorities import authorities
from advocate.law.bodies import bodies, bodies_during, body_on, current
from advocate.law.criteria import criteria_during, criteria_version, eu_rules_on
from advocate.law.gld import government_legal_department


def test_a_period_straddling_a_change_names_both_versions():
    assert [v.id for v in criteria_during(dt.date(2021, 10, 1), dt.date(2021, 12, 31))] == [
        "consolidated-2014",
        "uk-2021",
    ]
    assert [v.id for v in criteria_during(dt.date(2014, 1, 1), dt.date(2014, 3, 31))] == [
        "consolidated-2000",
        "consolidated-2014",
    ]
    assert [v.id for v in criteria_during(dt.date(2017, 1, 1), dt.date(2017, 3, 31))] == ["consolidated-2014"]
    assert [v.id for v in criteria_during(None, dt.date(2010, 5, 5))] == ["consolidated-2000"]


def test_versions_of_one_name_are_told_apart_by_date():
    assert criteria_version("consolidated-2000").dated_title == (
        "Consolidated EU and National Arms Export Licensing Criteria of 26 October 2000"
    )
    assert criteria_version("consolidated-2014").dated_title.endswith("of 25 March 2014")


def test_the_common_position_binds_only_for_military_list_items_and_only_while_the_uk_was_bound():
    assert eu_rules_on(dt.date(2012, 3, 13), military=False) is None
    assert eu_rules_on(dt.date(2012, 3, 13), military=True).id == "eu-common-position-2008"
    assert eu_rules_on(dt.date(2008, 7, 2), military=True) is None, "adopted 8 December 2008"
    assert eu_rules_on(dt.date(2021, 3, 1), military=True) is None, "not after 31 December 2020"
    note = criteria_version("eu-common-position-2008").territorial_note
    assert "never the guidance given under section 9" in note and "dual-use" in note


@pytest.mark.parametrize(
    "day, licensing, foreign",
    [
        (dt.date(2008, 7, 2), "BERR", "FCO"),
        (dt.date(2010, 5, 5), "BIS", "FCO"),
        (dt.date(2015, 3, 6), "BIS", "FCO"),
        (dt.date(2017, 2, 15), "DIT", "FCO"),
        (dt.date(2021, 1, 4), "DIT", "FCDO"),
        (dt.date(2024, 5, 1), "DBT", "FCDO"),
    ],
)
def test_who_decided_and_who_advised_on_the_day(day, licensing, foreign):
    assert body_on("licensing", day).short == licensing
    assert body_on("foreign", day).short == foreign
    assert body_on("defence", day).name == "Ministry of Defence"


def test_a_period_across_a_change_of_department_names_both():
    names = [b.short for b in bodies_during("licensing", dt.date(2016, 7, 1), dt.date(2016, 9, 30))]
    assert names == ["BIS", "DIT"]
    assert current("licensing").secretary_of_state == "Secretary of State for Business and Trade"


def test_every_department_cites_an_order_that_is_shipped_and_the_table_has_no_gaps():
    shipped = authorities()
    for body in bodies():
        assert not body.order or body.order in shipped
    for role in ("licensing", "foreign"):
        rows = [b for b in bodies() if b.role == role]
        for before, after in itertools.pairwise(rows):
            assert before.end + dt.timedelta(days=1) == after.start


def test_the_government_legal_department_address_comes_with_its_source():
    gld = government_legal_department()
    assert gld.name == "Government Legal Department"
    assert gld.address[-1] == "London SW1H 9GL" and "102 Petty France" in gld.address
    assert gld.source in authorities()
