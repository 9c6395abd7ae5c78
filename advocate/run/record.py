"""The one path by which a run's files reach the disk: a manifest entry per document, then every file at once.

``advocate draft`` and ``advocate build`` both end here: :func:`write_run` records each
drafted document in the manifest (template, records, deadlines, file hashes), adds the
run's side files, and hands everything to :func:`advocate.run.outputs.write_outputs`,
which writes all of it or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocate import __version__
from advocate.draft.context import Timing
from advocate.models.case_file import CaseFile
from advocate.run.document import DraftedDocument
from advocate.run.manifest import DocumentEntry, Manifest, OutputFile
from advocate.run.outputs import sha256, write_outputs


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
        deadlines = tuple(t.warning for t in self.timings if t.warning)
        left_out = max((sum(d.unreviewed.values()) for d in self.documents), default=0)
        if not left_out:
            return deadlines
        return deadlines + (f"{left_out} record{'s' * (left_out != 1)} awaiting review (reviewed: false) "
                            f"{'were' if left_out != 1 else 'was'} left out; mark {'them' if left_out != 1 else 'it'} "
                            "reviewed once checked against the source",)


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


def write_run(out: str | Path, case_file: CaseFile, given_path: str,
              drafted: list[tuple[DraftedDocument, dict[str, bytes]]], *,
              side_files: tuple[tuple[DocumentEntry, dict[str, bytes]], ...] = (), links: int = 0,
              force: bool = False) -> DraftRun:
    """Write every document's files and the side files (``links.csv``) with one manifest; all or nothing."""
    files: dict[str, bytes] = {}
    entries: list[DocumentEntry] = []
    for document, outputs in drafted:
        files.update(outputs)
        entries.append(entry_for(document, outputs))
    for entry, outputs in side_files:
        files.update(outputs)
        entries.append(entry)
    manifest = Manifest(tool=f"advocate {__version__}", case=case_manifest_part(case_file, given_path),
                        documents=tuple(entries))
    written = write_outputs(out, files, manifest, force=force)
    return DraftRun(Path(out), files, written, tuple(document for document, _ in drafted), links)
