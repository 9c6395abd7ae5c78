"""Where the files shipped with the package live, in a checkout and in an installed wheel alike.

``letter_templates/`` and ``evidence/`` sit at the top of the repository, where
users edit them; ``pyproject.toml`` maps them into the package as
``advocate.letter_templates`` and ``advocate.evidence`` so that a wheel carries them.
"""

from __future__ import annotations

import csv
import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def vocab_file(name: str) -> Traversable:
    """A shipped vocabulary table (``advocate/vocab/data/NAME``)."""
    return files("advocate.vocab") / "data" / name


def case_skeleton() -> Traversable:
    """The commented example files that ``advocate init`` copies."""
    return files("advocate.case_skeleton")


def shipped_templates() -> Traversable:
    """The shipped Jinja templates (``letter_templates/``)."""
    return files("advocate.letter_templates")


def shipped_examples() -> Traversable:
    """The shipped example cases (``evidence/``)."""
    return files("advocate.evidence")


def read_vocab_table(name: str) -> list[dict[str, str]]:
    """Rows of a shipped CSV vocabulary table, as dictionaries."""
    with vocab_file(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def user_cache_dir() -> Path:
    """Where advocate keeps what it can compute again but need not (``$XDG_CACHE_HOME/advocate``, else
    ``~/.cache/advocate``): never anything a document depends on being there."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "advocate"
