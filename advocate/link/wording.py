"""Turning rows of the link table into :class:`~advocate.link.models.Link` records with their reasons.

A :class:`Wording` belongs to one link table and remembers what it has put into words: what is
the same for many links (a licence's decision, criteria version and earlier refusal; an abuse's
report, attribution and criteria; the wording of a match between kinds of goods or bodies) is
worked out once per table, however many times links are asked for. A link's fields are gathered
with numpy; its reasons are worded only when read (:class:`~advocate.link.models.Reasons`), and
then only the sentence about timing is new, made from parts already worded.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.law.criteria import criteria_version
from advocate.link.columns import MISSING_END, MISSING_START, VERSION_IDS, day_number
from advocate.link.engine import STATE_ONLY, LinkTable
from advocate.link.matching import AbuseProfile, match_end_user, match_technology
from advocate.link.models import Link, Reasons
from advocate.link.reasons import attribution_reason, refusal_reason, timing_reason, version_for
from advocate.link.relations import AFTER, BEFORE, ORDER_NAMES, RELATION_NAMES
from advocate.models.licence_table import timestamp_day
from advocate.models.period import Period
from advocate.vocab.abuse_categories import criteria_engaged
from advocate.vocab.state_bodies import responsibility
from advocate.vocab.technology import technology_tags


def decision_period(frame: pd.DataFrame, row: int) -> Period:
    text = frame["decision_text"].iat[row]
    if text:
        return Period.parse(text)
    return Period(
        timestamp_day(frame["decision_start"].iat[row]), timestamp_day(frame["decision_end"].iat[row]), "", "interval"
    )


def _criteria(version_id: str, numbers) -> tuple[str, ...]:
    if not version_id:
        return ()
    version = criteria_version(version_id)
    found = []
    for number in numbers:
        if version.has(number):
            found.append(number)
        elif version.has(number.split("(")[0]):
            found.append(number.split("(")[0])
    return version.order(found)


def _straddle(decision: Period) -> str:
    first, last = version_for(decision.start), version_for(decision.end)
    if first is None or last is None or first.id == last.id:
        return ""
    return (
        f"the decision is dated only {decision.describe()}, which spans the change from {first.short_title} to "
        f"{last.short_title} on {last.in_force_from.day} {last.in_force_from.strftime('%B %Y')}; "
        f"the criteria cited are those in force on its earliest possible day"
    )


@contextmanager
def _no_collection():
    """No cyclic garbage collection while a national dataset's links are made: the collector would scan
    every new link again and again (they hold no cycles), which made building them several times slower."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _objects(values) -> np.ndarray:
    """A one-dimensional object array of ``values`` (tuples stay elements, never become a second dimension)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


@dataclass(frozen=True)
class _Licence:
    """What the links of one licence share."""

    id: str
    destination: str
    decision: Period
    decision_text: str
    version_id: str
    refusal_id: str
    refusal: str
    straddle: str
    start: int
    end: int


@dataclass(frozen=True)
class _Abuse:
    """What the links of one abuse share, besides its timing against each decision."""

    id: str
    date_text: str
    sources: tuple[str, ...]
    responsibility: str
    criteria_numbers: tuple[str, ...]
    """The criteria its categories engage, Criterion 2(a) set aside when the perpetrators are not the state."""
    attribution: str


class Wording:
    """Puts the links of one :class:`~advocate.link.engine.LinkTable` into words, remembering the shared parts."""

    def __init__(self, table: LinkTable):
        self.table = table
        frame = table.licences.frame
        self._ids = frame["id"].to_numpy()
        self._destinations = frame["destination"].to_numpy()
        self._end_users = frame["end_user"].to_numpy()
        self._source_cells = frame["sources"].fillna("").astype(str).to_numpy()
        self._licences: dict[int, _Licence] = {}
        self._abuses: dict[int, _Abuse] = {}
        self._refusals: dict[tuple[int, str], tuple[str, str]] = {}
        self._criteria: dict[tuple, tuple[str, ...]] = {}
        self._end_user_matches: dict[tuple, str] = {}
        self._technology_matches: dict[tuple, str] = {}
        self._straddles: dict[tuple, str] = {}
        self._ratings: tuple[np.ndarray, np.ndarray] | None = None

    # -- what links share -----------------------------------------------------------------

    def _ratings_of(self, row: int) -> str:
        """A licence's ratings as the data lists them ('5A001, 5D002'), found by binary search over the ratings
        sorted once by licence (refused licences are few; the ratings table may hold millions of rows)."""
        if self._ratings is None:
            ratings = self.table.licences.ratings
            rows = ratings["licence"].to_numpy()
            order = np.argsort(rows, kind="stable")
            self._ratings = (rows[order], ratings["rating"].astype(str).to_numpy()[order])
        rows, texts = self._ratings
        first, last = np.searchsorted(rows, row, side="left"), np.searchsorted(rows, row, side="right")
        return ", ".join(texts[first:last])

    def _refusal(self, lic: int) -> tuple[str, str]:
        refusals = self.table.refusals
        ref = int(refusals.refusal[lic])
        if ref < 0:
            return "", ""
        key = refusals.keys[int(refusals.key[lic])]
        cached = self._refusals.get((ref, key))
        if cached is None:
            frame = self.table.licences.frame
            tags = technology_tags()
            label = tags[key[2:]].label if key.startswith("T:") and key[2:] in tags else key[2:]
            decided = decision_period(frame, ref)
            criteria = ", ".join(frame["refusal_criteria"].iat[ref].split())
            sentence = refusal_reason(
                frame["id"].iat[ref],
                frame["destination"].iat[ref],
                decided,
                criteria,
                self._ratings_of(ref),
                version_for(decided.start or decided.end),
                key,
                label,
            )
            cached = self._refusals[(ref, key)] = (str(frame["id"].iat[ref]), sentence)
        return cached

    def _licence(self, lic: int) -> _Licence:
        known = self._licences.get(lic)
        if known is not None:
            return known
        decision = decision_period(self.table.licences.frame, lic)
        version_index = int(self.table.columns.version[lic])
        version_id = VERSION_IDS[version_index] if version_index >= 0 else ""
        straddle = ""
        if version_id:
            key = (decision.start, decision.end)
            if key not in self._straddles:
                self._straddles[key] = _straddle(decision)
            straddle = self._straddles[key]
        refusal_id, refusal = self._refusal(lic)
        known = self._licences[lic] = _Licence(
            str(self._ids[lic]),
            str(self._destinations[lic]),
            decision,
            decision.text or decision.describe(),
            version_id,
            refusal_id,
            refusal,
            straddle,
            day_number(decision.start, MISSING_START),
            day_number(decision.end, MISSING_END),
        )
        return known

    def _abuse(self, ab: int) -> _Abuse:
        known = self._abuses.get(ab)
        if known is not None:
            return known
        abuse = self.table.abuses[ab]
        who = responsibility(abuse.perpetrators)
        engaged = criteria_engaged(abuse.categories)
        numbers = engaged if who == "state" else tuple(n for n in engaged if n != STATE_ONLY)
        attribution = attribution_reason(who, numbers) if len(numbers) < len(engaged) else ""
        known = self._abuses[ab] = _Abuse(
            abuse.id, abuse.date.text, tuple(dict.fromkeys(s.id for s in abuse.sources)), who, numbers, attribution
        )
        return known

    def _criteria_of(self, version_id: str, numbers: tuple[str, ...]) -> tuple[str, ...]:
        key = (version_id, numbers)
        if key not in self._criteria:
            self._criteria[key] = _criteria(version_id, numbers)
        return self._criteria[key]

    def _matches(self, lic: int, ab: int) -> list[str]:
        abuse = self.table.abuses[ab]
        end_user = str(self._end_users[lic] or "")
        user_key = (end_user, abuse.perpetrators)
        if user_key not in self._end_user_matches:
            match = match_end_user(end_user, tuple(abuse.perpetrators))
            self._end_user_matches[user_key] = match.reason if match.score > 0 else ""
        profile = int(self.table.columns.profile[lic])
        tech_key = (profile, abuse.technology, abuse.categories)
        if tech_key not in self._technology_matches:
            match = match_technology(
                self.table.columns.profiles[profile], AbuseProfile(tuple(abuse.technology), tuple(abuse.categories))
            )
            self._technology_matches[tech_key] = match.reason if match.score > 0 else ""
        return [reason for reason in (self._end_user_matches[user_key], self._technology_matches[tech_key]) if reason]

    # -- the links ---------------------------------------------------------------------------

    def reasons_at(self, position: int) -> tuple[str, ...]:
        """The reasons of the link at ``position`` of the table's arrays."""
        columns = self.table.columns_
        lic, ab = int(columns["licence"][position]), int(columns["abuse"][position])
        licence, abuse = self._licence(lic), self._abuse(ab)
        reported = ORDER_NAMES[int(columns["reported"][position])]
        report_index = int(columns["report"][position])
        report = self.table.reports.sources[report_index] if report_index >= 0 else None
        cites_decision = False
        if report is not None and reported == "after":
            first = day_number(report.date.start, MISSING_START)
            cites_decision = not (licence.end != MISSING_END and first > licence.end)
        timing = timing_reason(
            RELATION_NAMES[int(columns["relation"][position])],
            ORDER_NAMES[int(columns["occurred"][position])],
            reported,
            int(columns["days"][position]),
            self.table.abuses[ab].date,
            licence.decision,
            report,
            cites_decision,
        )
        asserted_index = int(columns["asserted"][position])
        reasons = [" ".join(self.table.asserted[asserted_index].reason.split())] if asserted_index >= 0 else []
        reasons.append(timing)
        if abuse.attribution:
            reasons.append(abuse.attribution)
        reasons += self._matches(lic, ab)
        if licence.refusal:
            reasons.append(licence.refusal)
        if licence.straddle:
            reasons.append(licence.straddle)
        return tuple(reasons)

    def _report_days(self, lic: np.ndarray, reported: np.ndarray, report: np.ndarray) -> np.ndarray:
        """Decision minus report, in days, where the report is wholly before or after the decision's dates; else 0."""
        sources = self.table.reports.sources
        if not sources or not len(lic):
            return np.zeros(len(lic), dtype=np.int64)
        first = np.array([day_number(s.date.start, MISSING_START) for s in sources] + [MISSING_START], dtype=np.int64)[
            report
        ]
        last = np.array([day_number(s.date.end, MISSING_END) for s in sources] + [MISSING_END], dtype=np.int64)[report]
        start, end = self.table.columns.start[lic], self.table.columns.end[lic]
        before = (reported == BEFORE) & (start != MISSING_START)
        after = (reported == AFTER) & (end != MISSING_END) & (first != MISSING_START) & (first > end)
        return np.where(before, start - last, np.where(after, end - first, 0))

    def columns(self, positions, names, *, context: bool = False) -> dict[str, np.ndarray]:
        """Fields of the links at ``positions`` as arrays, one per name in ``names`` (any of
        :data:`~advocate.link.models.Link`'s fields but ``reasons``), without making the links: for counting
        and selecting hundreds of thousands of links on whole columns."""
        return _Gathered(self, np.asarray(positions, dtype=np.int64), context).arrays(names)

    def links(self, positions, *, context: bool = False) -> tuple[Link, ...]:
        """The links at ``positions`` of the table's arrays, in that order (``context``: the table holds context pairs).

        Per licence and per abuse the shared fields are found once; per link only numbers are
        gathered, with numpy, and the reasons are worded when first read.
        """
        positions = np.asarray(positions, dtype=np.int64)
        arrays = _Gathered(self, positions, context).arrays([name for name in Link._fields if name != "reasons"])
        values = [arrays[name].tolist() if name != "reasons" else None for name in Link._fields]
        with _no_collection():
            values[Link._fields.index("reasons")] = [Reasons(self, p) for p in positions.tolist()]
            return tuple(map(Link._make, zip(*values)))


