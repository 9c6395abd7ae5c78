"""Words a briefing and its questions use: what a licence was for, and whom questions are put to."""

from __future__ import annotations

from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.licence_wording import goods

__all__ = ["goods", "minister", "rests_on_official_data"]

DEFAULT_MINISTER = "Secretary of State for Business and Trade"
"""Who answers for export licensing (the Export Control Act 2002 powers) when the case names no decision maker."""


def minister(evidence: Evidence) -> str:
    """The Secretary of State written questions are addressed to: the case's decision maker if it names one,
    else the one for the department named ('Department for X' → 'Secretary of State for X'), else Business and Trade."""
    body = evidence.case_file.case.public_body
    maker = (body.decision_maker or "").strip()
    if maker.lower().startswith("secretary of state"):
        return "Secretary of State" + maker[len("secretary of state") :]
    name = (body.name or "").strip()
    if name.lower().startswith("department for "):
        return "Secretary of State for " + name[len("department for ") :]
    return DEFAULT_MINISTER


OFFICIAL_KINDS = ("statistics", "dataset", "hansard", "statute", "statutory-instrument")
"""Kinds of source a written question may rest on: the licensing data and the Government's own statements."""


def rests_on_official_data(evidence: Evidence, licence: LicenceView) -> bool:
    """Whether a licence is known from the licensing data (directly, or as a media report cites it), not from a
    media report alone: the Table Office does not accept questions based on unsubstantiated media reports."""
    sources = evidence.case_file.sources
    return any(source_id in sources and sources[source_id].kind in OFFICIAL_KINDS for source_id in licence.sources)
