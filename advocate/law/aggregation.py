"""Requests an authority may aggregate: FOIA s 12(4) and the Fees Regulations 2004, reg 5.

Where two or more requests are made to one authority by one person, or by people
who appear to be acting in concert or in pursuance of a campaign, and they ask for
the same or similar information, the authority may treat the cost of answering
any one of them as the cost of answering them all, if it received them within one
period of sixty consecutive working days. A campaign that sends several requests
to one body should know before it sends the next. (The Act and the regulation are
paraphrased here: their text was seen only in the Commissioner's reproductions.)

Whether the requests ask for similar information is a judgment this module does
not make: it warns about every group of the campaign's requests to one authority
that one such period could hold, and says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advocate.law.deadlines import is_working_day, working_days_after
from advocate.law.foi_ladder import history
from advocate.models.campaign import Campaign
from advocate.models.period import long_date

PERIOD = 60
"""The working days in one period over which requests may be aggregated (reg 5)."""


@dataclass(frozen=True)
class AggregationWarning:
    """Requests to one authority that one period of sixty consecutive working days holds."""

    authority: str
    request_ids: tuple[str, ...]
    message: str


def _period_end(start: dt.date) -> dt.date:
    """The last day of the period of 60 consecutive working days that begins on ``start`` (or on the first
    working day after it, when ``start`` is not one)."""
    return working_days_after(start, PERIOD - 1 if is_working_day(start) else PERIOD)


def _when(request_date: dt.date, planned: bool) -> str:
    return (
        f"not yet sent, counted as if sent on {long_date(request_date)}"
        if planned
        else f"sent {long_date(request_date)}"
    )


def aggregation_warnings(campaign: Campaign, today: dt.date) -> list[AggregationWarning]:
    """One warning per group of the campaign's requests to one authority within 60 working days of the first.

    A request counts from the day it arrived; one not yet sent counts as if sent ``today``. Withdrawn
    requests count too: the authority received them.
    """
    by_body: dict[str, list[tuple[dt.date, bool, str]]] = {}
    names: dict[str, str] = {}
    for request in campaign.requests:
        h = history(request)
        authority = campaign.authority_of(request)
        key = request.authority or "public_body"
        names[key] = authority.name if authority else key
        sent = h.sent
        by_body.setdefault(key, []).append((today if sent is None else sent.arrived, sent is None, request.id))
    warnings: list[AggregationWarning] = []
    for key, entries in by_body.items():
        entries.sort()
        shown: set[str] = set()
        for index, (start, _, _) in enumerate(entries):
            end = _period_end(start)
            group = [entry for entry in entries[index:] if entry[0] <= end]
            ids = {entry[2] for entry in group}
            if len(group) < 2 or ids <= shown:
                continue
            shown |= ids
            listed = ", ".join(f"{rid} ({_when(day, planned)})" for day, planned, rid in group)
            body = names[key]
            body = body if body.lower().startswith(("the ", "hm ")) else f"the {body}"
            warnings.append(
                AggregationWarning(
                    key,
                    tuple(entry[2] for entry in group),
                    (
                        f"{len(group)} requests to {body} fall within one period of 60 consecutive working days: {listed}. "
                        "If they ask for the same or similar information, the authority may add their costs together and "
                        "refuse them all as over the cost limit (FOIA s 12(4); Fees Regulations 2004, reg 5)"
                    ),
                )
            )
    return warnings
