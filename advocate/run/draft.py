"""One drafting run: a case, a kind of document, the licences chosen, into an output folder.

This is what ``advocate draft`` does, as a function: load and check the case, link it
once, select the licences, draft one document (or one per licence with ``each``, in
parallel when there are many), render every format in memory, then write all files and
the manifest at once (:func:`advocate.run.record.write_run`), so that an error anywhere
leaves the output folder as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from advocate.draft.evidence import withheld_records
from advocate.draft.foi_context import request_licences
from advocate.draft.options import DraftOptions
from advocate.errors import ConfidentialRecordError, DraftError
from advocate.kinds import DocumentKind, document_kind, is_public
from advocate.link import link_case
from advocate.models.case_file import CaseFile
from advocate.models.licence_table import LicenceTable
from advocate.run.document import formats_for
from advocate.run.jobs import Job, Shared, draft_all
from advocate.run.record import DraftRun, file_stem, write_run
from advocate.validate.check import load_case


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
        return licences.filter(
            ids=list(self.ids) or None,
            country=list(self.country) or None,
            rating=list(self.rating) or None,
            technology=list(self.technology) or None,
            outcome=list(self.outcome) or None,
            licence_type=list(self.licence_type) or None,
            start=self.start,
            end=self.end,
        )


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "licence"


def draft_run(
    case: str | Path | CaseFile,
    kind: str | DocumentKind,
    out: str | Path,
    *,
    options: DraftOptions,
    selection: LicenceSelection = LicenceSelection(),
    formats: tuple[str, ...] | None = None,
    each: bool = False,
    force: bool = False,
    docx_reference: Path | None = None,
    workers: int | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    data: tuple[str | Path, ...] = (),
) -> DraftRun:
    """Draft ``kind`` for the selected licences into ``out`` and return what was written.

    Raises :class:`~advocate.errors.CaseError` for a case with errors, :class:`~advocate.errors.DraftError`
    for a document that cannot be drafted truthfully, :class:`~advocate.errors.OutputConflict` rather than
    overwrite a file the user changed; in each case nothing is written. With ``each``, documents are drafted
    in ``workers`` processes (default: one per core) when there are enough of them to be worth it.
    """
    case_file = case if isinstance(case, CaseFile) else load_case(case, data=data)
    given_path = str(case) if not isinstance(case, CaseFile) else str(case_file.root)
    kind = document_kind(kind) if isinstance(kind, str) else kind
    if docx_reference is not None and not Path(docx_reference).is_file():
        raise DraftError(f"{docx_reference}: no such reference document (--style)")
    if selection == LicenceSelection() and options.correspondence.request_id:
        selection = LicenceSelection(ids=request_licences(case_file, options.correspondence.request_id))
    chosen = selection.apply(case_file.licences)
    if len(chosen) == 0:
        raise DraftError(
            "no licences in the case match the selection (see `advocate licences CASE` with the same filters)"
        )
    chosen_formats = formats_for(kind, case_file, formats)
    if each and not kind.per_licence:
        raise DraftError(f"--each does not apply to a {kind.description}: it is about one earlier request")
    ids = tuple(str(i) for i in chosen.frame["id"])
    left_out: tuple[str, ...] = ()
    if is_public(kind, case_file.case.privileged):
        hidden = withheld_records(case_file).licences
        left_out = tuple(licence_id for licence_id in ids if licence_id in hidden)
        if left_out and len(left_out) == len(ids):
            raise ConfidentialRecordError(
                f"{_listed(left_out)} {'is' if len(left_out) == 1 else 'are'} confidential or known only from "
                f"confidential sources: a {kind.description} is a public document and cannot be about "
                f"{'it' if len(left_out) == 1 else 'them'}; select licences that are not"
            )
        if each:
            ids = tuple(licence_id for licence_id in ids if licence_id not in hidden)
    if each:
        jobs = [
            Job(
                kind, (licence_id,), file_stem(kind, case_file, f"{kind.file_stem}-{_slug(licence_id)}"), chosen_formats
            )
            for licence_id in ids
        ]
    else:
        jobs = [Job(kind, ids, file_stem(kind, case_file), chosen_formats)]
    shared = Shared(case_file, link_case(case_file), options, docx_reference)
    drafted = []
    if progress:
        progress(0, len(jobs), jobs[0].stem)
    for index, result in enumerate(draft_all(shared, jobs, workers)):
        drafted.append(result)
        if progress:
            progress(index + 1, len(jobs), jobs[index + 1].stem if index + 1 < len(jobs) else "")
    return write_run(out, case_file, given_path, drafted, force=force, left_out=left_out if each else ())


def _listed(ids: tuple[str, ...]) -> str:
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return f"licence {shown}" if len(ids) == 1 else f"licences {shown}"
