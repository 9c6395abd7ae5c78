"""A link between a licence and an abuse, and the links as a table of rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, Protocol

import pandas as pd

Relation = Literal["foreseeable", "reported-after", "concurrent", "unreported", "review"]
"""See :data:`advocate.link.relations.RELATIONS`, where each value is defined."""
Order = Literal["before", "overlapping", "after", "unknown"]
"""See :data:`advocate.link.relations.ORDERS`."""


class _Worder(Protocol):
    def reasons_at(self, position: int) -> tuple[str, ...]: ...


class Reasons(Sequence):
    """A link's reasons, put into words the first time they are read (a tuple of sentences in every other way).

    Documents about many licences count and rank hundreds of thousands of links and print the reasons
    of a few: wording each link as it is made would cost more than everything else the link engine does.
    ``source`` words the link at ``position`` of its table (a :class:`~advocate.link.wording.Wording`).
    """

    __slots__ = ("_position", "_source", "_value")

    def __init__(self, source: _Worder | None, position: int = 0, value: tuple[str, ...] | None = None):
        self._source, self._position, self._value = source, position, value

    @classmethod
    def of(cls, sentences) -> Reasons:
        """Reasons already in words."""
        return cls(None, 0, tuple(sentences))

    def _words(self) -> tuple[str, ...]:
        if self._value is None:
            assert self._source is not None  # a Reasons holds its words or what words them, from the start
            self._value = self._source.reasons_at(self._position)
            self._source = None
        return self._value

    def __getitem__(self, index):
        return self._words()[index]

    def __len__(self) -> int:
        return len(self._words())

    def __iter__(self):
        return iter(self._words())

    def __eq__(self, other) -> bool:
        if isinstance(other, (Reasons, tuple)):
            return self._words() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._words())

    def __repr__(self) -> str:
        return repr(self._words())

    def __reduce__(self):
        return (Reasons.of, (self._words(),))


class Link(NamedTuple):
    """One licence related to one abuse (immutable; a named tuple, so that a national dataset's links are cheap).

    ``days`` is the decision date minus the abuse date (positive: the abuse came first; 0 when
    the two periods overlap). ``criteria`` are criterion numbers in ``criteria_version`` (the
    version in force on the decision date; empty if none is shipped for it). ``reasons`` are
    sentences, hand-asserted reason first, then :attr:`timing` (a sequence of strings, worded when
    first read). ``sources`` are source ids from the asserted link and the abuse.

    Timing (:mod:`advocate.link.relations`): ``occurred`` says how the abuse's period
    (``abuse_date``) stands to the decision, ``reported`` how its first public report does (the
    report is ``reported_by``, a source id, published by ``reporter`` on ``reported_date``), and
    ``relation`` what the two support. ``responsibility`` is who the sources hold responsible
    (``state``, ``non-state`` or ``unknown``); ``context`` is True for a pair kept apart as context
    (its abuse engages no criterion once Criterion 2(a), repression by the state, is set aside).
    """

    licence_id: str
    abuse_id: str
    score: float
    criteria_version: str
    criteria: tuple[str, ...]
    reasons: Sequence[str]
    asserted: bool
    relation: Relation
    days: int
    sources: tuple[str, ...]
    destination: str = ""
    decision_date: str = ""
    abuse_date: str = ""
    """The period the abuse occurred in, as the case file writes it ("2016", "2017-Q1")."""
    refusal_id: str = ""
    """The earlier refusal for similar goods this link cites, if any."""
    occurred: Order = "unknown"
    reported: Order = "unknown"
    reported_by: str = ""
    """The source id of the first public report ('' when no published source of the abuse has a date)."""
    reported_date: str = ""
    """That report's publication date as the case file writes it (its own, or that of the source it is cited in)."""
    reporter: str = ""
    """Who published that report, as the reasons name it ("Motherboard"), or its title."""
    report_days: int = 0
    """The decision date minus the report's (positive: the report came first; 0 when the periods overlap or no report)."""
    responsibility: str = "state"
    context: bool = False

    @property
    def timing(self) -> str:
        """The reason about when: occurrence and report against the decision, and what they support."""
        return self.reasons[1 if self.asserted else 0]


FRAME_COLUMNS = (
    "licence_id",
    "abuse_id",
    "score",
    "relation",
    "days",
    "destination",
    "decision_date",
    "abuse_date",
    "criteria_version",
    "criteria",
    "asserted",
    "refusal_id",
    "reasons",
    "sources",
    "occurred",
    "reported",
    "reported_by",
    "reported_date",
    "reporter",
    "report_days",
    "responsibility",
    "context",
)
"""Every field of a :class:`Link`, in the order ``links.csv`` and ``advocate link --format json`` give them."""

_JOINED = {"criteria": "; ", "reasons": " | ", "sources": "; "}
"""The list fields, and how a CSV cell joins their items."""


def link_record(link: Link) -> dict:
    """One link as plain data, every field of :data:`FRAME_COLUMNS` (lists as lists), for JSON."""
    return {name: list(getattr(link, name)) if name in _JOINED else getattr(link, name) for name in FRAME_COLUMNS}


def links_frame(links) -> pd.DataFrame:
    """The links as a table, one row per link and one column per field (list fields joined), for ``links.csv``."""
    rows = [
        {name: (_JOINED[name].join(value) if name in _JOINED else value) for name, value in link_record(l).items()}
        for l in links
    ]
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
