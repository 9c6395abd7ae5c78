"""Words a briefing and its questions use: what a licence was for, and whom questions are put to."""

from __future__ import annotations

from advocate.draft.evidence import Evidence, LicenceView

DEFAULT_MINISTER = "Secretary of State for Business and Trade"
"""Who answers for export licensing (the Export Control Act 2002 powers) when the case names no decision maker."""


def goods(licence: LicenceView) -> str:
    """What a licence was for, as far as the data says: its goods summary, else its ratings, else the technology
    asserted for it, else 'the goods'."""
    if licence.goods_summary:
        return licence.goods_summary
    if licence.ratings_text:
        return f"goods rated {licence.ratings_text}"
    if licence.technology:
        return ", ".join(licence.technology)
    return "the goods"


def minister(evidence: Evidence) -> str:
    """The Secretary of State written questions are addressed to: the case's decision maker if it names one,
    else the one for the department named ('Department for X' → 'Secretary of State for X'), else Business and Trade."""
    body = evidence.case_file.case.public_body
    maker = (body.decision_maker or "").strip()
    if maker.lower().startswith("secretary of state"):
        return "Secretary of State" + maker[len("secretary of state"):]
    name = (body.name or "").strip()
    if name.lower().startswith("department for "):
        return "Secretary of State for " + name[len("department for "):]
    return DEFAULT_MINISTER
