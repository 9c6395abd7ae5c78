"""What the link engine adds to a template's context: the links of the chosen licences, and the criteria in force.

``links`` holds the links (strongest first; a :class:`~advocate.link.LinkList`, a sequence
whose records are made as they are read) between the document's licences and
the abuses it may print: in a public document a link to a confidential abuse is
left out (and counted in ``withheld``), as the abuse itself is. ``criteria_versions``
holds each version of the licensing criteria in force on one of the licences'
decision dates, oldest first; ``criteria_for(licence)`` gives one licence's. ``refusals`` are the Government's earlier refusals
of similar goods the links cite (``licence_id`` and ``reason``); ``criteria_engaged`` the criteria the
links engage, each with its ``version``; ``criteria_unknown`` the ids of licences decided before the
earliest criteria shipped. ``particulars(link)`` gives a link's reasons about who and what;
``timing(link)`` when its abuse occurred and was first reported against the decision
(:class:`~advocate.draft.timing.LinkTiming`); ``law_for(licence)`` the criteria and departments
of a licence's decision (:class:`~advocate.draft.law_on_date.LawOnDate`). ``refusals`` are
:class:`~advocate.draft.refusals.RecordedRefusal` records (attributed to the data that records them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.law_on_date import LawOnDate, law_on
from advocate.draft.refusals import recorded_refusal
from advocate.draft.timing import LinkTiming, link_timing
from advocate.errors import DraftError
from advocate.law.criteria import CriteriaVersion, criteria_in_force, criteria_version
from advocate.link import Link, LinkList, link_columns


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


def particulars(link: Link) -> list[str]:
    """A link's reasons about who and what (end user, technology, a hand-asserted reason), without the
    sentence about timing (letters group links by it) or the earlier refusal (letters state it once)."""
    return [
        reason
        for reason in link.reasons
        if reason != link.timing and not (link.refusal_id and link.refusal_id in reason)
    ]


class PrintableLinks:
    """Which links a document may show, and how: in a public document a link's licence and abuse must be
    printable, no withheld hand-asserted link may stand behind it (the link's reasons would repeat that
    record's words), and :meth:`view` leaves out of the links it keeps what is confidential in them: an earlier
    refusal that is a withheld licence (its id and the sentence naming it) and confidential source ids."""

    def __init__(self, evidence: Evidence):
        self.public = evidence.public
        self.abuses = evidence.printable_ids("abuses")
        withheld = evidence.hidden
        self.licences = withheld.licences if withheld is not None else frozenset()
        self.sources = withheld.sources if withheld is not None else frozenset()
        hidden_links = withheld.links if withheld is not None else frozenset()
        self.hidden = {
            (record.licence, record.abuse) for record in evidence.case_file.links.values() if record.id in hidden_links
        }

    def __call__(self, link: Link) -> bool:
        """Whether a document may show the link at all (in the form :meth:`view` gives)."""
        if not self.public:
            return link.abuse_id in self.abuses  # every abuse but those awaiting review
        return (
            link.abuse_id in self.abuses
            and link.licence_id not in self.licences
            and (link.licence_id, link.abuse_id) not in self.hidden
        )

    def view(self, link: Link) -> Link | None:
        """The link as this document may show it, or ``None`` if it may not show it at all."""
        if not self(link):
            return None
        if not self.public:
            return link
        changes: dict = {}
        if link.refusal_id and link.refusal_id in self.licences:
            changes["refusal_id"] = ""
            changes["reasons"] = tuple(reason for reason in link.reasons if link.refusal_id not in reason)
        if set(link.sources) & self.sources:
            changes["sources"] = tuple(source for source in link.sources if source not in self.sources)
        return link._replace(**changes) if changes else link

    def select(self, links: Iterable[Link]) -> tuple[Link, ...]:
        """The links a document may show, each as :meth:`view` gives it, in the order given."""
        return tuple(shown for shown in map(self.view, links) if shown is not None)

    def keep(self, links: LinkList) -> tuple[Sequence[Link], int]:
        """The links of ``links`` a document may show, each as :meth:`view` gives it, and how many were left out.

        Decided on whole columns (a briefing may hold a million links): the links stay a :class:`LinkList`,
        made only when read, unless some kept link names a withheld refusal or a confidential source; only then
        are the kept links made and viewed one by one.
        """
        if not len(links):
            return links, 0
        columns = links.columns(("abuse_id", "licence_id", "refusal_id", "sources"))
        keep = pd.Series(columns["abuse_id"], dtype=object).isin(self.abuses).to_numpy(dtype=bool, copy=True)
        if self.public:
            keep = keep & ~pd.Series(columns["licence_id"], dtype=object).isin(self.licences).to_numpy(dtype=bool)
            if self.hidden:
                pairs = pd.Series(list(zip(columns["licence_id"], columns["abuse_id"], strict=True)), dtype=object)
                keep = keep & ~pairs.isin(self.hidden).to_numpy(dtype=bool)
        kept, left_out = links.where(keep), int((~keep).sum())
        if not self.public:
            return kept, left_out
        refusals = set(pd.unique(pd.Series(columns["refusal_id"], dtype=object)[keep]))
        needs_view = bool(refusals & self.licences) or bool(
            self.sources
            and any(self.sources.intersection(sources) for sources in pd.Series(columns["sources"], dtype=object)[keep])
        )
        return (self.select(kept) if needs_view else kept), left_out


def linking_context(evidence: Evidence) -> LinkingContext:
    """Links and criteria for the licences selected in ``evidence``."""
    licences = evidence.licences
    linkset = evidence.links
    links, withheld = PrintableLinks(evidence).keep(linkset.for_licences(licence.id for licence in licences))
    versions: dict[str, CriteriaVersion] = {}
    unknown: list[str] = []
    for licence in licences:
        possible = law_for(licence).versions
        if not possible:
            unknown.append(licence.id)
        for version in possible:
            versions.setdefault(version.id, version)

    def criteria_for(licence: LicenceView) -> CriteriaVersion:
        version = _in_force(licence)
        if version is None:
            raise DraftError(
                f"no licensing criteria are shipped for licence '{licence.id}', decided "
                f"{licence.decision_text}; test criteria_versions or criteria_unknown first"
            )
        return version

    ordered = sorted(versions.values(), key=lambda v: v.in_force_from)
    columns = link_columns(links, ("refusal_id", "criteria_version", "criteria"))
    refusal_ids = [rid for rid in dict.fromkeys(columns["refusal_id"]) if rid]
    engaged: dict[tuple[str, str], None] = {}
    for version, numbers in dict.fromkeys(zip(columns["criteria_version"], columns["criteria"])):
        for number in numbers:
            engaged.setdefault((version, number), None)
    return LinkingContext(
        {
            "links": links,
            "criteria_versions": ordered,
            "criteria_for": criteria_for,
            "criteria_unknown": unknown,
            "particulars": particulars,
            "refusals": [recorded_refusal(evidence, licence_id) for licence_id in refusal_ids],
            "timing": lambda link: timing_of(evidence, link),
            "law_for": law_for,
            "criteria_engaged": sorted(
                (
                    {"version": criteria_version(version), "criterion": criteria_version(version).criterion(number)}
                    for version, number in engaged
                    if version
                ),
                key=lambda item: (item["version"].in_force_from, item["criterion"].number),
            ),
        },
        withheld,
    )


def law_for(licence: LicenceView) -> LawOnDate:
    """The criteria and departments of ``licence``'s decision (the EU rules too, for Military List goods)."""
    return law_on(licence.decision, military=any(rating.military for rating in licence.ratings))


def timing_of(evidence: Evidence, link: Link) -> LinkTiming:
    """When ``link``'s abuse occurred and was first reported, against its licence's decision, in words: the link's
    own fields (one rule, the link engine's, decides what the dates support)."""
    licence = evidence.any_licence(link.licence_id)
    abuse = evidence.abuse(link.abuse_id)
    return link_timing(link, evidence.case_file.sources, occurred=abuse.date, decision=licence.decision)
