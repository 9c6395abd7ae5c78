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


ID_KINDS = ("government", "dataset", "case")
"""What a licence record's identifier is: the Government's own reference (a SIEL number, when the case
knows it), a number in a published dataset (CAAT's ``licence_id``), or the case's own label."""

COUNT_WORDS = {"unknown": 1, "several": 2}
"""Counts a licences.csv row may give instead of a number: ``unknown`` (one or more licences, number
not known) and ``several`` (more than one, number not known)."""


@dataclass(frozen=True)
class LicenceCount:
    """How many licences some records stand for: ``minimum`` of them, exactly or "at least".

    A record for several licences of unknown number makes every total it is part of
    "at least N"; it is never counted as one licence.
    """

    minimum: int
    exact: bool = True

    def __str__(self) -> str:
        return f"{self.minimum:,}" if self.exact else f"at least {self.minimum:,}"

    def describe(self, noun: str = "licence", plural: str | None = None) -> str:
        """'1 licence', '17 licences', 'at least 18 licences'."""
        word = noun if self.minimum == 1 else (plural or noun + "s")
        return f"{self} {word}"

    def __add__(self, other: LicenceCount) -> LicenceCount:
        return LicenceCount(self.minimum + other.minimum, self.exact and other.exact)


@dataclass(frozen=True)
class Licence:
    """A licence decision. Every field is quoted from the data it came from; empty means the data does not say.

    ``ratings`` keep the form the data wrote them in; ``dataset`` names the file;
    ``sources`` are the ids of the source records that publish it.

    What identifies the licence is said by ``id_kind`` (see :data:`ID_KINDS`):
    ``reference`` is the Government's own reference and only that (empty when the
    case does not know it); ``dataset_number`` and ``dataset_name`` name a record in
    a published dataset ("66239" in "CAAT UK arms export data (commit f8e49da)"),
    ``dataset_short`` how that dataset is called for short ("CAAT"); ``id`` is the
    case's own label. A record may stand for several licences: ``count`` of them,
    exactly, or at least that many when ``count_exact`` is false.
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
    id_kind: str = "case"
    dataset_number: str = ""
    dataset_name: str = ""
    dataset_short: str = ""
    count: int = 1
    count_exact: bool = True
    military: bool | None = None
    """Whether the data says the goods are military (True), not military (False), or does not say (None)."""
    onward_destinations: tuple[str, ...] = ()
    """Countries the goods end up in, as the data names them, when they are incorporated into products exported onward."""
    onward_countries: tuple[str, ...] = ()
    """ISO 3166 codes of :attr:`onward_destinations` (a licence is found by these too)."""
    transit_from: tuple[str, ...] = ()
    """For goods transiting the UK, the countries they come from, as the data names them."""

    @property
    def refused(self) -> bool:
        return self.outcome in ("refused", "rejected")

    @property
    def rating_text(self) -> str:
        """The ratings as the data wrote them, joined for printing."""
        return ", ".join(rating.text for rating in self.ratings)

    @property
    def licence_count(self) -> LicenceCount:
        """How many licences this record stands for."""
        return LicenceCount(self.count, self.count_exact)

    @property
    def identifier_text(self) -> str:
        """The licence's identifier as a document prints it, saying what kind it is.

        A Government reference as it stands ("GBSIEL/2017/0001234"); a dataset number with
        its dataset ("CAAT dataset no. 66239"); otherwise the case's label, said to be one
        ("case reference MB-TR-IMSI"), so that no reader takes it for an official number.
        """
        return identifier_text(
            self.id_kind, self.id, self.reference, self.dataset_number, self.dataset_name, self.dataset_short
        )


def identifier_text(
    id_kind: str, licence_id: str, reference: str, dataset_number: str, dataset_name: str, dataset_short: str
) -> str:
    """See :attr:`Licence.identifier_text`."""
    if id_kind == "government" and reference:
        return reference
    if id_kind == "dataset" and dataset_number:
        if dataset_short:
            return f"{dataset_short} dataset no. {dataset_number}"
        return f"dataset no. {dataset_number} of {dataset_name}" if dataset_name else f"dataset no. {dataset_number}"
    return f"case reference {licence_id}"
