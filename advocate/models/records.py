"""The evidence records a case file holds: sources, abuses, events and hand-asserted links.

Each is written by hand in YAML (see ``advocate init``), has a stable ``id``, and
can be marked ``confidential`` (it may inform a privileged letter to one's own
lawyer, never a public document) or ``illustrative`` (an example, not evidence).
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from advocate.models.fields import (
    CountryField,
    DayField,
    Line,
    ListOf,
    PeriodField,
    RecordId,
    Text,
    Url,
    fail,
    suggest,
)
from advocate.models.source_kinds import SOURCE_KINDS
from advocate.vocab.abuse_categories import abuse_categories
from advocate.vocab.state_bodies import state_bodies
from advocate.vocab.technology import technology_tags


def _in_vocabulary(kind: str, table) -> AfterValidator:
    def check(value: str) -> str:
        allowed = table()
        if value not in allowed:
            raise fail(
                f"{kind.replace(' ', '_')}_unknown",
                f"'{value}' is not a known {kind}{suggest(value, allowed)}; known: {', '.join(allowed)}",
            )
        return value

    return AfterValidator(check)


Category = Annotated[str, _in_vocabulary("abuse category", abuse_categories)]
Body = Annotated[str, _in_vocabulary("kind of state body", state_bodies)]
Technology = Annotated[str, _in_vocabulary("technology tag", technology_tags)]


class Record(BaseModel):
    """What every record has: an id, and whether it is confidential or illustrative."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    confidential: bool = False
    """Never to appear in a public document."""
    illustrative: bool = False
    """An example record, not evidence: documents say so wherever it is used."""
    notes: Text = ""
    """Working notes; never printed."""
    reviewed: bool = True
    """``false`` for a record ``advocate import`` brought in, until a person has checked it against its source:
    documents leave unreviewed records out (and say how many)."""


class SourceCitation(BaseModel):
    """A reference from a record to a source, with an optional pinpoint (``p 4``, ``para 12``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    pinpoint: Line = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_id(cls, value):
        return {"id": value} if isinstance(value, (str, int)) else value


def _source_kind(name: str) -> str:
    if name not in SOURCE_KINDS:
        raise fail(
            "source_kind_unknown",
            f"'{name}' is not a kind of source{suggest(name, SOURCE_KINDS)}; kinds: {', '.join(SOURCE_KINDS)}",
        )
    return name


SourceKindName = Annotated[Text, AfterValidator(_source_kind)]
"""A kind of source from :data:`~advocate.models.source_kinds.SOURCE_KINDS`, each cited in its own OSCOLA form."""


class Source(Record):
    """A published (or, if confidential, unpublished) source, with what OSCOLA needs to cite it.

    Which fields matter depends on ``kind``: a ``news`` article has an author, a
    title, a ``publication`` and a date; a ``case`` has a ``neutral_citation``; a
    ``statute`` a ``title`` ("Freedom of Information Act 2000") and perhaps a
    ``provision``; ``hansard`` a ``house``, ``volume`` and ``column``.
    """

    kind: SourceKindName
    title: Line = ""
    author: Annotated[tuple[Line, ...], ListOf] = ()
    organisation: Line = ""
    publisher: Line = ""
    publication: Line = ""
    """The newspaper, magazine or website a news article or web page appeared in."""
    date: PeriodField | None = None
    url: Url = ""
    accessed: DayField | None = None
    pinpoint: Line = ""
    quotation: Text = ""
    provision: Line = ""
    court: Line = ""
    neutral_citation: Line = ""
    report_citation: Line = ""
    house: Literal["HC", "HL", ""] = ""
    volume: Line = ""
    column: Line = ""
    uin: Line = ""
    recipient: Line = ""
    version: Line = ""
    cited_in: RecordId | None = None
    """The source this one is known through ("as reported in"), when it has not been seen directly."""
    short_title: Line = ""
    """The short form later footnotes use ("CPR", "Dual-Use Regulation"); derived from the title when empty."""
    place: Line = ""
    """Where a newspaper is published ("London") or an interview took place."""
    si_number: Line = ""
    """A statutory instrument's year and number, written "2008/3231"."""
    oj: Line = ""
    """An EU act's Official Journal reference, written "[2008] OJ L335/99"."""


