import datetime as dt

import pytest

from advocate.models.period import Period


@pytest.mark.parametrize(
    "text, start, end, words",
    [
        ("2017-07-18", dt.date(2017, 7, 18), dt.date(2017, 7, 18), "18 July 2017"),
        ("2017-02", dt.date(2017, 2, 1), dt.date(2017, 2, 28), "February 2017"),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29), "February 2016"),
        ("2017-Q1", dt.date(2017, 1, 1), dt.date(2017, 3, 31), "the first quarter of 2017"),
        ("2017-q4", dt.date(2017, 10, 1), dt.date(2017, 12, 31), "the fourth quarter of 2017"),
        ("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31), "2016"),
        ("2016-07-15/2017-03", dt.date(2016, 7, 15), dt.date(2017, 3, 31), "between 15 July 2016 and 31 March 2017"),
        ("../2017-03-31", None, dt.date(2017, 3, 31), "on or before 31 March 2017"),
        ("2017-04/..", dt.date(2017, 4, 1), None, "on or after 1 April 2017"),
    ],
)
def test_periods_cover_exactly_the_days_the_evidence_allows(text, start, end, words):
    period = Period.parse(text)
    assert (period.start, period.end) == (start, end)
    assert period.describe() == words
    assert str(period) == text


def test_a_yaml_date_and_a_bare_year_are_periods_too():
    assert Period.parse(dt.date(2017, 7, 18)).day == dt.date(2017, 7, 18)
    assert Period.parse(2016).precision == "year"
    assert Period.parse("2017-Q1").day is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("2017-02-30", "'2017-02-30' is not a valid date (that day does not exist)"),
        ("2017-13", "'2017-13' is not a valid date (month 13 does not exist)"),
        ("18/07/2017", "'18/07/2017' is not a valid date; write YYYY-MM-DD"),
        ("2017-Q5", "'2017-Q5' is not a valid date; write"),
        ("2018/2017", "the interval starts after it ends (2018 is later than 2017)"),
        ("../..", "an interval needs at least one end"),
    ],
)
def test_bad_dates_say_what_is_wrong_and_how_to_write_them(text, reason):
    with pytest.raises(ValueError) as caught:
        Period.parse(text)
    assert reason in str(caught.value)
