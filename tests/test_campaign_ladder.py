"""A whole request driven through the commands, from sending to the Tribunal.

Each step is what a campaigner does: record what was sent (``advocate sent``),
log what came back (``advocate reply``), ask what is due (``advocate status``)
and draft the next letter (``advocate draft``). The test reads the state, the
dates (counted by hand below, with the bank holidays of every part of the UK)
and the text of each letter as its recipient would.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from campaign_cases import Q1_2017, add_answer, drafted_text, empty_campaign, reply_file, run
from icalendar import Calendar

from advocate import load_case
from advocate.law.foi_ladder import history


def state(case, request_id="r1"):
    return history(load_case(case, today=dt.date(2026, 12, 1)).campaign.request(request_id))


def status_json(case, today):
    return json.loads(run("status", case, "--format", "json", "--today", today).stdout)["requests"]


@pytest.fixture(scope="module")
def ladder(tmp_path_factory):
    """The history built step by step; each step's output kept for the tests below."""
    root = tmp_path_factory.mktemp("ladder")
    case = empty_campaign(root)
    out = root / "out"
    seen: dict = {"case": case, "out": out}

    # Sent on Friday 19 December 2025 by email. Day 0 is the 19th; 22, 23, 24 Dec = 1-3; 25 and 26 Dec
    # (Christmas, Boxing Day) skipped; 29-31 Dec = 4-6; 1 Jan and 2 Jan (Scotland) skipped; 5-9 Jan = 7-11;
    # 12-16 Jan = 12-16; 19-22 Jan = 17-20: the reply is due on Thursday 22 January 2026.
    run(
        "sent",
        case,
        "r1",
        "--date",
        "2025-12-19",
        "--licence",
        Q1_2017,
        "--title",
        "the Criterion 2 assessment of the Q1 2017 licence",
    )
    seen["sent"] = state(case)
    seen["status_sent"] = status_json(case, "2026-01-05")

    # The Department asks which licence is meant (s 1(3)): the clock stops.
    asked = reply_file(
        root,
        "clarify.txt",
        "Department for Business and Trade\nOur ref: FOI2025/12345\n\n"
        "7 January 2026\n\nBefore we can respond, please clarify which licence you mean: the "
        "Department does not use the reference in your request.\n",
    )
    seen["reply_clarify"] = run("reply", case, "r1", asked, "--yes", input="\n\n\n\n")
    seen["asked"] = state(case)
    add_answer(
        case,
        "The licence is the one the licensing statistics for January to March 2017 record for "
        "Turkey for software for telecommunications interception equipment.",
    )
    run(
        "draft",
        "clarification-reply",
        case,
        "--request",
        "r1",
        "--date",
        "2026-01-12",
        "--out",
        out / "clar",
        "-f",
        "md",
    )
    seen["clarification_reply"] = drafted_text(out / "clar")
    # Answered on Monday 12 January 2026, the count starts again: 13-16 Jan = 1-4; 19-23 = 5-9; 26-30 = 10-14;
    # 2-6 Feb = 15-19; Monday 9 February 2026 = 20.
    run("sent", case, "r1", "--date", "2026-01-12", "--document", out / "clar" / "foi-clarification-reply.md")
    seen["answered"] = state(case)

    # A notice under s 17(2), within the twenty days, promising a decision by 6 March 2026.
    extension = reply_file(
        root,
        "extension.txt",
        "Our ref: FOI2025/12345\n\n5 February 2026\n\nWe need more time "
        "to consider the public interest test in relation to sections 27(1)(a) and 43(2). We "
        "expect to respond by 6 March 2026.\n",
    )
    seen["reply_extension"] = run("reply", case, "r1", extension, "--yes", input="\n" * 6)
    seen["extended"] = state(case)
    run("draft", "extension-chaser", case, "--request", "r1", "--date", "2026-03-10", "--out", out / "ext", "-f", "md")
    seen["extension_chaser"] = drafted_text(out / "ext")
    run("sent", case, "r1", "--date", "2026-03-10", "--document", out / "ext" / "foi-extension-chaser.md")

    # The refusal, after the date the extension gave.
    refusal = reply_file(
        root,
        "refusal.txt",
        "Our ref: FOI2025/12345\n\n17 March 2026\n\nThe information is "
        "withheld under section 27(1)(a) and section 43(2) of the Freedom of Information Act "
        "2000. The balance of the public interest favours maintaining the exemptions.\n",
    )
    seen["reply_refusal"] = run("reply", case, "r1", refusal, "--yes", input="\n" * 6)
    seen["refused"] = state(case)
    seen["status_refused"] = status_json(case, "2026-03-18")
    run("draft", "foi-review", case, "--request", "r1", "--date", "2026-03-20", "--out", out / "review", "-f", "md")
    seen["review"] = drafted_text(out / "review")
    run("sent", case, "r1", "--date", "2026-03-20", "--document", out / "review" / "foi-internal-review.md")
    seen["review_asked"] = state(case)

    run(
        "reply",
        case,
        "r1",
        reply_file(
            root,
            "review.txt",
            "Internal review\n\nOur ref: FOI2025/12345\n\n"
            "20 April 2026\n\nHaving reviewed the handling of your request, I uphold "
            "the original decision.\n",
        ),
        "--yes",
        input="\n" * 6,
    )
    seen["reviewed"] = state(case)
    run("draft", "ico-complaint", case, "--request", "r1", "--date", "2026-04-27", "--out", out / "ico", "-f", "md")
    seen["complaint"] = drafted_text(out / "ico")
    run("sent", case, "r1", "--date", "2026-04-27", "--document", out / "ico" / "ico-complaint.md")

    # The decision notice, sent on Monday 3 August 2026: 28 days run to Monday 31 August 2026, the late summer
    # bank holiday in England, Wales and Northern Ireland.
    seen["no_appeal_yet"] = run(
        "draft",
        "tribunal-appeal",
        case,
        "--request",
        "r1",
        "--date",
        "2026-07-01",
        "--out",
        out / "early",
        "-f",
        "md",
        ok=False,
    )
    run(
        "reply",
        case,
        "r1",
        reply_file(
            root,
            "dn.txt",
            "Decision notice\n\nReference: IC-123456-A1B2\n\n"
            "3 August 2026\n\nThe Commissioner's decision is that the Department was "
            "entitled to rely on sections 27(1)(a) and 43(2). The complaint is not "
            "upheld.\n",
        ),
        "--yes",
        input="\n" * 6,
    )
    seen["decided"] = state(case)
    seen["status_decided"] = status_json(case, "2026-08-04")
    run("status", case, "--today", "2026-08-04", "--ics", root / "campaign.ics")
    seen["ics"] = (root / "campaign.ics").read_bytes()
    run(
        "draft", "tribunal-appeal", case, "--request", "r1", "--date", "2026-08-10", "--out", out / "appeal", "-f", "md"
    )
    seen["appeal"] = drafted_text(out / "appeal")
    run("sent", case, "r1", "--date", "2026-08-10", "--document", out / "appeal" / "tribunal-notice-of-appeal.md")
    seen["appealed"] = state(case)
    return seen


