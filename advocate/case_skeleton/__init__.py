"""Starting a case folder: a commented example of every record kind, or a copy of a shipped example case."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from advocate.errors import FolderNotEmpty, UnknownExample
from advocate.resources import case_skeleton, shipped_examples


def example_names() -> list[str]:
    """The shipped example cases."""
    return sorted(
        entry.name for entry in shipped_examples().iterdir() if entry.is_dir() and not entry.name.startswith("_")
    )


def _copy_tree(source: Traversable, target: Path) -> list[Path]:
    written = []
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(("__", ".")):
            continue
        destination = target / entry.name
        if entry.is_dir():
            destination.mkdir()
            written += _copy_tree(entry, destination)
        else:
            destination.write_bytes(entry.read_bytes())
            written.append(destination)
    return written


def init_case(path: str | Path, *, example: str | None = None) -> list[Path]:
    """Write a new case folder at ``path`` and return the files written.

    With ``example``, copy that shipped example case instead of the skeleton.
    Refuses (:class:`FolderNotEmpty`) if the folder exists and is not empty.
    """
    target = Path(path)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FolderNotEmpty(f"{target} already exists and is not empty; nothing was written")
    if example is not None and example not in example_names():
        raise UnknownExample(f"no shipped example called '{example}'; examples: {', '.join(example_names())}")
    source = case_skeleton() if example is None else shipped_examples() / example
    target.mkdir(parents=True, exist_ok=True)
    return _copy_tree(source, target)
