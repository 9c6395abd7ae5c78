"""When each abuse was first publicly reported, against each licence decision, in bulk.

A source's publication date is its own ``date``; a source ``cited_in`` another with no date
of its own takes that other's (followed along the chain). A confidential source is
unpublished: it never reports anything, and its date is never passed on, not even to a
public source known only through it. A source dated wholly before the abuse began cannot
report it (it is background) and is left out.

For each abuse only a few of its sources can ever be its first report against some decision:
the one that surely appeared first (earliest last day), the one that may have appeared first
(earliest first day), and any source that a licence also cites (a source that reports the
licence decision was published after it, whatever its date says). Those are kept as a small
matrix of *slots* per abuse, so that the report of every pair is found with a few numpy
operations per slot and no Python loop over pairs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.link.columns import MISSING_END, MISSING_START, day_number
from advocate.link.relations import AFTER, BEFORE, OVERLAPPING, UNKNOWN
from advocate.models.period import Period


def publication_date(source_id: str, sources: Mapping) -> Period | None:
    """The date a source was published, as far as the case file says; None if unpublished or undated."""
    seen: set[str] = set()
    current = sources.get(source_id)
    if current is None or current.confidential:
        return None
    while current is not None and not current.confidential and current.id not in seen:
        if current.date is not None:
            return current.date
        seen.add(current.id)
        current = sources.get(current.cited_in) if current.cited_in else None
    return None


def reporter(source) -> str:
    """Who published a source, as a reason names it: 'Motherboard', 'Human Rights Watch', or its title."""
    if source.publication:
        return source.publication
    if source.organisation:
        return source.organisation
    if source.publisher:
        return source.publisher
    if source.author:
        return " and ".join(source.author) if len(source.author) < 3 else f"{source.author[0]} and others"
    return source.title


@dataclass(frozen=True)
class ReportSource:
    """A published source that may be the first report of an abuse."""

    id: str
    date: Period
    reporter: str
    """Who published it (see :func:`reporter`); '' when the case file gives no name or title."""
    by_name: bool
    """True when ``reporter`` is a name ('reported by Motherboard'), False when it is a title ('reported in ...')."""


@dataclass(frozen=True)
class ReportColumns:
    """Per abuse (rows) and slot (columns): the candidate first reports' first and last days and source."""

    start: np.ndarray
    end: np.ndarray
    source: np.ndarray
    """Index into ``sources``; -1 for an empty slot."""
    sources: tuple[ReportSource, ...]
    licence_sources: np.ndarray
    """Per licence row, the code of its cell of source ids (``licence_sources_cells``)."""
    cited: np.ndarray
    """Sorted keys ``cell code * len(sources) + source index`` of each report source a licence cell cites."""

    def cites(self, licence: np.ndarray, source: np.ndarray) -> np.ndarray:
        """Whether each licence row cites the report source beside it (a source that reports its decision)."""
        if not len(self.cited):
            return np.zeros(len(licence), dtype=bool)
        key = self.licence_sources[licence] * max(len(self.sources), 1) + np.maximum(source, 0)
        at = np.minimum(np.searchsorted(self.cited, key), len(self.cited) - 1)
        return (source >= 0) & (self.cited[at] == key)

    def order(
        self, abuse: np.ndarray, licence: np.ndarray, decided_from: np.ndarray, decided_to: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each pair, the first public report's order against the decision (index in
        :data:`~advocate.link.relations.ORDER_NAMES`) and its source (index in ``sources``, -1 for none).

        A report is before the decision when its last day is before the decision's first; after when
        its first day is after the decision's last, or when the licence cites it; overlapping
        otherwise. The first report is one before the decision if any (the surest: earliest last
        day), else the earliest overlapping one, else the earliest after.
        """
        n = len(abuse)
        best = np.full(n, UNKNOWN, dtype=np.int8)
        best_key = np.full(n, MISSING_END, dtype=np.int64)
        best_source = np.full(n, -1, dtype=np.int32)
        known_from, known_to = decided_from != MISSING_START, decided_to != MISSING_END
        for slot in range(self.source.shape[1]):
            source = self.source[abuse, slot]
            start, end = self.start[abuse, slot], self.end[abuse, slot]
            present = source >= 0
            before = present & known_from & (end < decided_from)
            after = present & ~before & ((known_to & (start > decided_to)) | self.cites(licence, source))
            order = np.where(~present, UNKNOWN, np.where(before, BEFORE, np.where(after, AFTER, OVERLAPPING))).astype(
                np.int8
            )
            key = np.where(before, end, start)
            better = (order < best) | ((order == best) & present & (key < best_key))
            best = np.where(better, order, best)
            best_key = np.where(better, key, best_key)
            best_source = np.where(better, source, best_source)
        return best, best_source


def report_columns(abuses, sources: Mapping, licence_cells: pd.Series) -> ReportColumns:
    """The candidate first reports of each abuse (see the module docstring); ``licence_cells`` are the
    licences' ``sources`` cells (space-separated ids), in table row order."""
    cell_codes, cells = pd.factorize(licence_cells.fillna("").astype(str), sort=False)
    cited_anywhere = {source_id for cell in cells for source_id in cell.split()}
    index: dict[str, int] = {}
    listed: list[ReportSource] = []
    slots: list[list[tuple[int, int, int]]] = []
    dates: dict[str, Period | None] = {}
    for abuse in abuses:
        began = day_number(abuse.date.start, MISSING_START)
        found: dict[str, tuple[int, int, Period]] = {}
        for citation in abuse.sources:
            if citation.id not in dates:
                dates[citation.id] = publication_date(citation.id, sources)
            date = dates[citation.id]
            if date is None:
                continue
            first, last = day_number(date.start, MISSING_START), day_number(date.end, MISSING_END)
            if last < began:
                continue
            found[citation.id] = (first, last, date)
        if not found:
            slots.append([])
            continue
        chosen = {
            min(found, key=lambda s: (found[s][1], found[s][0], s)),
            min(found, key=lambda s: (found[s][0], found[s][1], s)),
        }
        chosen |= {s for s in found if s in cited_anywhere}
        row = []
        for source_id in sorted(chosen):
            if source_id not in index:
                source = sources[source_id]
                name = reporter(source)
                index[source_id] = len(listed)
                listed.append(
                    ReportSource(
                        source_id,
                        found[source_id][2],
                        name,
                        bool(source.publication or source.organisation or source.publisher or source.author),
                    )
                )
            row.append((found[source_id][0], found[source_id][1], index[source_id]))
        slots.append(row)
    width = max((len(row) for row in slots), default=0) or 1
    start = np.full((len(slots), width), MISSING_START, dtype=np.int64)
    end = np.full((len(slots), width), MISSING_END, dtype=np.int64)
    source = np.full((len(slots), width), -1, dtype=np.int32)
    for i, row in enumerate(slots):
        for k, (s, e, code) in enumerate(row):
            start[i, k], end[i, k], source[i, k] = s, e, code
    keys = sorted(
        code * max(len(listed), 1) + index[source_id]
        for code, cell in enumerate(cells)
        for source_id in dict.fromkeys(cell.split())
        if source_id in index
    )
    return ReportColumns(start, end, source, tuple(listed), cell_codes.astype(np.int64), np.array(keys, dtype=np.int64))