def test_sending_starts_the_twenty_working_days_without_christmas_or_the_scottish_2_january(ladder):
    h = ladder["sent"]
    assert h.state == "awaiting-reply"
    assert h.reply_due.date == dt.date(2026, 1, 22)
    [row] = ladder["status_sent"]
    assert (row["request"], row["next_date"], row["passed"], row["next_action"]) == (
        "r1",
        "2026-01-22",
        False,
        "wait for the reply",
    )


def test_a_request_for_clarification_stops_the_clock_and_its_answer_restarts_it(ladder):
    assert ladder["asked"].state == "clarification-asked"
    assert ladder["asked"].reply_due is None
    assert ladder["asked"].reference == "FOI2025/12345"
    assert "proposed kind: clarification-asked" in ladder["reply_clarify"].stdout
    assert ladder["answered"].state == "awaiting-reply"
    assert ladder["answered"].reply_due.date == dt.date(2026, 2, 9)


def test_the_clarification_reply_quotes_the_question_gives_the_answer_and_the_new_date(ladder):
    text = ladder["clarification_reply"]
    assert "On 7 January 2026 you asked me to clarify it:" in text
    assert "please clarify which licence you mean" in text
    assert "for software for telecommunications interception equipment" in text
    assert "If you receive this letter today, your reply is due by **9 February 2026**" in text
    assert "section 1(3)" in text


def test_an_extension_moves_the_date_to_the_one_the_authority_gave(ladder):
    h = ladder["extended"]
    assert h.state == "extended"
    assert h.extension.until == dt.date(2026, 3, 6)
    assert h.extension.sections == ("s 27(1)(a)", "s 43(2)")
    assert h.extension_in_time  # 5 February is within the twenty days to 9 February
    assert "proposed until: 2026-03-06" in ladder["reply_extension"].stdout


def test_the_extension_chaser_says_the_promised_date_has_passed(ladder):
    text = ladder["extension_chaser"]
    assert (
        "On 5 February 2026 you wrote that you needed more time to consider the public interest in applying "
        "s 27(1)(a) and s 43(2), and that you expected to reach a decision by 6 March 2026." in text
    )
    assert "The date you gave, 6 March 2026, has passed and I have not had your decision." in text
    # Ten working days from Tuesday 10 March 2026, leaving out St Patrick's Day (Northern Ireland), 17 March.
    assert "by **25 March 2026**" in text
    assert "after the twentieth working day" not in text


