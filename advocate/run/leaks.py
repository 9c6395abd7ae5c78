"""The last check before a public document is written: nothing of a confidential record is in it.

The evidence gateway already keeps confidential records away from templates; this
check reads the finished document as a reader would (body and footnotes, as
plain text) and refuses it if it contains any distinctive text of a confidential
record: a title, a description, a quotation, a URL, a licence reference or a
long id. It catches a template or a user's own text that copied such a detail
in by hand.
"""

from __future__ import annotations

import re

from advocate.errors import ConfidentialRecordError
from advocate.models.case_file import CaseFile
from advocate.models.document import Document
from advocate.render.text import TextRenderer

MIN_LENGTH = 12
"""Shorter strings (a two-word title, a short id) are too common to be evidence of a leak."""


def _normal(text: str) -> str:
    """Text as compared: case and spacing ignored, and quotes straight (a document prints them typographic)."""
    text = str(text).translate({0x2018: "'", 0x2019: "'", 0x2032: "'", 0x201C: '"', 0x201D: '"', 0x2033: '"'})
    return " ".join(text.casefold().split())


def _confidential_strings(case_file: CaseFile) -> list[tuple[str, str]]:
    """(what, text) pairs that must not appear in a public document."""
    found = []
    for kind, records, fields in (
        ("source", case_file.sources, ("title", "url", "quotation")),
        ("abuse", case_file.abuses, ("title", "description", "victims")),
        ("event", case_file.events, ("title", "description")),
        ("link", case_file.links, ("reason",)),
        ("transfer", case_file.transfers, ("supplier", "end_user")),
    ):
        for record in records.values():
            if not record.confidential:
                continue
            for name in fields:
                value = getattr(record, name, "")
                if value and len(str(value)) >= MIN_LENGTH:
                    found.append((f"{kind} '{record.id}' ({name})", str(value)))
            if len(record.id) >= MIN_LENGTH:
                found.append((f"{kind} '{record.id}' (id)", record.id))
    frame = case_file.licences.frame
    if len(frame):
        secret = frame[frame["confidential"].astype(bool)]
        for licence_id, reference, notes in zip(secret["id"], secret["reference"], secret["notes"]):
            for name, value in (("id", licence_id), ("reference", reference), ("notes", notes)):
                if value and len(str(value)) >= 6:
                    found.append((f"licence '{licence_id}' ({name})", str(value)))
    return found


def check_no_leak(tree: Document, case_file: CaseFile, *, document: str = "document") -> None:
    """Raise :class:`ConfidentialRecordError` naming the record if the document contains any of its text."""
    candidates = _confidential_strings(case_file)
    if not candidates:
        return
    text = _normal(TextRenderer(width=10_000).render_text(tree))
    text = re.sub(r"\s+", " ", text)
    for what, value in candidates:
        if _normal(value) in text:
            raise ConfidentialRecordError(
                f"the {document} contains text of confidential {what}; "
                "a public document must not show it")
