"""Deadlines, checked against dates counted by hand on a printed calendar.

Each worked example states the count. The day counted from is day 0; weekends,
Christmas Day, Good Friday and a bank holiday in any part of the UK are skipped
(FOIA 2000, s 10(6)).
"""

import datetime as dt

import pytest

from advocate.law import deadlines
from advocate.law.deadlines import (
    claim_limit,
    foi_response_due,
    ico_complaint_by,
    internal_review_due,
    internal_review_request_by,
    is_working_day,
    non_working_reason,
    ordinal_word,
    reply_by,
    working_days_after,
)

D = dt.date


def test_christmas_and_the_scottish_2_january_are_skipped():
    # Received Fri 19 Dec 2025 (day 0). Mon 22, Tue 23, Wed 24 Dec = 1-3; Thu 25 and Fri 26 skipped;
    # Mon 29, Tue 30, Wed 31 = 4-6; Thu 1 Jan and Fri 2 Jan (Scotland) skipped; 5-9 Jan = 7-11;
    # 12-16 Jan = 12-16; Mon 19, Tue 20, Wed 21, Thu 22 Jan = 17-20.
    due = foi_response_due(D(2025, 12, 19))
    assert due.date == D(2026, 1, 22)
    assert due.start == D(2025, 12, 19)
    assert due.authority == "foia-2000" and due.pinpoint == "s 10(1), (6)"
    assert "twentieth working day following the date of receipt" in due.rule
    assert [day for day, _ in due.skipped] == [D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1), D(2026, 1, 2)]
    assert due.skipped[3][1] == "New Year Holiday, a bank holiday in Scotland"
    assert due.explanation == (
        "Counting the date of receipt, 19 December 2025, as day 0 and leaving out weekends, Christmas Day, "
        "Good Friday and the bank holidays of every part of the United Kingdom, the twentieth working day is "
        "Thursday 22 January 2026. Within that period 25 December 2025 (Christmas Day), 26 December 2025 "
        "(Boxing Day), 1 January 2026 (New Year's Day) and 2 January 2026 (New Year Holiday, a bank holiday in "
        "Scotland) are not working days."
    )


def test_st_andrews_day_substitute_in_scotland():
    # Received Mon 10 Nov 2025. 11-14 Nov = 1-4; 17-21 = 5-9; 24-28 = 10-14; Mon 1 Dec skipped
    # (30 Nov fell on a Sunday; Scotland's substitute day); 2-5 Dec = 15-18; Mon 8, Tue 9 Dec = 19-20.
    due = foi_response_due(D(2025, 11, 10))
    assert due.date == D(2025, 12, 9)
    assert due.skipped == ((D(2025, 12, 1), "the substitute day for St Andrew's Day, a bank holiday in Scotland"),)


def test_st_patricks_day_in_northern_ireland():
    # Received Mon 2 Mar 2026. 3-6 Mar = 1-4; 9-13 = 5-9; Mon 16 = 10; Tue 17 skipped; 18-20 = 11-13;
    # 23-27 = 14-18; Mon 30, Tue 31 = 19-20.
    due = foi_response_due(D(2026, 3, 2))
    assert due.date == D(2026, 3, 31)
    assert due.skipped == ((D(2026, 3, 17), "St Patrick's Day, a bank holiday in Northern Ireland"),)


def test_good_friday_and_easter_monday():
    # Received Mon 23 Mar 2026. 24-27 Mar = 1-4; 30 Mar-2 Apr = 5-8; Fri 3 Apr (Good Friday) and
    # Mon 6 Apr (Easter Monday, not a holiday in Scotland but one elsewhere) skipped; 7-10 Apr = 9-12;
    # 13-17 = 13-17; Mon 20, Tue 21, Wed 22 Apr = 18-20.
    due = foi_response_due(D(2026, 3, 23))
    assert due.date == D(2026, 4, 22)
    assert due.skipped == (
        (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 6), "Easter Monday, a bank holiday in England, Wales and Northern Ireland"),
    )


