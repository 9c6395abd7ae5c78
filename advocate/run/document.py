"""The pipeline from a checked case to finished files: draft → parse → resolve citations → render.

``load`` and ``validate`` (:mod:`advocate.load`) give a :class:`CaseFile`; the
functions here take it the rest of the way:

- :func:`draft_document` renders one document's template (sandboxed, strict) to
  Markdown with footnotes, parses it into the document tree, resolves its
  citations into OSCOLA footnotes, and checks that nothing confidential leaked
  into a public document;
- :func:`render_document` writes a drafted document in each format asked for.

Both are plain functions a Python user can call; the ``advocate draft`` command
is a thin layer over them and :mod:`advocate.batch`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from advocate.draft.builders import template_context
from advocate.draft.citing import Citer
from advocate.draft.context import Addressee, Enclosure, Timing
from advocate.draft.evidence import Evidence
from advocate.draft.footnotes import Footnotes
from advocate.draft.options import DraftOptions
from advocate.draft.template_env import Templates, TemplateSource
from advocate.errors import CitationError, ConfidentialRecordError, DraftError, MarkdownError, UnsafePath
from advocate.kinds import ALL_FORMATS, DocumentKind, document_kind, is_public
from advocate.law.authorities import authorities
from advocate.link import LinkSet
from advocate.load.case_paths import CaseRoots, check_file, locate
from advocate.models.case_file import CaseFile
from advocate.models.document import Document, DocumentInfo, Heading, plain_text
from advocate.models.licence_table import LicenceTable
from advocate.parse.markdown import parse_markdown
from advocate.render.email_draft import Attachment, email_draft
from advocate.render.registry import renderer_for
from advocate.render.text import TextRenderer
from advocate.resolve import oscola
from advocate.resolve.citations import resolve_citations
from advocate.run.leaks import check_no_leak


@dataclass(frozen=True)
class DraftedDocument:
    """One document, drafted: its tree and everything the manifest and the command line report about it."""

    kind: DocumentKind
    document: Document
    markdown: str
    """The Markdown the template rendered (before citations were resolved), kept for debugging templates."""
    template: TemplateSource
    records: dict[str, tuple[str, ...]]
    timings: tuple[Timing, ...]
    public: bool
    withheld: dict[str, int]
    email_subject: str
    file_stem: str
    unreviewed: dict[str, int] = field(default_factory=dict)
    """Records left out because they await review (``reviewed: false``), by kind."""
    addressee: Addressee | None = None
    """Who the document goes to when not the case's public body; its email draft goes there (or is not made)."""
    enclosures: tuple[Enclosure, ...] = ()
    """Copies the document encloses; the email draft attaches those stored in the case folder."""


