"""What a briefing shows first: the licences most strongly linked, the links summarised, the abuses to print,
and the sources of the licence data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from advocate.draft.evidence import Evidence, LicenceView
from advocate.models.licence import LicenceCount


def key_licences(evidence: Evidence, links, n: int = 8) -> list[LicenceView]:
    """The ``n`` licences a reader should see first: those linked to documented abuses, strongest link first,
    then the most valuable, then the most recent."""
    best: dict[str, float] = {}
    for link in links:
        if link.score > best.get(link.licence_id, -1.0):
            best[link.licence_id] = link.score
    frame = evidence.licence_table.frame
    order = pd.DataFrame({
        "id": frame["id"].astype(str),
        "linked": frame["id"].map(best).fillna(-1.0).to_numpy(dtype=float),
        "value": frame["value"].fillna(-1.0).to_numpy(dtype=float),
        "decided": frame["decision_end"].fillna(frame["decision_start"]),
    }).sort_values(["linked", "value", "decided", "id"], ascending=[False, False, False, True], kind="stable")
    wanted = list(order["id"].head(n))
    views = {licence.id: licence for licence in evidence.licences}
    chosen = [views[licence_id] for licence_id in wanted]
    for licence in chosen:
        evidence.used["licences"].add(licence.id)
    return chosen


@dataclass(frozen=True)
class LinkSummary:
    """The links of a briefing's licences counted: how many, how related, which criteria; the strongest few."""

    links: int
    licences: int
    abuses: int
    foreseeable: int
    """Links where the abuse was documented before the decision (the risk was foreseeable)."""
    concurrent: int
    review: int
    """Links where the abuse came after the decision (the licence calls for review)."""
    licences_foreseeable: int
    licences_concurrent: int
    licences_known: int
    """Licences decided when a linked abuse had been documented before or during the decision's period."""
    licences_review: int
    by_criterion: tuple[tuple[str, str, int, int], ...]
    """(criteria version id, criterion number, links, licences), most links first."""
    strongest: tuple
    """The strongest link of each of the most strongly linked licences (at most five), strongest first."""
    abuse_ids: tuple[str, ...]
    """The linked abuses, each once, strongest link first."""


def link_summary(links, strongest: int = 5) -> LinkSummary:
    """Count ``links`` (in any order; ties are broken by id, so the result does not depend on it)."""
    licences: dict[str, None] = {}
    abuses: dict[str, float] = {}
    best_by_licence: dict = {}
    relation = {"foreseeable": 0, "concurrent": 0, "review": 0}
    related = {"foreseeable": set(), "concurrent": set(), "review": set()}
    criteria: dict[tuple[str, str], list] = {}
    for link in links:
        held = best_by_licence.get(link.licence_id)
        if held is None or (link.score, held.abuse_id) > (held.score, link.abuse_id):
            best_by_licence[link.licence_id] = link
        licences.setdefault(link.licence_id, None)
        abuses[link.abuse_id] = max(abuses.get(link.abuse_id, -1.0), link.score)
        relation[link.relation] = relation.get(link.relation, 0) + 1
        if link.relation in related:
            related[link.relation].add(link.licence_id)
        for number in link.criteria:
            entry = criteria.setdefault((link.criteria_version, number), [0, set()])
            entry[0] += 1
            entry[1].add(link.licence_id)
    by_criterion = sorted(((version, number, count, len(ids)) for (version, number), (count, ids) in criteria.items()),
                          key=lambda row: (-row[2], row[0], row[1]))
    best = sorted(best_by_licence.values(), key=lambda link: (-link.score, link.licence_id, link.abuse_id))[:strongest]
    ranked_abuses = sorted(abuses.items(), key=lambda item: (-item[1], item[0]))
    return LinkSummary(
        links=sum(relation.values()), licences=len(licences), abuses=len(abuses),
        foreseeable=relation["foreseeable"], concurrent=relation["concurrent"], review=relation["review"],
        licences_foreseeable=len(related["foreseeable"]), licences_concurrent=len(related["concurrent"]),
        licences_known=len(related["foreseeable"] | related["concurrent"]), licences_review=len(related["review"]),
        by_criterion=tuple(by_criterion), strongest=tuple(best), abuse_ids=tuple(a for a, _ in ranked_abuses),
    )


def abuses_to_show(evidence: Evidence, links, n: int = 10) -> list:
    """The ``n`` documented abuses a reader should see: those linked to the licences, strongest link first, then
    the most recent of the rest; in date order."""
    printable = {abuse.id: abuse for abuse in evidence.abuses}
    chosen: dict[str, None] = {}
    for abuse_id in link_summary(links).abuse_ids:
        if abuse_id in printable:
            chosen[abuse_id] = None
            if len(chosen) >= n:
                break
    if len(chosen) < n:
        rest = sorted((a for a in evidence.abuses if a.id not in chosen),
                      key=lambda a: (a.date.end or a.date.start or dt.date.min, a.id), reverse=True)
        for abuse in rest[: n - len(chosen)]:
            chosen[abuse.id] = None
    shown = [printable[abuse_id] for abuse_id in chosen]
    return sorted(shown, key=lambda a: (a.date.start or a.date.end or dt.date.min, a.date.end or dt.date.max, a.id))


def data_sources(evidence: Evidence) -> list[str]:
    """The ids of the sources the selected licences' data come from, each once, in first-seen order."""
    column = evidence.licence_table.frame["sources"].fillna("").astype(str)
    seen: dict[str, None] = {}
    for cell in column.unique():
        for source_id in cell.split():
            seen.setdefault(source_id, None)
    return list(seen)


@dataclass(frozen=True)
class TimingSummary:
    """Licences counted by what the dates of their linked abuses support (each licence once, under its strongest):
    reported before the decision; occurred before it but reported after, or after it (review); unclear. Each count
    is of licences, "at least" where a record stands for several of unknown number."""

    reported_before: LicenceCount
    review: LicenceCount
    unclear: LicenceCount
    strongest: tuple
    """(link, timing) of the most strongly linked licences, at most five, strongest first."""


def timing_summary(links, timing, counts=None, strongest: int = 5) -> TimingSummary:
    """Count ``links`` by their timing (``timing(link)``: a :class:`~advocate.draft.timing.LinkTiming`);
    ``counts`` maps a licence id to the :class:`LicenceCount` its record stands for (one each if not given)."""
    rank = {"foreseeable": 0, "reported-after": 1, "unreported": 1, "review": 1, "concurrent": 2}
    best: dict[str, int] = {}
    first: dict[str, tuple] = {}
    for link in links:
        relation = timing(link).relation
        best[link.licence_id] = min(best.get(link.licence_id, 9), rank[relation])
        if link.licence_id not in first:
            first[link.licence_id] = (link, timing(link))
    ordered = sorted(first.values(), key=lambda pair: (-pair[0].score, pair[0].licence_id))[:strongest]
    totals = [LicenceCount(0), LicenceCount(0), LicenceCount(0)]
    for licence_id, group in best.items():
        totals[group] = totals[group] + ((counts or {}).get(licence_id) or LicenceCount(1))
    return TimingSummary(totals[0], totals[1], totals[2], tuple(ordered))


def licence_counts(evidence: Evidence) -> dict[str, LicenceCount]:
    """Each selected licence's id → how many licences its record stands for."""
    frame = evidence.licence_table.frame
    return {licence_id: LicenceCount(int(count), bool(exact))
            for licence_id, count, exact in zip(frame["id"], frame["count"], frame["count_exact"])}