def test_battle_of_the_boyne_substitute_and_scottish_summer_holiday():
    # 12 Jul 2026 is a Sunday; Northern Ireland's holiday moves to Mon 13 Jul. Received Mon 6 Jul 2026:
    # 7-10 Jul = 1-4; Mon 13 skipped; 14-17 = 5-8; 20-24 = 9-13; 27-31 = 14-18; Mon 3 Aug skipped
    # (Scotland's summer bank holiday); Tue 4, Wed 5 Aug = 19-20.
    due = foi_response_due(D(2026, 7, 6))
    assert due.date == D(2026, 8, 5)
    assert due.skipped == (
        (D(2026, 7, 13), "the substitute day for the Battle of the Boyne, a bank holiday in Northern Ireland"),
        (D(2026, 8, 3), "Summer Bank Holiday, a bank holiday in Scotland"),
    )


def test_the_boyne_on_a_weekday():
    # 12 Jul 2023 was a Wednesday.
    assert non_working_reason(D(2023, 7, 12)) == "Battle of the Boyne, a bank holiday in Northern Ireland"
    # Received Mon 10 Jul 2023: Tue 11 = 1; Wed 12 skipped; 13-14 = 2-3; 17-21 = 4-8; 24-28 = 9-13;
    # 31 Jul-4 Aug = 14-18; Mon 7 Aug skipped (Scotland's summer bank holiday); Tue 8, Wed 9 Aug = 19-20.
    assert foi_response_due(D(2023, 7, 10)).date == D(2023, 8, 9)


def test_receipt_on_a_saturday_counts_from_that_saturday():
    # Received Sat 10 Jan 2026 (day 0). Mon 12-Fri 16 Jan = 1-5, 19-23 = 6-10, 26-30 = 11-15,
    # Mon 2-Fri 6 Feb = 16-20. The same as for a request received on Friday 9 January.
    assert foi_response_due(D(2026, 1, 10)).date == D(2026, 2, 6)
    assert foi_response_due(D(2026, 1, 9)).date == D(2026, 2, 6)
    assert foi_response_due(D(2026, 1, 12)).date == D(2026, 2, 9)
    assert foi_response_due(D(2026, 1, 10)).skipped == ()


def test_one_off_bank_holidays_are_included():
    assert not is_working_day(D(2022, 9, 19))
    assert non_working_reason(D(2022, 9, 19)) == "State Funeral of Queen Elizabeth II"
    assert not is_working_day(D(2023, 5, 8))
    assert non_working_reason(D(2023, 5, 8)) == "Coronation of Charles III"
    assert not is_working_day(D(2022, 6, 3))
    # Received Mon 12 Sep 2022: 13-16 Sep = 1-4; Mon 19 skipped; 20-23 = 5-8; 26-30 = 9-13;
    # 3-7 Oct = 14-18; Mon 10, Tue 11 Oct = 19-20.
    assert foi_response_due(D(2022, 9, 12)).date == D(2022, 10, 11)


def test_weekdays_that_are_holidays_somewhere_and_ordinary_days():
    assert non_working_reason(D(2026, 1, 2)) == "New Year Holiday, a bank holiday in Scotland"
    assert (
        non_working_reason(D(2026, 8, 31))
        == "Late Summer Bank Holiday, a bank holiday in England, Wales and Northern Ireland"
    )
    assert non_working_reason(D(2022, 12, 27)) == "the substitute day for Christmas Day"
    assert non_working_reason(D(2026, 1, 10)) == "Saturday"
    assert non_working_reason(D(2026, 1, 13)) is None
    assert is_working_day(D(2026, 1, 13))
    assert not is_working_day(D(2026, 1, 11))


def test_christmas_day_and_good_friday_are_excluded_as_the_act_names_them():
    # Good Friday 2030 is 19 April (Easter Sunday 21 April 2030).
    assert non_working_reason(D(2030, 4, 19)) == "Good Friday"
    assert non_working_reason(D(2030, 12, 25)) == "Christmas Day"


