"""The vectorised link engine: every licence against every abuse in the same destination, in bulk.

Licences are sorted by destination and decision day; each abuse takes the contiguous run of
licences whose decision falls within its date window (two binary searches), so only pairs in
the same destination and window are ever made, in chunks of bounded size. Scores are computed
on whole columns; the technology and end-user rules run once per distinct pair of profiles.
No Python loop runs over pairs.

Why numpy and pandas rather than DuckDB: the join is a band join (same destination, decision
within a window of the abuse date) that two ``searchsorted`` calls over a sorted array answer
exactly, with no extra dependency and no copy of the licence table into another engine; the
rules are small lookup tables indexed by profile codes, which numpy fancy indexing applies at
memory speed. DuckDB's range joins would serve too, but gain nothing here.
Pairs whose technology and end user cannot relate at all (an abuse with no technology named
and a licence for aircraft parts) are never made: for each kind of abuse, only licences of the
kinds that can relate are searched.

Each pair's timing compares the decision with when the abuse occurred and when it was first
publicly reported (:mod:`advocate.link.relations`, :mod:`advocate.link.reports`). An abuse whose
perpetrators are unknown or non-state does not engage Criterion 2(a), which concerns repression
by the state: when that is the only criterion its categories engage, its pairs are kept apart as
context (``LinkTable.context``), never as links.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from advocate.link.columns import (
    MISSING_END,
    MISSING_START,
    AbuseColumns,
    LicenceColumns,
    abuse_columns,
    licence_columns,
)
from advocate.link.matching import match_bodies, match_signature, technology_signature
from advocate.link.refusals import RefusalEvidence, find_refusals
from advocate.link.relations import AFTER, BEFORE, OVERLAPPING, RELATION_FACTORS, UNKNOWN, relation_of
from advocate.link.reports import ReportColumns, report_columns
from advocate.models.case import LinkSettings
from advocate.models.licence_table import LicenceTable
from advocate.vocab.abuse_categories import criteria_engaged
from advocate.vocab.state_bodies import bodies_in_text, responsibility

STATE_ONLY = "2(a)"
"""The criterion that concerns repression by the state: never engaged by an abuse of unknown or non-state perpetrators."""
CHUNK_PAIRS = 2_000_000
_COLUMNS = {
    "licence": np.int32,
    "abuse": np.int32,
    "score": np.float64,
    "relation": np.int8,
    "days": np.int32,
    "asserted": np.int32,
    "occurred": np.int8,
    "reported": np.int8,
    "report": np.int32,
}
"""The link table's columns and their types (small types: national datasets give millions of links)."""
_PAIR_COLUMNS = ("relation", "days", "occurred", "reported", "report")
"""The columns :meth:`_Engine.evaluate` gives for each pair besides the score."""
_SPAN = 1 << 40


def _score_table(rows, columns, evaluate) -> np.ndarray:
    """Scores of every (row kind, column kind): small, evaluated once each in Python."""
    table = np.zeros((max(len(rows), 1), max(len(columns), 1)), dtype=np.float64)
    for i, row in enumerate(rows):
        for j, column in enumerate(columns):
            table[i, j] = evaluate(row, column).score
    return table


