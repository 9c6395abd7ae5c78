"""The manifest written beside every set of outputs: what evidence and template produced each file.

One JSON file per output folder (``manifest.json``). For each document: its
kind, date and title, the template it was drafted from with the template's
SHA-256, the case files with theirs, the ids of the records it used, the
deadlines it printed, and each output file's SHA-256. The manifest holds no
clock time, so the same inputs give the same manifest.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class OutputFile:
    """One file written: its name in the output folder, its format and its SHA-256."""

    path: str
    format: str
    sha256: str


@dataclass(frozen=True)
class DocumentEntry:
    """What produced one document and what it became."""

    kind: str
    title: str
    date: str
    template: dict
    records: dict
    """Record kind → sorted ids of the records the document used (sources include the shipped authorities cited)."""
    deadlines: list
    outputs: tuple[OutputFile, ...]
    withheld: dict = field(default_factory=dict)
    """How many confidential records a public document left out, by kind."""
    public: bool = True


@dataclass(frozen=True)
class Manifest:
    """Everything one output folder holds, and the case it came from."""

    tool: str
    case: dict
    """The case folder as given, its reference, and its input files with their SHA-256."""
    documents: tuple[DocumentEntry, ...]

    def to_json(self) -> str:
        data = asdict(self)
        data["documents"] = sorted(data["documents"], key=lambda d: (d["outputs"][0]["path"] if d["outputs"] else d["kind"]))
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    def output_hashes(self) -> dict[str, str]:
        return {output.path: output.sha256 for document in self.documents for output in document.outputs}


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest an earlier run left in ``folder``, or ``None`` if there is none (or it is unreadable)."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        documents = tuple(
            DocumentEntry(**{**entry, "outputs": tuple(OutputFile(**o) for o in entry["outputs"])})
            for entry in data["documents"]
        )
        return Manifest(data["tool"], data["case"], documents)
    except (ValueError, KeyError, TypeError):
        return None
