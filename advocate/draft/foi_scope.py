"""What an FOI request asks about: a focused set of licences an authority can search within the cost limit.

By default (no licence chosen on the command line) a request asks about the licences the case's
decisions name, or else the most recent few; a user who chooses licences gets exactly those, with a
warning when they are more than an authority can search within the appropriate limit of FOIA s 12
(£600, at £25 an hour: 24 hours, Fees Regulations 2004 regs 3 and 4(4)), and a refusal, with advice, when
they are so many that no request could be answered. A warning too when another request of the campaign
was sent within 60 working days (s 12(4) and reg 5 let an authority aggregate the cost of both).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advocate.draft.evidence import Evidence, LicenceView
from advocate.errors import DraftError
from advocate.law import deadlines

MOST_RECENT = 5
"""How many of the most recent licences a request asks about when the case names no decision."""
LIMIT_HOURS = 24
"""The appropriate limit for a government department (£600) at £25 an hour (Fees Regulations 2004, regs 3 and 4(4))."""
HOURS_PER_HEAD = 1
"""A working assumption, not a rule: an hour to locate, retrieve and extract one kind of record for one licence."""
MAX_LICENCES = 1000
"""A request about more licences than this is refused with advice: no authority could answer it."""
AGGREGATION_DAYS = 60
"""Requests received within this many working days may be aggregated (FOIA s 12(4); Fees Regulations 2004, reg 5)."""


@dataclass(frozen=True)
class Scope:
    """The licences a request asks about, the heads of information for each, and what the command line should say."""

    granted: tuple[LicenceView, ...]
    refused: tuple[LicenceView, ...]
    focused: str
    """How the default scope was chosen ('decisions', 'recent') or '' when the user chose the licences."""
    warnings: tuple[str, ...]

    @property
    def licences(self) -> tuple[LicenceView, ...]:
        return self.granted + self.refused


GRANTED_HEADS = 4
REFUSED_HEADS = 2


def _most_recent(licences: list[LicenceView], n: int) -> list[str]:
    dated = sorted(licences, key=lambda l: (l.decision.end or l.decision.start or dt.date.min, l.id), reverse=True)
    return [licence.id for licence in dated[:n]]


def focus(evidence: Evidence) -> str:
    """Narrow ``evidence`` to the default scope when no licence was chosen; say how ('' when left as chosen)."""
    if not evidence.selects_every_licence:
        return ""
    named = [licence_id for decision in evidence.case_file.case.decisions for licence_id in decision.licences]
    selected = {licence.id for licence in evidence.licences}
    named = [licence_id for licence_id in named if licence_id in selected]
    if named:
        evidence.narrow(named)
        return "decisions"
    if len(selected) > MOST_RECENT:
        evidence.narrow(_most_recent(evidence.licences, MOST_RECENT))
        return "recent"
    return ""


def request_scope(evidence: Evidence, date: dt.date) -> Scope:
    """The scope of a request sent on ``date`` (after :func:`focus`)."""
    licences = evidence.licences
    if len(licences) > MAX_LICENCES:
        raise DraftError(
            f"an FOI request about {len(licences):,} licences cannot be answered within the cost limit "
            f"(FOIA s 12): choose the licences that matter (--licence, --rating, --from, --to), or draft one "
            f"request per licence for a few of them (--each)"
        )
    granted = tuple(l for l in licences if not l.refused)
    refused = tuple(l for l in licences if l.refused)
    warnings = []
    hours = (len(granted) * GRANTED_HEADS + len(refused) * REFUSED_HEADS) * HOURS_PER_HEAD
    if hours > LIMIT_HOURS:
        warnings.append(
            f"this request asks about {len(licences):,} licences, {hours:,} kinds of record in all: at about "
            f"an hour each that is more than the {LIMIT_HOURS} hours an authority must spend (FOIA s 12), so "
            "expect a refusal; ask about fewer licences (--licence) or send several requests months apart"
        )
    for earlier in evidence.case_file.case.foi_requests:
        window = deadlines.working_days_after(earlier.sent, AGGREGATION_DAYS)
        if earlier.sent <= date <= window:
            warnings.append(
                f"FOI request '{earlier.id}' was sent on {earlier.sent.isoformat()}, less than "
                f"{AGGREGATION_DAYS} working days before this one (until {window.isoformat()}): the "
                "authority may add their costs together (FOIA s 12(4); Fees Regulations 2004, reg 5)"
            )
    return Scope(granted, refused, "", tuple(warnings))
