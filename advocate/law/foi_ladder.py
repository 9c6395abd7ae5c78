"""Where an FOI request stands, derived from its events: its state, its deadlines and the next step.

The Freedom of Information Act 2000 and the Information Commissioner's practice
give every step its time: the reply is due on the twentieth working day after
receipt (s 10(1)); a request for clarification restarts the count when it is
answered (s 1(3), s 10(6)); the days from a fees notice until the fee is received
are disregarded (s 10(2)); a public-interest extension runs to the date the
authority gave (s 10(3), s 17(2)); an internal review is asked for within 40
working days of the response and expected within 20 (40 at most); the
Commissioner asks for a complaint within six weeks of the final response; an
appeal against a decision notice must reach the Tribunal within 28 days of the
day the notice was sent. :func:`history` reads a request's events in order and
returns a :class:`History` with all of that worked out; nothing is stored.

The ladder's letters (:data:`LETTERS`) are the steps a requester takes; each
names the event ``advocate sent`` records when it goes, and :func:`next_step`
says which one is due on a given day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from advocate.law import deadlines
from advocate.law.deadlines import Deadline
from advocate.models.foi_request import FoiRequest, RequestEvent

# -- the letters of the ladder --------------------------------------------------


@dataclass(frozen=True)
class Letter:
    """A letter the requester may send: the document kind that drafts it and the event it becomes."""

    kind: str
    event: str
    what: str
    states: tuple[str, ...] = ()
    """The states of a request the letter follows (which request a letter is for, when only one fits)."""


LETTERS: dict[str, Letter] = {
    letter.kind: letter
    for letter in (
        Letter("foi", "sent", "send the request", ("planned",)),
        Letter(
            "clarification-reply",
            "clarification-answered",
            "answer the request for clarification",
            ("clarification-asked",),
        ),
        Letter("chaser", "chased", "chase the overdue reply", ("awaiting-reply", "review-asked")),
        Letter("extension-chaser", "chased", "chase the reply the extension promised", ("extended",)),
        Letter("foi-review", "review-asked", "ask for an internal review", ("responded",)),
        Letter(
            "ico-complaint", "complaint", "complain to the Information Commissioner", ("review-asked", "review-decided")
        ),
        Letter(
            "ico-non-response",
            "complaint",
            "complain to the Information Commissioner that there has been no reply",
            ("awaiting-reply", "extended"),
        ),
        Letter("tribunal-appeal", "appeal", "appeal to the First-tier Tribunal", ("decided",)),
    )
}
"""Every letter of the ladder by document kind."""

STATES = {
    "planned": "not yet sent",
    "awaiting-reply": "awaiting the reply",
    "clarification-asked": "clarification asked for",
    "fee-asked": "fees notice given",
    "extended": "time extended for the public interest test",
    "answered": "answered in full",
    "responded": "responded",
    "review-asked": "internal review asked for",
    "review-decided": "internal review decided",
    "complained": "complaint made to the Commissioner",
    "decided": "decision notice issued",
    "appealed": "appeal made to the Tribunal",
    "withdrawn": "withdrawn",
}
"""Each state's key and the words ``advocate status`` prints."""


@dataclass(frozen=True)
class Milestone:
    """A deadline in a request's history, under a key that stays the same while the request lives.

    ``met`` is the day the step it waits for happened (the reply came, the review was
    asked for), or ``None``; a calendar entry keyed by ``key`` moves with the date
    when a clarification or a fee restarts or stops the clock.
    """

    key: str
    label: str
    deadline: Deadline
    met: dt.date | None = None

    @property
    def date(self) -> dt.date:
        return self.deadline.date


