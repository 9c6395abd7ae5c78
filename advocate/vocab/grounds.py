"""The grounds of challenge a letter before claim can argue, by id (``claim: grounds:`` in case.yaml).

Each ground's argument is a template partial (``letter_templates/_ground_<id>.md.j2``) a
lawyer can edit; this table gives its title and one-line summary, and tells the
validator which ids exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from advocate.resources import read_vocab_table


@dataclass(frozen=True)
class Ground:
    """One ground of challenge."""

    id: str
    title: str
    summary: str


@lru_cache(maxsize=1)
def grounds() -> dict[str, Ground]:
    """Every ground, by id, in the table's order."""
    return {row["id"]: Ground(row["id"], row["title"], row["summary"]) for row in read_vocab_table("grounds.csv")}
