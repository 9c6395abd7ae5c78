"""Checking the campaign's requests against the rest of the case and against the order of things.

A request's events must be in date order and start with the request being sent;
nothing may be dated in the future; the authority, licences and sources it names
must exist; a stored letter must still be in the case folder, unchanged. Requests
of the campaign to one authority that fall within 60 working days of one another
are a warning (:mod:`advocate.law.aggregation`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from advocate.errors import UnsafePath
from advocate.law.aggregation import aggregation_warnings
from advocate.load.case_paths import CaseRoots, check_file, locate
from advocate.load.requests_file import LoadedRequests
from advocate.load.yaml_file import YamlDocument
from advocate.models.campaign import Campaign
from advocate.models.fields import suggest
from advocate.models.problem import Problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validate_requests(
    loaded: LoadedRequests,
    case_doc: YamlDocument | None,
    root: Path,
    problems: Problems,
    *,
    today: dt.date,
    licence_ids: set[str] | None = None,
    source_ids: set[str] | None = None,
) -> None:
    """Add every problem of the campaign's requests to ``problems``. ``licence_ids`` and ``source_ids``
    are checked only when given (``advocate status`` reads no licences)."""
    campaign = loaded.campaign
    known = campaign.all_authorities
    for request in campaign.requests:
        origin = campaign.origins[request.id]
        doc = loaded.doc
        if origin.legacy or doc is None:
            continue  # case.yaml's foi_requests are checked with the rest of case.yaml
        record = f"request '{request.id}'"

        def line(*path) -> int:  # used only within this iteration of the loop
            return doc.line_of(origin.loc + path)  # noqa: B023

        def error(code: str, message: str, field: str, *path, hint: str = "") -> None:
            problems.error(code, doc.label, message, line=line(*path), record=record, field=field, hint=hint)  # noqa: B023

        if request.authority and request.authority not in known:
            error(
                "dangling_id",
                f"authority '{request.authority}' does not exist{suggest(request.authority, known)}",
                "authority",
                "authority",
                hint="add it under 'authorities:' in requests.yaml, or correct the id",
            )
        if licence_ids is not None:
            for position, licence_id in enumerate(request.licences):
                if licence_id not in licence_ids:
                    error(
                        "dangling_id",
                        f"licence '{licence_id}' does not exist{suggest(licence_id, licence_ids)}",
                        "licences",
                        "licences",
                        position,
                        hint="add it to the licences, or correct the id",
                    )
        if request.text and (unstored := _not_stored(root, request.text)):
            error(
                "file_missing",
                unstored,
                "text",
                "text",
                hint="store the request as sent in the case folder, or correct the path",
            )
        previous = None
        for index, event in enumerate(request.events):
            where = ("events", index)
            if event.date > today:
                error(
                    "date_future",
                    f"{event.date.isoformat()} is in the future (today is {today.isoformat()})",
                    "events.date",
                    *where,
                    "date",
                    hint="record only what has happened",
                )
            if index == 0 and event.kind != "sent":
                error(
                    "event_order",
                    f"the first event is '{event.kind}': a request's history starts when it is sent",
                    "events.kind",
                    *where,
                    "kind",
                    hint="add the 'sent' event first",
                )
            if index > 0 and event.kind == "sent":
                error(
                    "event_order",
                    "a request is sent once; later letters are their own kinds (chased, review-asked ...)",
                    "events.kind",
                    *where,
                    "kind",
                )
            if previous is not None and event.date < previous.date:
                error(
                    "date_order",
                    f"{event.date.isoformat()} comes before the event above it ({previous.kind}, "
                    f"{previous.date.isoformat()})",
                    "events.date",
                    *where,
                    "date",
                    hint="events are a history: add them in the order they happened",
                )
            if event.until and event.until < event.date:
                error(
                    "date_order",
                    f"the extension runs to {event.until.isoformat()}, before the notice giving it "
                    f"({event.date.isoformat()})",
                    "events.until",
                    *where,
                    "until",
                )
            if source_ids is not None and event.source and event.source not in source_ids:
                error(
                    "dangling_id",
                    f"source '{event.source}' does not exist{suggest(event.source, source_ids)}",
                    "events.source",
                    *where,
                    "source",
                    hint="add it to sources.yaml, or correct the id",
                )
            if event.file:
                path = root / event.file
                if unstored := _not_stored(root, event.file):
                    error(
                        "file_missing",
                        unstored,
                        "events.file",
                        *where,
                        "file",
                        hint="keep every stored letter in the case folder (in git)",
                    )
                elif event.sha256 and _sha256(path) != event.sha256:
                    problems.warning(
                        "file_changed",
                        doc.label,
                        f"{event.file} has changed since it was stored (its SHA-256 is not the one recorded)",
                        line=line(*where, "sha256"),
                        record=record,
                        field="events.sha256",
                        hint="a stored letter is evidence: restore it from git",
                    )
            previous = event
    _warn_aggregation(campaign, loaded, case_doc, problems, today)


def _not_stored(root: Path, written: str) -> str:
    """Why a stored letter cannot be read ('' if it can): not in the case folder, a link out of it, not a file."""
    try:
        path, _ = locate(CaseRoots(root), written)
        if not os.path.lexists(path):
            return f"{written} is not in the case folder"
        check_file(path, root, written, limit=MAX_STORED_BYTES)
    except UnsafePath as exc:
        return str(exc)
    return ""


MAX_STORED_BYTES = 32 << 20
"""A stored letter (a PDF, an email) larger than this is not read."""


def _warn_aggregation(campaign: Campaign, loaded: LoadedRequests, case_doc, problems: Problems, today: dt.date) -> None:
    for warning in aggregation_warnings(campaign, today):
        origin = campaign.origins[warning.request_ids[-1]]
        doc = case_doc if origin.legacy else loaded.doc
        problems.warning(
            "aggregation",
            doc.label if doc else "requests.yaml",
            warning.message,
            line=doc.line_of(origin.loc) if doc else None,
            record=f"request '{warning.request_ids[-1]}'",
        )
