"""When the abuse happened and when it was reported, against the licence decision: one place for the words.

A link compares three dates: the decision (a day or a period), the period the abuse
**occurred** in (``abuse.date``), and the date its first **public report** was published
(the earliest dated, non-confidential source of the abuse; a source ``cited_in`` another
with no date of its own takes that other's date). "The risk was foreseeable when the
licence was decided" needs a report published before the decision: an abuse that
happened before it but was reported after it shows that the risk existed, and calls for
review, not that it was foreseeable. A confidential source is never a public report.

Each link carries:

- ``occurred``: the abuse against the decision, one of :data:`ORDERS`;
- ``reported``: the first public report against the decision, one of :data:`ORDERS`
  (``unknown`` when no published source of the abuse has a date);
- ``relation``: what the dates support, one of :data:`RELATIONS`.
"""

from __future__ import annotations

import numpy as np

ORDERS = {
    "before": "wholly before the decision",
    "overlapping": "in a period overlapping the decision's, so which came first cannot be told",
    "after": "wholly after the decision",
    "unknown": "not known: the decision has no date (for ``occurred``), or no published source of the abuse "
    "has a date (for ``reported``)",
}
"""How one date stands to the decision's: the values of a link's ``occurred`` and ``reported``, with their meaning."""
BEFORE, OVERLAPPING, AFTER, UNKNOWN = range(4)
ORDER_NAMES = tuple(ORDERS)
"""The values of :data:`ORDERS` by index (the engine stores the index)."""

RELATIONS = {
    "foreseeable": "the abuse occurred before the decision (or in a period overlapping it) and a source published "
    "before the decision reported it: the risk was foreseeable when the licence was decided",
    "reported-after": "the abuse occurred before the decision but was first reported after it: the risk existed when "
    "the licence was decided, and the evidence now calls for its review",
    "concurrent": "which came first cannot be told from the dates: the abuse occurred, or was first reported, in a "
    "period overlapping the decision (or the decision has no date)",
    "unreported": "the abuse occurred before the decision, but no published source of it has a date, so when it "
    "became known cannot be told (its sources are undated or confidential)",
    "review": "the abuse occurred after the decision: the licence may need review, suspension or revocation",
}
"""What a link's dates support: the values of its ``relation``, strongest first, with their meaning. The one
place they are defined; templates word them, and ``advocate link`` prints them."""
FORESEEABLE, REPORTED_AFTER, CONCURRENT, UNREPORTED, REVIEW = range(5)
RELATION_NAMES = tuple(RELATIONS)
"""The values of :data:`RELATIONS` by index (the engine stores the index)."""

RELATION_FACTORS = (1.0, 0.8, 0.85, 0.75, 0.7)
"""How much each relation's timing counts, by index in :data:`RELATIONS`. An abuse reported after
the decision counts for less than one the decision-maker could have read of; a later abuse for
less again. ``concurrent`` is a flat factor, with no distance in days."""


def relation_of(occurred: np.ndarray, reported: np.ndarray) -> np.ndarray:
    """The relation (index in :data:`RELATIONS`) of each pair, from its ``occurred`` and ``reported`` orders."""
    return np.select(
        [
            occurred == AFTER,
            reported == BEFORE,
            (occurred == BEFORE) & (reported == AFTER),
            (occurred == BEFORE) & (reported == UNKNOWN),
        ],
        [REVIEW, FORESEEABLE, REPORTED_AFTER, UNREPORTED],
        CONCURRENT,
    ).astype(np.int8)