class Abuse(Record):
    """A documented abuse: what happened, where and when, who did it, and the sources that say so."""

    country: CountryField
    date: PeriodField
    title: Line
    """A short statement of what happened, as a document will print it."""
    description: Text = ""
    place: Line = ""
    perpetrators: Annotated[tuple[Body, ...], ListOf] = ()
    """The kinds of state body responsible (``police``, ``judiciary``, ``intelligence`` ...)."""
    categories: Annotated[tuple[Category, ...], ListOf] = Field(min_length=1)
    technology: Annotated[tuple[Technology, ...], ListOf] = ()
    """Technology the abuse implicated, when the sources say so (``imsi-catcher``, ``interception``)."""
    victims: Text = ""
    sources: Annotated[tuple[SourceCitation, ...], ListOf] = Field(min_length=1)


class Event(Record):
    """Something on the case's timeline that is not itself an abuse: a coup attempt, a legal letter, a data release."""

    date: PeriodField
    title: Line
    description: Text = ""
    country: CountryField | None = None
    kind: Line = ""
    sources: Annotated[tuple[SourceCitation, ...], ListOf] = Field(min_length=1)


class AssertedLink(Record):
    """A link the user knows of between a licence and an abuse, with the reason in their words."""

    licence: RecordId
    abuse: RecordId
    reason: Text
    sources: Annotated[tuple[SourceCitation, ...], ListOf] = ()


class Indicator(Record):
    """A monitoring body's rating of a country: Freedom House's Freedom in the World status, the CIVICUS
    Monitor's rating of civic space.

    Context a document may print ("Freedom House rates Turkey Not Free, 2023 edition"), never evidence of
    an abuse: the linker does not read indicators, so one never engages a criterion by itself.
    """

    country: CountryField
    publisher: Text
    """Who rates: "Freedom House", "CIVICUS Monitor"."""
    series: Text
    """The publication the rating appears in: "Freedom in the World"."""
    edition: Text
    """The edition as the publisher names it: "2023"."""
    measure: Text = ""
    """What is rated, when it is not the country as a whole: "civic space"."""
    rating: Text
    """The rating in the publisher's words: "Not Free", "Repressed"."""
    score: float | None = None
    scale: Text = ""
    """What the score is out of: "out of 100"."""
    date: PeriodField | None = None
    """The period the rating covers, when the publisher says."""
    sources: Annotated[tuple[SourceCitation, ...], ListOf] = Field(min_length=1)


Completion = Literal["yes", "no", "unknown"]
TRANSFER_COMPLETION: tuple[str, ...] = get_args(Completion)


class Transfer(Record):
    """A reported transfer of surveillance technology, from a source other than the Government's data.

    Privacy International's Surveillance Industry Index names the supplier and the end user where the
    licensing data names neither. A transfer is evidence a document may set beside a licence; it is never
    linked to one automatically, because nothing in the published licensing data says which company a
    licence was for.
    """

    supplier: Text
    """The company that supplied the goods, as the source names it."""
    supplier_country: Text = ""
    """Where the supplier is headquartered, as the source gives it (it may name several countries)."""
    country: CountryField
    """The recipient country."""
    end_user: Text = ""
    """The end user, as the source names it; empty when it names none."""
    goods: Annotated[tuple[Text, ...], ListOf] = ()
    """The goods, in the source's own categories ("Lawful interception", "Monitoring centre")."""
    technology: Annotated[tuple[Technology, ...], ListOf] = ()
    date: PeriodField | None = None
    """When the order was placed, as precisely as the source gives it."""
    complete: Completion = "unknown"
    """Whether the source reports the transfer to the end user as complete."""
    basis: Text = ""
    """What the source rests on, in its words ("open source", "export data")."""
    reported_in: Annotated[tuple[Text, ...], ListOf] = ()
    """The references the source itself gives for the transfer, as it gives them (for the reviewer to check)."""
    sources: Annotated[tuple[SourceCitation, ...], ListOf] = Field(min_length=1)
