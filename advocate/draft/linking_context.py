"""What the link engine adds to a template's context: the links of the chosen licences, and the criteria in force.

``links`` holds the links (strongest first; a :class:`~advocate.link.LinkList`, a sequence
whose records are made as they are read) between the document's licences and
the abuses it may print: in a public document a link to a confidential abuse is
left out (and counted in ``withheld``), as the abuse itself is. ``criteria_versions``
holds each version of the licensing criteria in force on one of the licences'
decision dates, oldest first; ``criteria_for(licence)`` gives one licence's. ``refusals`` are the Government's earlier refusals
of similar goods the links cite (``licence_id`` and ``reason``); ``criteria_engaged`` the criteria the
links engage, each with its ``version``; ``criteria_unknown`` the ids of licences decided before the
earliest criteria shipped. ``particulars(link)`` gives a link's reasons about who and what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.criteria import CriteriaVersion, criteria_in_force, criteria_version
from advocate.draft.errors import DraftError
from advocate.draft.records import Evidence, LicenceView
from advocate.link import Link, LinkList, LinkSet, link_case
from advocate.models.case_file import CaseFile


@dataclass(frozen=True)
class LinkingContext:
    """The names for a template, and how many links a public document left out."""

    names: dict
    withheld_links: int


def _in_force(licence: LicenceView) -> CriteriaVersion | None:
    try:
        return criteria_in_force(_decision_day(licence))
    except LookupError:
        return None


def _decision_day(licence: LicenceView) -> dt.date:
    day = licence.decision.end or licence.decision.start
    if day is None:
        raise DraftError(f"licence '{licence.id}' has no decision date, so the criteria in force are unknown")
    return day


_CACHE: list[tuple[CaseFile, LinkSet]] = []


def case_links(case_file: CaseFile) -> LinkSet:
    """The links of the whole case (every licence, so earlier refusals count as evidence), computed once
    per case and shared by every document drafted from it (and by forked worker processes)."""
    for cached, linkset in _CACHE:
        if cached is case_file:
            return linkset
    linkset = link_case(case_file)
    _CACHE[:] = [(case_file, linkset)]
    return linkset


def particulars(link: Link) -> list[str]:
    """A link's reasons about who and what (end user, technology, a hand-asserted reason), without the
    sentence about timing (letters group links by it) or the earlier refusal (letters state it once)."""
    return [reason for reason in link.reasons
            if reason != link.timing and not (link.refusal_id and link.refusal_id in reason)]


class PrintableLinks:
    """Which links a document may show: a link's abuse must be printable and, in a public document, no
    confidential hand-asserted link may stand behind it (the link's reasons would repeat that record's words)."""

    def __init__(self, evidence: Evidence):
        self.public = evidence.public
        self.abuses = evidence.printable_ids("abuses")
        self.hidden = {(record.licence, record.abuse) for record in evidence.case_file.links.values()
                       if record.confidential}

    def __call__(self, link: Link) -> bool:
        if not self.public:
            return True
        return link.abuse_id in self.abuses and (link.licence_id, link.abuse_id) not in self.hidden

    def keep(self, links: LinkList) -> tuple[LinkList, int]:
        """The printable ones of ``links``, and how many were left out, decided on whole columns (a briefing
        may hold a million links)."""
        if not self.public or not len(links):
            return links, 0
        columns = links.columns(("abuse_id", "licence_id"))
        keep = pd.Series(columns["abuse_id"], dtype=object).isin(self.abuses).to_numpy(dtype=bool)
        if self.hidden:
            pairs = pd.Series(list(zip(columns["licence_id"], columns["abuse_id"])), dtype=object)
            keep = keep & ~pairs.isin(self.hidden).to_numpy(dtype=bool)
        return links.where(keep), int((~keep).sum())


def linking_context(evidence: Evidence) -> LinkingContext:
    """Links and criteria for the licences selected in ``evidence``."""
    licences = evidence.licences
    linkset = case_links(evidence.case_file)
    links, withheld = PrintableLinks(evidence).keep(linkset.for_licences(licence.id for licence in licences))
    versions: dict[str, CriteriaVersion] = {}
    unknown: list[str] = []
    for licence in licences:
        version = _in_force(licence)
        if version is None:
            unknown.append(licence.id)
        else:
            versions.setdefault(version.id, version)

    def criteria_for(licence: LicenceView) -> CriteriaVersion:
        version = _in_force(licence)
        if version is None:
            raise DraftError(f"no licensing criteria are shipped for licence '{licence.id}', decided "
                             f"{licence.decision_text}; test criteria_versions or criteria_unknown first")
        return version

    ordered = sorted(versions.values(), key=lambda v: v.in_force_from)
    columns = links.columns(("refusal_id", "criteria_version", "criteria"))
    refusals: dict[str, str] = {}
    codes, refusal_ids = pd.factorize(columns["refusal_id"])
    firsts = np.unique(codes, return_index=True)[1] if len(codes) else []
    for at in sorted(int(i) for i in firsts if refusal_ids[codes[i]]):
        link = links[at]
        said = [reason for reason in link.reasons if link.refusal_id in reason]
        if said:
            refusals[link.refusal_id] = said[0]
    engaged: dict[tuple[str, str], None] = {}
    for version, numbers in dict.fromkeys(zip(columns["criteria_version"], columns["criteria"])):
        for number in numbers:
            engaged.setdefault((version, number), None)
    return LinkingContext({
        "links": links,
        "criteria_versions": ordered,
        "criteria_for": criteria_for,
        "criteria_unknown": unknown,
        "particulars": particulars,
        "refusals": [{"licence_id": key, "reason": reason} for key, reason in refusals.items()],
        "criteria_engaged": [{"version": criteria_version(version), "criterion": criteria_version(version).criterion(number)}
                             for version, number in engaged if version],
    }, withheld)