def draft_document(
    case_file: CaseFile,
    kind: str | DocumentKind,
    options: DraftOptions,
    *,
    licences: LicenceTable | None = None,
    links: LinkSet | None = None,
    file_stem: str = "",
) -> DraftedDocument:
    """Draft one document of ``kind`` about ``licences`` (all the case's licences if ``None``).

    ``links`` are the case's links (:func:`advocate.link.link_case`); they are computed here if not
    given, so pass them when drafting several documents from one case. Raises
    :class:`~advocate.errors.DraftError` (naming the template and line where a template is at fault)
    rather than return a document with a blank, a wrong record or a confidential record in it.

    >>> letter = draft_document(case_file, "foi", DraftOptions(date=dt.date(2026, 12, 4)))  # doctest: +SKIP
    >>> print(document_text(letter))  # doctest: +SKIP
    """
    kind = document_kind(kind) if isinstance(kind, str) else kind
    templates = options.templates or shipped_templates()
    public = is_public(kind, case_file.case.privileged)
    evidence = Evidence(
        case_file,
        public=public,
        document=f"the {kind.description}",
        licences=licences,
        authorities=authorities(),
        links=links,
    )
    if licences is not None and len(licences) == 0:
        raise DraftError(f"no licences are selected for the {kind.description}")
    if public and len(evidence.licence_table) == 0 and evidence.withheld_licence_ids:
        raise ConfidentialRecordError(
            f"the {kind.description} cannot be written without confidential records: "
            f"{_listed('licence', evidence.withheld_licence_ids)} {'is' if len(evidence.withheld_licence_ids) == 1 else 'are'} "
            "confidential or known only from confidential sources, and a public document cannot be about "
            f"{'it' if len(evidence.withheld_licence_ids) == 1 else 'them'}; select licences that are not"
        )
    footnotes = Footnotes()
    citer = Citer(evidence, footnotes)
    extra = template_context(kind, evidence, citer, options)
    rendered = templates.render(kind.template, extra.names)
    markdown = rendered.markdown.rstrip() + "\n"
    if len(footnotes):
        markdown += "\n" + footnotes.definitions() + "\n"
    title = str(rendered.exported.get("title", "")) or kind.description
    subject = str(rendered.exported.get("subject", "")) or case_file.case.title
    info = DocumentInfo(
        title=title,
        date=options.date,
        author=_author(case_file),
        subject=subject if public else f"{PRIVILEGED_LABEL}: {subject}",
        running_header=str(rendered.exported.get("running_header", "")),
    )
    where = rendered.source.path
    try:
        tree = parse_markdown(markdown, info)
        resolved = resolve_citations(
            tree, evidence.citable_sources(), oscola, confidential=evidence.confidential_source_ids()
        )
    except (MarkdownError, CitationError) as exc:
        raise DraftError(str(exc), template=where) from None
    if not info.title and not any(isinstance(block, Heading) for block in resolved.document.children):
        raise DraftError("the document has no title: set one with {% set title = '...' %}", template=where)
    if public:
        check_no_leak(resolved.document, case_file, document=kind.description)
    for source_id in resolved.first_notes:
        evidence.used["sources"].add(source_id)
    return DraftedDocument(
        kind=kind,
        document=resolved.document,
        markdown=markdown,
        template=rendered.source,
        records={name: tuple(sorted(ids)) for name, ids in evidence.used.items() if ids},
        timings=extra.timings,
        public=public,
        withheld=evidence.withheld,
        email_subject=(str(rendered.exported.get("subject", "")) or title)
        if public
        else f"{PRIVILEGED_LABEL}: {str(rendered.exported.get('subject', '')) or title}",
        file_stem=file_stem or kind.file_stem,
        unreviewed=evidence.unreviewed,
        addressee=extra.addressee,
        enclosures=extra.enclosures,
    )


PRIVILEGED_LABEL = "Privileged and confidential"
"""How the subject of a privileged document (its metadata, its email) begins."""


def _listed(noun: str, ids: tuple[str, ...]) -> str:
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return f"{noun} {shown}" if len(ids) == 1 else f"{noun}s {shown}"


@functools.lru_cache(maxsize=1)
def shipped_templates() -> Templates:
    """The shipped templates, compiled once per process and shared by every document drafted from them."""
    return Templates()


def _author(case_file: CaseFile) -> str:
    person = case_file.case.claimant_or_requester
    return person.organisation or person.name


def formats_for(kind: DocumentKind, case_file: CaseFile, requested: tuple[str, ...] | None) -> tuple[str, ...]:
    """The formats to write: those asked for, or the kind's defaults; unknown formats are an error."""
    chosen = tuple(requested) if requested else kind.formats
    unknown = [f for f in chosen if f not in ALL_FORMATS]
    if unknown:
        raise DraftError(f"unknown format {', '.join(unknown)}; formats: {', '.join(ALL_FORMATS)}")
    return chosen


