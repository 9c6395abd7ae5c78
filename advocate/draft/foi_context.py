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
from dataclasses import dataclass

from advocate.draft.context import DocumentContext, Timing
from advocate.draft.evidence import Evidence
from advocate.draft.foi_scope import focus, request_scope
from advocate.draft.linking_context import PrintableLinks, law_for
from advocate.draft.options import Correspondence, DraftOptions
from advocate.errors import DraftError
from advocate.law import deadlines
from advocate.models.case_file import CaseFile
from advocate.models.correspondence import FoiCorrespondence
from advocate.models.period import long_date
from advocate.vocab.english import join_and
from advocate.vocab.foi_exemptions import Exemption, parse_exemption


def foi_request_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """An FOI request sent (and received) on the document's date: the reply is due on the twentieth working day after.

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
    names = {
        "reply_due": due,
        "reply_holidays": join_and(f"{long_date(day)} ({why})" for day, why in due.skipped),
        "granted": scope.granted,
        "refused": scope.refused,
        "one_licence": len(scope.licences) == 1,
        "focused": focused,
        "criteria_named": sorted(versions.values(), key=lambda v: v.in_force_from),
        "straddling": [(licence, law) for licence, law in zip(scope.licences, laws) if law.straddles],
        "deciders": join_and(f"the {name}" for name in deciders),
        "decided_by_predecessor": any(law.decided_by_a_predecessor for law in laws),
        "foreign_office": join_and(f"the {name}" for name in advisers),
        "why_abuses": _why(evidence, scope),
    }
    warning = "; ".join(scope.warnings)
    return DocumentContext(names, (Timing("reply due", due, warning),))


def _why(evidence: Evidence, scope) -> list:
    """Up to three documented abuses a request mentions once, in its paragraph on why: the most strongly linked."""
    printable = PrintableLinks(evidence)
    chosen: dict[str, None] = {}
    for link in evidence.links.for_licences(licence.id for licence in scope.licences):
        if printable(link):
            chosen.setdefault(link.abuse_id, None)
        if len(chosen) == 3:
            break
    return sorted((evidence.abuse(abuse_id) for abuse_id in chosen), key=lambda a: (a.date.sort_key, a.id))


def _record(case_file: CaseFile, request_id: str) -> FoiCorrespondence | None:
    records = case_file.case.foi_requests
    if request_id:
        for record in records:
            if record.id == request_id:
                return record
        known = ", ".join(r.id for r in records) or "none"
        raise DraftError(f"there is no FOI request '{request_id}' in case.yaml foi_requests (known: {known})")
    return records[-1] if len(records) == 1 else None


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

    @property
    def qualified_exemptions(self) -> tuple[Exemption, ...]:
        return tuple(e for e in self.exemptions if e.qualified)

    @property
    def absolute_exemptions(self) -> tuple[Exemption, ...]:
        return tuple(e for e in self.exemptions if e.absolute)

    @property
    def refusal_grounds(self) -> tuple[Exemption, ...]:
        return tuple(e for e in self.exemptions if e.kind == "refusal-ground")


def earlier_request(case_file: CaseFile, given: Correspondence) -> EarlierRequest:
    """The earlier request, from the case file's record (if any) with the command line's details on top."""
    record = _record(case_file, given.request_id)
    exemptions = given.exemptions or (record.exemptions if record else ())
    try:
        parsed = tuple(parse_exemption(text) for text in exemptions)
    except ValueError as exc:
        raise DraftError(str(exc)) from None
    return EarlierRequest(
        id=record.id if record else "",
        sent=given.sent or (record.sent if record else None),
        authority_reference=given.authority_reference or (record.authority_reference if record else ""),
        response_date=given.response_date or (record.response_date if record else None),
        exemptions=parsed,
        licences=record.licences if record else (),
        review_requested=given.review_requested or (record.review_requested if record else None),
        review_response_date=given.review_response_date or (record.review_response_date if record else None),
        review_outcome=given.review_outcome or (record.review_outcome or "" if record else ""),
    )


def _require(request: EarlierRequest, document: str, fields: dict[str, str]) -> None:
    missing = [option for name, option in fields.items() if not getattr(request, name)]
    if missing:
        raise DraftError(
            f"{document} needs {', '.join(missing)}: give them on the command line, or add the request to "
            "case.yaml under foi_requests (and --request ID if there are several)")


def review_request_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """An internal review request sent on the document's date, following a refusal."""
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    request = earlier_request(case_file, given)
    _require(request, "an internal review request", {
        "authority_reference": "the authority's reference (--reference)",
        "response_date": "the date of the refusal (--refused)",
        "exemptions": "the exemptions claimed (--exemption, once each)",
    })
    if request.response_date > date:
        raise DraftError(f"the refusal date {request.response_date.isoformat()} is after the date of the review request "
                         f"{date.isoformat()}")
    due = deadlines.internal_review_due(date)
    ask_by = deadlines.internal_review_request_by(request.response_date)
    warning = ""
    if date > ask_by.date:
        warning = (f"this internal review is asked for on {date.isoformat()}, after {ask_by.date.isoformat()}, "
                   f"40 working days from the refusal: the authority may decline to review it")
    return DocumentContext(
        {"request": request, "review_due": due, "review_asked_by": ask_by},
        (Timing("internal review expected by", due), Timing("review to be asked for by", ask_by, warning)),
    )


def complaint_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A complaint to the Information Commissioner made on the document's date after an internal review (or none in time)."""
    case_file, given, date = evidence.case_file, options.correspondence, options.date
    request = earlier_request(case_file, given)
    _require(request, "a complaint to the Information Commissioner", {
        "sent": "the date the request was sent (--sent)",
        "authority_reference": "the authority's reference (--reference)",
        "review_requested": "the date the internal review was asked for (--review-requested)",
    })
    timings = []
    names: dict = {"request": request}
    if request.review_response_date:
        complain_by = deadlines.ico_complaint_by(request.review_response_date)
        warning = ""
        if date > complain_by.date:
            warning = (f"this complaint is made on {date.isoformat()}, more than six weeks after the internal review "
                       f"response of {request.review_response_date.isoformat()}: the Commissioner may decline it as late")
        names["complain_by"] = complain_by
        timings.append(Timing("complaint to be made by", complain_by, warning))
    else:
        overdue = deadlines.working_days_after(request.review_requested, 40)
        names["review_overdue_from"] = overdue
        if date <= overdue:
            raise DraftError(
                f"no internal review response is recorded, and 40 working days from the review request "
                f"({request.review_requested.isoformat()}) run to {overdue.isoformat()}: the Commissioner expects the "
                "review to be given that time first; record the response (--review-responded) or wait")
    names["reply_was_due"] = deadlines.foi_response_due(request.sent)
    return DocumentContext(names, tuple(timings))

