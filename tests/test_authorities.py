"""The shipped authorities load, format, and say exactly what they should."""

import pytest

from advocate.law.authorities import AuthoritiesError, _load, authorities
from advocate.models.records import Source
from advocate.resolve.oscola import (
    bibliography_entry,
    citation_text,
    full_citation,
    short_citation,
)

REQUIRED = (
    "foia-2000",
    "foi-fees-regs-2004",
    "foi-code-2018",
    "ico-complaints",
    "eca-2002",
    "eco-2008",
    "cpr-54",
    "pap-jr",
    "caat-2019",
    "caat-2023",
    "caat-2017",
    "criteria-2000",
    "criteria-2014",
    "gld-contact",
    "caat-data-readme",
    "criteria-2021",
    "eu-common-position-2008",
    "eu-dual-use-2021",
)


def test_every_required_authority_is_shipped():
    shipped = authorities()
    assert set(REQUIRED) <= set(shipped)
    assert all(isinstance(source, Source) and source.id == key for key, source in shipped.items())
    assert authorities() is shipped  # read once


def test_every_authority_formats():
    shipped = authorities()
    for source in shipped.values():
        assert citation_text(full_citation(source, sources=shipped)).strip()
        assert citation_text(short_citation(source, first_note=1)).strip()
        assert citation_text(bibliography_entry(source)).strip()
        assert not source.confidential and not source.illustrative


def test_the_deadline_authorities_exist():
    import datetime as dt

    from advocate.law import deadlines

    day = dt.date(2026, 3, 2)
    for deadline in (
        deadlines.foi_response_due(day),
        deadlines.internal_review_due(day),
        deadlines.internal_review_request_by(day),
        deadlines.ico_complaint_by(day),
        deadlines.reply_by(day),
        deadlines.claim_limit(day),
    ):
        assert deadline.authority in authorities()


@pytest.mark.parametrize(
    "key, pinpoint, expected",
    [
        (
            "caat-2019",
            "",
            "R (Campaign Against Arms Trade) v Secretary of State for International Trade "
            "[2019] EWCA Civ 1020, [2019] 1 WLR 5765",
        ),
        (
            "caat-2023",
            "",
            "R (Campaign Against Arms Trade) v Secretary of State for International Trade [2023] EWHC 1343 (Admin)",
        ),
        ("foia-2000", "s 10(1), (6)", "Freedom of Information Act 2000, s 10(1), (6)"),
        (
            "foi-fees-regs-2004",
            "reg 3",
            "Freedom of Information and Data Protection (Appropriate Limit and Fees) "
            "Regulations 2004, SI 2004/3244, reg 3",
        ),
        ("eco-2008", "art 32", "Export Control Order 2008, SI 2008/3231, art 32"),
        ("eca-2002", "s 9(5)", "Export Control Act 2002, s 9(5)"),
        ("cpr-54", "", "Civil Procedure Rules 1998, SI 1998/3132, r 54.5"),
        ("cpr-54", "r 54.5(1)", "Civil Procedure Rules 1998, SI 1998/3132, r 54.5(1)"),
        ("foi-code-2018", "", "Cabinet Office, Freedom of Information Code of Practice (July 2018)"),
        (
            "criteria-2021",
            "",
            "Anne-Marie Trevelyan, ‘Strategic Export Licensing Criteria’ (HC written statement HCWS449, "
            "8 December 2021) <https://questions-statements.parliament.uk/written-statements/detail/"
            "2021-12-08/hcws449>",
        ),
        (
            "criteria-2014",
            "",
            "Vince Cable, ‘Consolidated EU and National Arms Export Licensing Criteria’ "
            "HC Deb 25 March 2014, vol 578 <https://hansard.parliament.uk/Commons/2014-03-25/debates/"
            "14032566000018/ConsolidatedEUAndNationalArmsExportLicensingCriteria>",
        ),
        (
            "criteria-2000",
            "",
            "HC Deb 26 October 2000, vol 355, cols 199–203W <https://api.parliament.uk/historic-hansard/"
            "written_answers/2000/oct/26/arms-exports>",
        ),
        (
            "caat-2017",
            "",
            "R (Campaign Against Arms Trade) v Secretary of State for International Trade [2017] EWHC 1754 (Admin)",
        ),
        (
            "eu-common-position-2008",
            "art 2",
            "Council Common Position 2008/944/CFSP of 8 December 2008 defining common "
            "rules governing control of exports of military technology and equipment "
            "[2008] OJ L335/99, art 2",
        ),
    ],
)
def test_known_citations(key, pinpoint, expected):
    assert citation_text(full_citation(authorities()[key], pinpoint=pinpoint)) == expected


def test_short_forms():
    shipped = authorities()
    assert citation_text(short_citation(shipped["cpr-54"], pinpoint="r 54.5(1)", first_note=3)) == "CPR r 54.5(1)"
    assert citation_text(short_citation(shipped["caat-2019"], pinpoint="[145]", first_note=3)) == (
        "Campaign Against Arms Trade (n 3) [145]"
    )


def test_a_malformed_file_names_the_entry_and_field():
    with pytest.raises(AuthoritiesError, match=r"x.yaml: source 'bad', field 'kind'"):
        _load("- id: bad\n  kind: novel\n  title: T\n", "x.yaml")
    with pytest.raises(AuthoritiesError, match="source 'a' appears twice"):
        _load("- {id: a, kind: statute, title: T}\n- {id: a, kind: statute, title: U}\n", "x.yaml")
    with pytest.raises(AuthoritiesError, match="expected a list"):
        _load("id: a\n", "x.yaml")


def test_ids_do_not_clash_with_the_example_case():
    from pathlib import Path

    import yaml

    repo = Path(__file__).parent.parent
    case_ids = set()
    for path in (repo / "evidence").glob("*/sources.yaml"):
        case_ids |= {entry["id"] for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []}
    skeleton = repo / "advocate" / "case_skeleton" / "sources.yaml"
    case_ids |= {entry["id"] for entry in yaml.safe_load(skeleton.read_text(encoding="utf-8"))}
    assert case_ids and not case_ids & set(authorities())
