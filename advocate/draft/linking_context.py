"""What the link engine adds to a template's context: the links of the chosen licences, and the criteria in force.

``links`` holds the links (strongest first) between the document's licences and
the abuses it may print: in a public document a link to a confidential abuse is
left out (and counted in ``withheld``), as the abuse itself is. ``criteria_versions``
holds each version of the licensing criteria in force on one of the licences'
decision dates, oldest first; ``criteria_for(licence)`` gives one licence's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advocate.criteria import CriteriaVersion, criteria_in_force
from advocate.draft.errors import DraftError
from advocate.draft.records import Evidence, LicenceView
from advocate.link import Link, link_case


@dataclass(frozen=True)
class LinkingContext:
    """The names for a template, and how many links a public document left out."""

    names: dict
    withheld_links: int


def _decision_day(licence: LicenceView) -> dt.date:
    day = licence.decision.end or licence.decision.start
    if day is None:
        raise DraftError(f"licence '{licence.id}' has no decision date, so the criteria in force are unknown")
    return day


def linking_context(evidence: Evidence, *, settings=None) -> LinkingContext:
    """Links and criteria for the licences selected in ``evidence``."""
    licences = evidence.licences
    linkset = link_case(evidence.case_file, settings, licences=evidence.licence_table)
    printable = {abuse.id for abuse in evidence.abuses}
    chosen = {licence.id for licence in licences}
    links: list[Link] = []
    withheld = 0
    for link in linkset.links:
        if link.licence_id not in chosen:
            continue
        if link.abuse_id in printable or not evidence.public:
            links.append(link)
        else:
            withheld += 1
    versions: dict[str, CriteriaVersion] = {}
    for licence in licences:
        version = criteria_in_force(_decision_day(licence))
        versions.setdefault(version.id, version)

    def criteria_for(licence: LicenceView) -> CriteriaVersion:
        return criteria_in_force(_decision_day(licence))

    ordered = sorted(versions.values(), key=lambda v: v.in_force_from)
    return LinkingContext({"links": links, "criteria_versions": ordered, "criteria_for": criteria_for}, withheld)
