"""Turning rows of the link table into :class:`~advocate.link.models.Link` records with their reasons.

A :class:`Wording` belongs to one link table and remembers what it has put into words: what is
the same for many links (a licence's decision, criteria version and earlier refusal; an abuse's
report, attribution and criteria; the wording of a match between kinds of goods or bodies) is
worked out once per table, however many times links are asked for. Only the sentence about
timing is made per link, from parts already worded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.criteria import criteria_version
from advocate.link.columns import MISSING_END, MISSING_START, VERSION_IDS, day_number
from advocate.link.engine import STATE_ONLY, LinkTable
from advocate.link.matching import AbuseProfile, match_end_user, match_technology
from advocate.link.models import Link
from advocate.link.reasons import attribution_reason, refusal_reason, timing_reason, version_for
from advocate.link.relations import ORDER_NAMES, RELATION_NAMES
from advocate.periods import Period
from advocate.vocab.abuse_categories import criteria_engaged
from advocate.vocab.state_bodies import responsibility
from advocate.vocab.technology import technology_tags


def _day(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def decision_period(frame: pd.DataFrame, row: int) -> Period:
    text = frame["decision_text"].iat[row]
    if text:
        return Period.parse(text)
    return Period(_day(frame["decision_start"].iat[row]), _day(frame["decision_end"].iat[row]), "", "interval")


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
    return (f"the decision is dated only {decision.describe()}, which spans the change from {first.short_title} to "
            f"{last.short_title} on {last.in_force_from.day} {last.in_force_from.strftime('%B %Y')}; "
            f"the criteria cited are those in force on its earliest possible day")


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
        self._refusals: dict[int, tuple[str, str]] = {}
        self._criteria: dict[tuple, tuple[str, ...]] = {}
        self._end_user_matches: dict[tuple, str] = {}
        self._technology_matches: dict[tuple, str] = {}
        self._straddles: dict[tuple, str] = {}
        self._ratings: dict[int, str] | None = None

    # -- what links share -----------------------------------------------------------------

    def _ratings_of(self, row: int) -> str:
        if self._ratings is None:
            ratings = self.table.licences.ratings
            self._ratings = ratings.groupby("licence", sort=False)["rating"].agg(lambda r: ", ".join(map(str, r))).to_dict() \
                if len(ratings) else {}
        return self._ratings.get(row, "")

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
            sentence = refusal_reason(frame["id"].iat[ref], frame["destination"].iat[ref], decided, criteria,
                                      self._ratings_of(ref), version_for(decided.start or decided.end), key, label)
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
            str(self._ids[lic]), str(self._destinations[lic]), decision, decision.text or decision.describe(), version_id,
            refusal_id, refusal, straddle, day_number(decision.start, MISSING_START), day_number(decision.end, MISSING_END))
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
        known = self._abuses[ab] = _Abuse(abuse.id, abuse.date.text, tuple(dict.fromkeys(s.id for s in abuse.sources)), who, numbers,
                                          attribution)
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
            match = match_technology(self.table.columns.profiles[profile],
                                     AbuseProfile(tuple(abuse.technology), tuple(abuse.categories)))
            self._technology_matches[tech_key] = match.reason if match.score > 0 else ""
        return [reason for reason in (self._end_user_matches[user_key], self._technology_matches[tech_key]) if reason]

    # -- the links ---------------------------------------------------------------------------

    def links(self, positions, *, context: bool = False) -> tuple[Link, ...]:
        """The links at ``positions`` of the table's arrays, in that order (``context``: the table holds context pairs)."""
        positions = np.asarray(positions, dtype=np.int64)
        columns = {name: values[positions].tolist() for name, values in self.table.columns_.items()}
        reports = self.table.reports
        asserted_records = self.table.asserted
        out = []
        for lic, ab, score, relation_index, days, asserted_index, occurred_index, reported_index, report_index in zip(
                columns["licence"], columns["abuse"], columns["score"], columns["relation"], columns["days"],
                columns["asserted"], columns["occurred"], columns["reported"], columns["report"]):
            licence, abuse = self._licence(lic), self._abuse(ab)
            relation, occurred = RELATION_NAMES[relation_index], ORDER_NAMES[occurred_index]
            reported = ORDER_NAMES[reported_index]
            report = reports.sources[report_index] if report_index >= 0 else None
            cites_decision = False
            report_days = 0
            if report is not None:
                first, last = day_number(report.date.start, MISSING_START), day_number(report.date.end, MISSING_END)
                cites_decision = reported == "after" and not (licence.end != MISSING_END and first > licence.end)
                if reported == "before" and licence.start != MISSING_START:
                    report_days = licence.start - last
                elif reported == "after" and licence.end != MISSING_END and first != MISSING_START and first > licence.end:
                    report_days = licence.end - first
            timing = timing_reason(relation, occurred, reported, days, self.table.abuses[ab].date, licence.decision,
                                   report, cites_decision)
            asserted = asserted_records[asserted_index] if asserted_index >= 0 else None
            reasons = [" ".join(asserted.reason.split())] if asserted is not None else []
            reasons.append(timing)
            if abuse.attribution:
                reasons.append(abuse.attribution)
            reasons += self._matches(lic, ab)
            if licence.refusal:
                reasons.append(licence.refusal)
            if licence.straddle:
                reasons.append(licence.straddle)
            sources = abuse.sources if asserted is None else tuple(dict.fromkeys([s.id for s in asserted.sources] + list(abuse.sources)))
            out.append(Link(
                licence_id=licence.id,
                abuse_id=abuse.id,
                score=score,
                criteria_version=licence.version_id,
                criteria=() if context else self._criteria_of(licence.version_id, abuse.criteria_numbers),
                reasons=tuple(reasons),
                asserted=asserted is not None,
                relation=relation,
                days=days,
                sources=sources,
                destination=licence.destination,
                decision_date=licence.decision_text,
                abuse_date=abuse.date_text,
                refusal_id=licence.refusal_id,
                occurred=occurred,
                reported=reported,
                reported_by=report.id if report is not None else "",
                reported_date=report.date.text if report is not None else "",
                reporter=report.reporter if report is not None else "",
                report_days=report_days,
                timing=timing,
                responsibility=abuse.responsibility,
                context=context,
            ))
        return tuple(out)


def word_links(table: LinkTable, positions) -> tuple[Link, ...]:
    """The links at ``positions`` of the table's arrays, in that order (a :class:`Wording` of its own)."""
    return Wording(table).links(positions)