@dataclass(frozen=True)
class LinkTable:
    """The links as columns, and what is needed to put them into words.

    The links are arrays (``columns_``; ``frame`` gives them sorted) with, per link: ``licence`` (row in ``licences``), ``abuse`` (index in
    ``abuses``), ``score``, ``relation`` (index in :data:`~advocate.link.relations.RELATIONS`), ``days`` (decision minus
    abuse, signed; 0 when the periods overlap), ``asserted`` (index of the hand-asserted link,
    -1 for none), ``occurred`` and ``reported`` (indexes in :data:`~advocate.link.relations.ORDERS`),
    ``report`` (the first public report, index in ``reports.sources``; -1 for none). Sorted
    strongest first, then by licence row and abuse. ``pairs_in_window`` counts the pairs in the
    same destination and date window; ``pairs_considered`` those of them whose technology or end
    user could relate at all, which were scored. ``context`` holds, in the same form, the pairs
    kept apart as context (abuses of unknown or non-state perpetrators engaging only Criterion 2(a)).
    """

    columns_: dict
    """The links as arrays (keys of ``_COLUMNS``), in the order found."""
    licences: LicenceTable
    columns: LicenceColumns
    abuses: tuple
    abuse_columns: AbuseColumns
    asserted: tuple
    refusals: RefusalEvidence
    settings: LinkSettings
    pairs_considered: int
    pairs_in_window: int
    reports: ReportColumns
    context: LinkTable | None = None

    def __len__(self) -> int:
        return len(self.columns_["licence"])

    def ranked(self, positions: np.ndarray) -> np.ndarray:
        """``positions`` (into the arrays) in order, strongest first."""
        positions = np.asarray(positions, dtype=np.int64)
        return positions[_sorted(_rank_key(self.columns_, positions, len(self.licences), len(self.abuses)))]

    @cached_property
    def order(self) -> np.ndarray:
        """Positions of every link, strongest first."""
        return self.ranked(np.arange(len(self)))

    def strongest(self, n: int) -> np.ndarray:
        """Positions of the ``n`` strongest links, in order, without sorting the rest."""
        n = min(max(n, 0), len(self))
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        if n * 4 >= len(self):
            return self.order[:n]
        key = _rank_key(self.columns_, np.arange(len(self)), len(self.licences), len(self.abuses))
        if isinstance(key, tuple):
            return self.order[:n]
        return self.ranked(np.argpartition(key, n - 1)[:n])

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The link arrays as one frame, strongest first (``licence`` and ``abuse`` are positions)."""
        return pd.DataFrame({name: values[self.order] for name, values in self.columns_.items()})


def _period_score(relation: np.ndarray, days: np.ndarray, settings: LinkSettings) -> np.ndarray:
    """The relation's factor, times a distance that halves over the window (an abuse long before or after counts less)."""
    fw = max(settings.foreseeable_window_days, 1)
    rw = max(settings.review_window_days, 1)
    distance = np.where(days > 0, np.minimum(days / fw, 1.0), np.where(days < 0, np.minimum(-days / rw, 1.0), 0.0))
    return np.asarray(RELATION_FACTORS)[relation] * (1.0 - 0.5 * distance)


def context_only(abuses) -> np.ndarray:
    """Per abuse: its perpetrators are unknown or non-state and Criterion 2(a) is all its categories engage."""
    return np.array(
        [
            responsibility(a.perpetrators) != "state" and set(criteria_engaged(a.categories)) == {STATE_ONLY}
            for a in abuses
        ],
        dtype=bool,
    )


