"""The letter before claim states the law of the decision's date, counts CPR r 54.5 time from the grant, says who
decided, and refuses without the addresses it needs: each on a small case built to trigger it."""

from __future__ import annotations

import datetime as dt

import pytest
from small_cases import abuse, decision, licence, write_case

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.errors import DraftError
from advocate.run.document import document_text, draft_document

DATE = dt.date(2026, 12, 4)


def letter_text(folder) -> str:
    drafted = draft_document(load_case(folder), "letter-before-claim", DraftOptions(date=DATE))
    return " ".join(document_text(drafted).split())


def test_a_2010_licence_is_assessed_against_the_2000_criteria_decided_by_bis_advised_by_the_fco(tmp_path):
    folder = write_case(
        tmp_path / "c",
        licences=[licence("L-2010", "2010-05-05", goods="interception software")],
        abuses=[abuse("a1", "2009-01", "Police detained journalists", "rights-report-2009")],
        decisions=decision("L-2010", "2010-05-05"),
    )
    text = letter_text(folder)
    assert (
        "When the decision was taken, the Consolidated EU and National Arms Export Licensing Criteria of "
        "26 October 2000 were in force."
    ) in text
    assert "Common Position" not in text, "5A001 is a dual-use rating"
    assert "by the Secretary of State for Business, Innovation and Skills" in text
    assert "are now exercised by the Secretary of State for Business and Trade" in text
    assert "the advice of the Foreign and Commonwealth Office" in text
    assert "Foreign, Commonwealth and Development Office" not in text
    assert (
        "Before the decision, published sources had reported the following abuses by state bodies in Turkey: "
        "- Police detained journalists: occurred in January 2009; reported by Rights Watchers in February 2009, "
        "before the decision."
    ) in text


def test_a_military_list_licence_before_2021_also_names_the_common_position_as_eu_law(tmp_path):
    folder = write_case(
        tmp_path / "c",
        licences=[licence("L-ML", "2012-03-13", ratings="ML5")],
        decisions=decision("L-ML", "2012-03-13"),
    )
    text = letter_text(folder)
    assert "Criteria of 26 October 2000 were in force" in text
    assert "Because the goods included items on the EU Common Military List" in text
    assert "Council Common Position 2008/944/CFSP" in text


def test_a_2021_q4_decision_names_both_versions_and_asks_for_the_date(tmp_path):
    folder = write_case(tmp_path / "c", licences=[licence("L-Q4", "2021-Q4")], decisions=decision("L-Q4", "2021-Q4"))
    text = letter_text(folder)
    assert "is known only to have been taken in the fourth quarter of 2021" in text
    assert "Criteria of 25 March 2014" in text and "applied to decisions until 7 December 2021" in text
    assert "Strategic Export Licensing Criteria of 8 December 2021" in text and "from 8 December 2021" in text
    assert "The claimant asks the defendant to confirm the date of the decision and the criteria applied" in text
    assert "the date of the decision, and the criteria and the Secretary of State under which it was taken" in text


def test_an_abuse_reported_only_after_the_decision_is_not_said_to_have_been_foreseeable(tmp_path):
    folder = write_case(
        tmp_path / "c",
        licences=[licence("L-21", "2021-06-01")],
        abuses=[abuse("a2", "2021-02", "Police arrested reporters", "rights-report-2022")],
        decisions=decision("L-21", "2021-06-01"),
    )
    text = letter_text(folder)
    assert "Before the decision, published sources had reported" not in text
    assert (
        "The following abuses occurred before the decision but, so far as the claimant has found, were first "
        "reported after it."
    ) in text
    assert (
        "Police arrested reporters: occurred in February 2021; reported by Rights Watchers in March 2022, after "
        "the decision."
    ) in text


def test_time_runs_from_a_day_grant_and_a_later_decision_counts_from_itself(tmp_path):
    later = (
        decision("L-26", "2026-09-01") + "    grounds_arose: 2026-10-20\n"
        "    later_decision: the refusal of 20 October 2026 to suspend the licence\n"
    )
    folder = write_case(tmp_path / "c", licences=[licence("L-26", "2026-09-01")], decisions=later)
    text = letter_text(folder)
    assert (
        "For the refusal of 20 October 2026 to suspend the licence, taken on 20 October 2026, time runs from "
        "20 October 2026, and three months run to 20 January 2027."
    ) in text
    assert "That date has passed" not in text


def test_a_grant_on_a_day_counts_from_that_day_and_a_passed_limit_is_said_in_the_letter(tmp_path):
    folder = write_case(
        tmp_path / "c", licences=[licence("L-15", "2015-03-06")], decisions=decision("L-15", "2015-03-06")
    )
    text = letter_text(folder)
    assert "The decision was taken on 6 March 2015; counting from that day, three months ran to 6 June 2015." in text
    assert "That date has passed." in text


@pytest.mark.parametrize(
    "missing, field",
    [
        ({"department_address": ""}, "public_body: address:"),
        ({"claimant_address": ""}, "requester: address:"),
        ({"claimant_address": "Box 12, Geneva, Switzerland"}, "postal address in the United Kingdom"),
    ],
)
def test_a_letter_without_the_addresses_it_needs_is_refused_naming_the_field(tmp_path, missing, field):
    folder = write_case(
        tmp_path / "c", licences=[licence("L-1", "2017-02-01")], decisions=decision("L-1", "2017-02-01"), **missing
    )
    with pytest.raises(DraftError, match=field):
        letter_text(folder)


def test_the_letter_is_copied_to_the_government_legal_department(tmp_path):
    folder = write_case(
        tmp_path / "c", licences=[licence("L-1", "2017-02-01")], decisions=decision("L-1", "2017-02-01")
    )
    text = letter_text(folder)
    assert "A copy goes to the Government Legal Department." in text
    assert "Copy: Government Legal Department 102 Petty France Westminster London SW1H 9GL" in text
    assert "By email" not in text


def test_a_decision_naming_hundreds_of_licences_is_refused_with_advice(tmp_path):
    rows = [licence(f"L-{n}", "2017-02-01") for n in range(250)]
    ids = ", ".join(row["id"] for row in rows)
    folder = write_case(tmp_path / "c", licences=rows, decisions=decision(ids, "2017-02-01"))
    with pytest.raises(DraftError, match="names 250 licences: a letter before claim cannot set out more than 200"):
        letter_text(folder)
