"""An FOI request an officer can answer: a focused default scope, heads that fit each outcome, the criteria and
departments of the licences' dates, warnings beyond the cost limit, and a refusal for a request nobody could answer."""

from __future__ import annotations

import datetime as dt

import pytest
from small_cases import abuse, decision, licence, write_case

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.errors import DraftError
from advocate.run.document import document_text, draft_document

DATE = dt.date(2026, 12, 4)


def foi(folder, ids=None):
    case_file = load_case(folder)
    licences = case_file.licences.filter(ids=list(ids)) if ids else None
    drafted = draft_document(case_file, "foi", DraftOptions(date=DATE), licences=licences)
    return drafted, " ".join(document_text(drafted).split())


def forty(tmp_path, **kw):
    rows = [licence(f"CAAT-{1000 + n}", f"{2010 + n // 4}-{(n % 4) * 3 + 1:02d}-15") for n in range(40)]
    return write_case(tmp_path / "c", licences=rows, **kw)


def test_by_default_a_request_asks_about_the_licences_the_decisions_name(tmp_path):
    rows = [
        licence("L-A", "2015-03-06"),
        licence("L-B", "2016-01-10"),
        licence("L-C", "2017-02-01", goods="IMSI catchers"),
    ]
    _, text = foi(write_case(tmp_path / "c", licences=rows, decisions=decision("L-C", "2017-02-01")))
    assert "The request concerns one export licence decided by the Department for International Trade" in text
    assert "IMSI catchers" in text and "6 March 2015" not in text


def test_without_decisions_a_request_asks_about_the_five_most_recent_and_does_not_warn(tmp_path):
    drafted, text = foi(forty(tmp_path))
    assert "The request concerns 5 export licences" in text
    assert "15 October 2019" in text and "15 January 2010" not in text
    assert drafted.timings[0].warning == ""


def test_forty_chosen_licences_warn_of_the_cost_limit_and_go_in_a_schedule(tmp_path):
    folder = forty(tmp_path)
    ids = [f"CAAT-{1000 + n}" for n in range(40)]
    drafted, text = foi(folder, ids[:39])
    assert "Schedule: the licences" in text
    assert "asks about 39 licences, 156 kinds of record in all" in drafted.timings[0].warning
    assert "FOIA s 12" in drafted.timings[0].warning


def test_a_request_about_tens_of_thousands_of_licences_is_refused_with_advice(tmp_path, monkeypatch):
    import advocate.draft.foi_scope as scope

    monkeypatch.setattr(scope, "MAX_LICENCES", 30)
    folder = forty(tmp_path)
    with pytest.raises(DraftError, match=r"about 39 licences cannot be answered within the cost limit .*--each"):
        foi(folder, [f"CAAT-{1000 + n}" for n in range(39)])


def test_a_refused_application_gets_the_heads_that_fit_it(tmp_path):
    rows = [licence("L-G", "2015-03-06"), licence("L-R", "2014-05-14", outcome="refused", criteria="2")]
    _, text = foi(write_case(tmp_path / "c", licences=rows), ["L-G", "L-R"])
    granted = text[text.index("For the licence granted") : text.index("For the application refused")]
    refused = text[text.index("For the application refused") : text.index("I do not ask")]
    assert "end-user undertaking" in granted and "review of the licence after it was granted" in granted
    assert "end-user undertaking" not in refused and "after it was granted" not in refused
    assert "the record of the reasons for refusing it" in refused
    assert "the Foreign and Commonwealth Office" in text and "Development Office" not in text


def test_the_criteria_are_those_of_the_licences_dates_and_a_straddling_date_is_asked_about(tmp_path):
    rows = [licence("L-10", "2010-05-05"), licence("L-Q4", "2021-Q4")]
    _, text = foi(write_case(tmp_path / "c", licences=rows), ["L-10", "L-Q4"])
    assert "Consolidated EU and National Arms Export Licensing Criteria of 26 October 2000" in text
    assert "Common Position" not in text
    assert (
        "The licence decided in the fourth quarter of 2021 may have been decided under either the Consolidated EU "
        "and National Arms Export Licensing Criteria of 25 March 2014 or the Strategic Export Licensing Criteria "
        "of 8 December 2021: please say which applied."
    ) in text
    assert "the Foreign and Commonwealth Office or the Foreign, Commonwealth and Development Office" not in text
    assert "Department for Business, Innovation and Skills and the Department for International Trade" in text


def test_an_abuse_is_named_once_however_many_licences_it_bears_on(tmp_path):
    rows = [licence(f"L-{n}", f"2016-0{n + 1}-01", goods="interception software", end_user="police") for n in range(5)]
    abuses = [abuse("a1", "2015-06", "Police detained journalists", "rights-report-2009")]
    _, text = foi(write_case(tmp_path / "c", licences=rows, abuses=abuses), [r["id"] for r in rows])
    assert text.count("police detained journalists") == 1  # continuing a sentence: "that in June 2015 police ..."
    assert "may need review" not in text


def test_a_request_within_sixty_working_days_of_another_warns_of_aggregation(tmp_path):
    extra = "foi_requests:\n  - id: earlier\n    sent: 2026-11-02\n"
    drafted, _ = foi(write_case(tmp_path / "c", licences=[licence("L-1", "2017-02-01")], extra=extra))
    assert "FOI request 'earlier' was sent on 2026-11-02" in drafted.timings[0].warning
    assert "FOIA s 12(4)" in drafted.timings[0].warning
