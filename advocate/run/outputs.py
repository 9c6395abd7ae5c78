"""Writing a run's files: all or nothing, and never over a file the user changed.

Every file of a run is rendered in memory first, then written to a staging
folder inside the output folder and moved into place one by one, the manifest
last. A file already in the output folder is replaced only if the previous
manifest shows advocate wrote it and it is unchanged since; a file the user
edited (a letter revised in Word) or put there is never overwritten silently:
the run stops before writing anything, unless ``force`` is given.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from advocate.errors import OutputConflict
from advocate.run.manifest import MANIFEST_NAME, DocumentEntry, Manifest, read_manifest


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_outputs(folder: str | Path, files: dict[str, bytes], manifest: Manifest, *, force: bool = False) -> Manifest:
    """Write ``files`` (name → bytes) and the manifest into ``folder``; returns the manifest written.

    Documents of an earlier manifest whose files this run does not replace are kept in it.
    """
    folder = Path(folder)
    previous = read_manifest(folder) if folder.is_dir() else None
    known = previous.output_hashes() if previous else {}
    conflicts, edited = [], []
    for name in files:
        target = folder / name
        if target.exists():
            if name not in known:
                conflicts.append(target)
            elif sha256(target.read_bytes()) != known[name]:
                edited.append(target)
    if edited and not force:
        raise OutputConflict(edited, "changed since advocate wrote them")
    if conflicts and not force:
        raise OutputConflict(conflicts, "already exist and were not written by advocate")

    kept: list[DocumentEntry] = []
    if previous:
        replaced = set(files)
        kept = [entry for entry in previous.documents if not any(o.path in replaced for o in entry.outputs)]
    merged = replace(manifest, documents=tuple(kept) + tuple(manifest.documents))

    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".advocate-staging-", dir=folder))
    try:
        for name, data in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        (staging / MANIFEST_NAME).write_text(merged.to_json(), encoding="utf-8")
        for name in files:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, folder / name)
        os.replace(staging / MANIFEST_NAME, folder / MANIFEST_NAME)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return merged
