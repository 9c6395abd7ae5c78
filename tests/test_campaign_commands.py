"""The campaign commands on cases built to trigger each rule: time, refusals, several bodies, bad input."""

from __future__ import annotations

import datetime as dt
import email.message
import io
import json

from campaign_cases import Q1_2017, drafted_text, empty_campaign, reply_file, run
from icalendar import Calendar

from advocate import load_case
from advocate.law.foi_ladder import history

REQUESTS = """\
authorities:
  - id: fcdo
    name: Foreign, Commonwealth and Development Office
    foi_email: fcdo@example.org
requests:
{requests}
"""


def write_requests(case, body: str) -> None:
    (case / "requests.yaml").write_text(REQUESTS.format(requests=body), encoding="utf-8")


def draft(case, kind, date, out, *extra, ok=True):
    return run("draft", kind, case, "--date", date, "--out", out, "-f", "md", *extra, ok=ok)


LATE_REFUSAL = f"""\
  - id: late
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-09-01, kind: sent}}
      - {{date: 2026-10-20, kind: response, outcome: refused, sections: [s 43(2)], reference: R-77}}
      - {{date: 2026-10-22, kind: review-asked}}
      - {{date: 2026-11-02, kind: review-response, outcome: upheld}}
"""


def test_a_late_refusal_is_a_breach_of_sections_10_and_17_if_received_the_day_it_was_sent(tmp_path):
    case = empty_campaign(tmp_path)
    write_requests(case, LATE_REFUSAL)
    draft(case, "ico-complaint", "2026-11-20", tmp_path / "o", "--request", "late")
    text = drafted_text(tmp_path / "o")
    # Sent Tuesday 1 September 2026: twenty working days run to Tuesday 29 September.
    assert (
        "if my request was received the day it was sent, by 29 September 2026. Its response is dated "
        "20 October 2026, after that day, in breach of sections 10(1) and 17(1) of the Act."
    ) in text
    assert "That the authority breached sections 10(1) and 17(1) by responding late." in text


def test_a_complaint_after_six_weeks_needs_its_reason_and_then_asks_for_the_delay_not_to_count(tmp_path):
    case = empty_campaign(tmp_path)
    write_requests(case, LATE_REFUSAL)
    refused = draft(case, "ico-complaint", "2026-12-20", tmp_path / "a", "--request", "late", ok=False)
    assert refused.exit_code == 2
    assert "more than six weeks after the internal review decision of 2026-11-02" in refused.output
    assert "--delay-reason" in refused.output and "s 50(2)(b)" in refused.output
    draft(
        case,
        "ico-complaint",
        "2026-12-20",
        tmp_path / "b",
        "--request",
        "late",
        "--delay-reason",
        "I was waiting for the Department's answer to a related request",
    )
    text = drafted_text(tmp_path / "b")
    assert "within the six weeks" not in text
    assert (
        "The Commissioner asks for complaints within six weeks of the final response, which here ran to "
        "14 December 2026." in text
    )
    assert (
        "This complaint comes after that date. I was waiting for the Department’s answer to a related request." in text
    )
    assert "I ask the Commissioner not to treat this delay as undue." in text


def test_a_review_asked_for_after_forty_working_days_never_says_the_window_is_open(tmp_path):
    case = empty_campaign(tmp_path)
    write_requests(
        case,
        f"""\
  - id: old
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-05-01, kind: sent}}
      - {{date: 2026-05-20, kind: response, outcome: partial, sections: ["s 40(2)", "s 41"], reference: R-1}}
""",
    )
    draft(
        case,
        "foi-review",
        "2026-11-20",
        tmp_path / "o",
        "--request",
        "old",
        "--delay-reason",
        "The refusal was sent to an address we no longer use",
    )
    text = drafted_text(tmp_path / "o")
    assert "within that time" not in text
    # Day 0 is Wednesday 20 May 2026; the spring bank holiday (25 May), Scotland's 15 June holiday and Northern
    # Ireland's substitute day for the Battle of the Boyne (13 July) are left out: the fortieth day is 20 July.
    assert "here those forty working days ran to 20 July 2026" in text
    assert "for this reason. The refusal was sent to an address we no longer use." in text
    assert "you withheld part of the information" in text
    assert "Section 40 is absolute only in part" in text
    assert (
        "A breach of confidence is not actionable where the public interest in disclosure outweighs the "
        "public interest in keeping the confidence" in text
    )