class _Gathered:
    """The fields of some links, gathered per licence and per abuse, then indexed out per link."""

    def __init__(self, wording: Wording, positions: np.ndarray, context: bool):
        self.wording, self.positions, self.context = wording, positions, context
        table = wording.table
        self.columns = {name: values[positions] for name, values in table.columns_.items()}
        self.lic = self.columns["licence"].astype(np.int64)
        self.ab = self.columns["abuse"].astype(np.int64)
        self.lic_code, licences = pd.factorize(self.lic)
        self.ab_code, abuses = pd.factorize(self.ab)
        self.per_licence = [wording._licence(int(row)) for row in licences]
        self.per_abuse = [wording._abuse(int(index)) for index in abuses]
        sources = table.reports.sources
        report = self.columns["report"].astype(np.int64)
        self.report_at = np.where(report >= 0, report, len(sources))

    def arrays(self, names) -> dict[str, np.ndarray]:
        return {name: getattr(self, "_" + name)() for name in names}

    def _licence_field(self, name: str) -> np.ndarray:
        return _objects([getattr(l, name) for l in self.per_licence])[self.lic_code]

    def _abuse_field(self, name: str) -> np.ndarray:
        return _objects([getattr(a, name) for a in self.per_abuse])[self.ab_code]

    def _report_field(self, value) -> np.ndarray:
        return _objects([value(s) for s in self.wording.table.reports.sources] + [""])[self.report_at]

    def _licence_id(self):
        return self._licence_field("id")

    def _abuse_id(self):
        return self._abuse_field("id")

    def _score(self):
        return self.columns["score"]

    def _criteria_version(self):
        return self._licence_field("version_id")

    def _asserted(self):
        return self.columns["asserted"] >= 0

    def _relation(self):
        return _objects(RELATION_NAMES)[self.columns["relation"]]

    def _days(self):
        return self.columns["days"]

    def _destination(self):
        return self._licence_field("destination")

    def _decision_date(self):
        return self._licence_field("decision_text")

    def _abuse_date(self):
        return self._abuse_field("date_text")

    def _refusal_id(self):
        return self._licence_field("refusal_id")

    def _occurred(self):
        return _objects(ORDER_NAMES)[self.columns["occurred"]]

    def _reported(self):
        return _objects(ORDER_NAMES)[self.columns["reported"]]

    def _reported_by(self):
        return self._report_field(lambda s: s.id)

    def _reported_date(self):
        return self._report_field(lambda s: s.date.text)

    def _reporter(self):
        return self._report_field(lambda s: s.reporter)

    def _responsibility(self):
        return self._abuse_field("responsibility")

    def _context(self):
        return np.full(len(self.positions), self.context, dtype=bool)

    def _report_days(self):
        return self.wording._report_days(self.lic, self.columns["reported"], self.report_at)

    def _sources(self):
        sources = self._abuse_field("sources")
        asserted = self.columns["asserted"]
        for k in np.flatnonzero(asserted >= 0).tolist():
            record = self.wording.table.asserted[int(asserted[k])]
            sources[k] = tuple(dict.fromkeys([s.id for s in record.sources] + list(sources[k])))
        return sources

    def _criteria(self):
        if self.context or not len(self.positions):
            return _objects([()])[np.zeros(len(self.positions), dtype=np.int64)]
        versions = np.array(
            [VERSION_IDS.index(l.version_id) if l.version_id else -1 for l in self.per_licence], dtype=np.int64
        )
        numbers = list(dict.fromkeys(a.criteria_numbers for a in self.per_abuse))
        number_code = {n: i for i, n in enumerate(numbers)}
        abuse_numbers = np.array([number_code[a.criteria_numbers] for a in self.per_abuse], dtype=np.int64)
        pair = (versions[self.lic_code] + 1) * len(numbers) + abuse_numbers[self.ab_code]
        code, distinct = pd.factorize(pair)
        found = [
            self.wording._criteria_of(VERSION_IDS[v - 1] if v > 0 else "", numbers[n])
            for v, n in (divmod(int(p), len(numbers)) for p in distinct)
        ]
        return _objects(found)[code]


def word_links(table: LinkTable, positions) -> tuple[Link, ...]:
    """The links at ``positions`` of the table's arrays, in that order (a :class:`Wording` of its own)."""
    return Wording(table).links(positions)
