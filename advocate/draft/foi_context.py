"""What the FOI family of documents adds to a template's context: its correspondence and its deadlines.

- an FOI request: the date a reply is due (FOIA s 10(1) and (6));
- an internal review request: the request it follows (the authority's
  reference, the date of its refusal, the exemptions it claimed), the date the
  review is expected, and whether the review is asked for in time;
- a complaint to the Information Commissioner (s 50): the request, the review and
  its outcome, and whether the complaint is made within the time the ICO expects.

The correspondence comes from ``case.yaml`` (``foi_requests``) or from the
command line (:class:`Correspondence` built by the caller), the command line
winning field by field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from advocate.draft import licence_wording as wording
from advocate.draft.context import Addressee, DocumentContext, Enclosure, Timing
from advocate.draft.evidence import Evidence
from advocate.draft.filters import clause
from advocate.draft.foi_scope import focus, request_scope
from advocate.draft.follow_up import follow_up_names
from advocate.draft.linking_context import PrintableLinks, law_for
from advocate.draft.options import Correspondence, DraftOptions
from advocate.errors import DraftError
from advocate.law import deadlines
from advocate.law.foi_ladder import LETTERS, History, history
from advocate.models.campaign import CASE_BODY
from advocate.models.case_file import CaseFile
from advocate.models.foi_request import OUTCOME_WORDS, Authority, FoiRequest, RequestEvent
from advocate.models.period import long_date, when
from advocate.vocab.english import join_and
from advocate.vocab.foi_exemptions import Exemption, parse_exemption


def foi_request_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """An FOI request sent (and received) on the document's date: the reply is due on the twentieth working day after.

    A request of the campaign to another authority (``--request``) is addressed to that authority.

    The request asks about a focused set of licences (:mod:`advocate.draft.foi_scope`), with heads adapted to
    each licence's outcome; the criteria, the deciding department and the advising departments are those of the
    licences' dates. At most three documented abuses are named, once each, in one short paragraph on why.
    """
    focused = focus(evidence)
    scope = request_scope(evidence, options.date)
    due = deadlines.foi_response_due(options.date)
    laws = [law_for(licence) for licence in scope.licences]
    versions = {v.id: v for law in laws for v in law.versions}
    deciders = {b.name: b for law in laws for b in law.deciders}
    advisers = {b.name: b for law in laws for b in law.advisers}
    licences = list(scope.licences)
    names = {
        "reply_due": due,
        "reply_holidays": join_and(f"{long_date(day)} ({why})" for day, why in due.skipped),
        "granted": scope.granted,
        "refused": scope.refused,
        "one_licence": wording.is_one(licences),
        "licences_asked": licences,
        "count_words": wording.count_phrase(licences),
        "request_about": _about(licences),
        "described_as": wording.described_as(licences, evidence.case_file.sources),
        "identifiers_note": wording.identifiers_note([l for l in licences if l.id_kind != "case"], "my"),
        "licence_label": wording.Labels(wording.request_label),
        "granted_asked": _asked(scope.granted, scope.refused, granted=True),
        "refused_asked": _asked(scope.refused, scope.granted, granted=False),
        "focused": focused,
        "criteria_named": sorted(versions.values(), key=lambda v: v.in_force_from),
        "straddling": [
            Straddling(licence, law, _straddling_subject(licence))
            for licence, law in zip(scope.licences, laws)
            if law.straddles
        ],
        "deciders": join_and(f"the {name}" for name in deciders),
        "decided_by_predecessor": any(law.decided_by_a_predecessor for law in laws),
        "foreign_office": join_and(f"the {name}" for name in advisers),
        "why_abuses": _why(evidence, scope),
    }
    warning = "; ".join(scope.warnings)
    context = DocumentContext(names, (Timing("reply due", due, warning),))
    return addressed_to_its_body(context, evidence.case_file, options.correspondence)


def _about(licences: list) -> str:
    """The request's subject: 'an export licence for Turkey decided in the first quarter of 2017', 'at least 2
    export licences for Turkey decided on or before 31 March 2017', '3 export licences for Turkey'."""
    destinations = join_and(dict.fromkeys(licence.destination for licence in licences))
    count = wording.count_phrase(licences)
    if len(licences) == 1:
        count = "an export licence" if count == "one export licence" else count
        return f"{count} for {destinations} decided {when(licences[0].decision)}"
    return f"{count} for {destinations}"