def test_a_non_response_goes_to_the_commissioner_only_after_a_chaser(tmp_path):
    case = empty_campaign(tmp_path)
    write_requests(
        case,
        f"""\
  - id: silent
    authority: fcdo
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-09-01, kind: sent}}
""",
    )
    early = draft(case, "chaser", "2026-09-20", tmp_path / "early", "--request", "silent", ok=False)
    assert "the reply is not overdue until after 2026-09-29" in early.output
    no_chaser = draft(case, "ico-non-response", "2026-10-20", tmp_path / "n", "--request", "silent", ok=False)
    assert "its history has no 'chased' event" in no_chaser.output
    draft(case, "chaser", "2026-10-01", tmp_path / "c", "--request", "silent", "-f", "eml")
    chaser = drafted_text(tmp_path / "c")
    assert "If the request was received the day it was sent, that day was 29 September 2026." in chaser
    assert "Foreign, Commonwealth and Development Office" in chaser
    markdown = (tmp_path / "c" / "foi-chaser.md").read_text(encoding="utf-8")
    assert "\n\nYours faithfully,\n" in markdown, "the closing is a paragraph of its own"
    mail = (tmp_path / "c" / "foi-chaser.eml").read_text(encoding="utf-8")
    assert '\nTo: "Foreign, Commonwealth and Development Office" <fcdo@example.org>\n' in mail
    run("sent", case, "silent", "--date", "2026-10-01", "--document", tmp_path / "c" / "foi-chaser.md")
    waiting = draft(case, "ico-non-response", "2026-10-08", tmp_path / "w", "--request", "silent", ok=False)
    assert "asked for a reply by 2026-10-15" in waiting.output
    draft(case, "ico-non-response", "2026-10-20", tmp_path / "ico", "--request", "silent")
    text = drafted_text(tmp_path / "ico")
    assert "Complaint about the Foreign, Commonwealth and Development Office: no reply" in text
    assert "I wrote to the authority on 1 October 2026 asking for its reply." in text
    assert "my letter chasing the reply, of 1 October 2026." in text
    assert not (tmp_path / "ico" / "ico-non-response-complaint.eml").exists()


def test_status_sorts_two_cases_by_urgency_and_json_gives_the_command(tmp_path):
    first = empty_campaign(tmp_path / "one")
    second = empty_campaign(tmp_path / "two")
    write_requests(
        first,
        f"""\
  - id: waiting
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-11-16, kind: sent}}
  - id: planned
    licences: [{Q1_2017}]
""",
    )
    write_requests(
        second,
        f"""\
  - id: overdue
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-09-01, kind: sent}}
  - id: done
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-09-01, kind: sent}}
      - {{date: 2026-09-10, kind: response, outcome: full}}
""",
    )
    rows = json.loads(run("status", first, second, "--format", "json", "--today", "2026-11-22").stdout)["requests"]
    assert [r["request"] for r in rows] == ["overdue", "planned", "waiting", "done"]
    assert rows[0]["passed"] and rows[0]["next_action"] == "chase the overdue reply"
    assert rows[0]["command"] == f"advocate draft chaser {second} --request overdue --out out/overdue-chaser"
    assert rows[3]["state_words"] == "answered in full: all the information provided"
    text = run("status", first, second, "--today", "2026-11-22").stdout
    heads = [line.split()[:2] for line in text.splitlines() if not line.startswith(" ")]
    assert heads == [["OVERDUE", "overdue"], ["NOW", "planned"], ["WAIT", "waiting"], ["DONE", "done"]]


