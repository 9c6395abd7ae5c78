"""The matter itself, as ``case.yaml`` states it: parties, destinations, decisions, data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from advocate.kinds import KINDS
from advocate.models.claim import ClaimSettings
from advocate.models.correspondence import FoiCorrespondence
from advocate.models.fields import (
    CountryField,
    Email,
    Line,
    ListOf,
    PeriodField,
    RecordId,
    Text,
    Url,
    fail,
    suggest,
)


def _document_kind(name: str) -> str:
    if name not in KINDS:
        raise fail(
            "document_kind_unknown",
            f"'{name}' is not a kind of document{suggest(name, KINDS)}; kinds: {', '.join(KINDS)}",
        )
    return name


DocumentKindName = Annotated[Text, AfterValidator(_document_kind)]
"""The name of a shipped document kind (see :mod:`advocate.kinds`)."""


class Part(BaseModel):
    """Base of the parts of ``case.yaml``: immutable, and no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Person(Part):
    """A requester, claimant or signatory: a person, an organisation, or a person for one.

    FOIA s 8 needs a real name and an address for correspondence (an email address is enough).
    """

    name: Line
    organisation: Line = ""
    role: Line = ""
    address: Text = ""
    email: Email = ""
    phone: Line = ""


class PublicBody(Part):
    """The public authority: who receives the FOI request and who is the proposed defendant."""

    name: Line
    address: Text = ""
    """Its postal address: a letter before claim is not drafted without it."""
    foi_email: Email
    decision_maker: Line = ""
    """Who takes the licensing decisions, e.g. "Secretary of State for Business and Trade"."""
    department_short: Line = ""
    url: Url = ""


class LegalRepresentative(Part):
    """The claimant's solicitors."""

    firm: Line
    name: Line = ""
    address: Text = ""
    email: Email = ""
    reference: Line = ""


class Decision(Part):
    """A decision under challenge: the grant of a licence or licences, or a continuing decision."""

    id: RecordId
    description: Text
    date: PeriodField
    licences: Annotated[tuple[RecordId, ...], ListOf] = ()
    grounds_arose: PeriodField | None = None
    """Only for a later decision that is itself challenged (a refusal to suspend or revoke the licences): the
    date it was taken, from which CPR r 54.5 time runs for it. Never the date the claimant learned of the
    grant: for a grant, time runs from the grant (the decision's ``date``, from its first day when the date
    is a period), and late knowledge can only support an application to the court to extend time."""
    later_decision: Text = ""
    """What the later decision was, when ``grounds_arose`` is given: "the refusal of 2 March 2026 to suspend
    the licence"."""
    defendant_reference: Line = ""


class LicenceDataset(Part):
    """A licence file or folder the case draws on, and the source that publishes it.

    ``format`` is ``licences`` (the normalised CSV a user writes), ``caat`` (a CAAT
    release folder) or ``auto`` (decided from the files found).
    """

    path: Text
    format: Literal["auto", "licences", "caat"] = "auto"
    source: RecordId | None = None
    """The id of the source record that publishes this data, cited for every licence from it."""
    id_prefix: Text = ""
    """Prefix for licence ids made from the data's own numbers (e.g. ``CAAT-`` gives ``CAAT-66239``)."""
    countries_only: bool | None = None
    """Keep only the licences to the case's countries, or whose goods end up there. Unset: yes for CAAT
    data (a national release of tens of thousands of licences), no for a licences CSV; ``false`` keeps every licence."""
    name: Text = ""
    """How documents name a CAAT release ("CAAT UK arms export data, April 2026 release"); unset, it is
    "CAAT UK arms export data" with the version of the ``source`` record (a commit, a release date)."""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_path(cls, value):
        return {"path": value} if isinstance(value, str) else value


class RecordFile(Part):
    """A further file of records the case reads: one ``advocate import`` wrote, or a second hand-written file.

    ``kind`` is the kind of record it holds (``abuses``, ``sources``, ``indicators``, ``transfers`` ...);
    when empty it is read from the start of the file name (``abuses.cpj.yaml`` holds abuses).
    """

    path: Text
    kind: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_path(cls, value):
        return {"path": value} if isinstance(value, str) else value

    @property
    def record_kind(self) -> str:
        return self.kind or self.path.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0]


