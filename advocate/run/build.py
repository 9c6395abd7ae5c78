"""``advocate build``: every document a case asks for, in every format, from one checked and linked case.

The case is loaded and checked (errors stop the build), linked once, and each
document kind the case lists under ``documents:`` in case.yaml (by default the FOI
request, the letter before claim if the case names a decision, the briefing and
the suggested questions) is drafted and rendered in memory. Only when every file
is complete are they written, with one manifest and ``links.csv`` (the public
links only), through :func:`advocate.run.outputs.write_outputs`: an error anywhere
leaves the output folder as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from advocate import __version__
from advocate.draft.evidence import Evidence
from advocate.draft.linking_context import PrintableLinks, case_links
from advocate.errors import DraftError
from advocate.kinds import KINDS, document_kind
from advocate.link.models import links_frame
from advocate.models.case_file import CaseFile
from advocate.run.document import (
    DraftedDocument,
    DraftOptions,
    draft_document,
    formats_for,
    render_document,
)
from advocate.run.draft import DraftRun, case_manifest_part, entry_for
from advocate.run.manifest import DocumentEntry, Manifest, OutputFile
from advocate.run.outputs import sha256, write_outputs
from advocate.validate.check import load_case

LINKS_FILE = "links.csv"


def documents_for(case_file: CaseFile) -> tuple[str, ...]:
    """The kinds of document the case asks for: ``documents:`` in case.yaml, or the campaign's usual set."""
    case = case_file.case
    if case.documents:
        return tuple(case.documents)
    kinds = ["foi"]
    if case.decisions:
        kinds.append("letter-before-claim")
    kinds += ["briefing", "questions"]
    return tuple(kinds)


def _public_links_csv(case_file: CaseFile) -> tuple[bytes, int]:
    """The links a public folder may hold (see :class:`PrintableLinks`), from licences that are not confidential."""
    evidence = Evidence(case_file, public=not case_file.case.privileged, document="the links file")
    printable = PrintableLinks(evidence)
    licences = set(evidence.licence_table.frame["id"])
    kept = [link for link in case_links(case_file).links
            if link.licence_id in licences and printable(link)]
    return links_frame(kept).to_csv(index=False, lineterminator="\n").encode("utf-8"), len(kept)


def build_case(case: str | Path | CaseFile, out: str | Path, *, date: dt.date, force: bool = False,
               options: DraftOptions | None = None, docx_reference: Path | None = None,
               progress: Callable[[int, int, str], None] | None = None) -> DraftRun:
    """Build every document of the case into ``out``; nothing is written unless all of them succeed."""
    case_file = case if isinstance(case, CaseFile) else load_case(case)
    given_path = str(case) if not isinstance(case, CaseFile) else str(case_file.root)
    kinds = documents_for(case_file)
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise DraftError(f"case.yaml documents: unknown kind {', '.join(unknown)}; kinds: {', '.join(KINDS)}")
    options = options or DraftOptions(date=date)
    case_links(case_file)
    files: dict[str, bytes] = {}
    entries: list[DocumentEntry] = []
    drafted_all: list[DraftedDocument] = []
    for index, name in enumerate(kinds):
        kind = document_kind(name)
        if progress:
            progress(index, len(kinds) + 1, kind.description)
        drafted = draft_document(case_file, kind, options)
        rendered = render_document(drafted, formats_for(kind, case_file, None), case_file, docx_reference=docx_reference)
        outputs = {f"{kind.file_stem}.{fmt}": data for fmt, data in rendered.items()}
        files.update(outputs)
        entries.append(entry_for(drafted, outputs))
        drafted_all.append(drafted)
    links_csv, link_count = _public_links_csv(case_file)
    files[LINKS_FILE] = links_csv
    entries.append(DocumentEntry(kind="links", title="Links between licences and documented abuses",
                                 date=options.date.isoformat(), template={}, records={}, deadlines=[],
                                 outputs=(OutputFile(LINKS_FILE, "csv", sha256(links_csv)),)))
    if progress:
        progress(len(kinds) + 1, len(kinds) + 1, "links")
    manifest = Manifest(tool=f"advocate {__version__}", case=case_manifest_part(case_file, given_path),
                        documents=tuple(entries))
    written = write_outputs(out, files, manifest, force=force)
    return DraftRun(Path(out), files, written, tuple(drafted_all), link_count)
