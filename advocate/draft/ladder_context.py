"""The context of the ladder's letters, each drafted from the request's own history.

- a **chaser** for a reply (FOIA s 10(1)) or an internal review that is overdue;
- a **reply to a request for clarification** (s 1(3)), after which the twenty
  working days start again;
- a **chaser after a public-interest extension** has run past the date it gave
  (s 10(3), s 17(2));
- a **complaint to the Information Commissioner about a non-response**, which the
  Commissioner accepts after a chaser without an internal review;
- a **notice of appeal** to the First-tier Tribunal (General Regulatory Chamber)
  against a decision notice (s 57), due 28 days after the notice was sent.

Each refuses, naming the event the history lacks, a letter the history does not
support: no chaser before the reply is due, no appeal without a decision notice.
"""

from __future__ import annotations

import datetime as dt

from advocate.draft.context import Addressee, DocumentContext, Timing
from advocate.draft.evidence import Evidence
from advocate.draft.foi_context import (
    addressee_of,
    earlier_request,
    lateness,
    sender_names,
    stored_copies,
)
from advocate.draft.follow_up import follow_up_names
from advocate.draft.options import Correspondence, DraftOptions
from advocate.errors import DraftError
from advocate.law import deadlines
from advocate.law.foi_ladder import History
from advocate.models.case_file import CaseFile
from advocate.vocab.english import join_and
from advocate.vocab.foi_exemptions import parse_exemption


def _refuse(h: History, document: str, why: str) -> DraftError:
    return DraftError(f"cannot draft {document} for request '{h.request.id}': {why}")


def _missing(h: History, document: str, event: str, then: str) -> DraftError:
    return _refuse(h, document, f"its history has no '{event}' event; {then}")


def _history(case_file: CaseFile, given: Correspondence, document: str, kind: str):
    request = earlier_request(case_file, given, kind)
    if request.history is None:
        known = ", ".join(r.id for r in case_file.campaign.requests) or "none"
        raise DraftError(
            f"{document} is drafted from a request's history: name the request with --request "
            f"(requests in the case: {known})"
        )
    h = request.history
    if h.sent is None:
        raise _missing(h, document, "sent", "record the request with `advocate sent` first")
    return request, h


def _not_before(h: History, document: str, date: dt.date) -> None:
    last = h.request.events[-1]
    if date < last.date:
        raise _refuse(
            h,
            document,
            f"it is dated {date.isoformat()}, before the last event of its history "
            f"({last.kind}, {last.date.isoformat()})",
        )


def chaser_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A chaser for an overdue reply (s 10(1)) or an overdue internal review (the Code of Practice)."""
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    document = "a chaser"
    request, h = _history(case_file, given, document, "chaser")
    _not_before(h, document, date)
    if h.state == "extended":
        raise _refuse(
            h,
            document,
            "time was extended for the public interest test: draft an extension-chaser "
            "once the date it gave has passed",
        )
    if h.state == "awaiting-reply":
        chasing, due = "reply", h.reply_due
    elif h.state == "review-asked":
        chasing, due = "review", h.milestone("review-due")
    else:
        raise _refuse(h, document, f"nothing is awaited from the authority: the request is {h.state_words}")
    if date <= due.date:
        raise _refuse(h, document, f"the {chasing} is not overdue until after {due.date.isoformat()} ({due.label})")
    reply_by = deadlines.chaser_reply_by(date)
    earlier = [event for event in h.chasers if event.date > due.date]
    names = {
        "request": request,
        "history": h,
        "chasing": chasing,
        "due": due.deadline,
        "reply_by": reply_by,
        "earlier_chasers": earlier,
        "review_outer": h.milestone("review-outer").deadline if chasing == "review" else None,
        **follow_up_names(evidence, request, chasers=earlier),
        **sender_names(request),
    }
    return DocumentContext(
        names,
        (Timing(f"{chasing} was due by", due.deadline), Timing("reply asked for by", reply_by)),
        addressee=addressee_of(request),
    )


def extension_chaser_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A chaser once a public-interest extension has run past the date the authority gave."""
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    document = "an extension-chaser"
    request, h = _history(case_file, given, document, "extension-chaser")
    _not_before(h, document, date)
    if h.extension is None:
        raise _missing(h, document, "extension", "a chaser for an ordinary overdue reply is `advocate draft chaser`")
    if h.state != "extended":
        raise _refuse(h, document, f"the request is {h.state_words}, not waiting on the extension")
    promised = h.milestone("reply-extended")
    if date <= promised.date:
        raise _refuse(h, document, f"the extension runs to {promised.date.isoformat()}; it has not yet passed")
    reply_by = deadlines.chaser_reply_by(date)
    names = {
        "request": request,
        "history": h,
        "extension": h.extension,
        "promised": promised.deadline,
        "given_date": bool(h.extension.until),
        "reply_by": reply_by,
        **lateness(request),
        "extension_sections": join_and(parse_exemption(s).cited for s in h.extension.sections),
        **follow_up_names(evidence, request),
        **sender_names(request),
    }
    return DocumentContext(
        names,
        (Timing("reply promised by", promised.deadline), Timing("reply asked for by", reply_by)),
        addressee=addressee_of(request),
    )


