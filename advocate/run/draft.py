"""One drafting run: a case, a kind of document, the licences chosen, into an output folder.

This is what ``advocate draft`` does, as a function: load and check the case,
select the licences, draft one document (or one per licence with ``each``),
render every format in memory, then write all files and the manifest at once
(:func:`advocate.run.outputs.write_outputs`), so that an error anywhere leaves the
output folder as it was.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from advocate import __version__
from advocate.draft.errors import DraftError
from advocate.draft.foi_context import Timing
from advocate.draft.linking_context import case_links
from advocate.kinds import DocumentKind, document_kind
from advocate.models.licence_table import LicenceTable
from advocate.load.case_folder import load_case
from advocate.run.collector import long_lived
from advocate.run.manifest import DocumentEntry, Manifest, OutputFile
from advocate.models.case_file import CaseFile
from advocate.run.outputs import sha256, write_outputs
from advocate.run.document import DraftedDocument, DraftOptions, draft_document, formats_for, render_document


@dataclass(frozen=True)
class LicenceSelection:
    """Which licences a document is about: ids, and the same filters as ``advocate licences``. Empty: all."""

    ids: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    rating: tuple[str, ...] = ()
    technology: tuple[str, ...] = ()
    outcome: tuple[str, ...] = ()
    licence_type: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None

    def apply(self, licences: LicenceTable) -> LicenceTable:
        """The licences chosen; an id that is not in the case is an error naming it."""
        if self.ids:
            known = set(licences.frame["id"])
            missing = [licence_id for licence_id in self.ids if licence_id not in known]
            if missing:
                raise DraftError(f"no licence {', '.join(missing)} in the case (see `advocate licences CASE`)")
        return licences.filter(ids=list(self.ids) or None, country=list(self.country) or None,
                               rating=list(self.rating) or None, technology=list(self.technology) or None,
                               outcome=list(self.outcome) or None, licence_type=list(self.licence_type) or None,
                               start=self.start, end=self.end)


@dataclass(frozen=True)
class DraftRun:
    """What a run wrote: the files (name → bytes), the manifest, and the deadlines and warnings to tell the user."""

    folder: Path
    files: dict[str, bytes]
    manifest: Manifest
    documents: tuple[DraftedDocument, ...]
    links: int = 0
    """How many links a build wrote to links.csv (a single draft writes none)."""

    @property
    def timings(self) -> tuple[Timing, ...]:
        return tuple(t for d in self.documents for t in d.timings)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(t.warning for t in self.timings if t.warning)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "licence"


def entry_for(drafted: DraftedDocument, outputs: dict[str, bytes]) -> DocumentEntry:
    """The manifest entry of one drafted document and its files."""
    return DocumentEntry(
        kind=drafted.kind.name,
        title=drafted.document.info.title,
        date=drafted.document.info.date.isoformat(),
        template={"name": drafted.template.name, "origin": drafted.template.origin, "path": drafted.template.path,
                  "sha256": drafted.template.sha256},
        records={name: list(ids) for name, ids in sorted(drafted.records.items())},
        deadlines=[{"name": t.name, "date": t.deadline.date.isoformat(), "rule": t.deadline.rule,
                    "authority": t.deadline.authority, "pinpoint": t.deadline.pinpoint} for t in drafted.timings],
        outputs=tuple(OutputFile(name, name.rsplit(".", 1)[-1], sha256(data)) for name, data in sorted(outputs.items())),
        withheld=dict(sorted(drafted.withheld.items())),
        public=drafted.public,
    )


def case_manifest_part(case_file: CaseFile, given_path: str) -> dict:
    """The case part of a manifest: the folder as the user gave it, its reference, and its files' hashes."""
    return {
        "folder": given_path,
        "reference": case_file.case.reference,
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in sorted(case_file.inputs, key=lambda i: i.path)],
    }


