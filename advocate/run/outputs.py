"""Writing a run's files: all or nothing, one run at a time, and never over a file the user changed.

Every file of a run is rendered in memory first. Then, holding the output folder's
lock (:mod:`advocate.run.output_lock`), a run

1. completes a run into the same folder that a kill interrupted, and deletes stale
   staging folders (:func:`advocate.run.journal.recover`);
2. checks every target before anything moves: a file already there is replaced only if
   the folder's manifest shows advocate wrote it and it is unchanged since (the
   manifest itself only if it is advocate's, unedited); a file the user edited (a letter
   revised in Word) or put there stops the run unless ``force`` is given; a folder, a
   link or a special file where a file should go stops it even with ``force``;
3. writes everything to a staging folder inside the output folder; a full disk or a
   refused write stops the run here, the old files intact;
4. writes the journal (the commit point) and moves the files into place, the manifests last.

A run may write more than one set: the public documents with their manifest in the
output folder, and privileged documents with their own manifest in a subfolder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from advocate.errors import OutputConflict, OutputUnwritable
from advocate.run.journal import JOURNAL_NAME, STAGING_PREFIX, Journal, complete, recover, write_journal
from advocate.run.manifest import MANIFEST_NAME, DocumentEntry, Manifest, manifest_on_disk
from advocate.run.output_lock import output_lock


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class OutputSet:
    """Files (name → bytes) and the manifest listing them, in ``subfolder`` of the output folder (``""``: itself)."""

    subfolder: str
    files: dict[str, bytes]
    manifest: Manifest


@dataclass
class _Findings:
    edited: list[Path]
    foreign: list[Path]
    blocked: list[Path]


def write_outputs(folder: str | Path, files: dict[str, bytes], manifest: Manifest, *, force: bool = False) -> Manifest:
    """Write ``files`` (name → bytes) and the manifest into ``folder``; returns the manifest written.

    Documents of an earlier manifest whose files this run does not replace are kept in it.
    """
    return write_output_sets(folder, (OutputSet("", files, manifest),), force=force)[0]


def write_output_sets(folder: str | Path, sets: tuple[OutputSet, ...], *, force: bool = False) -> tuple[Manifest, ...]:
    """Write every set (its files and its manifest) into ``folder``, all of them or nothing; the manifests written.

    Raises :class:`OutputConflict` (a file the user changed or put there, or a folder where a file goes),
    :class:`~advocate.errors.OutputBusy` (another run is writing there) or :class:`OutputUnwritable`
    (no folder can be made there, no permission, a full disk); in each case the folder is left as it was.
    """
    root = Path(folder)
    _make_folder(root)
    with output_lock(root):
        try:
            recover(root)
            findings = _Findings([], [], [])
            merged = tuple(_merge(root, output_set, findings) for output_set in sets)
        except OSError as exc:
            raise OutputUnwritable(
                f"{root}: cannot read the folder ({exc.strerror or exc}); nothing was written"
            ) from None
        if findings.blocked:
            raise OutputConflict(
                findings.blocked,
                "are folders, links or special files where advocate writes a file; "
                "advocate never replaces them, even with --force",
            )
        if findings.edited and not force:
            raise OutputConflict(findings.edited, "changed since advocate wrote them")
        if findings.foreign and not force:
            raise OutputConflict(findings.foreign, "already exist and were not written by advocate")
        journal = _stage(root, sets, merged)
        try:
            complete(root, journal)
        except OSError as exc:
            raise OutputUnwritable(
                f"{root}: the run stopped while moving files into place ({exc.strerror or exc}); "
                "the next run into this folder completes it"
            ) from None
    return merged


def _make_folder(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise OutputUnwritable(f"{root}: is a file, not a folder; nothing was written")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputUnwritable(f"{root}: cannot make the folder ({exc.strerror or exc}); nothing was written") from None


def _merge(root: Path, output_set: OutputSet, findings: _Findings) -> Manifest:
    """The set's manifest with the earlier documents it keeps; every problem with its targets goes in ``findings``."""
    base = root / output_set.subfolder if output_set.subfolder else root
    for name in (*output_set.files, MANIFEST_NAME):
        if not _safe_name(name):
            raise OutputUnwritable(f"{name!r}: not a file name advocate writes; nothing was written")
    if _obstacle(root, base, inside=True):
        findings.blocked.append(base)
        return output_set.manifest
    found = manifest_on_disk(base) if base.is_dir() else None
    known: dict[str, str] = {}
    if found is not None and found.ours and found.manifest is not None:
        known = found.manifest.output_hashes()
    elif found is not None and found.standing == "edited":
        findings.edited.append(base / MANIFEST_NAME)
    elif found is not None and found.standing == "foreign":
        findings.foreign.append(base / MANIFEST_NAME)
    for name in output_set.files:
        target = base / name
        if _obstacle(base, target.parent, inside=True) or _obstacle(base, target, inside=False):
            findings.blocked.append(target)
            continue
        if not os.path.lexists(target):
            continue
        if name not in known:
            findings.foreign.append(target)
        elif _file_sha256(target) != known[name]:
            findings.edited.append(target)
    kept: list[DocumentEntry] = []
    if found is not None and found.ours and found.manifest is not None:
        replaced = set(output_set.files)
        for entry in found.manifest.documents:
            outputs = tuple(o for o in entry.outputs if o.path not in replaced)
            if outputs:
                kept.append(replace(entry, outputs=outputs))
    return replace(output_set.manifest, documents=tuple(kept) + tuple(output_set.manifest.documents))


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        bool(name)
        and "\\" not in name
        and "\x00" not in name
        and not name.startswith("/")
        and all(part not in ("", ".", "..") for part in parts)
    )


def _obstacle(root: Path, path: Path, *, inside: bool) -> bool:
    """Whether ``path`` (a folder to write into if ``inside``, else a file to replace) cannot take advocate's file.

    A folder must be a real folder (not a link out) at every level below ``root``; a file must be absent,
    a regular file or a link (a link is replaced, never followed).
    """
    if inside:
        current = root
        for part in path.relative_to(root).parts:
            current = current / part
            try:
                mode = current.lstat().st_mode
            except FileNotFoundError:
                return False
            if not stat.S_ISDIR(mode):
                return True
        return False
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISLNK(mode))


def _file_sha256(path: Path) -> str:
    if path.is_symlink():
        return ""  # advocate never writes links: a link is never its own file
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stage(root: Path, sets: tuple[OutputSet, ...], merged: tuple[Manifest, ...]) -> Journal:
    """Write every file to a staging folder and commit the journal; on any failure remove it and change nothing."""
    staging: Path | None = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        moves: list[tuple[str, str]] = []
        manifests: list[tuple[str, str]] = []
        for index, (output_set, manifest) in enumerate(zip(sets, merged, strict=True)):
            prefix = f"{output_set.subfolder}/" if output_set.subfolder else ""
            for name, data in output_set.files.items():
                staged = staging / f"f{len(moves):06d}"
                staged.write_bytes(data)
                moves.append((f"{staging.name}/{staged.name}", prefix + name))
            staged = staging / f"manifest-{index}.json"
            staged.write_text(manifest.to_json(), encoding="utf-8")
            manifests.append((f"{staging.name}/{staged.name}", prefix + MANIFEST_NAME))
        journal = Journal(staging.name, tuple(moves + manifests))
        write_journal(root, journal)
        return journal
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        (root / (JOURNAL_NAME + ".tmp")).unlink(missing_ok=True)
        raise OutputUnwritable(f"{root}: cannot write the files ({exc.strerror or exc}); nothing was changed") from None
