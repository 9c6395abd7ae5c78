"""What a user chooses for one document, besides its kind and the licences it is about.

:class:`DraftOptions` is what every context builder receives with the evidence: the
document's date, and the choices the command line (or a Python caller) made for
follow-ups (:class:`Correspondence`) and for a letter before claim (:class:`ClaimOptions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from advocate.draft.template_env import Templates


@dataclass(frozen=True)
class Correspondence:
    """Details of an earlier request given on the command line; empty fields fall back to the case file's record."""

    request_id: str = ""
    sent: dt.date | None = None
    authority_reference: str = ""
    response_date: dt.date | None = None
    exemptions: tuple[str, ...] = ()
    review_requested: dt.date | None = None
    review_response_date: dt.date | None = None
    review_outcome: str = ""
    delay_reason: str = ""
    """Why a step comes after the time the Code or the Commissioner expects (a late review or complaint)."""


@dataclass(frozen=True)
class ClaimOptions:
    """Choices for one letter given on the command line; empty fields fall back to ``claim:`` in case.yaml."""

    grounds: tuple[str, ...] = ()
    reply_days: int | None = None


@dataclass(frozen=True)
class DraftOptions:
    """What a user chooses for one document besides its kind and the licences."""

    date: dt.date
    """The date the document is sent: printed on it, and the day its deadlines count from."""
    correspondence: Correspondence = field(default_factory=Correspondence)
    """For follow-ups: the earlier request, given on the command line (the case file fills the gaps)."""
    templates: Templates | None = None
    """Where templates come from (a user folder overriding the shipped ones); the shipped ones if ``None``."""
    claim: ClaimOptions | None = None
    """For a letter before claim: the reply period and the grounds chosen (the case file's if ``None``)."""