class _Engine:
    def __init__(self, table: LicenceTable, abuses, settings: LinkSettings, sources):
        self.table = table
        self.settings = settings
        self.abuses = tuple(abuses)
        self.lc = licence_columns(table)
        self.ac: AbuseColumns = abuse_columns(self.abuses)
        codes = {code: i for i, code in enumerate(sorted(set(self.ac.country)))}
        self.abuse_country = np.array([codes[c] for c in self.ac.country], dtype=np.int64)
        self.country = table.frame["country"].map(codes).fillna(-1).to_numpy().astype(np.int64)
        self.linkable = (self.country >= 0) & table.frame["outcome"].isin(settings.outcomes).to_numpy()
        self.refusals = find_refusals(
            table, self.lc, self.country, self.linkable, tuple(settings.refusal_criteria), settings.refusal_window_days
        )
        signatures, self.signature = _codes(technology_signature(p) for p in self.lc.profiles)
        self.tech_sig = self.signature[self.lc.profile]
        self.tech_scores = _score_table(signatures, self.ac.profiles, match_signature)
        bodies, body_of_user = _codes(bodies_in_text(u) for u in self.lc.end_users)
        self.user_sig = body_of_user[self.lc.end_user]
        self.user_scores = _score_table(bodies, self.ac.perpetrator_sets, lambda b, p: match_bodies(b, "", p))
        weights = settings.weights
        self.weights = np.array(
            [weights.period, weights.end_user, weights.technology, weights.refusal], dtype=np.float64
        )
        self.weights = self.weights / self.weights.sum()
        self.reports = report_columns(self.abuses, sources, table.frame["sources"])

    def evaluate(self, lic: np.ndarray, ab: np.ndarray) -> dict[str, np.ndarray]:
        """Timing (occurred, reported, relation, days, report), component scores and total score of each pair
        (licence row, abuse index)."""
        lc, ac = self.lc, self.ac
        ls, le, as_, ae = lc.start[lic], lc.end[lic], ac.start[ab], ac.end[ab]
        before = (ae != MISSING_END) & (ls != MISSING_START) & (ae < ls)
        after = (as_ != MISSING_START) & (le != MISSING_END) & (as_ > le)
        undated = (ls == MISSING_START) & (le == MISSING_END)
        occurred = np.where(before, BEFORE, np.where(after, AFTER, np.where(undated, UNKNOWN, OVERLAPPING))).astype(
            np.int8
        )
        reported, report = self.reports.order(ab, lic, ls, le)
        relation = relation_of(occurred, reported)
        days = np.where(before, ls - ae, np.where(after, le - as_, 0))
        t = self.tech_scores[self.tech_sig[lic], ac.profile[ab]]
        e = self.user_scores[self.user_sig[lic], ac.perpetrators[ab]]
        p = _period_score(relation, days, self.settings)
        r = self.refusals.strength[lic]
        score = self.weights[0] * p + self.weights[1] * e + self.weights[2] * t + self.weights[3] * r
        return {
            "relation": relation,
            "days": days,
            "occurred": occurred,
            "reported": reported,
            "report": report,
            "t": t,
            "e": e,
            "score": np.round(score, 4),
        }

    def _sorted_linkable(self) -> np.ndarray:
        rows = np.flatnonzero(self.linkable)
        return rows[np.lexsort((self.lc.key_day[rows], self.country[rows]))]

    def _ranges(self, rows: np.ndarray, abuses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each abuse, the run of ``rows`` (sorted by destination and day) within its date window."""
        lc, ac, s = self.lc, self.ac, self.settings
        key_day = lc.key_day[rows]
        known = (lc.start[rows] != MISSING_START) & (lc.end[rows] != MISSING_END)
        max_span = int((lc.end[rows] - lc.start[rows])[known].max()) if known.any() else 0
        a_first = np.where(ac.start == MISSING_START, ac.end, ac.start)[abuses]
        a_last = np.where(ac.end == MISSING_END, ac.start, ac.end)[abuses]
        low = a_first - s.review_window_days - max_span
        high = a_last + s.foreseeable_window_days
        base = min(int(key_day.min()) if len(key_day) else 0, int(low.min()) if len(low) else 0)
        sorted_key = self.country[rows] * _SPAN + (key_day - base)
        lo = np.searchsorted(sorted_key, self.abuse_country[abuses] * _SPAN + (low - base), side="left")
        hi = np.searchsorted(sorted_key, self.abuse_country[abuses] * _SPAN + (high - base), side="right")
        return lo, hi - lo

    def candidates(self):
        """Chunks of (licence rows, abuse indexes): same destination, date window, and a technology or end user that can relate."""
        everything = self._sorted_linkable()
        self.in_window = int(self._ranges(everything, np.arange(len(self.abuses)))[1].sum()) if len(self.abuses) else 0
        kinds = self.ac.profile * len(self.ac.perpetrator_sets) + self.ac.perpetrators
        for kind in np.unique(kinds):
            abuses = np.flatnonzero(kinds == kind)
            profile, perpetrators = divmod(int(kind), len(self.ac.perpetrator_sets))
            relevant = (self.tech_scores[self.tech_sig[everything], profile] > 0) | (
                self.user_scores[self.user_sig[everything], perpetrators] > 0
            )
            rows = everything[relevant]
            if not len(rows):
                continue
            lo, counts = self._ranges(rows, abuses)
            yield from self._chunks(rows, abuses, lo, counts)

    @staticmethod
    def _chunks(rows, abuses, lo, counts):
        cumulative = np.cumsum(counts)
        start = 0
        while start < len(counts):
            stop = int(np.searchsorted(cumulative, (cumulative[start - 1] if start else 0) + CHUNK_PAIRS, side="right"))
            stop = max(stop, start + 1)
            n = counts[start:stop]
            total = int(n.sum())
            if total:
                within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
                yield rows[np.repeat(lo[start:stop], n) + within], np.repeat(abuses[start:stop], n)
            start = stop

    def run(self, asserted) -> LinkTable:
        s = self.settings
        parts: dict[str, list[np.ndarray]] = {name: [] for name in _COLUMNS}
        considered = 0
        for lic, ab in self.candidates():
            considered += len(lic)
            v = self.evaluate(lic, ab)
            occurred, days = v["occurred"], v["days"]
            in_window = (
                ((occurred == BEFORE) & (days <= s.foreseeable_window_days))
                | ((occurred == AFTER) & (-days <= s.review_window_days))
                | (occurred == OVERLAPPING)
                | (occurred == UNKNOWN)
            )
            keep = in_window & ((v["t"] > 0) | (v["e"] > 0)) & (v["score"] >= s.min_score)
            for name, values in (("licence", lic), ("abuse", ab), ("score", v["score"])) + tuple(
                (n, v[n]) for n in _PAIR_COLUMNS
            ):
                parts[name].append(values[keep].astype(_COLUMNS[name]))
        columns = {
            name: np.concatenate(parts[name]) if parts[name] else np.zeros(0, dtype=kind)
            for name, kind in _COLUMNS.items()
            if name != "asserted"
        }
        columns["asserted"] = np.full(len(columns["licence"]), -1, dtype=np.int32)
        columns = self._assert(columns, asserted)
        apart = context_only(self.abuses)[columns["abuse"]]

        def table(part: dict[str, np.ndarray], context: LinkTable | None = None) -> LinkTable:
            return LinkTable(
                part,
                self.table,
                self.lc,
                self.abuses,
                self.ac,
                tuple(asserted),
                self.refusals,
                s,
                considered,
                getattr(self, "in_window", 0),
                reports=self.reports,
                context=context,
            )

        if not apart.any():  # no copy of a national table when nothing is context
            return table(columns, table({name: values[:0] for name, values in columns.items()}))
        return table(
            {name: values[~apart] for name, values in columns.items()},
            table({name: values[apart] for name, values in columns.items()}),
        )

    def _assert(self, columns: dict[str, np.ndarray], asserted) -> dict[str, np.ndarray]:
        """Mark computed links the case file asserts, and add the asserted links not computed."""
        if not asserted:
            return columns
        abuse_index = {abuse_id: i for i, abuse_id in enumerate(self.ac.ids)}
        ids = self.table.frame["id"]
        wanted_ids = frozenset(link.licence for link in asserted)
        position = {ids.iat[i]: int(i) for i in np.flatnonzero(ids.isin(wanted_ids).to_numpy(dtype=bool))}
        wanted = [
            (i, position[link.licence], abuse_index[link.abuse])
            for i, link in enumerate(asserted)
            if link.licence in position and link.abuse in abuse_index
        ]
        if not wanted:
            return columns
        which = np.array([w[0] for w in wanted], dtype=np.int32)
        lic = np.array([w[1] for w in wanted], dtype=np.int64)
        ab = np.array([w[2] for w in wanted], dtype=np.int64)
        v = self.evaluate(lic, ab)
        near = np.flatnonzero(np.isin(columns["abuse"], ab))
        found = {(int(columns["licence"][k]), int(columns["abuse"][k])): int(k) for k in near}
        extra: dict[str, list[float | np.generic]] = {name: [] for name in _COLUMNS}
        for k in range(len(wanted)):
            score = max(float(v["score"][k]), self.settings.asserted_score)
            row = found.get((int(lic[k]), int(ab[k])))
            if row is not None:
                columns["asserted"][row] = which[k]
                columns["score"][row] = max(columns["score"][row], self.settings.asserted_score)
                continue
            for name, value in (("licence", lic[k]), ("abuse", ab[k]), ("score", score), ("asserted", which[k])):
                extra[name].append(value)
            for name in _PAIR_COLUMNS:
                extra[name].append(v[name][k])
        return {
            name: np.concatenate([columns[name], np.array(extra[name], dtype=kind)]) for name, kind in _COLUMNS.items()
        }


def _rank_key(columns: dict[str, np.ndarray], positions: np.ndarray, n_licences: int, n_abuses: int):
    """A sort key for the links at ``positions``: score descending, then licence row, then abuse.

    One integer where it fits in 63 bits; otherwise a tuple of keys for :func:`numpy.lexsort`.
    """
    score = np.rint(columns["score"][positions] * 10_000).astype(np.int64)
    licence = columns["licence"][positions].astype(np.int64)
    abuse = columns["abuse"][positions].astype(np.int64)
    licence_bits, abuse_bits = max(n_licences, 1).bit_length(), max(n_abuses, 1).bit_length()
    if 15 + licence_bits + abuse_bits <= 63:
        return ((10_000 - score) << (licence_bits + abuse_bits)) | (licence << abuse_bits) | abuse
    return (abuse, licence, -score)


def _sorted(key) -> np.ndarray:
    return np.lexsort(key) if isinstance(key, tuple) else np.argsort(key, kind="stable")


def _codes(values) -> tuple[list, np.ndarray]:
    """Distinct values in first-seen order, and the code of each value."""
    index: dict = {}
    codes = [index.setdefault(v, len(index)) for v in values]
    return list(index), np.array(codes, dtype=np.int64)


def compute_links(
    table: LicenceTable, abuses, settings: LinkSettings | None = None, asserted=(), sources=None
) -> LinkTable:
    """Links between the licences of ``table`` and ``abuses`` (with hand-asserted ``asserted`` links kept).

    ``sources`` (the case's sources by id) date the abuses' reports; without them no abuse has a
    dated public report, so none is foreseeable.
    """
    return _Engine(table, tuple(abuses), settings or LinkSettings(), sources or {}).run(tuple(asserted))
