"""The set of links for a case: selected by licence or abuse in linear time, put into words on demand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from advocate.link.engine import LinkTable
from advocate.link.models import Link, links_frame
from advocate.link.wording import Wording


class LinkList(Sequence):
    """Some links of a :class:`LinkSet`, strongest first: a sequence of :class:`~advocate.link.models.Link`
    records made when first read, and columns of their fields (:meth:`column`) for counting and selecting
    hundreds of thousands of them without making them."""

    __slots__ = ("_context", "_made", "_positions", "_wording")

    def __init__(self, wording: Wording, positions: np.ndarray, context: bool = False):
        self._wording, self._positions, self._context = wording, np.asarray(positions, dtype=np.int64), context
        self._made: tuple[Link, ...] | None = None

    def _all(self) -> tuple[Link, ...]:
        if self._made is None:
            self._made = self._wording.links(self._positions, context=self._context)
        return self._made

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return LinkList(self._wording, self._positions[index], self._context)
        if self._made is not None:
            return self._made[index]
        position = self._positions[index]
        return self._wording.links(position[None], context=self._context)[0]

    def __iter__(self):
        return iter(self._all())

    def __eq__(self, other) -> bool:
        if isinstance(other, (LinkList, tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    # Defining __eq__ without __hash__ leaves a LinkList unhashable, as a list is (Python sets __hash__ to None).

    def __repr__(self) -> str:
        return f"LinkList({len(self):,} links)"

    def column(self, name: str) -> np.ndarray:
        """One field of every link, as an array in order (any field of a Link but ``reasons``)."""
        return self.columns((name,))[name]

    def columns(self, names) -> dict[str, np.ndarray]:
        """Several fields of every link, as arrays in order (gathered together: cheaper than one by one)."""
        return self._wording.columns(self._positions, names, context=self._context)

    def where(self, mask) -> LinkList:
        """The links where ``mask`` (one boolean per link) is true, in the same order."""
        return LinkList(self._wording, self._positions[np.asarray(mask, dtype=bool)], self._context)


def link_columns(links: Sequence, names) -> dict[str, np.ndarray]:
    """Fields of ``links`` as columns: read from the link table where ``links`` is a :class:`LinkList` (no link is
    made), else from each link of a plain sequence of :class:`~advocate.link.models.Link`."""
    if isinstance(links, LinkList):
        return links.columns(names)
    return {name: np.array([getattr(link, name) for link in links] + [None], dtype=object)[:-1] for name in names}


def _empty(table: LinkTable) -> LinkTable:
    return replace(table, columns_={name: values[:0] for name, values in table.columns_.items()}, context=None)


@dataclass(frozen=True)
class LinkSet:
    """Links sorted strongest first, put into words on demand.

    ``links`` makes every link; for national datasets prefer :meth:`strongest`, :meth:`for_licences`
    and :meth:`for_abuse`, which make only the links they return, as they are read.
    Selecting is linear in the licences and links: ids are compared by hashing, never
    string by string, and the links are picked by one boolean index over their licence rows.
    """

    table: LinkTable
    """The :class:`~advocate.link.engine.LinkTable` the links come from."""
    is_context: bool = False
    """True for the pairs kept apart as context (see :attr:`context`)."""

    @cached_property
    def wording(self) -> Wording:
        """What this set has put into words, remembered across calls."""
        return Wording(self.table)

    def _word(self, positions) -> tuple[Link, ...]:
        return self.wording.links(positions, context=self.is_context)

    @cached_property
    def links(self) -> tuple[Link, ...]:
        return self._word(self.table.order)

    @cached_property
    def context(self) -> LinkSet:
        """Pairs that are not links but context: abuses whose perpetrators are unknown or non-state and whose
        categories engage only Criterion 2(a), which concerns repression by the state. Each has
        ``context`` True, no criteria, and a reason saying why."""
        if self.is_context or self.table.context is None:
            return LinkSet(_empty(self.table), is_context=True)
        return LinkSet(self.table.context, is_context=True)

    def __len__(self) -> int:
        return len(self.table)

    def __iter__(self):
        return iter(self.links)

    @property
    def pairs_considered(self) -> int:
        """Pairs scored: same destination and date window, and a technology or end user that can relate."""
        return self.table.pairs_considered

    @property
    def pairs_in_window(self) -> int:
        """Pairs in the same destination and date window, before the kinds of goods and body are compared."""
        return self.table.pairs_in_window

    def _where(self, mask: np.ndarray) -> LinkList:
        return LinkList(self.wording, self.table.ranked(np.flatnonzero(mask)), self.is_context)

    def for_licence(self, licence_id: str) -> LinkList:
        """The links of one licence, strongest first."""
        return self.for_licences((licence_id,))

    def for_licences(self, licence_ids) -> LinkList:
        """The links of any of ``licence_ids``, strongest first (one pass, for documents about many licences;
        the links are made as they are read, and :meth:`LinkList.column` counts them without making them)."""
        wanted = self.table.licences.frame["id"].isin(frozenset(licence_ids)).to_numpy(dtype=bool)
        return self._where(wanted[self.table.columns_["licence"]])

    def for_abuse(self, abuse_id: str) -> LinkList:
        """The links of one abuse, strongest first."""
        wanted = np.fromiter((a.id == abuse_id for a in self.table.abuses), dtype=bool, count=len(self.table.abuses))
        return self._where(wanted[self.table.columns_["abuse"]])

    def strongest(self, n: int) -> tuple[Link, ...]:
        """The ``n`` strongest links, without sorting the rest."""
        return self._word(self.table.strongest(n))

    def to_frame(self) -> pd.DataFrame:
        """One row per link; list fields joined with '; ' (reasons with ' | ')."""
        return links_frame(self.links)
