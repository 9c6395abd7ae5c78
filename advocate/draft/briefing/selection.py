"""What a briefing shows first: the licences most strongly linked, the links summarised, the abuses to print,
and the sources of the licence data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.draft.evidence import Evidence, LicenceView
from advocate.link import RELATIONS, link_columns
from advocate.models.licence import LicenceCount


def key_licences(evidence: Evidence, links, n: int = 8) -> list[LicenceView]:
    """The ``n`` licences a reader should see first: those linked to documented abuses, strongest link first,
    then the most valuable, then the most recent."""
    linked = link_columns(links, ("licence_id", "score"))
    best = (
        pd.Series(linked["score"], dtype=float).groupby(pd.Series(linked["licence_id"], dtype=object)).max().to_dict()
    )
    frame = evidence.licence_table.frame
    order = pd.DataFrame(
        {
            "id": frame["id"].astype(str),
            "linked": frame["id"].map(best).fillna(-1.0).to_numpy(dtype=float),
            "value": frame["value"].fillna(-1.0).to_numpy(dtype=float),
            "decided": frame["decision_end"].fillna(frame["decision_start"]),
        }
    ).sort_values(["linked", "value", "decided", "id"], ascending=[False, False, False, True], kind="stable")
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
    by_relation: tuple[tuple[str, int, int], ...] = ()
    """(relation, links, licences) for every value of :data:`advocate.link.RELATIONS`, in its order (zeros included):
    the counts a template words, ``reported-after`` and ``unreported`` among them."""


def link_summary(links, strongest: int = 5) -> LinkSummary:
    """Count ``links`` (in any order; ties are broken by id, so the result does not depend on it).

    On whole columns (a briefing's links number hundreds of thousands): one pass over the links
    gathers their fields, and pandas counts and ranks them.
    """
    links = links if isinstance(links, Sequence) else list(links)
    columns = link_columns(links, ("licence_id", "abuse_id", "score", "relation", "criteria_version", "criteria"))
    criteria = columns.pop("criteria")
    frame = pd.DataFrame(columns)
    if not len(frame):
        return LinkSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (), (), (), tuple((relation, 0, 0) for relation in RELATIONS))
    relations = frame["relation"].value_counts()
    licences_of = {
        relation: frame.loc[frame["relation"] == relation, "licence_id"]
        for relation in ("foreseeable", "concurrent", "review")
    }
    best = (
        frame.assign(position=np.arange(len(frame)))
        .sort_values(["licence_id", "score", "abuse_id"], ascending=[True, False, True], kind="stable")
        .drop_duplicates("licence_id")
    )
    best = best.sort_values(["score", "licence_id", "abuse_id"], ascending=[False, True, True], kind="stable").head(
        strongest
    )
    abuses = frame.groupby("abuse_id", sort=False)["score"].max().reset_index()
    abuses = abuses.sort_values(["score", "abuse_id"], ascending=[False, True], kind="stable")
    return LinkSummary(
        links=len(frame),
        licences=int(frame["licence_id"].nunique()),
        abuses=len(abuses),
        foreseeable=int(relations.get("foreseeable", 0)),
        concurrent=int(relations.get("concurrent", 0)),
        review=int(relations.get("review", 0)),
        licences_foreseeable=int(licences_of["foreseeable"].nunique()),
        licences_concurrent=int(licences_of["concurrent"].nunique()),
        licences_known=int(pd.concat([licences_of["foreseeable"], licences_of["concurrent"]]).nunique()),
        licences_review=int(licences_of["review"].nunique()),
        by_criterion=_by_criterion(frame, list(criteria)),
        strongest=tuple(links[i] for i in best["position"]),
        abuse_ids=tuple(abuses["abuse_id"]),
        by_relation=tuple(
            (
                relation,
                int(relations.get(relation, 0)),
                int(frame.loc[frame["relation"] == relation, "licence_id"].nunique()),
            )
            for relation in RELATIONS
        ),
    )


def _by_criterion(frame: pd.DataFrame, criteria: list) -> tuple[tuple[str, str, int, int], ...]:
    """(criteria version id, criterion number, links, licences), most links first: the links grouped by their
    (version, criteria) first, so that Python runs once per distinct group, not once per link."""
    codes, groups = pd.factorize(pd.Series(list(zip(frame["criteria_version"], criteria)), dtype=object))
    numbers = pd.DataFrame(
        [(code, version, number) for code, (version, engaged) in enumerate(groups) for number in engaged],
        columns=["code", "version", "number"],
    )
    if not len(numbers):
        return ()
    links = pd.Series(np.bincount(codes, minlength=len(groups))).rename("links")
    pairs = pd.DataFrame({"code": codes, "licence": frame["licence_id"].to_numpy()}).drop_duplicates()
    counted = numbers.join(links, on="code").groupby(["version", "number"])["links"].sum()
    licences = numbers.merge(pairs, on="code").groupby(["version", "number"])["licence"].nunique()
    rows = [
        (str(version), str(number), int(counted[(version, number)]), int(licences[(version, number)]))
        for version, number in counted.index
    ]
    return tuple(sorted(rows, key=lambda row: (-row[2], row[0], row[1])))


def abuses_to_show(evidence: Evidence, links, n: int = 10, summary: LinkSummary | None = None) -> list:
    """The ``n`` documented abuses a reader should see: those linked to the licences, strongest link first, then
    the most recent of the rest; in date order. ``summary``: the links' :func:`link_summary`, if already made."""
    printable = {abuse.id: abuse for abuse in evidence.abuses}
    chosen: dict[str, None] = {}
    for abuse_id in (summary or link_summary(links)).abuse_ids:
        if abuse_id in printable:
            chosen[abuse_id] = None
            if len(chosen) >= n:
                break
    if len(chosen) < n:
        rest = sorted(
            (a for a in evidence.abuses if a.id not in chosen),
            key=lambda a: (a.date.end or a.date.start or dt.date.min, a.id),
            reverse=True,
        )
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


RELATION_GROUP = {"foreseeable": 0, "reported-after": 1, "unreported": 1, "review": 1, "concurrent": 2}
"""How a briefing counts a licence by the strongest relation of its links: reported before the decision (0); decided
before any dated public report, or the abuse came after (1); which came first cannot be told (2)."""


def timing_summary(links, timing, counts=None, strongest: int = 5) -> TimingSummary:
    """Count ``links`` by their ``relation`` (the link engine's, read as a column: no link is made to count it);
    ``timing(link)`` words the strongest few (:class:`~advocate.draft.timing.LinkTiming`); ``counts`` maps a licence
    id to the :class:`LicenceCount` its record stands for (one each if not given)."""
    links = links if isinstance(links, Sequence) else list(links)
    columns = link_columns(links, ("licence_id", "relation", "score"))
    frame = pd.DataFrame(columns)
    totals = [LicenceCount(0), LicenceCount(0), LicenceCount(0)]
    if not len(frame):
        return TimingSummary(totals[0], totals[1], totals[2], ())
    frame = frame.assign(
        group=frame["relation"].map(RELATION_GROUP).fillna(2).astype(int), position=np.arange(len(frame))
    )
    best = frame.groupby("licence_id", sort=False)["group"].min()
    for licence_id, group in best.items():
        totals[group] = totals[group] + ((counts or {}).get(licence_id) or LicenceCount(1))
    first = (
        frame.drop_duplicates("licence_id")
        .sort_values(["score", "licence_id"], ascending=[False, True], kind="stable")
        .head(strongest)
    )
    ordered = tuple((links[i], timing(links[i])) for i in first["position"])
    return TimingSummary(totals[0], totals[1], totals[2], ordered)


def licence_counts(evidence: Evidence) -> dict[str, LicenceCount]:
    """Each selected licence's id → how many licences its record stands for."""
    frame = evidence.licence_table.frame
    return {
        licence_id: LicenceCount(int(count), bool(exact))
        for licence_id, count, exact in zip(frame["id"], frame["count"], frame["count_exact"])
    }