def test_working_days_after():
    assert working_days_after(D(2026, 3, 2), 0) == D(2026, 3, 2)
    assert working_days_after(D(2026, 3, 2), 1) == D(2026, 3, 3)
    assert working_days_after(D(2026, 3, 13), 1) == D(2026, 3, 16)
    assert working_days_after(D(2026, 3, 16), 1) == D(2026, 3, 18)  # over St Patrick's Day
    with pytest.raises(ValueError, match="cannot be negative"):
        working_days_after(D(2026, 3, 2), -1)


def test_internal_review_deadlines():
    # Review asked for on Mon 2 Mar 2026: 20 working days as in the St Patrick's Day example.
    due = internal_review_due(D(2026, 3, 2))
    assert due.date == D(2026, 3, 31)
    assert due.authority == "foi-code-2018"
    assert "exceptional" in due.explanation
    assert due.explanation.startswith("Counting the day the internal review was asked for, 2 March 2026, as day 0")
    # Refusal on Mon 2 Mar 2026: day 20 is Tue 31 Mar; Wed 1, Thu 2 Apr = 21-22; Good Friday 3 Apr and
    # Easter Monday 6 Apr skipped; 7-10 Apr = 23-26; 13-17 = 27-31; 20-24 = 32-36; 27-30 Apr = 37-40.
    ask_by = internal_review_request_by(D(2026, 3, 2))
    assert ask_by.date == D(2026, 4, 30)
    assert ask_by.working_days == 40
    assert "fortieth working day is Thursday 30 April 2026" in ask_by.explanation
    assert [day for day, _ in ask_by.skipped] == [D(2026, 3, 17), D(2026, 4, 3), D(2026, 4, 6)]


def test_ico_complaint_is_six_calendar_weeks():
    # Tue 3 Mar 2026 + 42 days = Tue 14 Apr 2026 (Easter is not skipped: the period is in calendar weeks).
    by = ico_complaint_by(D(2026, 3, 3))
    assert by.date == D(2026, 4, 14)
    assert by.authority == "ico-complaints"
    assert "calendar" in by.rule
    assert by.skipped == ()
    assert by.explanation.startswith(
        "The period of six weeks from the internal review response, 3 March 2026, ends on Tuesday 14 April 2026."
    )


def test_reply_to_a_letter_before_claim():
    by = reply_by(D(2026, 5, 1))
    assert by.date == D(2026, 5, 15)
    assert by.authority == "pap-jr"
    assert reply_by(D(2026, 5, 1), days=21).date == D(2026, 5, 22)
    # Fri 11 Dec 2026 + 14 days = Fri 25 Dec 2026: the explanation says so.
    assert "That day is Christmas Day." in reply_by(D(2026, 12, 11)).explanation
    with pytest.raises(ValueError):
        reply_by(D(2026, 5, 1), days=0)


@pytest.mark.parametrize(
    "arose, limit",
    [
        (D(2025, 11, 30), D(2026, 2, 28)),  # no 30 February: the last day of the month
        (D(2023, 11, 30), D(2024, 2, 29)),  # leap year
        (D(2026, 1, 15), D(2026, 4, 15)),  # the corresponding day
        (D(2025, 12, 31), D(2026, 3, 31)),
    ],
)
def test_claim_limit_in_calendar_months(arose, limit):
    deadline = claim_limit(arose)
    assert deadline.date == limit
    assert deadline.authority == "cpr-54" and deadline.pinpoint == "r 54.5(1)"
    assert "promptly" in deadline.rule


def test_claim_limit_explanation_flags_a_weekend():
    text = claim_limit(D(2025, 11, 30)).explanation
    assert text.startswith(
        "The period of 3 months from the day the grounds first arose, 30 November 2025, "
        "ends on Saturday 28 February 2026. That day is a Saturday."
    )
    assert "promptly" in text


def test_ordinal_words():
    assert [ordinal_word(n) for n in (1, 12, 20, 21, 40, 99, 120)] == [
        "first",
        "twelfth",
        "twentieth",
        "twenty-first",
        "fortieth",
        "ninety-ninth",
        "120th",
    ]


def test_every_part_of_the_uk_is_consulted():
    assert [code for code, _ in deadlines.NATIONS] == ["ENG", "WLS", "SCT", "NIR"]
