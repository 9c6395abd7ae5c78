"""How a document names what a licence was for, as far as the data says."""

from __future__ import annotations

from advocate.draft.evidence import LicenceView


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
