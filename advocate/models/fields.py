"""Field types shared by the case-file records, each with an error message a user can act on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, PlainValidator
from pydantic_core import PydanticCustomError

from advocate.models.period import Period
from advocate.vocab.countries import Country, resolve_country

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")

MAX_ID = 100
"""Longest id, in characters (ids appear in file names and manifests)."""

MAX_TEXT = 10_000
"""Longest free text (a description, a quotation, notes), in characters: about 1,500 words."""

MAX_LINE = 1_000
"""Longest one-line text (a title, a name), in characters."""

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters no document can hold: control characters (a tab and a new line aside), lone halves of a
UTF-16 surrogate pair, and the non-characters U+FFFE and U+FFFF."""

_LINE_BREAK = re.compile("[\n\u2028\u2029]")
"""Line breaks, which a name or title (printed in headings, table cells and email headers) cannot hold."""


def fail(code: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the user as it stands."""
    return PydanticCustomError(code, message.replace("{", "{{").replace("}", "}}"))


def suggest(value: object, allowed) -> str:
    """' (did you mean 'x'?)' when a close match exists."""
    close = difflib.get_close_matches(str(value), list(allowed), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _record_id(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise fail("id_invalid", "an id is required: letters, digits, '-', '_', '.' or ':' with no spaces")
    value = value.strip()
    if len(value) > MAX_ID:
        raise fail("id_invalid", f"an id of {len(value):,} characters is too long: at most {MAX_ID}")
    if not ID_PATTERN.match(value):
        raise fail(
            "id_invalid", f"'{value}' is not a usable id: use letters, digits, '-', '_', '.' or ':' with no spaces"
        )
    return value


def _period(value: object) -> Period:
    try:
        return Period.parse(value)
    except ValueError as exc:
        raise fail("date_invalid", str(exc)) from None


def _day(value: object) -> dt.date:
    period = _period(value)
    if period.day is None:
        raise fail("date_invalid", f"'{period.text}' is not a single day; write YYYY-MM-DD")
    return period.day


_resolved_country = lru_cache(maxsize=4096)(resolve_country)
"""Countries as case files name them, resolved once per name (a case of 10,000 abuses names a handful)."""


def _country(value: object) -> Country:
    if isinstance(value, Country):
        return value
    text = str(value).strip() if value is not None else ""
    country = _resolved_country(text) if text else None
    if country is None:
        raise fail(
            "country_unknown",
            f"'{text}' is not a country known to ISO 3166 or the licensing data; "
            "write its English short name or ISO code (e.g. 'Turkey' or 'TR')",
        )
    return Country(country.code, text)


def _text(value: object, limit: int = MAX_TEXT, what: str = "text") -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise fail("text_invalid", "expected text")
    text = str(value).strip()
    _check_length(text, limit, what)
    _check_printable(text)
    return text


def _line(value: object) -> str:
    text = _text(value, MAX_LINE, "one-line text")
    found = _LINE_BREAK.search(text)
    if found:
        raise fail(
            "text_invalid",
            f"must be on one line, but has a line break ({_character(found.group())}) "
            f"after '{_shown(text[: found.start()])}'",
        )
    return text


def _check_length(text: str, limit: int, what: str) -> None:
    if len(text) > limit:
        raise fail(
            "text_too_long",
            f"is {len(text):,} characters long; a {what} here may have at most {limit:,} "
            f"(it starts '{_printable(text[:40])}…')",
        )


def _check_printable(text: str) -> None:
    found = _UNPRINTABLE.search(text)
    if found:
        raise fail(
            "text_invalid",
            f"has {_character(found.group())}, which no document can print, "
            f"after '{_shown(text[: found.start()])}'; delete it",
        )


def _character(char: str) -> str:
    names = {
        "\r": "a carriage return",
        "\n": "a new line",
        "\u2028": "U+2028 LINE SEPARATOR",
        "\u2029": "U+2029 PARAGRAPH SEPARATOR",
        "\x00": "a NUL byte",
    }
    if char in names:
        return names[char]
    if "\ud800" <= char <= "\udfff":
        return f"U+{ord(char):04X}, half of a UTF-16 surrogate pair (the file was saved or converted wrongly)"
    return f"the control character U+{ord(char):04X}"


def _shown(text: str) -> str:
    """The last 30 characters of ``text`` (what comes just before a problem), as a message can quote them."""
    return ("…" if len(text) > 30 else "") + _printable(text[-30:])


def _printable(text: str) -> str:
    """``text`` with its unprintable characters as escapes (``\\u0007``, ``\\udc80``)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _url(value: str) -> str:
    if not re.match(r"^https?://\S+$", value):
        raise fail("url_invalid", f"'{value}' is not a web address; write it in full, starting https:// or http://")
    return value


def _email(value: str) -> str:
    if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
        raise fail("email_invalid", f"'{value}' is not an email address")
    return value


def _as_tuple(value: object) -> object:
    """Accept one value where a list is expected (``categories: torture``)."""
    if value is None:
        return ()
    if isinstance(value, (str, dict, int)):
        return (value,)
    return value


RecordId = Annotated[str, PlainValidator(_record_id)]
"""A stable identifier: letters, digits, ``-``, ``_``, ``.``, ``:``; no spaces."""

PeriodField = Annotated[Period, PlainValidator(_period), PlainSerializer(str)]
"""A date at the precision the evidence gives (see :mod:`advocate.models.period`)."""

DayField = Annotated[dt.date, PlainValidator(_day), PlainSerializer(dt.date.isoformat)]
"""A single day, written YYYY-MM-DD."""

CountryField = Annotated[Country, PlainValidator(_country), PlainSerializer(lambda c: c.name)]
"""A country by name or ISO code, kept as written with its resolved code."""

Text = Annotated[str, PlainValidator(_text)]
"""Free text, which may run over several lines (numbers are accepted as text)."""

Line = Annotated[str, PlainValidator(_line)]
"""Text on one line: a name, a title, a reference (printed in headings, table cells and email headers)."""

Url = Annotated[str, PlainValidator(_line), AfterValidator(_url)]
"""A full web address."""

Email = Annotated[str, PlainValidator(_line), AfterValidator(_email)]
"""An email address."""

ListOf = BeforeValidator(_as_tuple)
"""Marks a tuple field that also accepts a single value."""