def _asked(these: tuple, others: tuple, *, granted: bool) -> str:
    """Which licences a group of heads is about: 'the licence', 'each of the licences (at least 2)', 'each licence
    issued (CAAT dataset no. 75164 and case reference DIT-2017Q1-TR-01)'; '' when there are none."""
    if not these:
        return ""
    word = "licence granted" if granted else "application refused"
    labels = join_and(_reference(licence) for licence in these)
    if not others:
        if wording.is_one(these):
            return "the licence" if granted else "the application refused"
        if len(these) == 1:
            return f"each of the {'licences' if granted else 'applications'} ({these[0].licence_count})"
        return f"each {word}"
    if wording.is_one(these):
        return f"the {word} ({labels})"
    return f"each {word} ({labels})"


def _reference(licence, capital: bool = False) -> str:
    """A licence named in a request's text: its identifier, or 'the one decided in the first quarter of 2017'."""
    if licence.id_kind != "case":
        return licence.identifier_text
    return f"{'The licence' if capital else 'the one'} decided {when(licence.decision)}"


def _straddling_subject(licence) -> str:
    """'The licence decided in the fourth quarter of 2021', 'CAAT dataset no. 91234, decided in the fourth quarter of
    2021,' (the subject of 'may have been decided under either …')."""
    if licence.id_kind == "case":
        return _reference(licence, capital=True)
    return f"{licence.identifier_text}, decided {when(licence.decision)},"


@dataclass(frozen=True)
class Straddling:
    """A licence decided in a period that straddles a change of criteria: the request asks which applied."""

    licence: object
    law: object
    named: str
    """How the request names it ('CAAT dataset no. 91234', 'The licence decided in the fourth quarter of 2021')."""


@dataclass(frozen=True)
class WhyItMatters:
    """One documented abuse in the request's short paragraph on why: when it occurred, and what happened."""

    abuse: object
    when: str
    """'in 2016', 'in the first quarter of 2017', 'between 1 April 2017 and 31 December 2017'."""
    clause: str
    """The abuse's title continuing a sentence ('Turkey arrested dozens of journalists ...')."""


def _why(evidence: Evidence, scope) -> list[WhyItMatters]:
    """Up to three documented abuses a request mentions once, in its paragraph on why: the most strongly linked."""
    printable = PrintableLinks(evidence)
    chosen: dict[str, None] = {}
    for link in evidence.links.for_licences(licence.id for licence in scope.licences):
        if printable(link):
            chosen.setdefault(link.abuse_id, None)
        if len(chosen) == 3:
            break
    abuses = sorted((evidence.abuse(abuse_id) for abuse_id in chosen), key=lambda a: (a.date.sort_key, a.id))
    return [WhyItMatters(abuse, when(abuse.date), clause(abuse.title)) for abuse in abuses]


def find_request(case_file: CaseFile, request_id: str, kind: str = "") -> FoiRequest | None:
    """The request called ``request_id`` (requests.yaml or case.yaml's ``foi_requests``). With no id: the
    case's only request, or the only one at the stage the letter ``kind`` follows; ``None`` if there is no
    such single request."""
    records = case_file.campaign.requests
    if request_id:
        found = case_file.campaign.request(request_id)
        if found is None:
            known = ", ".join(r.id for r in records) or "none"
            raise DraftError(
                f"there is no FOI request '{request_id}' in requests.yaml or case.yaml foi_requests (known: {known})"
            )
        return found
    if len(records) == 1:
        return records[0]
    letter = LETTERS.get(kind)
    fitting = [r for r in records if letter and history(r).state in letter.states]
    return fitting[0] if len(fitting) == 1 else None


def request_licences(case_file: CaseFile, request_id: str) -> tuple[str, ...]:
    """The licences a request is about (what its follow-ups are about when no licence is chosen)."""
    request = find_request(case_file, request_id)
    return request.licences if request else ()


