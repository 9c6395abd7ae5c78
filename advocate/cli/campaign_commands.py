"""``advocate status``, ``sent``, ``reply`` and ``migrate-requests``: running the campaign's FOI requests.

Thin: each reads its options, calls the library and prints. ``status`` imports
only what it needs (no licence data, no renderers), so that it answers at once.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.filters import parse_date
from advocate.cli.output import fail, note, print_problems, say
from advocate.errors import AdvocateError, CaseError

# -- status -----------------------------------------------------------------------


def _when(row) -> str:
    milestone = row.milestone
    if milestone is None:
        return ""
    days = row.days
    if days < 0:
        ago = f"passed {-days} day{'s' if days != -1 else ''} ago"
    elif days == 0:
        ago = "today"
    else:
        ago = f"in {days} day{'s' if days != 1 else ''}"
    return f"{milestone.label} {milestone.date.isoformat()} ({ago})"


def _row_json(row) -> dict:
    h = row.history
    milestone = row.milestone
    return {
        "case": row.case.folder,
        "request": row.request_id,
        "title": h.request.title,
        "authority": row.authority,
        "reference": h.reference,
        "state": h.state,
        "state_words": h.state_words,
        "next_date": milestone.date.isoformat() if milestone else None,
        "next_date_is": milestone.label if milestone else None,
        "passed": bool(milestone and row.step.overdue),
        "days": row.days,
        "next_action": row.step.what,
        "letter": row.step.letter.kind if row.step.letter else None,
        "command": row.command or None,
        "deadlines": [
            {
                "key": m.key,
                "label": m.label,
                "date": m.date.isoformat(),
                "met": m.met.isoformat() if m.met else None,
                "rule": m.deadline.rule,
                "authority": m.deadline.authority,
                "pinpoint": m.deadline.pinpoint,
            }
            for m in h.milestones
        ],
    }


def _flag(row) -> str:
    """OVERDUE (a date passed), NOW (a letter to write, no date), DUE (a letter to write by a date), WAIT, DONE."""
    if row.history.state in ("answered", "withdrawn"):
        return "DONE"
    if row.step.overdue:
        return "OVERDUE"
    if row.step.letter:
        return "DUE" if row.milestone else "NOW"
    return "WAIT"


@app.command()
def status(
    cases: list[Path] = typer.Argument(..., help="One or more case folders."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    ics: Path = typer.Option(None, "--ics", help="Also write the deadlines to this calendar file (.ics)."),
    today: str = typer.Option(None, "--today", help="The day to reckon from (YYYY-MM-DD). Default: today."),
) -> None:
    """What to do today: each FOI request, its state, the next date, and the command for the next letter.

    Most urgent first: dates passed, then letters to write, then dates to come.
    """
    from advocate.run.status import campaign_status

    if output_format not in ("text", "json"):
        raise fail(f"--format '{output_format}' is not text or json")
    day = parse_date(today, "--today") or dt.date.today()
    try:
        rows, read = campaign_status(list(cases), today=day)
    except CaseError as exc:
        print_problems(exc.problems)
        count = len(exc.errors)
        raise fail(
            f"{count} error{'s' if count != 1 else ''} in the requests; run `advocate check` on the case"
        ) from None
    for case in read:
        for warning in case.warnings:
            note(f"warning: {case.folder}: {warning}")
    if ics is not None:
        from advocate.run.calendar import calendar_bytes
        from advocate.run.requests_log import write_atomically

        write_atomically(ics, calendar_bytes(rows, day))
        closed = ("answered", "withdrawn", "appealed")
        count = sum(len(r.history.open_milestones) for r in rows if r.history.state not in closed)
        note(f"wrote {ics} ({count} deadlines)")
    if output_format == "json":
        sys.stdout.write(
            json.dumps(
                {"today": day.isoformat(), "requests": [_row_json(r) for r in rows]}, indent=2, ensure_ascii=False
            )
            + "\n"
        )
        return
    if not rows:
        say("no FOI requests yet: add them to requests.yaml, or record one with `advocate sent`")
        return
    several = len(read) > 1
    for row in rows:
        flag = _flag(row)
        where = f" [{row.case.folder}]" if several else ""
        say(f"{flag:8}{row.request_id}{where}: {row.authority}")
        if row.history.request.title:
            say(f"        {row.history.request.title}")
        say(f"        state: {row.history.state_words}")
        if row.milestone:
            say(f"        {_when(row)}")
        say(f"        next: {row.step.what}")
        if row.command:
            say(f"        {row.command}")


# -- sent ---------------------------------------------------------------------------


def _manifest_entry(document: Path) -> dict | None:
    """The manifest entry of a drafted document (manifest.json beside it), if there is one."""
    manifest = document.parent / "manifest.json"
    if not manifest.is_file():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return None
    for entry in data.get("documents", []):
        if any(
            output.get("name") == document.name or output.get("path") == document.name
            for output in entry.get("outputs", [])
        ):
            return entry
    return None


@app.command()
def sent(
    case: Path = typer.Argument(..., help="The case folder."),
    request: str = typer.Argument(..., help="The request's id (a new id records a new request)."),
    date: str = typer.Option(None, "--date", help="The day it was sent (YYYY-MM-DD). Default: today."),
    document: Path = typer.Option(
        None, "--document", help="The letter as sent (a drafted .md, .pdf or .docx): kept in the case."
    ),
    what: str = typer.Option(
        "",
        "--as",
        help="What was sent, when neither the document's manifest nor the request's stage says: "
        "sent, chased, clarification-answered, fee-paid, review-asked, complaint, appeal, withdrawn.",
    ),
    licence: list[str] = typer.Option(
        None, "--licence", "-l", help="A new request: a licence it is about (repeat). Default: the drafted document's."
    ),
    authority: str = typer.Option(
        "",
        "--authority",
        help="A new request: the id of the authority in requests.yaml (default: the case's public body).",
    ),
    title: str = typer.Option("", "--title", help="A new request: what it asks for, in a few words."),
) -> None:
    """Record that a letter was sent: a new request, or the next step of one (a chaser, a review request ...)."""
    from advocate.run.campaign_log import record_sent

    day = parse_date(date, "--date") or dt.date.today()
    entry = _manifest_entry(document) if document else None
    try:
        result = record_sent(
            case,
            request,
            day,
            document=document,
            what=what,
            manifest=entry,
            licences=tuple(licence or ()),
            authority=authority,
            title=title,
        )
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(
            f"{case}: {len(exc.errors)} errors in the case; nothing recorded (run `advocate check {case}`)"
        ) from None
    except AdvocateError as exc:
        raise fail(f"{case}: {exc}; nothing recorded") from None
    for warning in result.warnings:
        note(f"warning: {warning}")
    for line in result.lines:
        say(line)


# -- reply -------------------------------------------------------------------------


@app.command()
def reply(
    case: Path = typer.Argument(..., help="The case folder."),
    request: str = typer.Argument(..., help="The request the reply is about."),
    file: Path = typer.Argument(..., help="The reply: an .eml, a PDF or a text file."),
    kind: str = typer.Option(
        "",
        "--kind",
        help="What the reply is: acknowledged, clarification-asked, fees-notice, extension, response, review-response, decision-notice.",
    ),
    date: str = typer.Option(None, "--date", help="The day it was sent (YYYY-MM-DD)."),
    reference: str = typer.Option(None, "--reference", help="The sender's reference ('-' for none)."),
    outcome: str = typer.Option(
        None,
        "--outcome",
        help=(
            "response: full, partial, refused, not-held, neither-confirm-nor-deny; "
            "review-response: upheld, partly-upheld, overturned; decision-notice: upheld, partly-upheld, not-upheld."
        ),
    ),
    section: list[str] = typer.Option(
        None, "--section", help="A section relied on, e.g. 's 27(1)(a)' (repeat; '-' for none)."
    ),
    until: str = typer.Option(None, "--until", help="extension: the date the authority gave for its decision."),
    yes: bool = typer.Option(
        False,
        "--yes",
        help="Record without asking for a final confirmation (every fact must still be given or confirmed).",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what the reply seems to say; record nothing."),
) -> None:
    """Log a reply: store it with its SHA-256, propose its facts, and record those you confirm as the next event.

    Each fact the reply seems to state is shown with what it rests on, and asked for in turn (press
    Enter to accept a proposal, type another value, or '-' for none). Facts given as options are not
    asked for. Nothing is recorded until you confirm.
    """
    from advocate.run.campaign_log import Confirmed, prepare_reply, record_reply

    try:
        prepared = prepare_reply(case, request, file)
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(
            f"{case}: {len(exc.errors)} errors in the case; nothing recorded (run `advocate check {case}`)"
        ) from None
    except (AdvocateError, OSError, ValueError) as exc:
        raise fail(f"{file}: {exc}; nothing recorded") from None
    say(f"read {file}: {len(prepared.reply.text):,} characters of text, SHA-256 {prepared.reply.sha256}")
    if not prepared.reply.text.strip():
        note("warning: no text could be read from it (a scanned letter?); give each fact yourself")
    for name, proposed in prepared.reply.proposals.items():
        value = ", ".join(proposed.value) if isinstance(proposed.value, tuple) else proposed.value
        say(f"  proposed {name}: {value}  ({proposed.because})")
    if dry_run:
        say("nothing recorded (--dry-run)")
        return
    given = {
        "kind": kind or None,
        "date": parse_date(date, "--date"),
        "reference": reference,
        "outcome": outcome,
        "sections": tuple(section) if section else None,
        "until": parse_date(until, "--until"),
    }
    try:
        confirmed = Confirmed.ask(prepared, given, prompt=_prompt)
        if not yes and not typer.confirm(
            f"Record this {confirmed.kind} of {confirmed.date.isoformat()} for request {request}?", default=False
        ):
            raise fail("nothing recorded", 1)
        lines = record_reply(prepared, confirmed)
    except typer.Abort:
        raise fail(
            "no answer given; nothing recorded (give the facts as options: --kind, --date, --outcome ...)"
        ) from None
    except AdvocateError as exc:
        raise fail(f"{case}: {exc}; nothing recorded") from None
    for line in lines:
        say(line)


def _prompt(question: str, default: str) -> str:
    if not sys.stdin or sys.stdin.closed:
        raise typer.Abort()
    return typer.prompt(question, default=default, show_default=bool(default))


# -- migrate-requests ----------------------------------------------------------------


@app.command("migrate-requests")
def migrate_requests(case: Path = typer.Argument(..., help="The case folder.")) -> None:
    """Move the requests in case.yaml's foi_requests to requests.yaml as requests with a history, nothing lost."""
    from advocate.run.campaign_log import migrate

    try:
        moved = migrate(case)
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(
            f"{case}: {len(exc.errors)} errors in the case; nothing moved (run `advocate check {case}`)"
        ) from None
    except AdvocateError as exc:
        raise fail(f"{case}: {exc}; nothing moved") from None
    if not moved:
        say("case.yaml has no foi_requests to move")
        return
    say(f"moved {len(moved)} request{'s' if len(moved) != 1 else ''} to requests.yaml: {', '.join(moved)}")
