"""The kinds of document advocate drafts: one registry entry each, read by every stage.

A kind is a template plus the facts the engine must know without trusting the
template: which context builder gives its template its names, whether the
document is public (a public document never shows a confidential record), which
formats it is offered in, how its files are named, and how its PDF is laid out.
A new kind is an entry here and a template in ``letter_templates/``; a template a
user adds under a new name is a kind with the defaults (public, DOCX, PDF and
Markdown, the common names only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ALL_FORMATS = ("docx", "pdf", "md", "txt", "eml")
"""Every format a document can be written in (``eml``: a ready-to-send email with the PDF attached)."""

Layout = Literal["letter", "briefing"]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document."""

    name: str
    """What the user types: ``advocate draft foi``."""
    template: str
    """The template file's name without ``.md.j2``."""
    file_stem: str
    """The output files' name without extension."""
    description: str
    """How the command line and error messages name a document of this kind."""
    context: str = ""
    """The context builder giving the template its own names, as ``module:function``
    (see :mod:`advocate.draft.builders`); empty for the common names only."""
    formats: tuple[str, ...] = ("docx", "pdf", "md", "eml")
    """Formats written when the user names none (``eml`` only where there is an addressee)."""
    privilege_allowed: bool = False
    """Whether a privileged case (``privileged: true``) may show confidential records in it: only a letter
    to one's own lawyers. Every other document is public whatever the case says."""
    per_licence: bool = True
    """Whether ``--each`` may make one document per licence."""
    layout: Layout = "letter"
    """How the PDF is drawn: ``letter`` (running text with footnotes) or ``briefing`` (a cover, key figures
    and charts drawn as graphics)."""


_DRAFT = "advocate.draft"

KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind(
            "foi",
            "foi",
            "foi-request",
            "Freedom of Information request to the licensing body",
            context=f"{_DRAFT}.foi_context:foi_request_context",
        ),
        DocumentKind(
            "foi-review",
            "foi-review",
            "foi-internal-review",
            "request for an internal review of an FOI refusal",
            context=f"{_DRAFT}.foi_context:review_request_context",
            per_licence=False,
        ),
        DocumentKind(
            "ico-complaint",
            "ico-complaint",
            "ico-complaint",
            "complaint to the Information Commissioner under FOIA s 50",
            formats=("docx", "pdf", "md"),
            context=f"{_DRAFT}.foi_context:complaint_context",
            per_licence=False,
        ),
        DocumentKind(
            "chaser",
            "foi-chaser",
            "foi-chaser",
            "chaser for an overdue FOI reply or internal review",
            context=f"{_DRAFT}.ladder_context:chaser_context",
            per_licence=False,
        ),
        DocumentKind(
            "clarification-reply",
            "foi-clarification-reply",
            "foi-clarification-reply",
            "reply to a request for clarification of an FOI request",
            context=f"{_DRAFT}.ladder_context:clarification_reply_context",
            per_licence=False,
        ),
        DocumentKind(
            "extension-chaser",
            "foi-extension-chaser",
            "foi-extension-chaser",
            "chaser for an FOI reply after a public-interest extension ran past its date",
            context=f"{_DRAFT}.ladder_context:extension_chaser_context",
            per_licence=False,
        ),
        DocumentKind(
            "ico-non-response",
            "ico-non-response",
            "ico-non-response-complaint",
            "complaint to the Information Commissioner about a non-response",
            formats=("docx", "pdf", "md"),
            context=f"{_DRAFT}.ladder_context:non_response_complaint_context",
            per_licence=False,
        ),
        DocumentKind(
            "tribunal-appeal",
            "tribunal-appeal",
            "tribunal-notice-of-appeal",
            "notice of appeal to the First-tier Tribunal (General Regulatory Chamber)",
            context=f"{_DRAFT}.ladder_context:appeal_context",
            formats=("docx", "pdf", "md"),
            per_licence=False,
        ),
        DocumentKind(
            "letter-before-claim",
            "letter-before-claim",
            "letter-before-claim",
            "letter before claim for judicial review (Pre-Action Protocol, Annex A)",
            context=f"{_DRAFT}.claim_context:claim_context",
            formats=("docx", "pdf", "md"),
            privilege_allowed=True,
            per_licence=False,
        ),
        DocumentKind(
            "briefing",
            "briefing",
            "parliamentary-briefing",
            "parliamentary briefing",
            context=f"{_DRAFT}.briefing.context:briefing_context",
            formats=("pdf", "docx", "md"),
            per_licence=False,
            layout="briefing",
        ),
        DocumentKind(
            "questions",
            "questions",
            "written-questions",
            "suggested written parliamentary questions",
            context=f"{_DRAFT}.briefing.context:briefing_context",
            formats=("docx", "pdf", "md"),
            per_licence=False,
        ),
    )
}
"""The shipped kinds, by name."""


def document_kind(name: str) -> DocumentKind:
    """The kind called ``name``; an unknown name is a user template of that name."""
    return KINDS.get(name) or DocumentKind(
        name, name, name, f"document from the template {name}.md.j2", formats=("docx", "pdf", "md")
    )


def is_public(kind: DocumentKind, privileged_case: bool) -> bool:
    """Whether confidential records must stay out of this document."""
    return not (kind.privilege_allowed and privileged_case)
