"""A case reads only the case: where a file a case names may be, and what it may be, checked before it is opened.

A case folder is shared (between colleagues, organisations, in git), so what it names
is not trusted: ``licence_data: [/proc/self/environ]`` or a link to ``~/.ssh`` must not be
read, and ``/dev/zero`` or a named pipe must not hang a run or fill the memory. So:

- a path a case names is relative, with no ``..``, and is looked for in the case folder,
  then in each data folder the user named on the command line (``--data DIR``);
- wherever it is found it must stay there once links are followed: a link inside the
  case to another file of the case is fine, a link out of it is refused;
- only regular files are read (a folder of licence data is read file by file, each
  checked the same way), and only up to a size: :data:`MAX_RECORD_BYTES` for the YAML
  record files, :data:`MAX_DATA_BYTES` for licence data.

Each check raises :class:`~advocate.errors.UnsafePath` with a message naming the path as the
case wrote it and what is wrong; no message quotes the file's content.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from advocate.errors import UnsafePath

MAX_RECORD_BYTES = 64 << 20
"""case.yaml, sources.yaml and the other record files: 64 MiB is tens of thousands of records."""
MAX_DATA_BYTES = 4 << 30
"""A licence data file: 4 GiB, many times the largest national release."""


@dataclass(frozen=True)
class CaseRoots:
    """The folders a case may read from: the case folder, then the data folders given on the command line."""

    case: Path
    data: tuple[Path, ...] = ()

    def folders(self) -> tuple[Path, ...]:
        return (self.case, *self.data)


def _size_text(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)  # pragma: no cover


def locate(roots: CaseRoots, written: str) -> tuple[Path, Path]:
    """Where the path ``written`` in the case is: (path, the folder it lies in).

    The first folder of ``roots`` that holds it wins; if none does, it is taken as in the case folder
    (so that "no such file" names where it was looked for).
    """
    if "\x00" in written:
        raise UnsafePath("the path holds a NUL character")
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute() or written.startswith("~"):
        raise UnsafePath(
            f"'{written}' is an absolute path; a case reads only files inside its folder "
            "(or inside a data folder named with --data DIR, given relative to it)"
        )
    parts = PurePosixPath(written.replace("\\", "/")).parts
    if ".." in parts:
        raise UnsafePath(
            f"'{written}' leads out of the case folder with '..'; give a path inside it, "
            "or name the folder that holds the data with --data DIR"
        )
    for folder in roots.folders():
        candidate = folder.joinpath(*parts) if parts else folder
        if os.path.lexists(candidate):
            return candidate, folder
    return (roots.case.joinpath(*parts) if parts else roots.case), roots.case


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError):  # a missing target, a loop of links
        return False


def place_of(roots: CaseRoots, folder: Path) -> str:
    """How a message names ``folder``: the case folder, or the data folder given."""
    return "the case folder" if folder == roots.case else f"the data folder {folder}"


def what_is(mode: int) -> str:
    """What a path that is not a regular file is, as an error names it (it is never read: a pipe would block)."""
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a named pipe"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is a device"


def check_file(path: Path, folder: Path, label: str, *, limit: int, place: str = "the case folder") -> None:
    """Raise :class:`UnsafePath` unless ``path`` is a regular file inside ``folder`` of at most ``limit`` bytes."""
    if path.is_symlink() and not path.exists():
        raise UnsafePath(f"{label}: is a link to a file that does not exist", not_a_file=True)
    if not _inside(path, folder):
        raise UnsafePath(
            f"{label}: is a link to a file outside {place}; a case reads only its own files "
            "(name another data folder with --data DIR)"
        )
    try:
        info = path.stat()
    except OSError as exc:
        raise UnsafePath(f"{label}: cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePath(f"{label}: {what_is(info.st_mode)}, not a file", not_a_file=True)
    if info.st_size > limit:
        raise UnsafePath(f"{label}: is {_size_text(info.st_size)}, more than advocate reads ({_size_text(limit)})")
    if not os.access(path, os.R_OK):
        raise UnsafePath(f"{label}: cannot be read (permission denied)")


def is_case_file(path: Path, folder: Path, *, limit: int = MAX_RECORD_BYTES) -> bool:
    """Whether ``path`` passes :func:`check_file` (for a reader that reports a missing file its own way)."""
    try:
        check_file(path, folder, str(path), limit=limit)
    except UnsafePath:
        return False
    return True


def check_folder(
    path: Path,
    folder: Path,
    label: str,
    *,
    pattern: str = "*.csv",
    limit: int = MAX_DATA_BYTES,
    place: str = "the case folder",
) -> None:
    """Raise :class:`UnsafePath` unless ``path`` is a folder inside ``folder`` whose files matching ``pattern``
    all pass :func:`check_file`."""
    if not _inside(path, folder):
        raise UnsafePath(
            f"{label}: is a link to a folder outside {place}; a case reads only its own files "
            "(name another data folder with --data DIR)"
        )
    try:
        entries = sorted(path.glob(pattern))
    except OSError as exc:
        raise UnsafePath(f"{label}: cannot be read ({exc.strerror or exc})") from None
    for entry in entries:
        check_file(entry, folder, f"{label.rstrip('/')}/{entry.name}", limit=limit, place=place)


def check_data(path: Path, folder: Path, label: str, *, place: str = "the case folder") -> None:
    """Licence data: a regular file, or a folder of them, inside ``folder``. A missing path is left to the reader."""
    if not os.path.lexists(path):
        return
    if path.is_dir() and _inside(path, folder):
        check_folder(path, folder, label, place=place)
    else:
        check_file(path, folder, label, limit=MAX_DATA_BYTES, place=place)
