"""The kinds of document advocate drafts, and what each needs.

A kind is a template plus a few facts the engine must know without trusting the
template: whether the document is public (a public document never shows a
confidential record), which formats it is offered in, and how its files are
named. A template a user adds under a new name is a new kind with the defaults:
public, DOCX, PDF and Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_FORMATS = ("docx", "pdf", "md", "txt", "eml")


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document."""

    name: str
    """What the user types: ``advocate draft foi``."""
    template: str
    """The template file's name without ``.md.j2``."""
    file_stem: str
    description: str
    formats: tuple[str, ...] = ("docx", "pdf", "md", "eml")
    """Formats written when the user names none (``eml`` only where there is an addressee)."""
    privilege_allowed: bool = False
    """Whether a privileged case (``privileged: true``) may show confidential records in it: only a letter
    to one's own lawyers. Every other document is public whatever the case says."""
    per_licence: bool = True
    """Whether ``--each`` may make one document per licence."""


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind("foi", "foi", "foi-request", "Freedom of Information request to the licensing body"),
        DocumentKind("foi-review", "foi-review", "foi-internal-review", "request for an internal review of an FOI refusal",
                     per_licence=False),
        DocumentKind("ico-complaint", "ico-complaint", "ico-complaint",
                     "complaint to the Information Commissioner under FOIA s 50", formats=("docx", "pdf", "md"),
                     per_licence=False),
        DocumentKind("chaser", "foi-chaser", "foi-chaser", "chaser for an overdue FOI reply or internal review",
                     per_licence=False),
        DocumentKind("clarification-reply", "foi-clarification-reply", "foi-clarification-reply",
                     "reply to a request for clarification of an FOI request", per_licence=False),
        DocumentKind("extension-chaser", "foi-extension-chaser", "foi-extension-chaser",
                     "chaser for an FOI reply after a public-interest extension ran past its date", per_licence=False),
        DocumentKind("ico-non-response", "ico-non-response", "ico-non-response-complaint",
                     "complaint to the Information Commissioner about a non-response", formats=("docx", "pdf", "md"),
                     per_licence=False),
        DocumentKind("tribunal-appeal", "tribunal-appeal", "tribunal-notice-of-appeal",
                     "notice of appeal to the First-tier Tribunal (General Regulatory Chamber)",
                     formats=("docx", "pdf", "md"), per_licence=False),
        DocumentKind("letter-before-claim", "letter-before-claim", "letter-before-claim",
                     "letter before claim for judicial review (Pre-Action Protocol, Annex A)",
                     formats=("docx", "pdf", "md"), privilege_allowed=True, per_licence=False),
        DocumentKind("briefing", "briefing", "parliamentary-briefing", "parliamentary briefing",
                     formats=("pdf", "docx", "md"), per_licence=False),
        DocumentKind("questions", "questions", "written-questions", "suggested written parliamentary questions",
                     formats=("docx", "pdf", "md"), per_licence=False),
    )
}


def document_kind(name: str) -> DocumentKind:
    """The kind called ``name``; an unknown name is a user template of that name."""
    return KINDS.get(name) or DocumentKind(name, name, name, f"document from the template {name}.md.j2",
                                           formats=("docx", "pdf", "md"))


def is_public(kind: DocumentKind, privileged_case: bool) -> bool:
    """Whether confidential records must stay out of this document."""
    return not (kind.privilege_allowed and privileged_case)