def test_the_calendar_keeps_its_uids_when_a_clarification_moves_the_date(tmp_path):
    case = empty_campaign(tmp_path)
    body = f"""\
  - id: r
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-03-02, kind: sent}}
"""
    write_requests(case, body)
    run("status", case, "--today", "2026-03-03", "--ics", tmp_path / "a.ics")
    write_requests(
        case,
        body + "      - {date: 2026-03-05, kind: clarification-asked}\n"
        "      - {date: 2026-03-09, kind: clarification-answered}\n",
    )
    run("status", case, "--today", "2026-03-10", "--ics", tmp_path / "b.ics")
    before = {
        str(e["uid"]): e.decoded("dtstart")
        for e in Calendar.from_ical((tmp_path / "a.ics").read_bytes()).walk("VEVENT")
    }
    after = {
        str(e["uid"]): e.decoded("dtstart")
        for e in Calendar.from_ical((tmp_path / "b.ics").read_bytes()).walk("VEVENT")
    }
    uid = "reply-due.r.EXAMPLE-TR-2017@advocate"
    # Received Monday 2 March 2026: twenty working days without St Patrick's Day (17 March) end on 31 March.
    assert before == {uid: dt.date(2026, 3, 31)}
    # Answered Monday 9 March: 10-13 Mar = 1-4; 16 = 5; 17 skipped; 18-20 = 6-8; 23-27 = 9-13; 30, 31 Mar, 1, 2 Apr
    # = 14-17; Good Friday 3 and Easter Monday 6 April skipped; 7, 8, 9 April = 18-20.
    assert after == {uid: dt.date(2026, 4, 9)}
    again = run("status", case, "--today", "2026-03-10", "--ics", tmp_path / "c.ics")
    assert again.exit_code == 0 and (tmp_path / "c.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()


def test_sending_a_second_request_to_the_same_body_within_60_working_days_warns(tmp_path):
    case = empty_campaign(tmp_path)
    run("sent", case, "a", "--date", "2026-09-01", "--licence", Q1_2017)
    result = run("sent", case, "b", "--date", "2026-11-02", "--licence", "MB-TR-IMSI")
    assert (
        "2 requests to the Department for Business and Trade fall within one period of 60 consecutive "
        "working days: a (sent 1 September 2026), b (sent 2 November 2026)" in result.stderr
    )
    assert "FOIA s 12(4); Fees Regulations 2004, reg 5" in result.stderr
    other = run("sent", case, "c", "--date", "2026-11-03", "--licence", Q1_2017, "--authority", "fcdo", ok=False)
    assert other.exit_code == 2 and "no authority 'fcdo'" in other.output


def _eml_with_pdf(pdf: bytes) -> bytes:
    message = email.message.EmailMessage()
    message["From"] = "FOI team <foi@example.org>"
    message["To"] = "requests@example.org"
    message["Subject"] = "Your request FOI2026/55555"
    message["Date"] = "Mon, 28 Sep 2026 10:00:00 +0100"
    message.set_content("Please find attached our response to your request.")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="response.pdf")
    return message.as_bytes()


def _pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number, line in enumerate(text.splitlines()):
        page.drawString(72, 760 - 16 * number, line)
    page.save()
    return buffer.getvalue()


def test_an_emailed_reply_with_a_pdf_is_read_proposed_confirmed_stored_and_cited(tmp_path):
    case = empty_campaign(tmp_path)
    run("sent", case, "r", "--date", "2026-09-01", "--licence", Q1_2017)
    eml = tmp_path / "reply.eml"
    eml.write_bytes(
        _eml_with_pdf(
            _pdf(
                "Our ref: FOI2026/55555\nThe information is withheld under\n"
                "section 24(1) and section 26(1)(b) of the Act."
            )
        )
    )
    dry = run("reply", case, "r", eml, "--dry-run")
    assert "proposed date: 2026-09-28  (the email's Date header)" in dry.stdout
    assert "proposed reference: FOI2026/55555" in dry.stdout
    assert "proposed sections: s 24(1), s 26(1)(b)" in dry.stdout
    assert "proposed outcome: refused" in dry.stdout
    assert "kind: response" not in (case / "requests.yaml").read_text(encoding="utf-8")
    declined = run("reply", case, "r", eml, input="\n\n\n\n\nn\n", ok=False)
    assert declined.exit_code == 1 and "nothing recorded" in declined.output
    assert not (case / "replies").exists()
    # The user corrects the outcome the text suggested.
    run("reply", case, "r", eml, "--outcome", "partial", input="\n\n\n\ny\n")
    h = history(load_case(case, today=dt.date(2026, 12, 1)).campaign.request("r"))
    assert (h.state, h.response.outcome, h.response.sections, h.reference) == (
        "responded",
        "partial",
        ("s 24(1)", "s 26(1)(b)"),
        "FOI2026/55555",
    )
    stored = case / h.response.file
    assert stored.read_bytes() == eml.read_bytes()
    import hashlib

    assert h.response.sha256 == hashlib.sha256(eml.read_bytes()).hexdigest()
    source = load_case(case, today=dt.date(2026, 12, 1)).sources[h.response.source]
    assert (source.kind, source.organisation, source.title) == (
        "letter",
        "Department for Business and Trade",
        "Response to a request for information (FOI2026/55555)",
    )


