"""Turning rows of the link table into :class:`~advocate.link.models.Link` records with their reasons."""

from __future__ import annotations

import numpy as np
import pandas as pd

from advocate.law.criteria import criteria_version
from advocate.link.columns import VERSION_IDS
from advocate.link.engine import RELATIONS, LinkTable
from advocate.link.matching import AbuseProfile, match_end_user, match_technology
from advocate.link.models import Link
from advocate.link.reasons import period_reason, refusal_reason, version_for
from advocate.models.licence_table import timestamp_day
from advocate.models.period import Period
from advocate.vocab.abuse_categories import criteria_engaged
from advocate.vocab.technology import technology_tags


def decision_period(frame: pd.DataFrame, row: int) -> Period:
    text = frame["decision_text"].iat[row]
    if text:
        return Period.parse(text)
    return Period(timestamp_day(frame["decision_start"].iat[row]), timestamp_day(frame["decision_end"].iat[row]), "", "interval")


def _criteria(version_id: str, categories) -> tuple[str, ...]:
    if not version_id:
        return ()
    version = criteria_version(version_id)
    numbers = []
    for number in criteria_engaged(categories):
        if version.has(number):
            numbers.append(number)
        elif version.has(number.split("(")[0]):
            numbers.append(number.split("(")[0])
    return version.order(numbers)


def _straddle(decision: Period, version_id: str) -> str:
    first, last = version_for(decision.start), version_for(decision.end)
    if first is None or last is None or first.id == last.id:
        return ""
    return (f"the decision is dated only {decision.describe()}, which spans the change from {first.short_title} to "
            f"{last.short_title} on {last.in_force_from.day} {last.in_force_from.strftime('%B %Y')}; "
            f"the criteria in force on its earliest possible day are given")


def _ratings_of(table: LinkTable, row: int) -> str:
    ratings = table.licences.ratings
    return ", ".join(ratings.loc[ratings["licence"] == row, "rating"].astype(str))


def _refusal(table: LinkTable, lic: int) -> tuple[str, str]:
    refusals = table.refusals
    ref = int(refusals.refusal[lic])
    if ref < 0:
        return "", ""
    frame = table.licences.frame
    key = refusals.keys[int(refusals.key[lic])]
    tags = technology_tags()
    label = tags[key[2:]].label if key.startswith("T:") and key[2:] in tags else key[2:]
    decided = decision_period(frame, ref)
    criteria = ", ".join(frame["refusal_criteria"].iat[ref].split())
    sentence = refusal_reason(frame["id"].iat[ref], frame["destination"].iat[ref], decided, criteria,
                              _ratings_of(table, ref), version_for(decided.start or decided.end), key, label)
    return frame["id"].iat[ref], sentence


def word_links(table: LinkTable, positions) -> tuple[Link, ...]:
    """The links at ``positions`` of the table's arrays, in that order.

    What is the same for many links (a licence's decision date, end user and earlier refusal; the
    criteria a set of categories engages; the wording of a match) is worked out once per run.
    """
    columns, licences = table.columns_, table.licences.frame
    ids = licences["id"].to_numpy()
    end_users = licences["end_user"].to_numpy()
    destinations = licences["destination"].to_numpy()
    decisions: dict[int, Period] = {}
    refusals: dict[int, tuple[str, str]] = {}
    criteria: dict[tuple, tuple[str, ...]] = {}
    end_user_matches: dict[tuple, object] = {}
    technology_matches: dict[tuple, object] = {}
    straddles: dict[tuple, str] = {}
    out = []
    for i in np.asarray(positions, dtype=np.int64):
        lic, ab = int(columns["licence"][i]), int(columns["abuse"][i])
        abuse = table.abuses[ab]
        relation = RELATIONS[int(columns["relation"][i])]
        days = int(columns["days"][i])
        decision = decisions.get(lic)
        if decision is None:
            decision = decisions[lic] = decision_period(licences, lic)
        version_index = int(table.columns.version[lic])
        version_id = VERSION_IDS[version_index] if version_index >= 0 else ""
        asserted_index = int(columns["asserted"][i])
        asserted = table.asserted[asserted_index] if asserted_index >= 0 else None
        reasons = []
        if asserted is not None:
            reasons.append(" ".join(asserted.reason.split()))
        reasons.append(period_reason(relation, days, abuse.date, decision))
        profile_index = int(table.columns.profile[lic])
        end_user = str(end_users[lic] or "")
        user_key = (end_user, tuple(abuse.perpetrators))
        if user_key not in end_user_matches:
            end_user_matches[user_key] = match_end_user(end_user, tuple(abuse.perpetrators))
        tech_key = (profile_index, tuple(abuse.technology), tuple(abuse.categories))
        if tech_key not in technology_matches:
            technology_matches[tech_key] = match_technology(table.columns.profiles[profile_index],
                                                            AbuseProfile(tuple(abuse.technology), tuple(abuse.categories)))
        for match in (end_user_matches[user_key], technology_matches[tech_key]):
            if match.score > 0:
                reasons.append(match.reason)
        if lic not in refusals:
            refusals[lic] = _refusal(table, lic)
        refusal_id, refusal_sentence = refusals[lic]
        if refusal_sentence:
            reasons.append(refusal_sentence)
        if version_id:
            straddle_key = (decision.start, decision.end, version_id)
            if straddle_key not in straddles:
                straddles[straddle_key] = _straddle(decision, version_id)
            if straddles[straddle_key]:
                reasons.append(straddles[straddle_key])
        sources = [s.id for s in asserted.sources] if asserted is not None else []
        sources += [s.id for s in abuse.sources]
        criteria_key = (version_id, tuple(abuse.categories))
        if criteria_key not in criteria:
            criteria[criteria_key] = _criteria(version_id, abuse.categories)
        out.append(Link(
            licence_id=str(ids[lic]),
            abuse_id=abuse.id,
            score=float(columns["score"][i]),
            criteria_version=version_id,
            criteria=criteria[criteria_key],
            reasons=tuple(reasons),
            asserted=asserted is not None,
            relation=relation,
            days=days,
            sources=tuple(dict.fromkeys(sources)),
            destination=str(destinations[lic]),
            decision_date=decision.text or decision.describe(),
            abuse_date=abuse.date.text,
            refusal_id=refusal_id,
        ))
    return tuple(out)
