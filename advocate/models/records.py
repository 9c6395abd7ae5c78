"""The evidence records a case file holds: sources, abuses, events and hand-asserted links.

Each is written by hand in YAML (see ``advocate init``), has a stable ``id``, and
can be marked ``confidential`` (it may inform a privileged letter to one's own
lawyer, never a public document) or ``illustrative`` (an example, not evidence).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from advocate.models.fields import (
    CountryField,
    DayField,
    ListOf,
    PeriodField,
    RecordId,
    Line,
    Text,
    Url,
    fail,
    suggest,
)
from advocate.vocab.abuse_categories import abuse_categories
from advocate.vocab.state_bodies import state_bodies
from advocate.vocab.technology import technology_tags


def _in_vocabulary(kind: str, table) -> AfterValidator:
    def check(value: str) -> str:
        allowed = table()
        if value not in allowed:
            raise fail(f"{kind.replace(' ', '_')}_unknown", f"'{value}' is not a known {kind}{suggest(value, allowed)}; known: {', '.join(allowed)}")
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


class SourceCitation(BaseModel):
    """A reference from a record to a source, with an optional pinpoint (``p 4``, ``para 12``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    pinpoint: Line = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_id(cls, value):
        return {"id": value} if isinstance(value, (str, int)) else value


SOURCE_KINDS = ("report", "news", "web", "statute", "statutory-instrument", "eu-legislation", "guidance", "case",
                "hansard", "statistics", "dataset", "letter", "interview", "other")
"""Source kinds, each cited in its own OSCOLA form (see :mod:`advocate.resolve.oscola`).

``statutory-instrument`` is an SI ("Export Control Order 2008, SI 2008/3231");
``eu-legislation`` an EU act cited with its Official Journal reference;
``guidance`` an official protocol, code or practice direction cited by its title
("Pre-Action Protocol for Judicial Review, Annex A")."""


class Source(Record):
    """A published (or, if confidential, unpublished) source, with what OSCOLA needs to cite it.

    Which fields matter depends on ``kind``: a ``news`` article has an author, a
    title, a ``publication`` and a date; a ``case`` has a ``neutral_citation``; a
    ``statute`` a ``title`` ("Freedom of Information Act 2000") and perhaps a
    ``provision``; ``hansard`` a ``house``, ``volume`` and ``column``.
    """

    kind: Literal[SOURCE_KINDS]
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

