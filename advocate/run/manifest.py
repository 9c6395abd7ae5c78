"""The manifest written beside every set of outputs: what evidence and template produced each file.

One JSON file per output folder (``manifest.json``). For each document: its
kind, date and title, the template it was drafted from with the template's
SHA-256, the case files with theirs, the ids of the records it used, the
deadlines it printed, and each output file's SHA-256. The manifest holds no
clock time, so the same inputs give the same manifest.

The manifest also carries its own SHA-256 (``manifest_sha256``, computed with that
value left empty), so that a later run can tell a manifest advocate wrote from one a
user wrote or edited: only the first is advocate's to replace; any other
``manifest.json`` is a file like any other, never overwritten without ``--force``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

MANIFEST_NAME = "manifest.json"
SEAL = "manifest_sha256"
"""The manifest's own SHA-256, computed over the file with this value empty."""


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
        data = {SEAL: "", **asdict(self)}
        data["documents"] = sorted(
            data["documents"], key=lambda d: d["outputs"][0]["path"] if d["outputs"] else d["kind"]
        )
        unsealed = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
        return unsealed.replace(_empty_seal(), _seal_line(_digest(unsealed)), 1)

    def output_hashes(self) -> dict[str, str]:
        return {output.path: output.sha256 for document in self.documents for output in document.outputs}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _empty_seal() -> str:
    return f'"{SEAL}": ""'


def _seal_line(value: str) -> str:
    return f'"{SEAL}": "{value}"'


Standing = Literal["absent", "advocate", "edited", "foreign"]
"""What a folder's ``manifest.json`` is: none, advocate's as written, advocate's changed since, or not advocate's."""


@dataclass(frozen=True)
class ManifestOnDisk:
    """The manifest found in a folder and whether it is advocate's own, unchanged (only then may a run replace it)."""

    standing: Standing
    manifest: Manifest | None = None

    @property
    def ours(self) -> bool:
        return self.standing == "advocate"


MAX_MANIFEST_BYTES = 64 << 20
"""A larger manifest.json is not one advocate wrote for any real run: it is not read."""


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest advocate left in ``folder``, or ``None`` if there is none or it is not advocate's unchanged."""
    found = manifest_on_disk(folder)
    return found.manifest if found.ours else None


def manifest_on_disk(folder: Path) -> ManifestOnDisk:
    """What ``folder/manifest.json`` is. A manifest without a seal (written before advocate sealed them) that
    parses as one is taken as advocate's. Raises ``OSError`` if the file exists but cannot be read."""
    path = Path(folder) / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        return ManifestOnDisk("absent")
    if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
        return ManifestOnDisk("foreign")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        data = json.loads(text)
        documents = tuple(
            DocumentEntry(**{**entry, "outputs": tuple(OutputFile(**o) for o in entry["outputs"])})
            for entry in data["documents"]
        )
        manifest = Manifest(data["tool"], data["case"], documents)
    except (ValueError, KeyError, TypeError):
        return ManifestOnDisk("foreign")
    if not str(data["tool"]).startswith("advocate"):
        return ManifestOnDisk("foreign")
    seal = data.get(SEAL)
    if seal is None:
        return ManifestOnDisk("advocate", manifest)
    if not isinstance(seal, str) or _digest(text.replace(_seal_line(seal), _empty_seal(), 1)) != seal:
        return ManifestOnDisk("edited", manifest)
    return ManifestOnDisk("advocate", manifest)
