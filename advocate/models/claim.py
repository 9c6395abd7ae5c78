"""What a letter before claim needs beyond the parties: the grounds chosen, the reply period, who else is affected."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from advocate.models.fields import ListOf, Text


class InterestedParty(BaseModel):
    """A person directly affected by the claim (the licensee exporter, usually), sent a copy of the letter."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Text
    address: Text = ""
    role: Text = ""
    """Why they are interested, e.g. "holder of the licence under challenge"."""


class ClaimSettings(BaseModel):
    """``claim:`` in ``case.yaml``: how the letter before claim is to be drafted (every field optional)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    grounds: Annotated[tuple[Text, ...], ListOf] = ("criterion-2", "insufficient-inquiry", "irrationality")
    """The grounds the letter argues, in order (ids from ``advocate/vocab/data/grounds.csv``)."""
    reply_days: int = Field(14, ge=1, le=90)
    """Days the defendant is given to reply (the protocol treats 14 as reasonable in most cases)."""
    interested_parties: Annotated[tuple[InterestedParty, ...], ListOf] = ()
    defendant_reference: Text = ""
    """The defendant's reference for the matter, if it has given one."""
    adr: Text = ""
    """The claimant's proposal to resolve or narrow the dispute; a default offer is printed if empty."""
    information_sought: Annotated[tuple[Text, ...], ListOf] = ()
    """Further information asked for, after the standard requests the letter makes."""
    documents_sought: Annotated[tuple[Text, ...], ListOf] = ()
    """Further documents asked for, each with why it is relevant."""
    address_for_service: Text = ""
    """A postal address in the United Kingdom, with its postcode, where the reply and court documents go; the
    legal representative's (or else the claimant's) address if empty. An email address is not enough: service
    by email needs the other party's prior written consent."""
