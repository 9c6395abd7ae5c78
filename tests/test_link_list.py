"""A LinkList reads as the links it holds: its columns are their fields, its slices and selections their parts."""

from __future__ import annotations

import pickle

from advocate.link import Link, LinkList, link_case
from advocate.validate.check import load_case
from tests.helpers import EXAMPLE_CASE, TODAY


def example_links():
    linkset = link_case(load_case(EXAMPLE_CASE, today=TODAY))
    return linkset, linkset.for_licences(linkset.table.licences.frame["id"])


def test_a_link_list_holds_the_links_strongest_first():
    linkset, selected = example_links()
    assert isinstance(selected, LinkList) and len(selected) == len(linkset.links)
    assert tuple(selected) == linkset.links
    assert selected[0] == linkset.links[0] and selected[-1] == linkset.links[-1]
    assert tuple(selected[2:5]) == linkset.links[2:5]


def test_its_columns_are_the_fields_of_its_links():
    _, selected = example_links()
    names = [name for name in Link._fields if name != "reasons"]
    columns = selected.columns(names)
    for name in names:
        assert list(columns[name]) == [getattr(link, name) for link in selected], name


def test_where_keeps_the_links_chosen_in_order():
    _, selected = example_links()
    review = selected.column("relation") == "review"
    kept = selected.where(review)
    assert [link.relation for link in kept] == ["review"] * int(review.sum())
    assert tuple(kept) == tuple(link for link in selected if link.relation == "review")


def test_links_and_their_reasons_pickle_as_plain_values():
    _, selected = example_links()
    link = selected[0]
    again = pickle.loads(pickle.dumps(link))
    assert again == link and tuple(again.reasons) == tuple(link.reasons) and again.timing == link.timing


def test_links_csv_and_json_carry_every_field_of_a_link_from_one_list():
    from advocate.link.models import FRAME_COLUMNS, Link

    assert set(FRAME_COLUMNS) == set(Link._fields), "a field of Link that links.csv and --format json leave out"
