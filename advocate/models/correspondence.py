"""FOI requests already sent and what came of them: what the follow-up documents cite.

An internal review request cites the authority's reference, the date of its
refusal and the exemptions it claimed; a complaint to the Information
Commissioner adds the internal review and its outcome. A case keeps these in
``case.yaml`` under ``foi_requests``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

from advocate.models.fields import DayField, ListOf, RecordId, Text, fail
from advocate.vocab.foi_exemptions import Exemption, parse_exemption


def _exemption(value: object) -> str:
    try:
        return parse_exemption(str(value)).cited
    except ValueError as exc:
        raise fail("exemption_unknown", str(exc)) from None


ExemptionField = Annotated[Text, AfterValidator(_exemption)]
"""A provision of FOIA 2000 as the authority cited it, normalised to 's 27(1)(a)'."""

RESPONSES = ("refused", "partly-refused", "information-provided", "neither-confirm-nor-deny", "no-response")
REVIEW_OUTCOMES = ("upheld", "partly-upheld", "overturned", "no-response")


class FoiCorrespondence(BaseModel):
    """One FOI request and the authority's handling of it, as far as it has gone."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId
    sent: DayField
    """The day the request was sent (received the same day when sent by email)."""
    licences: Annotated[tuple[RecordId, ...], ListOf] = ()
    authority_reference: Text = ""
    response_date: DayField | None = None
    response: Literal[RESPONSES] | None = None
    exemptions: Annotated[tuple[ExemptionField, ...], ListOf] = ()
    """The exemptions (and refusal grounds) the authority claimed, e.g. [s 27(1)(a), s 43(2)]."""
    review_requested: DayField | None = None
    review_response_date: DayField | None = None
    review_outcome: Literal[REVIEW_OUTCOMES] | None = None
    notes: Text = ""

    def exemption_details(self) -> tuple[Exemption, ...]:
        """The claimed exemptions with their headings and kinds."""
        return tuple(parse_exemption(text) for text in self.exemptions)