class LinkWeights(Part):
    """How much each kind of evidence counts in a link's score (any non-negative numbers; they are normalised)."""

    period: float = Field(0.30, ge=0)
    """The abuse was documented before the decision (foreseeable), around it, or after it (review)."""
    end_user: float = Field(0.25, ge=0)
    """The licence's end user is the kind of body responsible for the abuse."""
    technology: float = Field(0.30, ge=0)
    """The licence's goods are the technology the abuse implicated (or could facilitate it)."""
    refusal: float = Field(0.15, ge=0)
    """The Government had refused a licence for similar goods to the same destination on human-rights grounds."""

    @model_validator(mode="after")
    def _some_weight(self):
        if self.period + self.end_user + self.technology + self.refusal <= 0:
            raise ValueError("at least one weight must be more than 0")
        return self


class LinkSettings(Part):
    """How ``advocate link`` relates licences to abuses (``linking:`` in ``case.yaml``; every field optional)."""

    weights: LinkWeights = LinkWeights()
    foreseeable_window_days: int = Field(1826, ge=0)
    """How long before a decision an abuse still counts as making the risk foreseeable (default five years)."""
    review_window_days: int = Field(730, ge=0)
    """How long after a decision an abuse still counts as a reason to review the licence (default two years)."""
    refusal_window_days: int = Field(1826, ge=0)
    """How long before an approval a refusal for similar goods still counts (default five years)."""
    min_score: float = Field(0.30, ge=0, le=1)
    """Links scoring below this are dropped (hand-asserted links are always kept)."""
    outcomes: Annotated[tuple[Text, ...], ListOf] = ("issued",)
    """Licence outcomes that are linked to abuses (refusals are evidence, not links)."""
    refusal_criteria: Annotated[tuple[Text, ...], ListOf] = ("2",)
    """Refusals under these criteria (``2`` covers 2, 2a, 2b and 2c) show a recognised risk."""
    asserted_score: float = Field(1.0, ge=0, le=1)
    """The score a hand-asserted link gets at least (by default the top score)."""


class Case(Part):
    """The matter: what the campaign is about and who is who."""

    title: Line
    reference: Line = ""
    summary: Text = ""
    countries: Annotated[tuple[CountryField, ...], ListOf] = Field(min_length=1)
    public_body: PublicBody
    requester: Person
    claimant: Person | None = None
    legal_representative: LegalRepresentative | None = None
    decisions: Annotated[tuple[Decision, ...], ListOf] = ()
    relief_sought: Annotated[tuple[Text, ...], ListOf] = ()
    licence_data: Annotated[tuple[LicenceDataset, ...], ListOf] = Field(
        default=("licences.csv",), validate_default=True
    )
    record_files: Annotated[tuple[RecordFile, ...], ListOf] = ()
    """Further record files, besides sources.yaml, abuses.yaml, events.yaml and links.yaml (see :class:`RecordFile`)."""
    foi_requests: Annotated[tuple[FoiCorrespondence, ...], ListOf] = ()
    """FOI requests already sent and their outcome, for internal review requests and complaints."""
    privileged: bool = False
    """True only for a privileged draft to one's own lawyer: confidential records may then appear."""
    illustrative: bool = False
    """An example case: its parties and addresses are placeholders, and documents say so."""
    documents: Annotated[tuple[DocumentKindName, ...], ListOf] = ()
    """What ``advocate build`` drafts; by default the FOI request, the letter before claim (if there is a
    decision), the briefing and the suggested questions."""
    claim: ClaimSettings = ClaimSettings()
    """How the letter before claim is drafted: grounds, reply period, interested parties (see :class:`ClaimSettings`)."""
    linking: LinkSettings = LinkSettings()
    """Weights and windows for linking licences to abuses (see :class:`LinkSettings`)."""

    @property
    def country_codes(self) -> tuple[str, ...]:
        return tuple(country.code for country in self.countries)

    @property
    def claimant_or_requester(self) -> Person:
        return self.claimant or self.requester
