"""One run at a time into an output folder: an advisory lock on the folder itself.

Two runs writing into one folder at once would mix their files and manifests. A run
takes an exclusive ``flock`` on the output folder (the directory itself, so no lock
file is left behind) for as long as it checks, stages and moves its files; a second
run finds it held and stops at once with :class:`~advocate.errors.OutputBusy`. The
operating system releases the lock when the holder exits, however it exits, so a
killed run never leaves a stale lock. Where ``fcntl`` does not exist (Windows) runs
are not locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from advocate.errors import OutputBusy

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for the body; raise :class:`OutputBusy` if another run holds it."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(
                f"{folder}: another advocate run is writing into this folder; "
                "nothing was written (run again when it has finished)"
            ) from None
        yield
    finally:
        os.close(handle)
