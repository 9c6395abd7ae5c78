import pytest

from advocate.vocab.countries import country_code
from advocate.vocab.ratings import (
    describe_rating,
    is_known_rating,
    parse_rating,
    rating_matches,
)
from advocate.vocab.state_bodies import bodies_in_text
from advocate.vocab.technology import (
    is_surveillance,
    lineage,
    read_goods_summary,
    tags_for_rating,
)


@pytest.mark.parametrize(
    "written, key, kind",
    [
        ("5A001", "5A001", "dual-use"),
        ("5A001.f.2", "5A001.f.2", "dual-use"),
        ("5A001f2", "5A001.f.2", "dual-use"),
        ("5D001e", "5D001.e", "dual-use"),
        ("5a001 F", "5A001.f", "dual-use"),
        ("ML10a", "ML10.a", "military"),
        ("ML1", "ML1", "military"),
        ("PL5017", "PL5017", "national"),
        ("End Use", "END USE", "marker"),
        ("MEND", "MEND", "marker"),
        ("HR AIII", "HR AIII", "marker"),
        ("QQ999", "QQ999", "unknown"),
    ],
)
def test_ratings_are_read_at_every_level_of_detail(written, key, kind):
    rating = parse_rating(written)
    assert (rating.key, rating.kind, rating.text) == (key, kind, written)


def test_a_rating_matches_its_sub_items_but_not_its_neighbours():
    assert rating_matches("5A001.f.2", "5A001")
    assert rating_matches("5A001.f.2", "5A001.f")
    assert not rating_matches("5A001.j", "5A001.f")
    assert not rating_matches("5A0011", "5A001")
    assert not rating_matches("ML10", "ML1")


def test_the_ratings_table_knows_the_surveillance_entries():
    assert tags_for_rating("5A001.f.2")[0] == ("imsi-catcher",)
    assert tags_for_rating("5A001f")[0] == ("mobile-interception",)
    assert tags_for_rating("5A001.j")[0] == ("ip-surveillance",)
    assert "intrusion-software" in tags_for_rating("4A005")[0]
    assert "intrusion-software" in tags_for_rating("4D004")[0]
    assert "intrusion-software" in tags_for_rating("4E001.c")[0]
    # An entry-level 5A001 may be interception equipment, but the data does not say so.
    assert tags_for_rating("5A001") == (("telecoms",), ("mobile-interception", "ip-surveillance", "jamming"))
    assert set(tags_for_rating("5D001")[1]) == {"mobile-interception", "ip-surveillance"}
    assert "surveillance" in describe_rating("5E001").description or tags_for_rating("5E001")[1]


def test_5A002_is_information_security_not_surveillance_by_itself():
    certain, possible = tags_for_rating("5A002")
    assert certain == ("information-security",) and possible == ()
    assert not is_surveillance(certain)
    assert "not surveillance" in describe_rating("5A002").description


def test_military_list_categories_have_their_names():
    assert describe_rating("ML10a").description == "Aircraft, helicopters, drones"
    assert describe_rating("ML1").description == "Small arms"
    assert describe_rating("ML7").tags == ("crowd-control",)


def test_unknown_ratings_are_recognised_as_unknown():
    assert not is_known_rating("5A999")
    assert not is_known_rating("Q7")
    assert is_known_rating("End Use")


def test_the_goods_summary_vocabulary_gives_technology():
    summary = read_goods_summary("software for telecommunications interception equipment")
    assert summary.form == "software"
    assert summary.subjects == ("telecommunications interception equipment",)
    assert summary.tags == ("interception-software",)
    assert lineage("interception") == ("interception", "surveillance")
    several = read_goods_summary("components for combat aircraft, military helicopters")
    assert several.subjects == ("combat aircraft", "military helicopters")
    assert read_goods_summary("internet protocol network communications surveillance equipment").tags == (
        "ip-surveillance",
    )
    assert read_goods_summary("software for intrusion software").tags == ("intrusion-software",)
    assert read_goods_summary("a thing nobody listed").tags == ()


@pytest.mark.parametrize(
    "name, code",
    [
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("TR", "TR"),
        ("TUR", "TR"),
        ("Korea, South", "KR"),
        ("South Korea", "KR"),
        ("Burma", "MM"),
        ("Ivory Coast", "CI"),
        ("Kosovo", "XK"),
        ("Continental Shelf", "ZZ"),
        ("United Kingdom", "GB"),
        ("Viet Nam", "VN"),
        ("Cote d'Ivoire", "CI"),
        ("Svelbard Archipelago", "SJ"),
    ],
)
def test_country_names_in_licensing_data_map_to_iso_codes(name, code):
    assert country_code(name) == code


def test_an_unknown_country_maps_to_nothing():
    assert country_code("Narnia") is None


def test_end_user_notes_name_the_kind_of_body_and_respect_exclusions():
    assert bodies_in_text("Licence granted for use by a law enforcement agency.") == ("law-enforcement",)
    assert bodies_in_text("Licence granted for end use by the Air Force.") == ("military",)
    excluded = (
        "HMG exceptionally agreed to export a number of firearms to Bahrain for personal sporting use. "
        "They are not for use by the Bahraini security services, law enforcement agencies or armed forces."
    )
    assert bodies_in_text(excluded) == ("private",)
