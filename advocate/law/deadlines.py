"""Statutory and customary deadlines, each with the rule and the authority that produce it.

Working days follow the Freedom of Information Act 2000, s 10(6): every day except
a Saturday, a Sunday, Christmas Day, Good Friday and a day which is a bank holiday
under the Banking and Financial Dealings Act 1971 in *any* part of the United
Kingdom. So a Scottish or a Northern Irish bank holiday stops the clock for a
request to a department in London. The bank holidays come from the maintained
``holidays`` package, as the union of its four UK subdivisions (England, Wales,
Scotland, Northern Ireland) with their substitute days and the one-off days
proclaimed for a particular year (the 2022 state funeral, the 2023 coronation).
``holidays.UK()`` without a subdivision gives only the days common to all four,
which would be wrong here.

The day counted from is day 0: the reply to a request received on a Friday is due
on the twentieth working day *following* that Friday, whatever kind of day the
Friday was.

Calendar periods (the ICO's six weeks, the protocol's 14 days, the three months
of CPR r 54.5(1)) are counted in calendar days or months: a period of months
ends on the corresponding day of the later month, or on its last day when it has
none (three months from 30 November end on 28 or 29 February).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from advocate.law.bank_holidays import NATIONS, bank_holidays
from advocate.models.period import long_date
from advocate.vocab.english import join_and

_EVERYWHERE = frozenset(code for code, _ in NATIONS)

_ONES = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
_TENS = {20: "twent", 30: "thirt", 40: "fort", 50: "fift", 60: "sixt", 70: "sevent", 80: "eight", 90: "ninet"}


def ordinal_word(n: int) -> str:
    """'twentieth', 'fortieth', 'twenty-first' (1 to 99); larger numbers as '100th'."""
    if 1 <= n < 20:
        return _ONES[n]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        stem = _TENS[tens * 10]
        return f"{stem}ieth" if not ones else f"{stem}y-{_ONES[ones]}"
    return f"{n}th"


def _day_and_date(day: dt.date) -> str:
    """'Thursday 22 January 2026'."""
    return f"{day.strftime('%A')} {long_date(day)}"


# -- the non-working days ------------------------------------------------------


def _where(codes: frozenset[str]) -> str:
    return join_and([name for code, name in NATIONS if code in codes])


def _statutory_day(day: dt.date) -> str | None:
    """Christmas Day and Good Friday, which s 10(6) names whatever the bank-holiday lists say."""
    if (day.month, day.day) == (12, 25):
        return "Christmas Day"
    if day == easter(day.year) - dt.timedelta(days=2):
        return "Good Friday"
    return None


@lru_cache(maxsize=4096)
def _holiday_description(day: dt.date) -> str | None:
    """'Christmas Day'; 'New Year Holiday, a bank holiday in Scotland'; None on an ordinary day."""
    statutory = _statutory_day(day)
    if statutory:
        return statutory
    by_name = bank_holidays(day.year).get(day)
    if not by_name:
        return None
    everywhere = [name for name, codes in by_name.items() if codes == _EVERYWHERE]
    if everywhere:
        return " and ".join(everywhere)
    return "; ".join(f"{name}, a bank holiday in {_where(codes)}" for name, codes in by_name.items())


def non_working_reason(day: dt.date) -> str | None:
    """Why ``day`` is not a working day under FOIA s 10(6), in words; ``None`` if it is one.

    A holiday is named with where it applies ('St Patrick's Day, a bank holiday in
    Northern Ireland'); a weekend day with no holiday is named by its weekday.
    """
    holiday = _holiday_description(day)
    if holiday:
        return holiday
    if day.weekday() >= 5:
        return day.strftime("%A")
    return None


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day under FOIA s 10(6) (bank holidays of every part of the UK excluded)."""
    return day.weekday() < 5 and _holiday_description(day) is None


def working_days_after(start: dt.date, n: int) -> dt.date:
    """The ``n``th working day following ``start`` (``start`` itself is day 0, whatever kind of day it is)."""
    return _count_working_days(start, n)[0]


def _count_working_days(
    start: dt.date, n: int, disregard: tuple[tuple[dt.date, dt.date], ...] = ()
) -> tuple[dt.date, tuple[tuple[dt.date, str], ...]]:
    """The ``n``th working day after ``start`` and the weekday holidays passed; working days inside any
    ``disregard`` range (first and last day included) are not counted (FOIA s 10(2))."""
    if n < 0:
        raise ValueError(f"a number of working days cannot be negative (got {n})")
    day, counted, skipped = start, 0, []
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() >= 5:
            continue
        holiday = _holiday_description(day)
        if holiday:
            skipped.append((day, holiday))
        elif not any(first <= day <= last for first, last in disregard):
            counted += 1
    return day, tuple(skipped)


# -- deadlines -------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """A deadline and the rule that produced it, for a letter to print and a manifest to record.

    ``skipped`` lists the weekday non-working days inside a working-day period, each
    with its name and where it applies; it is empty for a calendar period.
    ``counted_from`` says in words what ``start`` is ('the date of receipt');
    ``period`` the length counted ('20 working days', '6 weeks').
    """

    date: dt.date
    start: dt.date
    rule: str
    authority: str
    pinpoint: str
    skipped: tuple[tuple[dt.date, str], ...] = ()
    counted_from: str = ""
    period: str = ""
    working_days: int = 0
    """The number of working days counted (0 for a calendar period)."""
    note: str = ""
    """A sentence a letter may add after the explanation (what the rule does not change)."""

    @property
    def explanation(self) -> str:
        """One or two plain sentences saying how the date was reached, for a letter to print."""
        if not self.working_days and not self.period:
            text = f"It is the date given in {self.counted_from} of {long_date(self.start)}."
        elif self.working_days:
            text = (
                f"Counting {self.counted_from}, {long_date(self.start)}, as day 0 and leaving out weekends, "
                "Christmas Day, Good Friday and the bank holidays of every part of the United Kingdom, "
                f"the {ordinal_word(self.working_days)} working day is {_day_and_date(self.date)}."
            )
            if self.skipped:
                days = join_and([f"{long_date(day)} ({why})" for day, why in self.skipped])
                verb = "is not a working day" if len(self.skipped) == 1 else "are not working days"
                text += f" Within that period {days} {verb}."
        else:
            text = (
                f"The period of {self.period} from {self.counted_from}, {long_date(self.start)}, "
                f"ends on {_day_and_date(self.date)}."
            )
            holiday = _holiday_description(self.date)
            if holiday:
                text += f" That day is {holiday}."
            elif self.date.weekday() >= 5:
                text += f" That day is a {self.date.strftime('%A')}."
        return f"{text} {self.note}" if self.note else text


def _working_deadline(
    start: dt.date, n: int, *, counted_from: str, rule: str, authority: str, pinpoint: str, note: str = ""
) -> Deadline:
    date, skipped = _count_working_days(start, n)
    return Deadline(
        date=date,
        start=start,
        rule=rule,
        authority=authority,
        pinpoint=pinpoint,
        skipped=skipped,
        counted_from=counted_from,
        period=f"{n} working days",
        working_days=n,
        note=note,
    )


def foi_response_due(received: dt.date) -> Deadline:
    """The last day for the reply to an FOI request received on ``received``: FOIA 2000, s 10(1) and (6)."""
    return _working_deadline(
        received,
        20,
        counted_from="the date of receipt",
        rule="promptly and in any event not later than the twentieth working day following the date of receipt",
        authority="foia-2000",
        pinpoint="s 10(1), (6)",
    )


def internal_review_due(requested: dt.date) -> Deadline:
    """When an internal review asked for on ``requested`` is expected: 20 working days under the
    s 45 Code of Practice (2018), which allows up to 40 only in exceptional cases."""
    return _working_deadline(
        requested,
        20,
        counted_from="the day the internal review was asked for",
        rule=(
            "an internal review is expected within 20 working days of the request for it, "
            "and within 40 working days only in exceptional cases"
        ),
        authority="foi-code-2018",
        pinpoint="",
        note="The Code of Practice allows up to 40 working days only in exceptional cases.",
    )


def internal_review_request_by(refusal: dt.date) -> Deadline:
    """The last day to ask for an internal review of a response given on ``refusal``: 40 working days
    (s 45 Code of Practice, 2018); an authority need not accept a later request."""
    return _working_deadline(
        refusal,
        40,
        counted_from="the date of the response",
        rule=(
            "an internal review should be asked for within 40 working days of the response; "
            "the authority need not accept a later request"
        ),
        authority="foi-code-2018",
        pinpoint="",
    )


def ico_complaint_by(review_response: dt.date) -> Deadline:
    """The date by which the Information Commissioner expects a complaint after the internal review
    response of ``review_response``: six calendar weeks (the ICO's published practice, not a statute)."""
    return Deadline(
        date=review_response + dt.timedelta(weeks=6),
        start=review_response,
        rule=(
            "the Information Commissioner asks for complaints within six weeks (calendar weeks) of the "
            "final response or last substantive contact with the public authority"
        ),
        authority="ico-complaints",
        pinpoint="",
        counted_from="the internal review response",
        period="six weeks",
        note="It is the Commissioner's practice, not a statutory limit; a later complaint may be refused for undue delay.",
    )


def reply_by(sent: dt.date, days: int = 14) -> Deadline:
    """The reply date a letter before claim sent on ``sent`` proposes: ``days`` calendar days
    (the Pre-Action Protocol for Judicial Review treats 14 days as reasonable in most cases)."""
    if days < 1:
        raise ValueError(f"a reply period must be at least one day (got {days})")
    return Deadline(
        date=sent + dt.timedelta(days=days),
        start=sent,
        rule=(
            f"a reply within {days} calendar days of the letter before claim; the protocol treats 14 days "
            "as a reasonable time in most cases"
        ),
        authority="pap-jr",
        pinpoint="Annex A",
        counted_from="the date of the letter",
        period=f"{days} days",
        note="The protocol does not extend the time limit for bringing a claim.",
    )


def claim_limit(grounds_arose: dt.date) -> Deadline:
    """The outer limit for filing a claim for judicial review whose grounds first arose on
    ``grounds_arose``: CPR r 54.5(1), promptly and in any event not later than 3 months after."""
    return Deadline(
        date=grounds_arose + relativedelta(months=3),
        start=grounds_arose,
        rule=(
            "the claim form must be filed promptly and in any event not later than 3 months after the grounds "
            "to make the claim first arose (calendar months)"
        ),
        authority="cpr-54",
        pinpoint="r 54.5(1)",
        counted_from="the day the grounds first arose",
        period="3 months",
        note="This is an outer limit: a claim must also be brought promptly, and a claim filed within it may still be too late.",
    )


# -- the ladder after a request --------------------------------------------------


def foi_response_due_from(
    received: dt.date, *, counted_from: str, disregard: tuple[tuple[dt.date, dt.date], ...] = (), note: str = ""
) -> Deadline:
    """The reply due when the clock started or stopped other than on the request itself: the twentieth
    working day after ``received`` (the day an answer to a request for clarification arrived, s 1(3) and
    s 10(6)), not counting the working days of any ``disregard`` range (a fees notice until the fee was
    received, s 10(2)). ``counted_from`` names the day counted from; ``note`` says why it moved."""
    date, skipped = _count_working_days(received, 20, disregard)
    return Deadline(
        date=date,
        start=received,
        authority="foia-2000",
        pinpoint="s 10(1), (2), (6)" if disregard else "s 10(1), (6)",
        rule=(
            "promptly and in any event not later than the twentieth working day following the date of "
            "receipt" + (", leaving out the days from the fees notice until the fee was received" if disregard else "")
        ),
        skipped=skipped,
        counted_from=counted_from,
        period="20 working days",
        working_days=20,
        note=note,
    )


def extension_given(until: dt.date, notice: dt.date) -> Deadline:
    """The date an authority gave, in a notice of ``notice`` under FOIA s 17(2), for its decision on the
    public interest (s 10(3) allows it "such time as is reasonable in the circumstances")."""
    return Deadline(
        date=until,
        start=notice,
        authority="foia-2000",
        pinpoint="ss 10(3), 17(2)",
        rule="the date the authority gave, in its notice extending time to consider the public interest, for its decision",
        counted_from="the authority's notice extending time",
    )


def extension_expected(received: dt.date) -> Deadline:
    """Where a notice extending time gives no date: the Information Commissioner expects the decision no later
    than 40 working days after the request was received."""
    return _working_deadline(
        received,
        40,
        counted_from="the date of receipt",
        rule=(
            "the Information Commissioner expects a decision on the public interest no later than 40 working "
            "days after the request was received"
        ),
        authority="ico-dissatisfied",
        pinpoint="",
        note="The Act itself allows such time as is reasonable in the circumstances (s 10(3)).",
    )


def internal_review_outer(requested: dt.date) -> Deadline:
    """The fortieth working day after an internal review was asked for on ``requested``: the longest the
    Code of Practice allows, and after which the Information Commissioner accepts a complaint without it."""
    return _working_deadline(
        requested,
        40,
        counted_from="the day the internal review was asked for",
        rule=(
            "an internal review may take up to 40 working days only in exceptional cases; after that the "
            "Information Commissioner accepts a complaint without it"
        ),
        authority="ico-complaints",
        pinpoint="",
    )


def chaser_reply_by(chased: dt.date, working_days: int = 10) -> Deadline:
    """The date a chaser sent on ``chased`` asks for the overdue reply by before the requester complains to
    the Information Commissioner: the campaign's own choice (ten working days by default), not a statutory period."""
    return _working_deadline(
        chased,
        working_days,
        counted_from="the date of the chaser",
        rule=(
            f"the date the chaser gave for a reply before a complaint to the Information Commissioner "
            f"({working_days} working days; the campaign's own choice, not a statutory period)"
        ),
        authority="",
        pinpoint="",
    )


def fee_payable_by(notice: dt.date) -> Deadline:
    """The last day to pay the fee a fees notice given on ``notice`` asks for: the authority need not comply
    unless it is paid within three months beginning with the day the notice was given (FOIA s 9(2))."""
    return Deadline(
        date=notice + relativedelta(months=3) - dt.timedelta(days=1),
        start=notice,
        rule="the fee is to be paid within three months beginning with the day the fees notice was given",
        authority="foia-2000",
        pinpoint="s 9(2)",
        counted_from="the fees notice",
        period="three months",
        note="The days until the fee is received do not count towards the twenty working days (s 10(2)).",
    )


def tribunal_appeal_by(notice_sent: dt.date) -> Deadline:
    """The last day for a notice of appeal to the First-tier Tribunal (General Regulatory Chamber) against a
    decision notice sent on ``notice_sent``: 28 days after the date the decision notice was sent (FOIA s 57;
    the Tribunal's procedure rules)."""
    return Deadline(
        date=notice_sent + dt.timedelta(days=28),
        start=notice_sent,
        rule=(
            "the notice of appeal must reach the Tribunal within 28 days of the date on which the decision "
            "notice was sent"
        ),
        authority="grc-rules-2009",
        pinpoint="r 22(1)(b)",
        counted_from="the date the decision notice was sent",
        period="28 days",
        note="The Tribunal may extend time, but only on an application that explains the delay.",
    )
