"""Dates as precisely as the evidence gives them.

A news report says "last year", a licensing release covers "1 January to 31 March
2017", a court order has a day. The case file records each at the precision its
source supports, never more, so a document never prints a day that nobody
reported. A :class:`Period` is written as one of::

    2017-07-18          a day
    2017-07             a month
    2017-Q1             a quarter
    2016                a year
    2016-07-15/2017-03  an interval between any two of the above (ISO 8601 style)
    ../2016-12          an interval open at the start ("by December 2016")
    2017-01/..          an interval open at the end ("from January 2017")
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_OPEN = ".."

FORMS_HINT = "write YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, or an interval START/END (either side may be '..')"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _bounds(text: str) -> tuple[dt.date, dt.date, str]:
    """First and last day covered by one point expression, and its precision."""
    if m := _DAY.match(text):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        return dt.date(year, month, 1), _month_end(year, month), "month"
    if m := _QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        return dt.date(year, first, 1), _month_end(year, first + 2), "quarter"
    if m := _YEAR.match(text):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    raise ValueError("not a date")


@dataclass(frozen=True)
class Period:
    """A span of days known to contain the event: from ``start`` to ``end`` inclusive.

    ``start`` or ``end`` is ``None`` for an interval open on that side. ``text`` is the
    expression as written in the case file; ``precision`` is ``day``, ``month``,
    ``quarter``, ``year`` or ``interval``.
    """

    start: dt.date | None
    end: dt.date | None
    text: str
    precision: str

    @classmethod
    def parse(cls, value: object) -> Period:
        """Read a period from case-file text (or a ``date``); ``ValueError`` says how to write it."""
        if isinstance(value, Period):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value, value, value.isoformat(), "day")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"expected a date; {FORMS_HINT}")
        text = value.strip()
        try:
            if "/" in text:
                left, _, right = text.partition("/")
                left, right = left.strip(), right.strip()
                if left == _OPEN and right == _OPEN:
                    raise ValueError("an interval needs at least one end")
                start = None if left == _OPEN else _bounds(left)[0]
                end = None if right == _OPEN else _bounds(right)[1]
                if start and end and start > end:
                    raise ValueError(f"the interval starts after it ends ({left} is later than {right})")
                return cls(start, end, text, "interval")
            start, end, precision = _bounds(text)
            return cls(start, end, text, precision)
        except ValueError as exc:
            reason = str(exc)
            if reason.startswith(("day is out of range", "month must be")):
                reason = "that day does not exist"
            detail = "" if reason == "not a date" else f" ({reason})"
            raise ValueError(f"'{text}' is not a valid date{detail}; {FORMS_HINT}") from None

    @property
    def day(self) -> dt.date | None:
        """The exact day, when the evidence gives one."""
        return self.start if self.precision == "day" else None

    @property
    def sort_key(self) -> dt.date:
        """The earliest day the period can mean (open starts sort first)."""
        return self.start or dt.date.min

    def describe(self) -> str:
        """The period in words, as a document prints it: '18 July 2017', 'the first quarter of 2017'."""
        start, end = self.start, self.end
        if start is not None and self.precision != "interval":  # a point expression always has its first day
            if self.precision == "day":
                return long_date(start)
            if self.precision == "month":
                return start.strftime("%B %Y")
            if self.precision == "quarter":
                quarter = (start.month + 2) // 3
                return f"the {('first', 'second', 'third', 'fourth')[quarter - 1]} quarter of {start.year}"
            return str(start.year)
        if start is None and end is not None:
            return f"on or before {long_date(end)}"
        if end is None and start is not None:
            return f"on or after {long_date(start)}"
        if start is None or end is None:
            return "at an unknown date"
        return f"between {long_date(start)} and {long_date(end)}"

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65536)
def when(period: Period) -> str:
    """A period as a clause: 'on 18 July 2017', 'in July 2017', 'in the first quarter of 2017', 'in 2016',
    'on or before 31 March 2017', 'between 1 April 2017 and 31 December 2017'."""
    if period.precision == "day":
        return f"on {period.describe()}"
    if period.precision in ("month", "quarter", "year"):
        return f"in {period.describe()}"
    return period.describe()


def long_date(day: dt.date) -> str:
    """A date as British legal documents print it: '8 December 2021'."""
    return f"{day.day} {day.strftime('%B %Y')}"
