"""Small sets of output files with their manifest, for tests of how a run's files reach the disk."""

from __future__ import annotations

from pathlib import Path

from advocate.run.manifest import DocumentEntry, Manifest, OutputFile
from advocate.run.outputs import sha256

NAMES = ("letter.docx", "letter.pdf", "letter.md", "briefing.pdf")


def output_set(version: str) -> tuple[dict[str, bytes], Manifest]:
    """Four files whose bytes say which ``version`` of a run wrote them, and the manifest listing them."""
    files = {name: f"{name} from run {version}\n".encode() for name in NAMES}
    entry = DocumentEntry(
        kind="foi",
        title=f"Run {version}",
        date="2026-12-04",
        template={},
        records={},
        deadlines=[],
        outputs=tuple(OutputFile(name, name.rsplit(".", 1)[-1], sha256(data)) for name, data in files.items()),
    )
    return files, Manifest(tool="advocate test", case={"folder": "case"}, documents=(entry,))


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
