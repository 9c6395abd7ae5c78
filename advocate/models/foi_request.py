"""The campaign's FOI requests as records: each with an append-only history of dated events.

A request says what was asked of which authority (``authority``, ``licences``,
``title``, the text as sent) and keeps a list of :class:`RequestEvent`, each a
dated thing that happened: the request sent, an acknowledgement, a request for
clarification, a fees notice, a public-interest extension, the response, the
internal review asked for and its outcome, a complaint to the Information
Commissioner, the decision notice, an appeal. Nothing about where the request
stands is stored: its state and every date that follows are derived from the
events by :mod:`advocate.law.foi_ladder`, so a correction to one event
corrects everything after it.

The records live in ``requests.yaml`` in the case folder (``advocate sent`` and
``advocate reply`` append to it); requests still kept in ``case.yaml`` under
``foi_requests`` are read as requests too (:meth:`FoiCorrespondence.as_request`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator

from advocate.models.fields import DayField, Email, ListOf, RecordId, Text, fail, suggest
from advocate.vocab.foi_exemptions import parse_exemption

REQUESTS_FILE = "requests.yaml"
"""The file in a case folder that holds the campaign's requests and the authorities they go to."""

EVENT_KINDS: dict[str, str] = {
    "sent": "requester",
    "acknowledged": "authority",
    "clarification-asked": "authority",
    "clarification-answered": "requester",
    "fees-notice": "authority",
    "fee-paid": "requester",
    "extension": "authority",
    "response": "authority",
    "chased": "requester",
    "review-asked": "requester",
    "review-response": "authority",
    "complaint": "requester",
    "decision-notice": "commissioner",
    "appeal": "requester",
    "withdrawn": "requester",
}
"""Every kind of event, and who it comes from: the requester, the authority or the Information Commissioner."""


def _event_kind(value: str) -> str:
    if value not in EVENT_KINDS:
        raise fail(
            "event_kind_unknown",
            f"'{value}' is not a kind of event{suggest(value, EVENT_KINDS)}; kinds: {', '.join(EVENT_KINDS)}",
        )
    return value


EventKind = Annotated[Text, AfterValidator(_event_kind)]
"""A kind of event of :data:`EVENT_KINDS`."""

OUTCOMES: dict[str, tuple[str, ...]] = {
    "response": ("full", "partial", "refused", "not-held", "neither-confirm-nor-deny"),
    "review-response": ("upheld", "partly-upheld", "overturned"),
    "decision-notice": ("upheld", "partly-upheld", "not-upheld"),
}
"""The outcomes each kind of event may have. A review is ``upheld`` when the authority kept its decision;
a decision notice is ``upheld`` when the Commissioner upheld the complaint."""

OUTCOME_WORDS = {
    ("response", "full"): "all the information provided",
    ("response", "partial"): "some information provided, the rest withheld",
    ("response", "refused"): "information withheld",
    ("response", "not-held"): "information said not to be held",
    ("response", "neither-confirm-nor-deny"): "neither confirmed nor denied that the information is held",
    ("review-response", "upheld"): "original decision upheld",
    ("review-response", "partly-upheld"): "original decision partly upheld",
    ("review-response", "overturned"): "original decision overturned",
    ("decision-notice", "upheld"): "complaint upheld",
    ("decision-notice", "partly-upheld"): "complaint partly upheld",
    ("decision-notice", "not-upheld"): "complaint not upheld",
}
"""Each outcome in the words a letter or ``advocate status`` prints."""

_SECTIONS_ALLOWED = ("response", "review-response", "extension", "decision-notice")


def _provision(value: object) -> str:
    try:
        return parse_exemption(str(value)).cited
    except ValueError as exc:
        raise fail("exemption_unknown", str(exc)) from None


Provision = Annotated[Text, AfterValidator(_provision)]
"""A provision of FOIA 2000 an authority relied on, normalised to 's 27(1)(a)'."""


class Authority(BaseModel):
    """A public body the campaign writes to, with the address its FOI requests go to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    name: Text
    foi_email: Email
    address: Text = ""
    notes: Text = ""


class RequestEvent(BaseModel):
    """One dated step in a request's history. Only the fields its ``kind`` uses may be given."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: DayField
    """The day it was sent (by whichever side sent it)."""
    kind: EventKind
    received: DayField | None = None
    """The day the other side received it, when that is known to be later (a letter by post)."""
    reference: Text = ""
    """The sender's reference: the authority's for its letters, the Commissioner's or the Tribunal's for theirs."""
    outcome: Text = ""
    sections: Annotated[tuple[Provision, ...], ListOf] = ()
    """The provisions relied on: exemptions, s 12 or s 14, or those an extension is for."""
    until: DayField | None = None
    """An extension: the day by which the authority said it would respond."""
    asked: Text = ""
    """A request for clarification: what the authority asked, in its words or a close summary."""
    answer: Text = ""
    """A request for clarification: the requester's answer, which the reply to it sets out."""
    fee: Text = ""
    """A fees notice: the fee asked, as the notice states it."""
    file: Text = ""
    """The letter or email itself, stored in the case folder (a path relative to it)."""
    sha256: Text = ""
    source: RecordId | None = None
    """The source record (sources.yaml) that cites this letter, for a reply the case may quote."""
    document: Text = ""
    """For a letter the requester sent: the kind of document drafted (``foi``, ``chaser`` ...)."""
    notes: Text = ""

    @model_validator(mode="after")
    def _fields_fit_the_kind(self):
        allowed = OUTCOMES.get(self.kind, ())
        if self.outcome and not allowed:
            raise fail("outcome_invalid", f"a '{self.kind}' event has no outcome")
        if self.outcome and self.outcome not in allowed:
            raise fail(
                "outcome_invalid",
                f"'{self.outcome}' is not an outcome of a '{self.kind}' event; use one of: {', '.join(allowed)}",
            )
        if self.sections and self.kind not in _SECTIONS_ALLOWED:
            raise fail(
                "field_not_for_kind",
                f"a '{self.kind}' event cites no sections (only {', '.join(_SECTIONS_ALLOWED)} do)",
            )
        if self.until and self.kind != "extension":
            raise fail("field_not_for_kind", "only an 'extension' event has a date 'until'")
        if (self.asked or self.answer) and self.kind != "clarification-asked":
            raise fail("field_not_for_kind", "only a 'clarification-asked' event has 'asked' and 'answer'")
        if self.received and self.received < self.date:
            raise fail(
                "date_order",
                f"received {self.received.isoformat()} is before the day it was sent ({self.date.isoformat()})",
            )
        return self

    @property
    def sender(self) -> str:
        """'requester', 'authority' or 'commissioner'."""
        return EVENT_KINDS[self.kind]

    @property
    def arrived(self):
        """The day the other side had it: ``received`` if given, else the day it was sent."""
        return self.received or self.date

    @property
    def outcome_words(self) -> str:
        return OUTCOME_WORDS.get((self.kind, self.outcome), "")


class FoiRequest(BaseModel):
    """One request of the campaign: to whom, about what, and everything that has happened to it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    title: Text = ""
    """What the request asks for, in a few words (``advocate status`` lists it)."""
    authority: RecordId | None = None
    """The id of an authority in requests.yaml; by default the case's ``public_body``."""
    licences: Annotated[tuple[RecordId, ...], ListOf] = ()
    reference: Text = ""
    """The authority's reference, when it is not on one of the events."""
    text: Text = ""
    """The request as sent, stored in the case folder (a path relative to it)."""
    events: Annotated[tuple[RequestEvent, ...], ListOf] = ()
    notes: Text = ""
