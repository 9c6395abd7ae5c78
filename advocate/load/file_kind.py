"""Whether a path a case names can be read as a file, said so that the user knows what is there instead.

A case folder's files are read only if they are regular files: a folder, a
device, a named pipe (whose reading would block for ever) or a socket in the
place of ``abuses.yaml`` is named as what it is, never read and never silently
skipped; so is a link that points nowhere.
"""

from __future__ import annotations

import stat
from pathlib import Path


def not_a_file(path: Path) -> str | None:
    """Why ``path``, which is there, cannot be read as a file; ``None`` if it is a regular file or is not there."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "is a link to a file that does not exist" if path.is_symlink() else None
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is a device, not a file"
