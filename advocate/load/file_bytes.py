"""Reading a data file's bytes, with a plain one-line reason when it cannot be read.

A missing file, a folder, a device or named pipe in place of a file, or a file the
user may not read each give :class:`UnreadableFile`, never an ``OSError`` traceback.
Only regular files are opened, so a named pipe can never block a run.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from advocate.load.case_paths import what_is


class UnreadableFile(ValueError):
    """The file cannot be read at all; the message says why in a few words ("no such file", "permission denied")."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot be read: {exc.strerror or exc}"


def check_readable(path: Path) -> None:
    """Raise :class:`UnreadableFile` unless ``path`` is a regular file (following links)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise UnreadableFile(_reason(exc)) from None
    if not stat.S_ISREG(mode):
        raise UnreadableFile(f"{what_is(mode)}, not a file")


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular file, or :class:`UnreadableFile` saying why not."""
    check_readable(Path(path))
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(_reason(exc)) from None
