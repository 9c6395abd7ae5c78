"""``advocate build``: every document a case asks for, in every format, from one checked and linked case.

The case is loaded and checked (errors stop the build), linked once, and each
document kind the case lists under ``documents:`` in case.yaml (by default the FOI
request, the letter before claim if the case names a decision, the briefing and
the suggested questions) is drafted and rendered in memory. Only when every file
is complete are they written, with one manifest and ``links.csv`` (the links a
public document may show, as it may show them), through
:func:`advocate.run.record.write_run`: an error anywhere leaves the output folder as
it was. In a privileged case the privileged letter goes to its own folder, with every
link in its own ``links.csv``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from advocate.draft.evidence import Evidence
from advocate.draft.linking_context import PrintableLinks
from advocate.draft.options import DraftOptions
from advocate.errors import DraftError
from advocate.kinds import KINDS, document_kind
from advocate.link import LinkSet, link_case
from advocate.link.models import links_frame
from advocate.models.case_file import CaseFile
from advocate.run.document import formats_for
from advocate.run.jobs import Job, Shared, draft_all
from advocate.run.manifest import DocumentEntry, OutputFile
from advocate.run.outputs import sha256
from advocate.run.record import DraftRun, SideFile, file_stem, write_run
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


def _links_csv(case_file: CaseFile, links: LinkSet, *, public: bool) -> tuple[bytes, int]:
    """The links a folder may hold: for a public one, those a public document may show, as it may show them
    (see :class:`PrintableLinks`); for a privileged one, every link."""
    evidence = Evidence(case_file, public=public, document="the links file", links=links)
    kept = PrintableLinks(evidence).select(links.links)
    return links_frame(kept).to_csv(index=False, lineterminator="\n").encode("utf-8"), len(kept)


def _links_file(case_file: CaseFile, links: LinkSet, date: dt.date, *, public: bool) -> tuple[SideFile, int]:
    data, count = _links_csv(case_file, links, public=public)
    entry = DocumentEntry(
        kind="links",
        title="Links between licences and documented abuses",
        date=date.isoformat(),
        template={},
        records={},
        deadlines=[],
        outputs=(OutputFile(LINKS_FILE, "csv", sha256(data)),),
        public=public,
    )
    return SideFile(entry, {LINKS_FILE: data}, public), count


def build_case(
    case: str | Path | CaseFile,
    out: str | Path,
    *,
    date: dt.date,
    force: bool = False,
    options: DraftOptions | None = None,
    docx_reference: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    data: tuple[str | Path, ...] = (),
) -> DraftRun:
    """Build every document of the case into ``out``; nothing is written unless all of them succeed.

    >>> run = build_case("evidence/turkey-2017", "out", date=dt.date(2026, 12, 4))  # doctest: +SKIP
    >>> sorted(run.files)[:2]  # doctest: +SKIP
    ['foi-request.docx', 'foi-request.eml']
    """
    case_file = case if isinstance(case, CaseFile) else load_case(case, data=data)
    given_path = str(case) if not isinstance(case, CaseFile) else str(case_file.root)
    names = documents_for(case_file)
    unknown = [name for name in names if name not in KINDS]
    if unknown:
        raise DraftError(f"case.yaml documents: unknown kind {', '.join(unknown)}; kinds: {', '.join(KINDS)}")
    options = options or DraftOptions(date=date)
    kinds = [document_kind(name) for name in names]
    jobs = [Job(kind, None, file_stem(kind, case_file), formats_for(kind, case_file, None)) for kind in kinds]
    shared = Shared(case_file, link_case(case_file), options, docx_reference)
    steps = [kind.description for kind in kinds] + ["links"]
    drafted = []
    if progress:
        progress(0, len(steps), steps[0])
    for index, result in enumerate(draft_all(shared, jobs, workers=1)):
        drafted.append(result)
        if progress:
            progress(index + 1, len(steps), steps[index + 1])
    side, link_count = _links_file(case_file, shared.links, options.date, public=True)
    sides = [side]
    if not all(document.public for document, _ in drafted):
        sides.append(_links_file(case_file, shared.links, options.date, public=False)[0])
    return write_run(out, case_file, given_path, drafted, side_files=tuple(sides), links=link_count, force=force)
