"""FOI requests already sent and what came of them: what the follow-up documents cite.

An internal review request cites the authority's reference, the date of its
refusal and the exemptions it claimed; a complaint to the Information
Commissioner adds the internal review and its outcome. A case kept these in
``case.yaml`` under ``foi_requests``; they are read now as requests with a
history (:meth:`FoiCorrespondence.as_request`), and ``advocate requests migrate``
moves them to ``requests.yaml``.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict

from advocate.models.fields import DayField, ListOf, RecordId, Text, fail
from advocate.models.foi_request import FoiRequest, RequestEvent
from advocate.vocab.foi_exemptions import Exemption, parse_exemption


def _exemption(value: object) -> str:
    try:
        return parse_exemption(str(value)).cited
    except ValueError as exc:
        raise fail("exemption_unknown", str(exc)) from None


ExemptionField = Annotated[Text, AfterValidator(_exemption)]
"""A provision of FOIA 2000 as the authority cited it, normalised to 's 27(1)(a)'."""

Response = Literal["refused", "partly-refused", "information-provided", "neither-confirm-nor-deny", "no-response"]
ReviewOutcome = Literal["upheld", "partly-upheld", "overturned", "no-response"]
RESPONSES: tuple[str, ...] = get_args(Response)
REVIEW_OUTCOMES: tuple[str, ...] = get_args(ReviewOutcome)


class FoiCorrespondence(BaseModel):
    """One FOI request and the authority's handling of it, as far as it has gone."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    sent: DayField
    """The day the request was sent (received the same day when sent by email)."""
    licences: Annotated[tuple[RecordId, ...], ListOf] = ()
    authority_reference: Text = ""
    response_date: DayField | None = None
    response: Response | None = None
    exemptions: Annotated[tuple[ExemptionField, ...], ListOf] = ()
    """The exemptions (and refusal grounds) the authority claimed, e.g. [s 27(1)(a), s 43(2)]."""
    review_requested: DayField | None = None
    review_response_date: DayField | None = None
    review_outcome: ReviewOutcome | None = None
    notes: Text = ""

    def exemption_details(self) -> tuple[Exemption, ...]:
        """The claimed exemptions with their headings and kinds."""
        return tuple(parse_exemption(text) for text in self.exemptions)

    def as_request(self) -> FoiRequest:
        """The same request as a record with a history, nothing left out.

        Each date becomes an event: the request sent, the response (its outcome,
        the sections claimed and the authority's reference), the internal review
        asked for and its outcome. "no-response" is the absence of an event, not
        an event; the notes are kept.
        """
        events = [RequestEvent(date=self.sent, kind="sent")]
        notes = [self.notes] if self.notes else []
        responded = self.response_date and self.response != "no-response"
        if responded:
            outcome = _RESPONSE_OUTCOME.get(self.response or "", "refused" if self.exemptions else "")
            events.append(
                RequestEvent(
                    date=self.response_date,
                    kind="response",
                    outcome=outcome,
                    sections=self.exemptions,
                    reference=self.authority_reference,
                )
            )
        elif self.response_date:
            notes.append(f"response_date {self.response_date.isoformat()} was recorded with response: no-response")
        if self.review_requested:
            events.append(RequestEvent(date=self.review_requested, kind="review-asked"))
        if self.review_response_date and self.review_outcome != "no-response":
            outcome = self.review_outcome if self.review_outcome in _REVIEW_OUTCOMES else ""
            events.append(RequestEvent(date=self.review_response_date, kind="review-response", outcome=outcome))
        elif self.review_response_date:
            notes.append(
                f"review_response_date {self.review_response_date.isoformat()} was recorded with "
                "review_outcome: no-response"
            )
        return FoiRequest(
            id=self.id,
            licences=self.licences,
            reference="" if responded else self.authority_reference,
            events=tuple(events),
            notes="; ".join(notes),
        )


_RESPONSE_OUTCOME = {
    "refused": "refused",
    "partly-refused": "partial",
    "information-provided": "full",
    "neither-confirm-nor-deny": "neither-confirm-nor-deny",
}
"""The old ``response`` values as outcomes of a response event."""

_REVIEW_OUTCOMES = ("upheld", "partly-upheld", "overturned")