@dataclass(frozen=True)
class EarlierRequest:
    """The request a follow-up cites, merged from the case file and the command line."""

    id: str
    sent: dt.date | None
    authority_reference: str
    response_date: dt.date | None
    exemptions: tuple[Exemption, ...]
    licences: tuple[str, ...]
    review_requested: dt.date | None
    review_response_date: dt.date | None
    review_outcome: str
    history: History | None = None
    """The request's history, when the case keeps it (requests.yaml or case.yaml's foi_requests)."""
    authority: Authority | None = None
    """The body the request went to (the case's public body unless the request names another)."""

    @property
    def received(self) -> dt.date | None:
        """The date of receipt (s 10(6)): as recorded, or the day the request was sent."""
        if self.history and self.history.received and self.history.sent and self.history.sent.date == self.sent:
            return self.history.received
        return self.sent

    @property
    def receipt_assumed(self) -> bool:
        """Whether receipt is taken to be the day the request was sent (nothing recorded says otherwise)."""
        return not (self.history and self.history.received and not self.history.receipt_assumed)

    @property
    def review_outcome_words(self) -> str:
        return OUTCOME_WORDS.get(("review-response", self.review_outcome), self.review_outcome)

    @property
    def response_outcome(self) -> str:
        return self.history.response.outcome if self.history and self.history.response else ""

    @property
    def qualified_exemptions(self) -> tuple[Exemption, ...]:
        return tuple(e for e in self.exemptions if e.qualified)

    @property
    def absolute_exemptions(self) -> tuple[Exemption, ...]:
        return tuple(e for e in self.exemptions if e.absolute)

    @property
    def refusal_grounds(self) -> tuple[Exemption, ...]:
        return tuple(e for e in self.exemptions if e.kind == "refusal-ground")


def _date(event: RequestEvent | None) -> dt.date | None:
    return event.date if event is not None else None


def earlier_request(case_file: CaseFile, given: Correspondence, kind: str = "") -> EarlierRequest:
    """The earlier request, from the case's record of it (if any) with the command line's details on top."""
    record = find_request(case_file, given.request_id, kind)
    h = history(record) if record else None
    recorded_sections: tuple[str, ...] = ()
    if h is not None:
        decided = h.review_response if h.review_response and h.review_response.sections else h.response
        recorded_sections = decided.sections if decided else ()
    exemptions = given.exemptions or recorded_sections
    try:
        parsed = tuple(parse_exemption(text) for text in exemptions)
    except ValueError as exc:
        raise DraftError(str(exc)) from None
    return EarlierRequest(
        id=record.id if record else "",
        sent=given.sent or (_date(h.sent) if h else None),
        authority_reference=given.authority_reference or (h.reference if h else ""),
        response_date=given.response_date or (_date(h.response) if h else None),
        exemptions=parsed,
        licences=record.licences if record else (),
        review_requested=given.review_requested or (_date(h.review_asked) if h else None),
        review_response_date=given.review_response_date or (_date(h.review_response) if h else None),
        review_outcome=given.review_outcome or (h.review_response.outcome if h and h.review_response else ""),
        history=h,
        authority=case_file.campaign.authority_of(record) if record else case_file.campaign.case_body,
    )


def _require(request: EarlierRequest, document: str, fields: dict[str, str]) -> None:
    missing = [option for name, option in fields.items() if not getattr(request, name)]
    if missing:
        raise DraftError(
            f"{document} needs {', '.join(missing)}: give them on the command line, or add the request to "
            "requests.yaml (and --request ID if there are several)"
        )


def addressed_to_its_body(context: DocumentContext, case_file: CaseFile, given: Correspondence) -> DocumentContext:
    """A request drafted for a request of the campaign (``--request``) that goes to another body than the
    case's own: addressed, and its email drafted, to that body."""
    if not given.request_id:
        return context
    request = find_request(case_file, given.request_id)
    authority = case_file.campaign.authority_of(request) if request else None
    if authority is None or authority.id == CASE_BODY:
        return context
    return replace(
        context,
        names={**context.names, "public_body": authority},
        addressee=Addressee(authority.name, authority.foi_email),
    )


def addressee_of(request: EarlierRequest) -> Addressee | None:
    """The body a follow-up goes to, when it is not the case's own public body."""
    authority = request.authority
    if authority is None or authority.id == CASE_BODY:
        return None
    return Addressee(authority.name, authority.foi_email)


def sender_names(request: EarlierRequest) -> dict:
    """``public_body`` for the sender's block (``_sender.md.j2``): the body the request went to."""
    return {"public_body": request.authority} if addressee_of(request) else {}