def render_document(
    drafted: DraftedDocument, formats: tuple[str, ...], case_file: CaseFile, *, docx_reference: Path | None = None
) -> dict[str, bytes]:
    """The drafted document in each format: ``{"docx": bytes, "pdf": bytes, ...}``.

    An email draft (``eml``) is addressed to the public body's FOI address, from the requester,
    with the request as its body and the PDF attached.
    """
    out: dict[str, bytes] = {}
    if "eml" in formats and drafted.addressee is not None and not drafted.addressee.email:
        raise DraftError(
            f"the {drafted.kind.description} goes to {drafted.addressee.name}, for whom the case has no "
            "email address: choose other formats (--format docx --format pdf)"
        )
    for fmt in formats:
        if fmt == "eml":
            continue
        renderer = renderer_for(fmt, layout=drafted.kind.layout, docx_reference=docx_reference)
        try:
            out[fmt] = renderer.render(drafted.document)
        except LayoutError as exc:
            raise DraftError(
                f"the {drafted.kind.description} could not be laid out as {fmt.upper()}: "
                f"{str(exc).splitlines()[0][:200]}"
            ) from None
    if "eml" in formats:
        to_name, to_email = _addressee(drafted, case_file)
        pdf = out.get("pdf") or renderer_for("pdf").render(drafted.document)
        case = case_file.case
        requester = case.requester
        copies = tuple(_attachment(path, Attachment) for path in _enclosed_files(drafted, case_file))
        out["eml"] = email_draft(
            body=TextRenderer().render_text(drafted.document),
            subject=drafted.email_subject,
            to_name=to_name,
            to_email=to_email,
            from_name=requester.name,
            from_email=requester.email or "",
            date=drafted.document.info.date,
            attachments=(Attachment(f"{drafted.file_stem}.pdf", pdf),) + copies,
        )
    return out


def _addressee(drafted: DraftedDocument, case_file: CaseFile) -> tuple[str, str]:
    """Who an email draft goes to: the public body (or the addressee its kind names), or for a privileged
    document only one's own lawyers, never the proposed defendant."""
    case = case_file.case
    if drafted.public:
        to = drafted.addressee or Addressee(case.public_body.name, case.public_body.foi_email)
        return to.name, to.email
    lawyers = case.legal_representative
    if lawyers is None or not lawyers.email:
        raise DraftError(
            f"the {drafted.kind.description} is privileged: it is never drafted as an email to the "
            "proposed defendant; to email it to your own lawyers, give legal_representative: email: in "
            "case.yaml, or leave out --format eml"
        )
    return lawyers.name or lawyers.firm, lawyers.email


def _enclosed_files(drafted: DraftedDocument, case_file: CaseFile) -> list[Path]:
    """The stored letters an email encloses: files of the case folder only (a path out of it, a link out, a
    device or a pipe is an error naming it, never read)."""
    found = []
    for enclosure in drafted.enclosures:
        if not enclosure.file:
            continue
        try:
            path, _ = locate(CaseRoots(case_file.root), enclosure.file)
            if not path.exists():
                continue
            check_file(path, case_file.root, enclosure.file, limit=MAX_ENCLOSURE_BYTES)
        except UnsafePath as exc:
            raise DraftError(f"requests.yaml: the stored file {exc}") from None
        found.append(path)
    return found


MAX_ENCLOSURE_BYTES = 32 << 20
"""A stored letter larger than this is not attached to an email draft (mail servers refuse far less)."""


def _attachment(path: Path, attachment_type):
    """A stored letter as an email attachment, with the MIME type its name suggests."""
    import mimetypes

    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    maintype, subtype = kind.split("/", 1)
    if maintype in ("message", "multipart"):  # a stored email goes as a file, not as a part of this one
        maintype, subtype = "application", "octet-stream"
    return attachment_type(path.name, path.read_bytes(), maintype, subtype)


def document_text(drafted: DraftedDocument) -> str:
    """The document as plain text (what a test or a reviewer reads first)."""
    return TextRenderer().render_text(drafted.document)


__all__ = [
    "DraftOptions",
    "DraftedDocument",
    "document_text",
    "draft_document",
    "formats_for",
    "plain_text",
    "render_document",
]
