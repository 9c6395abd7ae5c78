"""Drafting and rendering many documents of one case: in this process, or in forked workers when there are many.

A :class:`Job` is one document: its kind, the licences it is about, its file name and
formats. Every job of a run shares one :class:`Shared` (the checked case, its links,
the user's choices), built once before any worker is forked, so workers never load or
link the case again.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from advocate.draft.options import DraftOptions
from advocate.kinds import DocumentKind
from advocate.link import LinkSet
from advocate.models.case_file import CaseFile
from advocate.run.collector import long_lived
from advocate.run.document import DraftedDocument, draft_document, render_document


@dataclass(frozen=True)
class Shared:
    """What every document of a run shares: the case, its links and the choices made for the run."""

    case_file: CaseFile
    links: LinkSet
    options: DraftOptions
    docx_reference: Path | None


@dataclass(frozen=True)
class Job:
    """One document to draft and render: its kind, its licences (``None``: all the case's), its files."""

    kind: DocumentKind
    licence_ids: tuple[str, ...] | None
    stem: str
    formats: tuple[str, ...]


Drafted = tuple[DraftedDocument, dict[str, bytes]]
"""A drafted document and its files (name → bytes)."""

_WORKER_SHARED: Shared | None = None
PARALLEL_FROM = 8
"""Fewer documents than this are drafted in this process: starting workers would cost more than it saves."""


def run_job(shared: Shared, job: Job) -> Drafted:
    """Draft and render one document."""
    case_file = shared.case_file
    licences = None if job.licence_ids is None else case_file.licences.filter(ids=list(job.licence_ids))
    drafted = draft_document(
        case_file, job.kind, shared.options, licences=licences, links=shared.links, file_stem=job.stem
    )
    rendered = render_document(drafted, job.formats, case_file, docx_reference=shared.docx_reference)
    return drafted, {f"{job.stem}.{fmt}": data for fmt, data in rendered.items()}


def _worker_job(job: Job) -> Drafted:
    assert _WORKER_SHARED is not None
    return run_job(_WORKER_SHARED, job)


def draft_all(shared: Shared, jobs: list[Job], workers: int | None = None) -> Iterator[Drafted]:
    """Each job's drafted document and files, in job order; in worker processes when there are many.

    Workers are forked after the first document is drafted here, so they share the loaded case, its links
    and the compiled templates, fonts and styles instead of making them again; where fork is not available
    the documents are drafted here, one after another. What exists before the documents are drafted is left
    out of the cycle collector's work (:func:`~advocate.run.collector.long_lived`). An error in any document
    stops the run.
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(jobs) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        with long_lived():
            for job in jobs:
                yield run_job(shared, job)
        return
    # The first document is drafted here, before the workers are forked: what a process pays once
    # (compiling the templates, registering fonts, the house-style base document) is then paid once,
    # not once per worker.
    yield run_job(shared, jobs[0])
    global _WORKER_SHARED
    _WORKER_SHARED = shared
    try:
        with (
            long_lived(),
            ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool,
        ):
            rest = jobs[1:]
            yield from pool.map(_worker_job, rest, chunksize=max(1, len(rest) // (workers * 8)))
    finally:
        _WORKER_SHARED = None