def stored_copies(request: EarlierRequest, *kinds: str) -> tuple[Enclosure, ...]:
    """The stored files of the request and of its events of ``kinds``, in history order, for an email to attach."""
    h = request.history
    if h is None:
        return ()
    found = []
    if "sent" in kinds and h.request.text:
        found.append(Enclosure("the request", h.request.text))
    for event in h.request.events:
        if event.kind in kinds and event.file and not (event.kind == "sent" and h.request.text):
            found.append(Enclosure(event.kind, event.file))
    return tuple(found)


def review_request_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """An internal review request sent on ``date``, following a refusal.

    A request made after the forty working days the Commissioner's guidance allows is
    never said to be in time: the letter says when the forty days ran out and, with
    ``delay_reason``, why it comes later.
    """
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    request = earlier_request(case_file, given, "foi-review")
    _require(
        request,
        "an internal review request",
        {
            "authority_reference": "the authority's reference (--reference)",
            "response_date": "the date of the refusal (--refused)",
            "exemptions": "the exemptions claimed (--exemption, once each)",
        },
    )
    assert request.response_date is not None  # _require refused a request without it
    if request.response_date > date:
        raise DraftError(
            f"the refusal date {request.response_date.isoformat()} is after the date of the review request "
            f"{date.isoformat()}"
        )
    due = deadlines.internal_review_due(date)
    ask_by = deadlines.internal_review_request_by(request.response_date)
    late = date > ask_by.date
    warning = ""
    if late:
        warning = (
            f"this internal review is asked for on {date.isoformat()}, after {ask_by.date.isoformat()}, "
            f"40 working days from the refusal: the authority may decline to review it"
        )
        if not given.delay_reason:
            warning += "; say why with --delay-reason and the letter will explain it"
    names = {
        "request": request,
        "review_due": due,
        "review_asked_by": ask_by,
        "review_late": late,
        "delay_reason": given.delay_reason,
        **follow_up_names(evidence, request),
        **sender_names(request),
        **_review_names(evidence, request),
    }
    return DocumentContext(
        names,
        (Timing("internal review expected by", due), Timing("review to be asked for by", ask_by, warning)),
        addressee=addressee_of(request),
        enclosures=stored_copies(request, "response"),
    )


WITHHELD_WORDS = {
    "partial": "withheld part of the information",
    "neither-confirm-nor-deny": "neither confirmed nor denied that you hold the information",
}
"""What a refusal did, by the response's outcome (anything else: 'withheld the information')."""


def _review_names(evidence: Evidence, request: EarlierRequest) -> dict:
    """What an internal review request argues from: what was withheld, which exemptions are qualified, and the
    abuses and goods its public-interest case names."""
    qualified = request.qualified_exemptions
    sections = list(dict.fromkeys(exemption.section for exemption in qualified))
    goods = join_and(dict.fromkeys(l.goods_summary for l in evidence.licences if l.goods_summary)) or "controlled goods"
    return {
        "withheld_words": WITHHELD_WORDS.get(request.response_outcome, "withheld the information"),
        "qualified_single": len(sections) == 1,
        "qualified_words": (
            ""
            if not sections
            else f"Section {sections[0]} is a qualified exemption"
            if len(sections) == 1
            else f"Sections {join_and(sections)} are qualified exemptions"
        ),
        "argues_public_interest": bool(qualified) or any(e.section == "41" for e in request.absolute_exemptions),
        "goods_words": goods,
        "destinations": join_and(dict.fromkeys(l.destination for l in evidence.licences)),
    }


def _complaint_names(request: EarlierRequest) -> dict:
    """What a complaint to the Commissioner lists: the clarification steps, and the exemptions it asks about."""
    events = request.history.request.events if request.history else ()
    qualified = [e for e in request.exemptions if e.qualified and e.section not in ("40", "41")]
    return {
        "clarification_asked": [e for e in events if e.kind == "clarification-asked"],
        "clarification_answered": [e for e in events if e.kind == "clarification-answered"],
        "qualified_asked": qualified,
        "qualified_named": join_and(f"{e.cited} ({e.heading[:1].lower() + e.heading[1:]})" for e in qualified),
        "other_exemptions": [e for e in request.exemptions if e not in qualified],
        "review_outcome_cell": (request.review_outcome_words or "decision given")[:1].upper()
        + (request.review_outcome_words or "decision given")[1:].rstrip("."),
    }


