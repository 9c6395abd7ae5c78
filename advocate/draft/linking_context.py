"""What the link engine adds to a template's context: the links of the chosen licences, and the criteria in force.

``links`` holds the links (strongest first) between the document's licences and
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
from dataclasses import dataclass

from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.law_on_date import LawOnDate, law_on
from advocate.draft.refusals import recorded_refusal
from advocate.draft.timing import LinkTiming, link_timing
from advocate.errors import DraftError
from advocate.law.criteria import CriteriaVersion, criteria_in_force, criteria_version
from advocate.link import Link


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
    return [reason for reason in link.reasons
            if not reason.startswith("documented ") and not (link.refusal_id and link.refusal_id in reason)]


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
            return link.abuse_id in self.abuses  # every abuse but those awaiting review
        return link.abuse_id in self.abuses and (link.licence_id, link.abuse_id) not in self.hidden


def linking_context(evidence: Evidence) -> LinkingContext:
    """Links and criteria for the licences selected in ``evidence``."""
    licences = evidence.licences
    linkset = evidence.links
    links: list[Link] = []
    withheld = 0
    printable = PrintableLinks(evidence)
    for link in linkset.for_licences(licence.id for licence in licences):
        if printable(link):
            links.append(link)
        else:
            withheld += 1
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
            raise DraftError(f"no licensing criteria are shipped for licence '{licence.id}', decided "
                             f"{licence.decision_text}; test criteria_versions or criteria_unknown first")
        return version

    ordered = sorted(versions.values(), key=lambda v: v.in_force_from)
    refusal_ids = list(dict.fromkeys(link.refusal_id for link in links if link.refusal_id))
    engaged: dict[tuple[str, str], None] = {}
    for link in links:
        for number in link.criteria:
            engaged.setdefault((link.criteria_version, number), None)
    return LinkingContext({
        "links": links,
        "criteria_versions": ordered,
        "criteria_for": criteria_for,
        "criteria_unknown": unknown,
        "particulars": particulars,
        "refusals": [recorded_refusal(evidence, licence_id) for licence_id in refusal_ids],
        "timing": lambda link: timing_of(evidence, link),
        "law_for": law_for,
        "criteria_engaged": sorted(({"version": criteria_version(version),
                                     "criterion": criteria_version(version).criterion(number)}
                                    for version, number in engaged if version),
                                   key=lambda item: (item["version"].in_force_from, item["criterion"].number)),
    }, withheld)


def law_for(licence: LicenceView) -> LawOnDate:
    """The criteria and departments of ``licence``'s decision (the EU rules too, for Military List goods)."""
    return law_on(licence.decision, military=any(rating.military for rating in licence.ratings))


def timing_of(evidence: Evidence, link: Link) -> LinkTiming:
    """When ``link``'s abuse occurred and was first reported, against its licence's decision."""
    licence = evidence.any_licence(link.licence_id)
    abuse = evidence.abuse(link.abuse_id)
    return link_timing(abuse, licence.decision, evidence.case_file.sources, licence.sources)
