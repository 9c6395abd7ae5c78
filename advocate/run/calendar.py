"""The campaign's deadlines as an iCalendar file (RFC 5545), written with the maintained ``icalendar`` library.

One all-day event per deadline still waiting for its step (a reply due, a review to
ask for, a complaint or an appeal to make), its description giving the rule and
the provision behind the date, the working, and the next step with its command.
Each event's UID is made from the case, the request and the kind of deadline, so
a later export updates the entry in the user's calendar (when a clarification
moves the reply date, say) rather than adding a second one. The same inputs on the
same day give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from advocate.run.status import CLOSED, StatusRow

PRODID = "-//advocate//FOI campaign deadlines//EN"


def _uid(row: StatusRow, key: str) -> str:
    return f"{key}.{row.request_id}.{row.case.reference}@advocate".replace(" ", "-")


def _provision(authority: str, pinpoint: str) -> str:
    from advocate.law.authorities import authorities

    source = authorities().get(authority)
    name = source.title if source else authority
    return f"{name}, {pinpoint}" if pinpoint else name


def calendar_bytes(rows: list[StatusRow], today: dt.date) -> bytes:
    """The deadlines of ``rows`` as an .ics file."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "FOI campaign deadlines")
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    entries = []
    for row in rows:
        if row.history.state in CLOSED:
            continue
        for milestone in row.history.open_milestones:
            deadline = milestone.deadline
            title = row.history.request.title or row.request_id
            lines = [
                f"Request {row.request_id} ({row.case.folder}) to {row.authority}: {title}.",
                f"Rule: {deadline.rule}.",
            ]
            if deadline.authority:
                lines.append(f"Provision: {_provision(deadline.authority, deadline.pinpoint)}.")
            lines.append(deadline.explanation)
            if row.milestone is milestone or row.milestone == milestone:
                lines.append(f"Next: {row.step.what}.")
                if row.command:
                    lines.append(f"Draft it with: {row.command}")
            event = Event()
            event.add("uid", _uid(row, milestone.key))
            event.add("dtstamp", stamp)
            event.add("dtstart", deadline.date)
            event.add("dtend", deadline.date + dt.timedelta(days=1))
            event.add("summary", f"{milestone.label[:1].upper()}{milestone.label[1:]}: {title} ({row.authority})")
            event.add("description", "\n".join(lines))
            event.add("categories", ["FOI"])
            event.add("transp", "TRANSPARENT")
            entries.append((deadline.date, _uid(row, milestone.key), event))
    for _, _, event in sorted(entries, key=lambda entry: entry[:2]):
        calendar.add_component(event)
    return calendar.to_ical()