def lateness(request: EarlierRequest) -> dict:
    """Whether the response came late, and what that breached, for a complaint or an appeal to state.

    The reply was due on the twentieth working day after receipt (taken as the day the
    request was sent unless its arrival was recorded). A refusal after that date breaches
    ss 10(1) and 17(1), unless a notice under s 17(2), itself given within the twenty days,
    extended time for the public interest test; then the question is only whether the
    response came after the date that notice gave.
    """
    received = request.received or request.sent
    assert received is not None  # every caller has refused a request not yet sent
    h = request.history
    first_due = h.first_due if h and h.first_due else deadlines.foi_response_due(received)
    extension = h.extension if h else None
    extension_in_time = bool(extension and extension.date <= first_due.date)
    promised = h.milestone("reply-extended") if h else None
    refusal = bool(request.exemptions) or request.response_outcome in ("refused", "partial", "neither-confirm-nor-deny")
    response = request.response_date
    return {
        "reply_was_due": first_due,
        "receipt_assumed": request.receipt_assumed,
        "extension": extension,
        "extension_in_time": extension_in_time,
        "extension_promised": promised.deadline if promised else None,
        "response_late": bool(response and response > first_due.date and not extension_in_time),
        "response_after_promised": bool(response and extension_in_time and promised and response > promised.date),
        "late_provisions": "sections 10(1) and 17(1)" if refusal else "section 10(1)",
        "late_pinpoint": "ss 10(1), 17(1)" if refusal else "s 10(1)",
    }


def complaint_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A complaint to the Information Commissioner made on ``date`` after an internal review (or none in time).

    It says it is made within the six weeks the Commissioner asks for only when it is; a
    later complaint needs the reason (``delay_reason``), which the letter gives when it asks
    the Commissioner not to treat the delay as undue (s 50(2)(b)). It lists the copies it
    encloses, as the Commissioner requires.
    """
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    request = earlier_request(case_file, given, "ico-complaint")
    _require(
        request,
        "a complaint to the Information Commissioner",
        {
            "sent": "the date the request was sent (--sent)",
            "authority_reference": "the authority's reference (--reference)",
            "review_requested": "the date the internal review was asked for (--review-requested)",
        },
    )
    timings = []
    names: dict = {
        "request": request,
        "delay_reason": given.delay_reason,
        "complaint_late": False,
        **follow_up_names(evidence, request),
        **_complaint_names(request),
    }
    if request.review_response_date:
        complain_by = deadlines.ico_complaint_by(request.review_response_date)
        late = date > complain_by.date
        if late and not given.delay_reason:
            raise DraftError(
                f"this complaint is made on {date.isoformat()}, more than six weeks after the internal review decision "
                f"of {request.review_response_date.isoformat()} (the six weeks ran to {complain_by.date.isoformat()}): "
                "say why with --delay-reason, so that the letter can explain the delay and ask the Commissioner not to "
                "treat it as undue (FOIA s 50(2)(b))"
            )
        warning = ""
        if late:
            warning = (
                f"this complaint is made on {date.isoformat()}, more than six weeks after the internal review "
                f"response of {request.review_response_date.isoformat()}: the Commissioner may decline it as late"
            )
        names["complain_by"] = complain_by
        names["complaint_late"] = late
        timings.append(Timing("complaint to be made by", complain_by, warning))
    else:
        assert request.review_requested is not None  # _require refused a request without it
        overdue = deadlines.working_days_after(request.review_requested, 40)
        names["review_overdue_from"] = overdue
        if date <= overdue:
            raise DraftError(
                f"no internal review response is recorded, and 40 working days from the review request "
                f"({request.review_requested.isoformat()}) run to {overdue.isoformat()}: the Commissioner expects the "
                "review to be given that time first; record the response (--review-responded) or wait"
            )
    names.update(lateness(request))
    return DocumentContext(
        names,
        tuple(timings),
        addressee=Addressee("the Information Commissioner's Office"),
        enclosures=stored_copies(request, "sent", "response", "review-asked", "review-response"),
    )