@dataclass(frozen=True)
class History:
    """A request's history read in order: its state, the events that matter now, and every deadline.

    ``received`` is the date of receipt in the sense of s 10(6): the day the request
    arrived, or the day the answer to a request for clarification did.
    ``receipt_assumed`` is true when the request's arrival was not recorded and is
    taken to be the day it was sent (a request by email).
    """

    request: FoiRequest
    state: str
    reference: str = ""
    sent: RequestEvent | None = None
    received: dt.date | None = None
    receipt_assumed: bool = True
    clarification: RequestEvent | None = None
    fees_notice: RequestEvent | None = None
    extension: RequestEvent | None = None
    response: RequestEvent | None = None
    review_asked: RequestEvent | None = None
    review_response: RequestEvent | None = None
    complaint: RequestEvent | None = None
    decision_notice: RequestEvent | None = None
    appeal: RequestEvent | None = None
    chasers: tuple[RequestEvent, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    first_due: Deadline | None = None
    """The reply due under s 10(1) as it stood before any extension (what a late s 17 notice is measured by)."""

    @property
    def state_words(self) -> str:
        words = STATES[self.state]
        latest = self.latest_outcome
        return (
            f"{words}: {latest.outcome_words}"
            if latest and latest.outcome_words and self.state in ("responded", "answered", "review-decided", "decided")
            else words
        )

    @property
    def latest_outcome(self) -> RequestEvent | None:
        for event in reversed(self.request.events):
            if event.outcome:
                return event
        return None

    def milestone(self, key: str) -> Milestone | None:
        return next((m for m in self.milestones if m.key == key), None)

    @property
    def reply_due(self) -> Milestone | None:
        """The date the reply is due now: the date an extension gave, else twenty working days after receipt."""
        return self.milestone("reply-extended") or self.milestone("reply-due")

    @property
    def open_milestones(self) -> tuple[Milestone, ...]:
        """The deadlines still waiting for their step, in date order."""
        return tuple(sorted((m for m in self.milestones if m.met is None), key=lambda m: m.date))

    def chased_after(self, day: dt.date) -> RequestEvent | None:
        """The latest chaser sent after ``day`` (a chaser sent before a date passed does not chase it)."""
        found = [event for event in self.chasers if event.date > day]
        return found[-1] if found else None

    @property
    def response_late(self) -> bool:
        """Whether the response came after the date it was due (the extended date, if time was extended in time)."""
        due = self.reply_due
        return bool(self.response and due and self.response.date > due.date)

    @property
    def extension_in_time(self) -> bool:
        """Whether the notice extending time came within the twenty working days, as s 17(1) and (2) require."""
        return bool(self.extension and self.first_due and self.extension.date <= self.first_due.date)


def history(request: FoiRequest) -> History:
    """Read ``request``'s events in order and derive where it stands. Events are taken as valid and in date order."""
    state = "planned"
    found: dict[str, RequestEvent | None] = {}
    chasers: list[RequestEvent] = []
    milestones: dict[str, Milestone] = {}
    received = None
    receipt_assumed = True
    reference = request.reference
    first_due = None
    fee_stop: tuple[dt.date, dt.date] | None = None

    def meet(key: str, day: dt.date) -> None:
        if key in milestones and milestones[key].met is None:
            milestones[key] = Milestone(key, milestones[key].label, milestones[key].deadline, day)

    def add(key: str, label: str, deadline: Deadline) -> None:
        milestones.pop(key, None)
        milestones[key] = Milestone(key, label, deadline)

    for event in request.events:
        kind = event.kind
        if event.reference and event.sender == "authority" and not request.reference:
            reference = reference or event.reference
        if kind == "sent":
            found["sent"] = event
            received, receipt_assumed = event.arrived, event.received is None
            first_due = deadlines.foi_response_due(received)
            add("reply-due", "reply due", first_due)
            state = "awaiting-reply"
        elif kind == "clarification-asked":
            found["clarification"] = event
            milestones.pop("reply-due", None)
            milestones.pop("reply-extended", None)
            state = "clarification-asked"
        elif kind == "clarification-answered":
            found["clarification"] = None
            received, receipt_assumed = event.arrived, event.received is None
            first_due = deadlines.foi_response_due_from(
                received,
                counted_from="the day the answer to the request for clarification was received",
                note="A request for clarification under section 1(3) restarts the twenty working days.",
            )
            add("reply-due", "reply due", first_due)
            state = "awaiting-reply"
        elif kind == "fees-notice":
            found["fees_notice"] = event
            add("fee-by", "fee to be paid by", deadlines.fee_payable_by(event.date))
            state = "fee-asked"
        elif kind == "fee-paid":
            meet("fee-by", event.date)
            notice = found.get("fees_notice")
            if notice is not None and received is not None:
                fee_stop = (notice.date, event.arrived)
                first_due = deadlines.foi_response_due_from(
                    received,
                    counted_from="the date of receipt",
                    disregard=(fee_stop,),
                    note=(
                        f"The working days from the fees notice of {_long(notice.date)} to the day the fee was "
                        f"received, {_long(event.arrived)}, are disregarded (section 10(2))."
                    ),
                )
                add("reply-due", "reply due", first_due)
            state = "awaiting-reply"
        elif kind == "extension":
            found["extension"] = event
            if event.until:
                add("reply-extended", "reply due (extended)", deadlines.extension_given(event.until, event.date))
            elif received is not None:
                add("reply-extended", "reply due (extended)", deadlines.extension_expected(received))
            state = "extended"
        elif kind == "response":
            found["response"] = event
            meet("reply-due", event.date)
            meet("reply-extended", event.date)
            meet("chaser-reply-by", event.date)
            if event.outcome == "full":
                state = "answered"
            else:
                add(
                    "review-ask-by",
                    "internal review to be asked for by",
                    deadlines.internal_review_request_by(event.date),
                )
                state = "responded"
        elif kind == "chased":
            chasers.append(event)
            add("chaser-reply-by", "reply asked for by the chaser", deadlines.chaser_reply_by(event.date))
        elif kind == "review-asked":
            found["review_asked"] = event
            meet("review-ask-by", event.date)
            add("review-due", "internal review due", deadlines.internal_review_due(event.date))
            add("review-outer", "internal review overdue from", deadlines.internal_review_outer(event.date))
            state = "review-asked"
        elif kind == "review-response":
            found["review_response"] = event
            meet("review-due", event.date)
            meet("review-outer", event.date)
            meet("chaser-reply-by", event.date)
            if event.outcome != "overturned":
                add("complaint-by", "complaint to the Commissioner by", deadlines.ico_complaint_by(event.date))
            state = "review-decided"
        elif kind == "complaint":
            found["complaint"] = event
            for key in (
                "complaint-by",
                "review-outer",
                "review-due",
                "reply-due",
                "reply-extended",
                "chaser-reply-by",
                "review-ask-by",
            ):
                meet(key, event.date)
            state = "complained"
        elif kind == "decision-notice":
            found["decision_notice"] = event
            if event.outcome != "upheld":
                add("appeal-by", "appeal to the Tribunal by", deadlines.tribunal_appeal_by(event.date))
            state = "decided"
        elif kind == "appeal":
            found["appeal"] = event
            meet("appeal-by", event.date)
            state = "appealed"
        elif kind == "withdrawn":
            for key in list(milestones):
                meet(key, event.date)
            state = "withdrawn"
    return History(
        request=request,
        state=state,
        reference=reference,
        received=received,
        receipt_assumed=receipt_assumed,
        chasers=tuple(chasers),
        milestones=tuple(milestones.values()),
        first_due=first_due,
        **found,
    )


def _long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


# -- what to do next -------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """What the requester should do next on a given day, and the date that matters for it.

    ``letter`` is the letter to draft (``None`` when there is only waiting to do);
    ``milestone`` the deadline that governs it; ``overdue`` whether that date has passed.
    """

    what: str
    letter: Letter | None = None
    milestone: Milestone | None = None
    overdue: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def date(self) -> dt.date | None:
        return self.milestone.date if self.milestone else None


def _wait(what: str, milestone: Milestone | None, today: dt.date) -> Step:
    return Step(what, None, milestone, bool(milestone and today > milestone.date))


def next_step(h: History, today: dt.date) -> Step:
    """The next thing to do on ``today`` for a request with history ``h``."""
    state = h.state
    if state == "planned":
        return Step(LETTERS["foi"].what, LETTERS["foi"])
    if state in ("awaiting-reply", "extended"):
        due = h.reply_due
        if due is None or today <= due.date:
            return _wait("wait for the reply", due, today)
        chaser = h.chased_after(due.date)
        if chaser is None:
            letter = LETTERS["extension-chaser" if state == "extended" else "chaser"]
            return Step(letter.what, letter, due, True)
        asked = h.milestone("chaser-reply-by")
        if asked and today <= asked.date:
            return _wait("wait for the reply the chaser asked for", asked, today)
        letter = LETTERS["ico-non-response"]
        return Step(letter.what, letter, asked or due, True)
    if state == "clarification-asked":
        letter = LETTERS["clarification-reply"]
        return Step(letter.what, letter, None, False, ("the twenty working days start again when the answer arrives",))
    if state == "fee-asked":
        fee = h.milestone("fee-by")
        return _wait("pay the fee or narrow the request", fee, today)
    if state == "answered":
        return Step("nothing: the request was answered in full")
    if state == "responded":
        letter = LETTERS["foi-review"]
        ask_by = h.milestone("review-ask-by")
        late = bool(ask_by and today > ask_by.date)
        return Step(letter.what + (" (late: say why)" if late else ""), letter, ask_by, late)
    if state == "review-asked":
        due, outer = h.milestone("review-due"), h.milestone("review-outer")
        if due is None or today <= due.date:
            return _wait("wait for the internal review", due, today)
        if outer and today > outer.date:
            letter = LETTERS["ico-complaint"]
            return Step(letter.what + " (no internal review after 40 working days)", letter, outer, True)
        if h.chased_after(due.date) is None:
            letter = LETTERS["chaser"]
            return Step("chase the overdue internal review", letter, due, True)
        return _wait(
            "wait for the internal review (the Commissioner takes a complaint after 40 working days)", outer, today
        )
    if state == "review-decided":
        if h.review_response and h.review_response.outcome == "overturned":
            return Step("wait for the information the review decided to release")
        letter = LETTERS["ico-complaint"]
        by = h.milestone("complaint-by")
        late = bool(by and today > by.date)
        return Step(letter.what + (" (late: say why)" if late else ""), letter, by, late)
    if state == "complained":
        return Step("wait for the Commissioner's decision")
    if state == "decided":
        if h.decision_notice and h.decision_notice.outcome == "upheld":
            return Step("wait for the authority to comply with the decision notice")
        letter = LETTERS["tribunal-appeal"]
        by = h.milestone("appeal-by")
        late = bool(by and today > by.date)
        return Step(letter.what + (" (late: ask the Tribunal to extend time)" if late else ""), letter, by, late)
    if state == "appealed":
        return Step("wait for the Tribunal")
    return Step("nothing: the request was withdrawn")
