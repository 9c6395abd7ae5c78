"""Whole-column parsers for licence data: money, dates, countries and yes/no flags.

Each works on a pandas Series of text at the speed of a column (values are parsed
once per distinct value) and returns the parsed column with a mask of the rows
that could not be read, so the loader can name them.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from advocate.models.period import Period
from advocate.vocab.countries import country_code

_MONEY = re.compile(
    r"^(?:£|GBP)?\s*(?P<number>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?P<pence>\.\d+)?\s*(?:GBP)?$",
    re.IGNORECASE,
)
"""An amount in pounds: digits, thousands grouped by commas or spaces in threes, optional pence, optional £ or GBP."""


def _money(text: str) -> tuple[float, str]:
    """The amount, or NaN with the reason it cannot be read ("" when it reads)."""
    if not text:
        return float("nan"), ""
    if text.isascii() and text.isdigit() and len(text) < 16:
        return float(text), ""
    if text.lstrip("£ ").startswith(("-", "\u2212")):
        return float("nan"), "is negative; a licence's value is never below £0"
    match = _MONEY.match(text)
    if match is None:
        if re.search(r"[$€¥]|USD|EUR", text, re.IGNORECASE):
            return float("nan"), "is not in pounds sterling"
        if re.fullmatch(r"[£\s]*[\d,.\s]+", text):
            return float("nan"), "is not a well-formed amount: group thousands in threes (36,000 or 1,234,567)"
        return float("nan"), "is not an amount of money"
    amount = float(re.sub(r"[,\s\u00a0]", "", match["number"]) + (match["pence"] or ""))
    if not math.isfinite(amount) or amount >= 1e15:
        return float("nan"), "is too large to be the value of a licence"
    return amount, ""


def parse_money(column: pd.Series) -> tuple[pd.Series, np.ndarray, dict[str, str]]:
    """Values in GBP: '£1,234', '1,234.50', '12 000' and '3540' all read; empty is unknown (NaN).

    Refused, with the reason for each distinct bad value: a negative amount, another
    currency, thousands grouped wrongly ('£1,2,3'), exponents, 'inf', and amounts too
    large to be real. Returns the amounts, a bad-row mask, and the reasons by text.
    """
    text = column.astype(str).str.strip()
    read = {value: _money(value) for value in text.unique()}
    numbers = text.map({value: amount for value, (amount, _) in read.items()}).astype("float64")
    reasons = {value: reason for value, (_, reason) in read.items() if reason}
    bad = text.isin(list(reasons)).to_numpy()
    return numbers, bad, reasons


def parse_iso_days(column: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Single days: ISO ``2017-07-18`` first (fast), then the UK's ``18/07/2017``."""
    text = column.astype(str).str.strip()
    days = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    retry = days.isna() & (text != "")
    if retry.any():
        days = days.where(~retry, pd.to_datetime(text[retry], format="%d/%m/%Y", errors="coerce"))
    bad = (days.isna() & (text != "")).to_numpy()
    missing = (text == "").to_numpy()
    return days.astype("datetime64[s]"), bad | missing


def parse_periods(column: pd.Series) -> tuple[pd.Series, pd.Series, dict[str, str], np.ndarray]:
    """Periods (see :mod:`advocate.models.period`): start and end columns, the error for each bad value, and a bad-row mask."""
    starts, ends, errors = {}, {}, {}
    for value in column.unique():
        try:
            period = Period.parse(value)
        except ValueError as exc:
            errors[value] = str(exc)
            continue
        starts[value] = pd.Timestamp(period.start) if period.start else pd.NaT
        ends[value] = pd.Timestamp(period.end) if period.end else pd.NaT
    start = column.map(starts).astype("datetime64[s]")
    end = column.map(ends).astype("datetime64[s]")
    return start, end, errors, column.isin(list(errors)).to_numpy()


def parse_countries(column: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """ISO 3166 codes for country names; the mask marks names that resolve to nothing."""
    codes = {value: country_code(value) for value in column.unique()}
    mapped = column.map({k: v or "" for k, v in codes.items()})
    bad = column.isin([k for k, v in codes.items() if v is None]).to_numpy()
    return mapped.astype(object), bad


_TRUE = {"true", "yes", "y", "1", "x"}
_FALSE = {"false", "no", "n", "0", ""}


def parse_flags(column: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """yes/no, true/false, 1/0 (empty is no)."""
    text = column.astype(str).str.strip().str.casefold()
    bad = (~text.isin(_TRUE | _FALSE)).to_numpy()
    return text.isin(_TRUE), bad
