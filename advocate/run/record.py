"""The one path by which a run's files reach the disk: a manifest entry per document, then every file at once.

``advocate draft`` and ``advocate build`` both end here: :func:`write_run` records each
drafted document in the manifest (template, records, deadlines, file hashes), adds the
run's side files, and hands everything to :func:`advocate.run.outputs.write_output_sets`,
which writes all of it or nothing.

Public and privileged documents never share a folder: a privileged document (a letter
before claim in a ``privileged: true`` case, which may show confidential records) goes
with its own manifest into :data:`PRIVILEGED_FOLDER` inside the output folder, its file
names beginning ``privileged-``; the public manifest does not mention it. Before anything
is written, every file bound for the public folder, its name and the manifest are read for
withheld records (:func:`advocate.run.leaks.check_public_files`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocate import __version__
from advocate.draft.context import Timing
from advocate.kinds import DocumentKind, is_public
from advocate.models.case_file import CaseFile
from advocate.run.document import DraftedDocument
from advocate.run.leaks import check_public_files
from advocate.run.manifest import MANIFEST_NAME, DocumentEntry, Manifest, OutputFile
from advocate.run.outputs import OutputSet, sha256, write_output_sets

PRIVILEGED_FOLDER = "privileged"
"""Where privileged documents go, inside the output folder, with their own manifest."""


def file_stem(kind: DocumentKind, case_file: CaseFile, stem: str = "") -> str:
    """A document's file name without extension: privileged documents' names say so."""
    stem = stem or kind.file_stem
    return stem if is_public(kind, case_file.case.privileged) else f"privileged-{stem}"


@dataclass(frozen=True)
class SideFile:
    """A file a run writes besides its documents (``links.csv``), with its manifest entry, for one folder."""

    entry: DocumentEntry
    files: dict[str, bytes]
    public: bool = True


@dataclass(frozen=True)
class DraftRun:
    """What a run wrote: the files (name → bytes), the manifest, and the deadlines and warnings to tell the user."""

    folder: Path
    files: dict[str, bytes]
    manifest: Manifest
    documents: tuple[DraftedDocument, ...]
    links: int = 0
    """How many links a build wrote to links.csv (a single draft writes none)."""
    left_out: tuple[str, ...] = ()
    """Licences selected but left out, one document each not written (``--each``): confidential ones."""

    @property
    def timings(self) -> tuple[Timing, ...]:
        return tuple(t for d in self.documents for t in d.timings)

    @property
    def warnings(self) -> tuple[str, ...]:
        deadlines = tuple(t.warning for t in self.timings if t.warning)
        left_out = max((sum(d.unreviewed.values()) for d in self.documents), default=0)
        if not left_out:
            return deadlines
        return deadlines + (
            f"{left_out} record{'s' * (left_out != 1)} awaiting review (reviewed: false) "
            f"{'were' if left_out != 1 else 'was'} left out; mark {'them' if left_out != 1 else 'it'} "
            "reviewed once checked against the source",
        )


def entry_for(drafted: DraftedDocument, outputs: dict[str, bytes]) -> DocumentEntry:
    """The manifest entry of one drafted document and its files."""
    return DocumentEntry(
        kind=drafted.kind.name,
        title=drafted.document.info.title,
        date=drafted.document.info.date.isoformat(),
        template={
            "name": drafted.template.name,
            "origin": drafted.template.origin,
            "path": drafted.template.path,
            "sha256": drafted.template.sha256,
        },
        records={name: list(ids) for name, ids in sorted(drafted.records.items())},
        deadlines=[
            {
                "name": t.name,
                "date": t.deadline.date.isoformat(),
                "rule": t.deadline.rule,
                "authority": t.deadline.authority,
                "pinpoint": t.deadline.pinpoint,
            }
            for t in drafted.timings
        ],
        outputs=tuple(
            OutputFile(name, name.rsplit(".", 1)[-1], sha256(data)) for name, data in sorted(outputs.items())
        ),
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


def write_run(
    out: str | Path,
    case_file: CaseFile,
    given_path: str,
    drafted: list[tuple[DraftedDocument, dict[str, bytes]]],
    *,
    side_files: tuple[SideFile | tuple[DocumentEntry, dict[str, bytes]], ...] = (),
    links: int = 0,
    force: bool = False,
    left_out: tuple[str, ...] = (),
) -> DraftRun:
    """Write every document's files and the side files (``links.csv``), public and privileged apart, each
    folder with its manifest; all or nothing. Raises :class:`~advocate.errors.ConfidentialRecordError` naming
    the file and the record if anything bound for the public folder would show a withheld record."""
    files: dict[bool, dict[str, bytes]] = {True: {}, False: {}}
    entries: dict[bool, list[DocumentEntry]] = {True: [], False: []}
    for document, outputs in drafted:
        files[document.public].update(outputs)
        entries[document.public].append(entry_for(document, outputs))
    for side in side_files:
        side = side if isinstance(side, SideFile) else SideFile(*side)
        files[side.public].update(side.files)
        entries[side.public].append(side.entry)
    case_part = case_manifest_part(case_file, given_path)
    sets = []
    for public in (True, False):
        if public and not entries[True] and entries[False]:
            continue  # a privileged draft alone: nothing for the public folder
        if not public and not entries[False]:
            continue
        manifest = Manifest(tool=f"advocate {__version__}", case=case_part, documents=tuple(entries[public]))
        if public:
            check_public_files({**files[True], MANIFEST_NAME: manifest.to_json().encode("utf-8")}, case_file)
        sets.append(OutputSet("" if public else PRIVILEGED_FOLDER, files[public], manifest))
    written = write_output_sets(out, tuple(sets), force=force)
    every = {**files[True], **{f"{PRIVILEGED_FOLDER}/{name}": data for name, data in files[False].items()}}
    return DraftRun(Path(out), every, written[0], tuple(document for document, _ in drafted), links, left_out)
