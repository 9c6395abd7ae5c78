"""A link between a licence and an abuse, and the set of links for a case."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np
import pandas as pd

Relation = Literal["foreseeable", "concurrent", "review"]


@dataclass(frozen=True)
class Link:
    """One licence related to one abuse.

    ``days`` is the decision date minus the abuse date (positive: the abuse came first; 0 when
    the two periods overlap). ``criteria`` are criterion numbers in ``criteria_version`` (the
    version in force on the decision date; empty if none is shipped for it). ``reasons`` are
    sentences, hand-asserted reason first. ``sources`` are source ids from the asserted link and
    the abuse.
    """

    licence_id: str
    abuse_id: str
    score: float
    criteria_version: str
    criteria: tuple[str, ...]
    reasons: tuple[str, ...]
    asserted: bool
    relation: Relation
    days: int
    sources: tuple[str, ...]
    destination: str = ""
    decision_date: str = ""
    abuse_date: str = ""
    refusal_id: str = ""
    """The earlier refusal for similar goods this link cites, if any."""


@dataclass(frozen=True)
class LinkSet:
    """Links sorted strongest first, put into words on demand.

    ``links`` materialises every link; for national datasets prefer :meth:`strongest`,
    :meth:`for_licence` and :meth:`for_abuse`, which word only the links they return.
    """

    table: object
    """The :class:`~advocate.link.engine.LinkTable` the links come from."""

    @cached_property
    def links(self) -> tuple[Link, ...]:
        from advocate.link.wording import word_links

        return word_links(self.table, self.table.order)

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

    def _rows(self, mask) -> tuple[Link, ...]:
        from advocate.link.wording import word_links

        return word_links(self.table, self.table.ranked(mask.nonzero()[0]))

    def for_licence(self, licence_id: str) -> tuple[Link, ...]:
        rows = np.flatnonzero(self.table.licences.frame["id"].to_numpy() == licence_id)
        return self._rows(np.isin(self.table.columns_["licence"], rows))

    def for_licences(self, licence_ids) -> tuple[Link, ...]:
        """The links of any of ``licence_ids``, strongest first (one pass, for documents about many licences)."""
        rows = np.flatnonzero(np.isin(self.table.licences.frame["id"].to_numpy(), np.asarray(list(licence_ids), dtype=object)))
        return self._rows(np.isin(self.table.columns_["licence"], rows))

    def for_abuse(self, abuse_id: str) -> tuple[Link, ...]:
        wanted = [i for i, a in enumerate(self.table.abuses) if a.id == abuse_id]
        return self._rows(np.isin(self.table.columns_["abuse"], wanted))

    def strongest(self, n: int) -> tuple[Link, ...]:
        from advocate.link.wording import word_links

        return word_links(self.table, self.table.strongest(n))

    def to_frame(self) -> pd.DataFrame:
        """One row per link; list fields joined with '; ' (reasons with ' | ')."""
        return links_frame(self.links)


FRAME_COLUMNS = ("licence_id", "abuse_id", "score", "relation", "days", "destination", "decision_date", "abuse_date",
                 "criteria_version", "criteria", "asserted", "refusal_id", "reasons", "sources")


def links_frame(links) -> pd.DataFrame:
    rows = [{
        "licence_id": l.licence_id, "abuse_id": l.abuse_id, "score": l.score, "relation": l.relation, "days": l.days,
        "destination": l.destination, "decision_date": l.decision_date, "abuse_date": l.abuse_date,
        "criteria_version": l.criteria_version, "criteria": "; ".join(l.criteria), "asserted": l.asserted,
        "refusal_id": l.refusal_id, "reasons": " | ".join(l.reasons), "sources": "; ".join(l.sources),
    } for l in links]
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