def draft_run(case: str | Path | CaseFile, kind: str | DocumentKind, out: str | Path, *,
              options: DraftOptions, selection: LicenceSelection = LicenceSelection(),
              formats: tuple[str, ...] | None = None, each: bool = False, force: bool = False,
              docx_reference: Path | None = None, workers: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> DraftRun:
    """Draft ``kind`` for the selected licences into ``out`` and return what was written.

    Raises :class:`~advocate.models.problem.CaseError` for a case with errors, :class:`DraftError` for a document
    that cannot be drafted truthfully, :class:`~advocate.run.outputs.OutputConflict` rather than overwrite a
    file the user changed; in each case nothing is written. With ``each``, documents are drafted in
    ``workers`` processes (default: one per core) when there are enough of them to be worth it.
    """
    case_file = case if isinstance(case, CaseFile) else load_case(case)
    given_path = str(case) if not isinstance(case, CaseFile) else str(case_file.root)
    kind = document_kind(kind) if isinstance(kind, str) else kind
    if docx_reference is not None and not Path(docx_reference).is_file():
        raise DraftError(f"{docx_reference}: no such reference document (--style)")
    chosen = selection.apply(case_file.licences)
    if len(chosen) == 0:
        raise DraftError("no licences in the case match the selection (see `advocate licences CASE` with the same filters)")
    chosen_formats = formats_for(kind, case_file, formats)
    if each and not kind.per_licence:
        raise DraftError(f"--each does not apply to a {kind.description}: it is about one earlier request")
    ids = tuple(str(i) for i in chosen.frame["id"])
    if each:
        jobs = [_Job((licence_id,), f"{kind.file_stem}-{_slug(licence_id)}") for licence_id in ids]
    else:
        jobs = [_Job(ids, kind.file_stem)]
    shared = _Shared(case_file, kind, options, chosen_formats, docx_reference)
    case_links(case_file)  # linked once here, before any worker is forked
    files: dict[str, bytes] = {}
    entries, drafted_all = [], []
    for index, (drafted, outputs) in enumerate(_draft_all(shared, jobs, workers)):
        files.update(outputs)
        entries.append(entry_for(drafted, outputs))
        drafted_all.append(drafted)
        if progress:
            progress(index + 1, len(jobs))
    manifest = Manifest(tool=f"advocate {__version__}", case=case_manifest_part(case_file, given_path),
                        documents=tuple(entries))
    written = write_outputs(out, files, manifest, force=force)
    return DraftRun(Path(out), files, written, tuple(drafted_all))


@dataclass(frozen=True)
class _Shared:
    """What every document of a run shares: the case and the choices made for the run."""

    case_file: CaseFile
    kind: DocumentKind
    options: DraftOptions
    formats: tuple[str, ...]
    docx_reference: Path | None


@dataclass(frozen=True)
class _Job:
    """One document to draft and render: its licences and its file name."""

    licence_ids: tuple[str, ...]
    stem: str


_WORKER_SHARED: _Shared | None = None
PARALLEL_FROM = 8
"""Fewer documents than this are drafted in this process: starting workers would cost more than it saves."""


def _run_job(shared: _Shared, job: _Job) -> tuple[DraftedDocument, dict[str, bytes]]:
    licences = shared.case_file.licences.filter(ids=list(job.licence_ids))
    drafted = draft_document(shared.case_file, shared.kind, shared.options, licences=licences, file_stem=job.stem)
    rendered = render_document(drafted, shared.formats, shared.case_file, docx_reference=shared.docx_reference)
    return drafted, {f"{job.stem}.{fmt}": data for fmt, data in rendered.items()}


def _worker_job(job: _Job) -> tuple[DraftedDocument, dict[str, bytes]]:
    assert _WORKER_SHARED is not None
    return _run_job(_WORKER_SHARED, job)


def _draft_all(shared: _Shared, jobs: list[_Job], workers: int | None):
    """Each job's drafted document and files, in job order; in worker processes when there are many.

    Workers are forked after the first document is drafted here, so they share the loaded case and the
    compiled templates, fonts and styles instead of making them again; where fork is not available the
    documents are drafted here, one after another. What exists before the documents are drafted is left
    out of the cycle collector's work (:func:`~advocate.run.collector.long_lived`). An error in any
    document stops the run.
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(jobs) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        with long_lived():
            for job in jobs:
                yield _run_job(shared, job)
        return
    # The first document is drafted here, before the workers are forked: what a process pays once
    # (compiling the templates, registering fonts, the house-style base document) is then paid once,
    # not once per worker.
    yield _run_job(shared, jobs[0])
    global _WORKER_SHARED
    _WORKER_SHARED = shared
    try:
        with long_lived(), ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            rest = jobs[1:]
            yield from pool.map(_worker_job, rest, chunksize=max(1, len(rest) // (workers * 8)))
    finally:
        _WORKER_SHARED = None
