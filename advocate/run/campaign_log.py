"""Recording what was sent and what came back: the operations behind ``advocate sent``, ``reply`` and
``migrate-requests``.

Each checks the case first and the new event against the history (dated no
earlier than the last event and no later than today, a kind the stage allows),
then writes: the letter kept in the case folder, a reply made a source the case
can cite, the event appended to requests.yaml (:mod:`advocate.run.requests_log`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from advocate.errors import AdvocateError
from advocate.law.aggregation import aggregation_warnings
from advocate.law.foi_ladder import LETTERS, history, next_step
from advocate.load.reply_reading import Reply, read_reply
from advocate.models.campaign import CASE_BODY, Campaign
from advocate.models.case_file import CaseFile
from advocate.models.foi_request import EVENT_KINDS, OUTCOMES, FoiRequest, RequestEvent
from advocate.models.period import long_date
from advocate.run.requests_log import LogError, add_source, append_event, store_letter
from advocate.validate.check import load_case

SENT_KINDS = tuple(kind for kind, sender in EVENT_KINDS.items() if sender == "requester")
"""What ``advocate sent`` records: the events that are the requester's own letters."""

REPLY_KINDS = tuple(kind for kind, sender in EVENT_KINDS.items() if sender != "requester")
"""What ``advocate reply`` records: the events that come from the authority or the Commissioner."""


