"""What a letter before claim adds to a template's context: the decisions challenged, the grounds, the dates.

- ``decisions``: each decision under challenge (case.yaml ``decisions``) with its
  licences as printed (``licences``), its links to documented abuses, the criteria
  in force when it was made, and the CPR r 54.5(1) limit for a claim about it;
- ``grounds``: the grounds chosen, in order (``id``, ``title``, ``summary``); each has its
  argument in ``letter_templates/_ground_<id>.md.j2``;
- ``reply_by``: the proposed reply date (14 days by default);
- ``claim``: the case file's ``claim:`` settings (interested parties, ADR, requests).

The command line is warned when a claim limit has passed or is less than six weeks
away, and when the proposed reply date falls after a claim limit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advocate.draft.context import DocumentContext, Timing
from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.linking_context import PrintableLinks
from advocate.draft.options import ClaimOptions, DraftOptions
from advocate.errors import DraftError
from advocate.law import deadlines
from advocate.law.criteria import CriteriaVersion, criteria_in_force
from advocate.link import Link
from advocate.models.case import Decision
from advocate.vocab.grounds import Ground, grounds

WARN_WITHIN = dt.timedelta(weeks=6)
"""A claim limit this close gives a warning: counsel, papers and a claim form take time."""


@dataclass(frozen=True)
class ChallengedDecision:
    """One decision under challenge, with what the letter says about it."""

    id: str
    description: str
    date_text: str
    licences: tuple[LicenceView, ...]
    links: tuple[Link, ...]
    criteria: CriteriaVersion | None
    claim_limit: deadlines.Deadline
    grounds_arose_text: str
    defendant_reference: str

    @property
    def foreseeable(self) -> tuple[Link, ...]:
        """Links to abuses documented before the decision: the risk was foreseeable."""
        return tuple(link for link in self.links if link.relation == "foreseeable")

    @property
    def later(self) -> tuple[Link, ...]:
        """Links to abuses documented at the time or after: reasons to review the licence."""
        return tuple(link for link in self.links if link.relation != "foreseeable")


def _chosen_grounds(ids: tuple[str, ...]) -> list[Ground]:
    known = grounds()
    unknown = [ground for ground in ids if ground not in known]
    if unknown:
        raise DraftError(f"unknown ground {', '.join(unknown)}; grounds: {', '.join(known)}")
    if not ids:
        raise DraftError("a letter before claim needs at least one ground (claim: grounds: in case.yaml, or --ground)")
    return [known[ground] for ground in ids]


def _decision(decision: Decision, evidence: Evidence, date: dt.date) -> ChallengedDecision:
    if not decision.licences:
        raise DraftError(f"decision '{decision.id}' names no licences: add them under decisions: licences: in case.yaml")
    licences = tuple(evidence.licence(licence_id) for licence_id in decision.licences)
    linkset = evidence.links
    printable = PrintableLinks(evidence)
    links = printable.select(linkset.for_licences(licence.id for licence in licences))
    decided = decision.date.end or decision.date.start
    try:
        criteria = criteria_in_force(decided) if decided else None
    except LookupError:
        criteria = None
    arose = decision.grounds_arose or decision.date
    earliest = arose.start
    if earliest is None:
        raise DraftError(f"decision '{decision.id}': the date the grounds arose has no start; give a date or a period")
    return ChallengedDecision(
        id=decision.id,
        description=decision.description,
        date_text=decision.date.describe(),
        licences=licences,
        links=tuple(sorted(links, key=lambda link: -link.score)),
        criteria=criteria,
        claim_limit=deadlines.claim_limit(earliest),
        grounds_arose_text=arose.describe(),
        defendant_reference=decision.defendant_reference,
    )


def claim_context(evidence: Evidence, draft_options: DraftOptions) -> DocumentContext:
    """The names for a letter before claim, and its deadlines with their warnings."""
    case = evidence.case_file.case
    date = draft_options.date
    options = draft_options.claim or ClaimOptions()
    if not case.decisions:
        raise DraftError("a letter before claim needs the decision under challenge: add it under decisions: in case.yaml")
    chosen = _chosen_grounds(options.grounds or case.claim.grounds)
    decisions = [_decision(decision, evidence, date) for decision in case.decisions]
    reply = deadlines.reply_by(date, options.reply_days or case.claim.reply_days)
    timings = [Timing("reply proposed by", reply)]
    for decision in decisions:
        limit = decision.claim_limit
        warning = ""
        if limit.date < date:
            warning = (f"the CPR r 54.5 limit for a claim about decision '{decision.id}' was {limit.date.isoformat()}, "
                       f"3 months after the grounds first arose ({decision.grounds_arose_text}): it has passed; "
                       "take advice before sending")
        elif limit.date - date < WARN_WITHIN:
            warning = (f"the CPR r 54.5 limit for a claim about decision '{decision.id}' is {limit.date.isoformat()}, "
                       f"less than six weeks away: a claim must also be brought promptly")
        elif reply.date > limit.date:
            warning = (f"the proposed reply date {reply.date.isoformat()} falls after the CPR r 54.5 limit "
                       f"{limit.date.isoformat()} for decision '{decision.id}': shorten the reply period (--reply-days)")
        timings.append(Timing(f"claim limit ({decision.id})", limit, warning))
    names = {
        "decisions": decisions,
        "grounds": chosen,
        "reply_by": reply,
        "claim": case.claim,
        "claim_limit_passed": any(d.claim_limit.date < date for d in decisions),
    }
    return DocumentContext(names, tuple(timings))
