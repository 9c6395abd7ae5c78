"""One export licence, as quoted from the licensing data."""

from __future__ import annotations

from dataclasses import dataclass

from advocate.models.period import Period
from advocate.vocab.ratings import Rating

OUTCOMES = ("issued", "refused", "rejected", "revoked", "suspended", "withdrawn", "no-licence-required")
"""Decision outcomes. OIELs are "rejected" rather than "refused" in the government's data."""

OUTCOME_SYNONYMS = {
    "granted": "issued",
    "approved": "issued",
    "issued on appeal": "issued",
    "nlr": "no-licence-required",
    "no licence required": "no-licence-required",
    "refusal": "refused",
    "revocation": "revoked",
}

LICENCE_TYPES = ("SIEL", "OIEL", "OGEL", "SITCL", "OITCL", "SICL", "OICL", "F680", "TRANSHIPMENT", "CRL")
"""Licence types in the government's data (standard and open individual export and
trade-control licences, open general licences, MOD Form 680, transhipment, control list ruling)."""


@dataclass(frozen=True)
class Licence:
    """A licence decision. Every field is quoted from the data it came from; empty means the data does not say.

    ``ratings`` keep the form the data wrote them in; ``dataset`` names the file;
    ``sources`` are the ids of the source records that publish it.
    """

    id: str
    destination: str
    country: str
    decision: Period
    outcome: str
    reference: str = ""
    licence_type: str = ""
    ratings: tuple[Rating, ...] = ()
    goods_summary: str = ""
    end_user: str = ""
    technology: tuple[str, ...] = ()
    """Technology tags the user asserted (for licences whose data gives no rating)."""
    value: float | None = None
    refusal_criteria: tuple[str, ...] = ()
    notes: str = ""
    sources: tuple[str, ...] = ()
    confidential: bool = False
    illustrative: bool = False
    dataset: str = ""
    line: int | None = None

    @property
    def refused(self) -> bool:
        return self.outcome in ("refused", "rejected")

    @property
    def rating_text(self) -> str:
        """The ratings as the data wrote them, joined for printing."""
        return ", ".join(rating.text for rating in self.ratings)