def _validation_message(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    field = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
    message = error["msg"].removeprefix("Value error, ")
    return f"{field}: {message}" if field else message


def _checked(case: str | Path, request_id: str, *, today: dt.date) -> tuple[CaseFile, FoiRequest | None]:
    case_file = load_case(case, today=today)
    request = case_file.campaign.request(request_id)
    if request is not None and case_file.campaign.origins[request_id].legacy:
        raise LogError(
            f"request '{request_id}' is kept in case.yaml under foi_requests: move it to requests.yaml "
            f"first with `advocate migrate-requests {case}`"
        )
    return case_file, request


def _after_last(request: FoiRequest | None, day: dt.date, today: dt.date) -> None:
    if day > today:
        raise LogError(f"{day.isoformat()} is in the future (today is {today.isoformat()})")
    if request is not None and request.events and day < request.events[-1].date:
        last = request.events[-1]
        raise LogError(
            f"{day.isoformat()} is before the last event of request '{request.id}' ({last.kind}, "
            f"{last.date.isoformat()}); events are added in the order they happened"
        )


def _event(fields: dict) -> RequestEvent:
    try:
        return RequestEvent.model_validate({k: v for k, v in fields.items() if v not in (None, "", ())})
    except ValidationError as exc:
        raise LogError(_validation_message(exc)) from None


def _event_yaml(event: RequestEvent) -> dict:
    return {name: getattr(event, name) for name in type(event).model_fields}


def _summary(request: FoiRequest, today: dt.date) -> list[str]:
    h = history(request)
    step = next_step(h, today)
    lines = [f"request {request.id}: {h.state_words}"]
    if step.milestone:
        lines.append(f"  {step.milestone.label}: {step.milestone.date.isoformat()} ({step.milestone.deadline.rule})")
    lines.append(f"  next: {step.what}")
    return lines


@dataclass(frozen=True)
class Recorded:
    """What a recording command tells the user: what it did and what follows, and any warnings."""

    lines: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def record_sent(
    case: str | Path,
    request_id: str,
    day: dt.date,
    *,
    document: Path | None = None,
    what: str = "",
    manifest: dict | None = None,
    licences: tuple[str, ...] = (),
    authority: str = "",
    title: str = "",
    today: dt.date | None = None,
) -> Recorded:
    """Record that the requester sent a letter on ``day``: a new request, or the next step of request ``request_id``.

    What was sent comes from ``what`` (an event kind or a letter's document kind), else from the drafted
    document's manifest entry, else from the stage the request has reached. The document, if given, is
    kept in the case folder under ``correspondence/REQUEST/``.
    """
    today = today or dt.date.today()
    case_file, request = _checked(case, request_id, today=today)
    drafted = (manifest or {}).get("kind", "")
    kind = LETTERS[what].event if what in LETTERS else what
    if not kind and drafted in LETTERS:
        kind = LETTERS[drafted].event
    if request is None:
        if kind and kind != "sent":
            raise LogError(
                f"there is no request '{request_id}' to record a '{kind}' for; a new request starts with "
                f"'sent' (known: {', '.join(r.id for r in case_file.campaign.requests) or 'none'})"
            )
        kind = "sent"
    elif not kind:
        step = next_step(history(request), day)
        if step.letter is None:
            raise LogError(
                f"request '{request_id}' is {history(request).state_words}, with no letter of yours due; "
                f"say what was sent with --as ({', '.join(SENT_KINDS)})"
            )
        kind = step.letter.event
    if kind not in SENT_KINDS:
        raise LogError(f"'{what or kind}' is not something the requester sends; use one of: {', '.join(SENT_KINDS)}")
    if request is not None and kind == "sent" and any(e.kind == "sent" for e in request.events):
        raise LogError(
            f"request '{request_id}' was sent already; a follow-up is recorded as what it is "
            "(--as chased, review-asked, complaint ...)"
        )
    _after_last(request, day, today)
    new_request = None
    if request is None:
        chosen = licences or tuple((manifest or {}).get("records", {}).get("licences", ()))
        known = set(case_file.licences.frame["id"])
        missing = [licence for licence in chosen if licence not in known]
        if missing:
            raise LogError(f"no licence {', '.join(missing)} in the case (see `advocate licences {case}`)")
        if authority and authority not in case_file.campaign.all_authorities:
            known_bodies = ", ".join(case_file.campaign.all_authorities) or "none"
            raise LogError(f"no authority '{authority}' in requests.yaml (known: {known_bodies})")
        new_request = {
            "title": title,
            "authority": authority if authority != CASE_BODY else "",
            "licences": list(chosen),
        }
    stored = ""
    letter = b""
    if document is not None:
        if not document.is_file():
            raise LogError(f"{document}: no such file (--document)")
        letter = document.read_bytes()
        stored = store_letter(
            Path(case), letter, f"correspondence/{request_id}", f"{day.isoformat()}-{kind}{document.suffix.lower()}"
        )
    fields = {"date": day, "kind": kind, "document": drafted}
    if stored and kind == "sent":
        new_request = {**(new_request or {}), "text": stored}
    elif stored:
        from advocate.run.requests_log import sha256_of

        fields.update(file=stored, sha256=sha256_of(letter))
    event = _event(fields)
    updated = _with_event(request, request_id, event, new_request)
    warnings: tuple[str, ...] = ()
    if kind == "sent":
        campaign = _campaign_with(case_file.campaign, updated)
        warnings = tuple(w.message for w in aggregation_warnings(campaign, today) if request_id in w.request_ids)
    append_event(Path(case), request_id, _event_yaml(event), new_request=new_request)
    lines = [
        f"recorded: {kind} on {long_date(day)} for request {request_id}"
        + (f" (the letter is kept as {stored})" if stored else "")
    ]
    return Recorded(tuple(lines + _summary(updated, today)), warnings)


def _with_event(
    request: FoiRequest | None, request_id: str, event: RequestEvent, new_request: dict | None
) -> FoiRequest:
    if request is None:
        fields = {k: v for k, v in (new_request or {}).items() if v}
        return FoiRequest(
            id=request_id, events=(event,), **{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
        )
    return request.model_copy(update={"events": request.events + (event,)})


def _campaign_with(campaign: Campaign, request: FoiRequest) -> Campaign:
    requests = tuple(request if r.id == request.id else r for r in campaign.requests)
    if campaign.request(request.id) is None:
        requests += (request,)
    return dataclasses.replace(campaign, requests=requests)


# -- replies -----------------------------------------------------------------------


@dataclass(frozen=True)
class PreparedReply:
    """A reply read against the case: the request it answers, its text and proposals."""

    case: Path
    case_file: CaseFile
    request: FoiRequest
    reply: Reply
    today: dt.date


def prepare_reply(case: str | Path, request_id: str, file: Path, *, today: dt.date | None = None) -> PreparedReply:
    """Check the case and read ``file`` as a reply to request ``request_id``; nothing is written."""
    today = today or dt.date.today()
    case_file, request = _checked(case, request_id, today=today)
    if request is None:
        known = ", ".join(r.id for r in case_file.campaign.requests) or "none"
        raise LogError(f"there is no request '{request_id}' (known: {known}); record it first with `advocate sent`")
    if not any(e.kind == "sent" for e in request.events):
        raise LogError(f"request '{request_id}' has not been sent; record that first with `advocate sent`")
    if not file.is_file():
        raise LogError(f"{file}: no such file")
    h = history(request)
    return PreparedReply(
        Path(case), case_file, request, read_reply(file, state=h.state, after=request.events[-1].date), today
    )


_ASKED = {
    "acknowledged": ("date", "reference"),
    "clarification-asked": ("date", "reference", "asked"),
    "fees-notice": ("date", "reference", "fee"),
    "extension": ("date", "reference", "until", "sections"),
    "response": ("date", "reference", "outcome", "sections"),
    "review-response": ("date", "reference", "outcome", "sections"),
    "decision-notice": ("date", "reference", "outcome", "sections"),
}
"""The facts asked for each kind of reply, in the order they are asked."""


@dataclass(frozen=True)
class Confirmed:
    """The facts of a reply as the user confirmed them."""

    kind: str
    date: dt.date
    reference: str = ""
    outcome: str = ""
    sections: tuple[str, ...] = ()
    until: dt.date | None = None
    fee: str = ""
    asked: str = ""

    @classmethod
    def ask(cls, prepared: PreparedReply, given: dict, *, prompt: Callable[[str, str], str]) -> Confirmed:
        """Each fact from ``given`` (the command line) or, failing that, from ``prompt(question, proposal)``.

        A proposal is only a default the user sees and accepts or changes; '-' clears it.
        """
        proposals = prepared.reply.proposals

        def proposal(name: str) -> str:
            found = proposals.get(name)
            if found is None:
                return ""
            value = found.value
            if isinstance(value, tuple):
                return ", ".join(value)
            return value.isoformat() if isinstance(value, dt.date) else str(value)

        def value(name: str, question: str) -> str:
            if given.get(name) is not None:
                chosen = given[name]
                if isinstance(chosen, tuple):
                    return ", ".join(s for s in chosen if s != "-")
                return chosen.isoformat() if isinstance(chosen, dt.date) else str(chosen)
            answer = prompt(question, proposal(name)).strip()
            return "" if answer == "-" else answer

        kind = value("kind", f"What is it ({', '.join(REPLY_KINDS)})")
        if kind not in REPLY_KINDS:
            raise LogError(f"'{kind}' is not a kind of reply; use one of: {', '.join(REPLY_KINDS)}")
        facts: dict = {"kind": kind}
        for name in _ASKED[kind]:
            if name == "outcome":
                answer = value(name, f"Outcome ({', '.join(OUTCOMES[kind])})")
            elif name == "sections":
                answer = value(name, "Sections relied on (e.g. s 27(1)(a), s 43(2); '-' for none)")
            elif name in ("date", "until"):
                answer = value(
                    name,
                    "Date it was sent (YYYY-MM-DD)"
                    if name == "date"
                    else "Date the authority gave for its decision (YYYY-MM-DD; '-' if none)",
                )
            else:
                answer = value(
                    name,
                    {
                        "reference": "Sender's reference ('-' for none)",
                        "fee": "Fee asked",
                        "asked": "What was asked (a sentence)",
                    }[name],
                )
            facts[name] = answer
        try:
            date = dt.date.fromisoformat(facts.get("date", ""))
        except ValueError:
            raise LogError(f"'{facts.get('date', '')}' is not a date; write YYYY-MM-DD") from None
        until = None
        if facts.get("until"):
            try:
                until = dt.date.fromisoformat(facts["until"])
            except ValueError:
                raise LogError(f"'{facts['until']}' is not a date; write YYYY-MM-DD") from None
        sections = tuple(s.strip() for s in facts.get("sections", "").split(",") if s.strip())
        return cls(
            kind=kind,
            date=date,
            reference=facts.get("reference", ""),
            outcome=facts.get("outcome", ""),
            sections=sections,
            until=until,
            fee=facts.get("fee", ""),
            asked=facts.get("asked", ""),
        )


_SOURCE_TITLES = {
    "acknowledged": "Acknowledgement of a request for information",
    "clarification-asked": "Request for clarification of a request for information",
    "fees-notice": "Fees notice on a request for information",
    "extension": "Notice extending time to consider the public interest",
    "response": "Response to a request for information",
    "review-response": "Internal review of the response to a request for information",
    "decision-notice": "Decision notice",
}


def record_reply(prepared: PreparedReply, confirmed: Confirmed) -> list[str]:
    """Store the reply, add it to sources.yaml as a letter the case can cite, and append the confirmed event."""
    request, root = prepared.request, prepared.case
    _after_last(request, confirmed.date, prepared.today)
    source_id = f"{request.id}-{confirmed.kind}-{confirmed.date.isoformat()}"
    if source_id in prepared.case_file.sources:
        raise LogError(f"sources.yaml already has '{source_id}': this reply seems recorded already")
    event = _event(
        {
            "date": confirmed.date,
            "kind": confirmed.kind,
            "reference": confirmed.reference,
            "outcome": confirmed.outcome,
            "sections": confirmed.sections,
            "until": confirmed.until,
            "fee": confirmed.fee,
            "asked": confirmed.asked,
            "source": source_id,
            "file": "x",
            "sha256": prepared.reply.sha256,
        }
    )
    authority = prepared.case_file.campaign.authority_of(request)
    sender = (
        "Information Commissioner" if confirmed.kind == "decision-notice" else (authority.name if authority else "")
    )
    title = _SOURCE_TITLES[confirmed.kind] + (f" ({confirmed.reference})" if confirmed.reference else "")
    suffix = prepared.reply.path.suffix.lower() or ".txt"
    stored = store_letter(
        root, prepared.reply.data, f"replies/{request.id}", f"{confirmed.date.isoformat()}-{confirmed.kind}{suffix}"
    )
    event = event.model_copy(update={"file": stored})
    add_source(
        root,
        {
            "id": source_id,
            "kind": "letter",
            "organisation": sender,
            "title": title,
            "date": confirmed.date,
            "recipient": prepared.case_file.case.requester.name,
            "notes": f"Kept in the case as {stored} (SHA-256 {prepared.reply.sha256}).",
        },
    )
    append_event(root, request.id, _event_yaml(event))
    updated = request.model_copy(update={"events": request.events + (event,)})
    return [
        f"recorded: {confirmed.kind} of {long_date(confirmed.date)} for request {request.id}; the reply is kept as "
        f"{stored} and cited as source '{source_id}'"
    ] + _summary(updated, prepared.today)


# -- migration ---------------------------------------------------------------------


def migrate(case: str | Path, *, today: dt.date | None = None) -> list[str]:
    """Move case.yaml's ``foi_requests`` to requests.yaml, each as a request with its history; nothing is lost.

    requests.yaml gets the requests first; only then are their lines taken out of case.yaml (the rest of
    case.yaml is left byte for byte).
    """
    today = today or dt.date.today()
    case_file = load_case(case, today=today)
    root = Path(case)
    legacy = [r for r in case_file.campaign.requests if case_file.campaign.origins[r.id].legacy]
    if not legacy:
        return []
    for request in legacy:
        events = [_event_yaml(e) for e in request.events]
        new = {"licences": list(request.licences), "text": request.text}
        append_event(root, request.id, events[0], new_request=new)
        for event in events[1:]:
            append_event(root, request.id, event)
        _set_request_fields(root, request)
    _remove_top_level_key(root / "case.yaml", "foi_requests")
    return [r.id for r in legacy]


def _set_request_fields(root: Path, request: FoiRequest) -> None:
    """Add the reference and notes an old request kept (they are not events)."""
    if not (request.reference or request.notes):
        return
    from advocate.models.foi_request import REQUESTS_FILE
    from advocate.run.requests_log import _dump, _load_requests, write_atomically

    yaml, tree, _ = _load_requests(root)
    for entry in tree["requests"]:
        if str(entry.get("id")) == request.id:
            if request.reference:
                entry.insert(1, "reference", request.reference)
            if request.notes:
                entry["notes"] = request.notes
    write_atomically(root / REQUESTS_FILE, _dump(yaml, tree))


def _remove_top_level_key(path: Path, key: str) -> None:
    """Take the lines of one top-level key (and its value) out of a YAML file, leaving every other byte."""
    from ruamel.yaml import YAML

    from advocate.run.requests_log import write_atomically

    text = path.read_text(encoding="utf-8")
    tree = YAML(typ="rt").load(text)
    keys = list(tree)
    if key not in keys:
        return
    lines = text.splitlines(keepends=True)
    start = tree.lc.key(key)[0]
    later = [tree.lc.key(k)[0] for k in keys if tree.lc.key(k)[0] > start]
    end = min(later) if later else len(lines)
    while end > start + 1 and lines[end - 1].lstrip().startswith("#"):
        end -= 1  # a comment just above the next key belongs to it
    write_atomically(path, "".join(lines[:start] + lines[end:]).encode("utf-8"))


__all__ = [
    "AdvocateError",
    "Confirmed",
    "PreparedReply",
    "Recorded",
    "migrate",
    "prepare_reply",
    "record_reply",
    "record_sent",
]