def test_the_refusal_citing_s27_and_s43_calls_for_an_internal_review_within_forty_working_days(ladder):
    h = ladder["refused"]
    assert h.state == "responded"
    assert h.response.outcome == "refused"
    assert h.response.sections == ("s 27(1)(a)", "s 43(2)")
    # Day 0 is Tuesday 17 March 2026; Good Friday (3 April), Easter Monday (6 April, England, Wales and Northern
    # Ireland) and the early May bank holiday (4 May) are left out: the fortieth working day is Friday 15 May.
    [row] = ladder["status_refused"]
    assert (row["next_action"], row["next_date"], row["letter"]) == (
        "ask for an internal review",
        "2026-05-15",
        "foi-review",
    )
    assert row["command"].startswith("advocate draft foi-review ")


def test_the_review_request_argues_s27_and_s43_each_on_its_own_terms(ladder):
    text = ladder["review"]
    assert "I make this request within that time, which runs to 15 May 2026." in text
    assert "prejudice the United Kingdom’s relations with another State" in text
    assert "whose commercial interests you mean" in text
    s27 = text[text.index("s 27(1)(a): International relations") : text.index("s 43(2): Commercial interests")]
    s43 = text[text.index("s 43(2): Commercial interests") : text.index("The public interest in disclosure")]
    assert "commercial" not in s27.lower().replace("s 43(2): commercial interests", "")
    assert "relations with another State" not in s43
    assert text.count("the public interest in maintaining the exemption outweighs") == 1
    # Twenty working days from Friday 20 March 2026, without Good Friday and Easter Monday: Tuesday 21 April.
    assert "twenty working days run to **21 April 2026**" in text


def test_the_complaint_is_in_time_states_the_late_response_and_lists_its_enclosures(ladder):
    text = ladder["complaint"]
    assert "I make this complaint within the six weeks the Commissioner asks for, which run to 1 June 2026." in text
    assert "said it expected to decide by 6 March 2026" in text
    assert "Its response came later, on 17 March 2026." in text
    assert "in breach of" not in text  # the s 17(2) notice came in time
    for copy in (
        "my request for information of 19 December 2025;",
        "the authority’s response of 17 March 2026;",
        "my request for an internal review of 20 March 2026;",
        "the outcome of the internal review, of 20 April 2026.",
    ):
        assert copy in text


def test_no_appeal_is_drafted_without_a_decision_notice(ladder):
    result = ladder["no_appeal_yet"]
    assert result.exit_code == 2
    assert (
        "cannot draft a notice of appeal for request 'r1': its history has no 'decision-notice' event" in result.output
    )


def test_the_appeal_is_due_28_days_after_the_decision_notice_was_sent(ladder):
    h = ladder["decided"]
    assert h.state == "decided"
    assert h.decision_notice.reference == "IC-123456-A1B2"
    assert h.decision_notice.outcome == "not-upheld"
    assert h.milestone("appeal-by").date == dt.date(2026, 8, 31)
    [row] = ladder["status_decided"]
    assert (row["next_date"], row["letter"], row["passed"]) == ("2026-08-31", "tribunal-appeal", False)


def test_the_notice_of_appeal_prints_the_28_days_with_their_source_and_the_rule_22_particulars(ladder):
    text = ladder["appeal"]
    assert "against decision notice IC-123456-A1B2 of the Information Commissioner, dated 3 August 2026" in text
    assert "here by **31 August 2026**" in text
    assert "That day is Late Summer Bank Holiday, a bank holiday in England, Wales and Northern Ireland." in text
    assert "General Regulatory Chamber) Rules 2009, SI 2009/1976, r 22(2)" in text
    assert "Ibid r 22(1)(b)" in text
    for heading in (
        "The appellant",
        "The appellant’s representative",
        "Address for documents",
        "The respondent",
        "The decision appealed against",
        "The result sought",
        "The grounds of appeal",
    ):
        assert f"## {heading}" in text
    assert "The Commissioner erred in finding that section 27(1) was engaged." in text
    assert "The Commissioner erred in finding that section 43(2) was engaged." in text


def test_after_the_appeal_nothing_is_left_to_draft(ladder):
    h = ladder["appealed"]
    assert h.state == "appealed"
    assert [m.key for m in h.open_milestones] == []


def test_the_calendar_has_one_event_per_open_deadline_with_its_rule_and_provision(ladder):
    calendar = Calendar.from_ical(ladder["ics"])
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"appeal-by.r1.EXAMPLE-TR-2017@advocate"}
    event = events["appeal-by.r1.EXAMPLE-TR-2017@advocate"]
    assert event.decoded("dtstart") == dt.date(2026, 8, 31)
    description = str(event["description"])
    assert "Tribunal Procedure (First-tier Tribunal) (General Regulatory Chamber) Rules 2009, r 22(1)(b)" in description
    assert "advocate draft tribunal-appeal" in description
    assert str(event["summary"]).startswith("Appeal to the Tribunal by: the Criterion 2 assessment")
