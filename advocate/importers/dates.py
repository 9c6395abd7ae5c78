"""Dates as the databases write them ('April 30, 2018', 'January 15 2020', a workbook's date cell),
turned into the case file's own form at the precision given."""

from __future__ import annotations

import datetime as dt
import re

from advocate.models.period import Period

_DAY_FORMATS = ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
_MONTH_FORMATS = ("%B %Y", "%b %Y", "%B, %Y")


def database_date(value: object, day_format: str = "") -> str:
    """The date in the case file's form ('2018-04-30', '2018-04', '2018'); ``ValueError`` saying what was expected.

    ``day_format`` (a ``strftime`` pattern such as ``%d/%m/%Y``) is tried first: a spreadsheet's own
    way of writing days, which cannot be guessed (is 03/04/2018 the 3rd of April or the 4th of March?).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value or "").split())
    if not text:
        raise ValueError("is empty; a date is needed")
    if day_format:
        try:
            return dt.datetime.strptime(text, day_format).date().isoformat()
        except ValueError:
            pass
    for pattern in _DAY_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    for pattern in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).strftime("%Y-%m")
        except ValueError:
            continue
    try:
        return Period.parse(text).text
    except ValueError:
        pass
    expected = f"'{day_format}', " if day_format else ""
    raise ValueError(
        f"'{text}' is not a date; expected {expected}a date such as 'April 30, 2018', '2018-04-30', '2018-04' or '2018'"
    )


def year_of(value: object) -> str:
    """A year the database gives as a number or text ('2010', 2010.0); empty for none; ``ValueError`` otherwise."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(f"'{text}' is not a year")
    return text