def clarification_reply_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """The answer to a request for clarification (s 1(3)); the reply is then due twenty working days after it arrives."""
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    document = "a reply to a request for clarification"
    request, h = _history(case_file, given, document, "clarification-reply")
    _not_before(h, document, date)
    if h.clarification is None:
        if any(event.kind == "clarification-answered" for event in h.request.events):
            raise _refuse(h, document, "the request for clarification was answered already")
        raise _missing(
            h, document, "clarification-asked", "record the authority's request for clarification with `advocate reply`"
        )
    if not h.clarification.answer:
        raise _refuse(
            h,
            document,
            f"write your answer under 'answer:' in the clarification-asked event of "
            f"{h.clarification.date.isoformat()} in requests.yaml",
        )
    new_due = deadlines.foi_response_due_from(date, counted_from="the day this letter is received")
    names = {
        "request": request,
        "history": h,
        "clarification": h.clarification,
        "new_due": new_due,
        **follow_up_names(evidence, request),
        **sender_names(request),
    }
    return DocumentContext(
        names, (Timing("reply due (after clarification)", new_due),), addressee=addressee_of(request)
    )


def non_response_complaint_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A complaint to the Information Commissioner that the authority has not replied, after a chaser."""
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    document = "a complaint about a non-response"
    request, h = _history(case_file, given, document, "ico-non-response")
    _not_before(h, document, date)
    if h.state not in ("awaiting-reply", "extended"):
        raise _refuse(h, document, f"it is for a request still awaiting its reply, and this one is {h.state_words}")
    due = h.reply_due
    if date <= due.date:
        raise _refuse(h, document, f"the reply is not overdue until after {due.date.isoformat()}")
    chaser = h.chased_after(due.date)
    if chaser is None:
        raise _missing(
            h,
            document,
            "chased",
            f"the Commissioner asks requesters to chase the authority first: "
            f"draft a chaser (the reply was due by {due.date.isoformat()})",
        )
    asked = h.milestone("chaser-reply-by")
    if asked and date <= asked.date:
        raise _refuse(
            h,
            document,
            f"the chaser of {chaser.date.isoformat()} asked for a reply by "
            f"{asked.date.isoformat()}; wait until that date has passed",
        )
    authority = request.authority
    chasers = [e for e in h.chasers if e.date > due.date]
    names = {
        "request": request,
        "history": h,
        "due": due.deadline,
        "chasers": chasers,
        "authority": authority,
        **lateness(request),
        **follow_up_names(evidence, request, chasers=chasers),
    }
    return DocumentContext(
        names,
        (Timing(due.label, due.deadline),),
        addressee=Addressee("the Information Commissioner's Office"),
        enclosures=stored_copies(request, "sent", "acknowledged", "extension", "chased"),
    )


def appeal_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A notice of appeal to the First-tier Tribunal (General Regulatory Chamber) against a decision notice.

    Due 28 days after the decision notice was sent (GRC Rules 2009, r 22(1)(b)); a later
    notice must ask for an extension and say why (r 22(4)), so it needs ``delay_reason``.
    """
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    document = "a notice of appeal"
    request, h = _history(case_file, given, document, "tribunal-appeal")
    _not_before(h, document, date)
    notice = h.decision_notice
    if notice is None:
        raise _missing(
            h,
            document,
            "decision-notice",
            "an appeal lies only against a decision notice of the Information Commissioner (FOIA s 57(1))",
        )
    if notice.outcome == "upheld":
        raise _refuse(
            h, document, "the Commissioner upheld the complaint: the decision notice is in the requester's favour"
        )
    requester = case_file.case.requester
    if not requester.address:
        raise DraftError(
            "a notice of appeal must give the appellant's name and address (GRC Rules 2009, "
            "r 22(2)(a)): add 'address:' under 'requester:' in case.yaml"
        )
    appeal_by = h.milestone("appeal-by").deadline
    late = date > appeal_by.date
    if late and not given.delay_reason:
        raise DraftError(
            f"the 28 days for appealing the decision notice of {notice.date.isoformat()} ran to "
            f"{appeal_by.date.isoformat()}: a late notice of appeal must ask for more time and say why "
            "(r 22(4)); give the reason with --delay-reason"
        )
    decided = notice.sections or (h.response.sections if h.response else ())
    decided_exemptions = [parse_exemption(s) for s in decided]
    names = {
        "request": request,
        "history": h,
        "decision": notice,
        "appeal_by": appeal_by,
        "appeal_late": late,
        "delay_reason": given.delay_reason,
        "decided_exemptions": decided_exemptions,
        "authority": request.authority,
        **lateness(request),
        **follow_up_names(evidence, request),
        "qualified_decided": [e for e in decided_exemptions if e.qualified],
        "decided_cited": join_and(e.cited for e in decided_exemptions),
    }
    warning = (
        f"this notice of appeal is made after {appeal_by.date.isoformat()}, when the 28 days ran out" if late else ""
    )
    return DocumentContext(
        names,
        (Timing("appeal to reach the Tribunal by", appeal_by, warning),),
        addressee=Addressee("the First-tier Tribunal (General Regulatory Chamber)"),
        enclosures=stored_copies(
            request, "decision-notice", "sent", "response", "review-asked", "review-response", "complaint"
        ),
    )
