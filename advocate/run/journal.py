"""Moving a staged run into place so that a kill at any moment leaves it complete or absent.

A run writes every file into a staging folder (``.advocate-staging-*``) inside the
output folder. Then, as its commit point, it writes a journal
(``.advocate-journal.json``, atomically: a temporary file renamed into place) listing
every move from the staging folder to its final name, the manifests last. Only then
does it move the files, and when all are moved it deletes the journal and the
staging folder.

A run killed before the journal exists leaves the old files as they were and a staging
folder that the next run into the folder deletes. A run killed after it leaves a
journal, and the next run into the folder first completes the moves the journal lists
(:func:`recover`), so the folder then holds the whole new set and its manifest.
A journal is followed only if every move in it stays inside the output folder and
comes from its own staging folder; anything else is refused, not acted on.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from advocate.errors import OutputUnwritable

JOURNAL_NAME = ".advocate-journal.json"
STAGING_PREFIX = ".advocate-staging-"


@dataclass(frozen=True)
class Journal:
    """The moves that complete a run: (path in the staging folder, final path), both relative to the output folder."""

    staging: str
    moves: tuple[tuple[str, str], ...]


def _safe_relative(text: object) -> bool:
    if not isinstance(text, str) or not text or "\\" in text or "\x00" in text:
        return False
    path = PurePosixPath(text)
    return not path.is_absolute() and all(part not in ("", ".", "..") for part in path.parts)


def write_journal(folder: Path, journal: Journal) -> None:
    """Write the journal atomically and durably: from this moment the run will complete, even if killed."""
    temporary = folder / (JOURNAL_NAME + ".tmp")
    data = json.dumps({"staging": journal.staging, "moves": [list(move) for move in journal.moves]}, indent=1)
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, folder / JOURNAL_NAME)
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - a platform that cannot open folders
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(handle)


def read_journal(folder: Path) -> Journal | None:
    """The journal a killed run left in ``folder``, or ``None``; one that is not advocate's is an error."""
    path = folder / JOURNAL_NAME
    if not path.exists() and not path.is_symlink():
        return None
    where = f"{path}: not a journal advocate wrote; nothing was written (remove it if you know what it is)"
    if path.is_symlink() or not path.is_file() or path.stat().st_size > (64 << 20):
        raise OutputUnwritable(where)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        staging = data["staging"]
        moves = tuple((source, target) for source, target in data["moves"])
    except (ValueError, KeyError, TypeError):
        raise OutputUnwritable(where) from None
    if not (
        isinstance(staging, str)
        and staging.startswith(STAGING_PREFIX)
        and _safe_relative(staging)
        and "/" not in staging
    ):
        raise OutputUnwritable(where)
    for source, target in moves:
        if not (_safe_relative(source) and _safe_relative(target) and source.startswith(staging + "/")):
            raise OutputUnwritable(where)
    return Journal(staging, moves)


def complete(folder: Path, journal: Journal) -> None:
    """Make every move the journal lists that is not yet made, then delete the journal and the staging folder.

    Every move must stay inside ``folder``: a staging folder or a subfolder that is a link elsewhere is refused.
    """
    inside = folder.resolve()
    if (folder / journal.staging).is_symlink():
        raise OutputUnwritable(f"{folder / journal.staging}: is a link; nothing was written")
    for source, target in journal.moves:
        staged = folder / source
        if not staged.exists():
            continue  # moved before the kill
        final = folder / target
        final.parent.mkdir(parents=True, exist_ok=True)
        if not (staged.resolve().is_relative_to(inside) and final.parent.resolve().is_relative_to(inside)):
            raise OutputUnwritable(f"{final}: lies outside {folder}; nothing was written")
        os.replace(staged, final)
    _sync_folder(folder)
    (folder / JOURNAL_NAME).unlink(missing_ok=True)
    shutil.rmtree(folder / journal.staging, ignore_errors=True)


def recover(folder: Path) -> bool:
    """Complete a run a kill interrupted, and delete staging folders no journal names. True if a run was completed.

    Call only while holding the folder's lock (:mod:`advocate.run.output_lock`): then no other run is staging.
    """
    journal = read_journal(folder)
    if journal is not None:
        try:
            complete(folder, journal)
        except OSError as exc:
            raise OutputUnwritable(
                f"{folder}: an earlier run was interrupted and cannot be completed "
                f"({exc.strerror or exc}); nothing was written"
            ) from None
    (folder / (JOURNAL_NAME + ".tmp")).unlink(missing_ok=True)
    for stale in folder.glob(STAGING_PREFIX + "*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        elif stale.is_symlink() or stale.is_file():
            stale.unlink(missing_ok=True)
    return journal is not None