def test_reply_without_answers_records_nothing_and_says_which_options_to_give(tmp_path):
    case = empty_campaign(tmp_path)
    run("sent", case, "r", "--date", "2026-09-01", "--licence", Q1_2017)
    result = run(
        "reply",
        case,
        "r",
        reply_file(tmp_path, "r.txt", "Withheld under section 43(2). 28 September 2026"),
        "--yes",
        input="",
        ok=False,
    )
    assert result.exit_code == 2
    assert "no answer given; nothing recorded" in result.output
    assert "kind: response" not in (case / "requests.yaml").read_text(encoding="utf-8")


OLD = f"""
foi_requests:
  - id: foi-1
    sent: 2026-09-01
    licences: [{Q1_2017}]
    authority_reference: DBT-FOI-555
    response_date: 2026-09-29
    response: refused
    exemptions: ["s 24(1)", "s 27(1)(a)"]
    notes: asked by email
"""


def test_foi_requests_in_case_yaml_keep_working_and_migrate_with_nothing_lost(tmp_path):
    case = empty_campaign(tmp_path)
    with open(case / "case.yaml", "a", encoding="utf-8") as handle:
        handle.write(OLD)
    before = case.joinpath("case.yaml").read_text(encoding="utf-8")
    draft(case, "foi-review", "2026-10-05", tmp_path / "before", "--request", "foi-1")
    kept = drafted_text(tmp_path / "before")
    assert "your reference DBT-FOI-555" in kept
    result = run("migrate-requests", case)
    assert "moved 1 request to requests.yaml: foi-1" in result.stdout
    assert case.joinpath("case.yaml").read_text(encoding="utf-8") == before.replace(OLD, "\n")
    moved = load_case(case, today=dt.date(2026, 12, 1)).campaign
    request = moved.request("foi-1")
    assert not moved.origins["foi-1"].legacy
    assert request.notes == "asked by email" and request.licences == (Q1_2017,)
    assert [(e.kind, e.date.isoformat(), e.outcome, e.sections, e.reference) for e in request.events] == [
        ("sent", "2026-09-01", "", (), ""),
        ("response", "2026-09-29", "refused", ("s 24(1)", "s 27(1)(a)"), "DBT-FOI-555"),
    ]
    draft(case, "foi-review", "2026-10-05", tmp_path / "after", "--request", "foi-1")
    assert drafted_text(tmp_path / "after") == kept


def test_events_out_of_order_are_an_error_naming_file_line_and_field(tmp_path):
    case = empty_campaign(tmp_path)
    write_requests(
        case,
        f"""\
  - id: r
    licences: [{Q1_2017}]
    events:
      - {{date: 2026-09-01, kind: sent}}
      - {{date: 2026-08-01, kind: response, outcome: refused}}
  - id: s
    events:
      - {{date: 2026-09-01, kind: sent}}
      - {{date: 2026-09-10, kind: review-response, outcome: refused}}
""",
    )
    result = run("status", case, "--today", "2026-11-22", ok=False)
    assert result.exit_code == 2
    assert (
        "requests.yaml:10: error: request 'r', field 'events.date': 2026-08-01 comes before the event above it"
        in result.output
    )
    assert "requests.yaml:14: error: request 's'" in result.output
    assert "'refused' is not an outcome of a 'review-response' event" in result.output
    assert "2 errors in the requests" in result.output
    assert "Traceback" not in result.output
